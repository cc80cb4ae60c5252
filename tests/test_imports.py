"""The tree is the map: scripts/ imports run one way, tools -> build -> site -> packages -> curated -> common, with no cycle.

Read with `ast` from the source, lazy imports inside functions included, so a cycle cannot hide in a function body."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
# Each stage may import its own modules and the stages after it in this list, never one before it.
ORDER = ("tools", "build", "site", "packages", "curated", "common")
STAGES = {"build", "site", "packages", "curated", "common"}  # packages of their own; the rest of scripts/ is tools


def module_name(path: Path, top: Path = SCRIPTS) -> str:
    parts = list(path.relative_to(top.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else "tools"


def imports_of(path: Path, modules: set[str], top: Path = SCRIPTS) -> set[str]:
    """The project modules one file imports (resolved to modules that exist; `from . import x` names x)."""
    name = module_name(path, top)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            targets = [f"{source}.{a.name}" for a in node.names] + [source]
        else:
            continue
        for target in targets:
            while target and target not in modules and "." in target:
                target = target.rpartition(".")[0]
            if target in modules and target != name:
                found.add(target)
                break
    return found


def graph(top: Path = SCRIPTS) -> dict[str, set[str]]:
    files = {module_name(p, top): p for p in sorted(top.rglob("*.py"))}
    modules = set(files)
    return {name: imports_of(path, modules, top) for name, path in files.items()}


def against_order(g: dict[str, set[str]]) -> list[str]:
    """Every import of an earlier stage by a later one."""
    return [f"{a} ({stage_of(a)}) imports {b} ({stage_of(b)})" for a, deps in sorted(g.items()) for b in sorted(deps)
            if ORDER.index(stage_of(b)) < ORDER.index(stage_of(a))]


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles (strongly connected components of more than one module, or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in g.get(v, ()):
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def depth(g: dict[str, set[str]]) -> int:
    """The longest chain of imports (modules on it), for the README's figures."""
    memo: dict[str, int] = {}

    def d(v: str) -> int:
        if v not in memo:
            memo[v] = 0
            memo[v] = 1 + max((d(w) for w in g.get(v, ())), default=0)
        return memo[v]

    return max(d(v) for v in g)


def test_imports_run_one_way():
    assert against_order(graph()) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_checks_fail_on_a_cycle_and_on_an_import_against_the_order(tmp_path):
    top = tmp_path / "scripts"
    for folder in ("curated", "site"):
        (top / folder).mkdir(parents=True)
        (top / folder / "__init__.py").write_text('"""x"""\n')
    (top / "__init__.py").write_text("")
    (top / "curated" / "a.py").write_text("from . import b\n")
    (top / "curated" / "b.py").write_text("def f():\n    from .a import f\n")  # a lazy import closes the cycle
    (top / "curated" / "c.py").write_text("from ..site.page import x\n")  # curated may not import the site
    (top / "site" / "page.py").write_text("x = 1\n")
    g = graph(top)
    assert cycles(g) == [["scripts.curated.a", "scripts.curated.b"]]
    assert against_order(g) == ["scripts.curated.c (curated) imports scripts.site.page (site)"]


def test_every_stage_says_what_enters_and_leaves_it():
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((SCRIPTS / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"scripts/{stage}/__init__.py has no docstring"
