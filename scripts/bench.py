"""`make bench`: build synthetic corpora of N requests and write build/bench.md with what each stage costs.

For each N (1,000 and 5,000 unless --sizes says otherwise) a corpus from `scripts.synth` is built in a project under
build/bench/ (the project's build folder, not /tmp; --work elsewhere), each build in a fresh process: a clean full build
(each stage's wall time and peak memory), the bare MkDocs reference (`mkdocs build` of the same generated docs with the
same mkdocs.yml, in the same run), a rebuild with nothing changed, then one request edited, one added and one deleted,
each end to end (MkDocs and search included, with the number of files rewritten), then the page weights and the size
of build/, and the issue's targets checked. Figures are medians of --repeat runs. The synthetic requests are never
published.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from .build.build import ROOT
from .synth import codes, make_project, write_request

BENCH_MD = ROOT / "build" / "bench.md"
WORK = ROOT / "build" / "bench"  # the corpora and their builds: under the project's build/, which `make clean` removes
STAGES = ["load and check", "write packages", "frictionless validate", "render pages", "mkdocs build"]


def timed_child(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str]:
    """Run a command; its wall seconds, its own peak memory in MB (wait4) and its output. Fails loudly."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = child.stdout.read()
    child.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({child.returncode}):\n{out[-3000:]}")
    return wall, usage.ru_maxrss / 1024, out


def run_build(root: Path, jobs: int | None) -> dict:
    """One build of `root` in a fresh process: wall seconds and the build's own stage figures."""
    timings = root / "timings.json"
    cmd = [sys.executable, "-m", "scripts.build", "--root", str(root), "--timings", str(timings)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    wall, maxrss, _ = timed_child(cmd, ROOT, {**os.environ, "PYTHONPATH": str(ROOT)})
    figures = json.loads(timings.read_text(encoding="utf-8"))
    timings.unlink()
    before = [v for k, v in figures["peak_mb"].items() if k not in AFTER_MKDOCS]
    return {"wall": wall, **figures, "pre_mkdocs_peak_mb": max(before or [0]), "process_maxrss_mb": maxrss}


def bare_mkdocs(root: Path) -> dict:
    """The floor: MkDocs alone on the docs the build generated, with the same mkdocs.yml, into a throw-away folder."""
    with tempfile.TemporaryDirectory(dir=root) as site:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        wall, maxrss, _ = timed_child([sys.executable, "-m", "mkdocs", "build", "--config-file", str(root / "mkdocs.yml"),
                                       "--site-dir", site], root, env)
    return {"wall": wall, "maxrss_mb": maxrss}


def file_states(build_dir: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every published file, by path: what a rebuild must leave alone when bytes do not change."""
    top = build_dir / "current"
    out = {}
    for folder, dirs, files in os.walk(top):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            st = os.lstat(Path(folder) / name)
            out[str(Path(folder, name).relative_to(top))] = (st.st_ino, st.st_mtime_ns)
    return out


def rewritten(before: dict[str, tuple[int, int]], build_dir: Path) -> dict[str, int]:
    """Files of the new build that are new or were written again, split by top folder."""
    counts = {"datapackages": 0, "site": 0}
    for path, state in file_states(build_dir).items():
        if before.get(path) != state:
            top = path.split(os.sep)[0]
            counts[top] = counts.get(top, 0) + 1
    return counts


def change_one(root: Path, k: int) -> str:
    """Change one curated request (its title) as a curator's correction would; return its id."""
    folders = sorted(p for p in (root / "datapackages").iterdir() if p.name != "reference")
    folder = folders[(k * 7919) % len(folders)]
    path = folder / "request.yaml"
    mark = "corrected" + " again" * k  # words, not digits: curated text may only state numbers the response writes
    path.write_text(re.sub(r"^title: (.*)$", rf"title: \1 ({mark})", path.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    return folder.name


def add_one(root: Path, k: int) -> str:
    """Add a new synthetic request (one number past the corpus); return its id."""
    datapackages = root / "datapackages"
    n = sum(1 for p in datapackages.iterdir() if p.name != "reference")
    return write_request(n + 1000 + k, datapackages, codes(datapackages / "reference"))


def delete_one(root: Path, k: int) -> str:
    """Delete one curated request, as a curator withdrawing it would; return its id."""
    folders = sorted(p for p in (root / "datapackages").iterdir() if p.name != "reference")
    folder = folders[(k * 104729 + 1) % len(folders)]
    shutil.rmtree(folder)
    return folder.name


PAGE_TARGET = 64 * 1024  # issue 27: a request page's p99 stays under 64 KB and does not grow with the corpus


def page_weights(site: Path) -> dict:
    """HTML bytes of request pages (median, 99th percentile, largest, how many pass the target) and of every browse page
    (largest of each kind)."""
    requests = [p.stat().st_size for p in site.glob("requests/*/index.html")]
    browse = {}
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("requests/", "data/", "assets/", "pagefind/", "charts/")) and rel != "requests/index.html" \
                and not rel.startswith("requests/page/"):
            continue
        top = rel.split("/")[0] if "/" in rel else rel
        kind = top if rel in (f"{top}/index.html", top) else f"{top}/*"  # an index page, or the pages of its lists
        size = page.stat().st_size
        count, largest = browse.get(kind, (0, 0))
        browse[kind] = (count + 1, max(largest, size))
    ranked = sorted(requests)
    return {"request_median": statistics.median(requests), "request_p99": ranked[max(0, math.ceil(len(ranked) * .99) - 1)],  # nearest rank
            "request_max": ranked[-1], "request_over": sum(size > PAGE_TARGET for size in ranked), "browse": browse}


def search_weight(site: Path) -> dict:
    """Bytes a reader downloads to search: MkDocs' search loads one whole index; Pagefind only the fragments a query needs."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        return {"kind": "mkdocs search index (loaded whole)", "bytes": index.stat().st_size}
    if (site / "pagefind").is_dir():
        from .site.search_weight import CHROMIUM, query_bytes
        if not Path(CHROMIUM).exists():
            return {"kind": "Pagefind (not measured: no Chromium at " + CHROMIUM + ")", "bytes": 0}
        return {"kind": "Pagefind, one query", "bytes": query_bytes(site, "grooming")}
    return {"kind": "none", "bytes": 0}


def disk_bytes(folder: Path) -> int:
    """Bytes under a folder on disk: hard-linked files once, links not followed."""
    seen, total = set(), 0
    for here, _, files in os.walk(folder):
        for name in files:
            st = os.lstat(Path(here) / name)
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def one_round(root: Path, k: int, jobs: int | None) -> dict:
    """A clean build, the bare MkDocs reference, a rebuild with nothing changed and one after changing a request."""
    subprocess.run(["rm", "-rf", str(root / "build"), str(root / "docs" / "generated")], check=True)
    full = run_build(root, jobs)
    keep(root, k, {"full": full})
    bare = bare_mkdocs(root)
    before = file_states(root / "build")
    same = run_build(root, jobs)
    same["rewritten"] = rewritten(before, root / "build")
    out = {"full": full, "bare": bare, "same": same}
    keep(root, k, out)
    for step, change in (("one", change_one), ("added", add_one), ("deleted", delete_one)):
        before = file_states(root / "build")
        changed_id = change(root, k)
        out[step] = run_build(root, jobs)
        out[step]["rewritten"] = rewritten(before, root / "build")
        out[step]["changed"] = changed_id
        keep(root, k, out)
    return out


def keep(root: Path, k: int, figures: dict) -> None:
    """Write the round's figures so far beside the corpus, so a run cut short still leaves them."""
    (root.parent / f"{root.name}-round{k + 1}.json").write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")


def measure(n: int, repeat: int, jobs: int | None, work: Path) -> dict:
    """Every figure for a corpus of n requests (medians over `repeat` rounds)."""
    shutil.rmtree(work / f"n{n}", ignore_errors=True)
    root = make_project(n, work / f"n{n}")
    rounds = []
    for k in range(repeat):
        rounds.append(one_round(root, k, jobs))
        print(f"  N={n} round {k + 1}/{repeat}: full {rounds[-1]['full']['wall']:.1f} s, bare mkdocs {rounds[-1]['bare']['wall']:.1f} s, "
              f"edited {rounds[-1]['one']['wall']:.1f} s, added {rounds[-1]['added']['wall']:.1f} s, deleted {rounds[-1]['deleted']['wall']:.1f} s",
              file=sys.stderr, flush=True)
    site = root / "build" / "site"
    return {"n": n, "rounds": rounds, "weights": page_weights(site), "search": search_weight(site),
            "build_bytes": disk_bytes(root / "build"), "datapackages_bytes": disk_bytes(root / "build" / "current" / "datapackages"),
            "site_bytes": disk_bytes(root / "build" / "current" / "site")}


def med(rounds: list[dict], *keys) -> float:
    """Median of one figure over the rounds (0 when a round lacks it)."""
    values = []
    for r in rounds:
        v = r
        for key in keys:
            v = v.get(key, 0) if isinstance(v, dict) else 0
        values.append(v or 0)
    return statistics.median(values)


AFTER_MKDOCS = {"mkdocs build", "site: link unchanged pages", "search index", "search index (waiting)", "search index (beside MkDocs)",
                "site: keep unchanged files", "exports (waiting)", "validate (waiting)", "record the published files"}


def pre_mkdocs(figures: dict) -> float:
    """Wall seconds of the stages before MkDocs (the build's own work; validation that overlaps MkDocs is not counted)."""
    return sum(v for k, v in figures["seconds"].items() if k not in AFTER_MKDOCS)


def report(results: list[dict], repeat: int, jobs: int | None, load: tuple[list[float], list[float]]) -> str:
    """build/bench.md: the figures as Markdown tables."""
    stages = list(dict.fromkeys(k for r in results for rd in r["rounds"] for k in rd["full"]["seconds"]))
    workers = list(dict.fromkeys(k for r in results for rd in r["rounds"] for k in rd["full"]["cpu"] if k.endswith("(workers)")))
    lines = ["# Build benchmark (synthetic corpora from scripts/synth)", "",
             f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, --jobs {jobs or 'default'}, "
             f"medians of {repeat} round(s). Load average (1, 5, 15 min) at start {load[0]}, at end {load[1]} "
             "(the machine is shared: other builds and tests run beside this one).", "",
             "## Clean build", "",
             "| requests | full build s | bare mkdocs s | ratio | before MkDocs s | " + " | ".join(f"{s} s" for s in stages)
             + " | " + " | ".join(f"{w} CPU s" for w in workers)
             + " | peak before MkDocs MB | MkDocs peak MB | bare MkDocs peak MB |",
             "|---:|---:|---:|---:|---:|" + "---:|" * (len(stages) + len(workers)) + "---:|---:|---:|"]
    for r in results:
        rd = r["rounds"]
        full, bare = med(rd, "full", "wall"), med(rd, "bare", "wall")
        lines.append(f"| {r['n']:,} | {full:.1f} | {bare:.1f} | {full / bare:.2f}× | {statistics.median(pre_mkdocs(x['full']) for x in rd):.1f} | "
                     + " | ".join(f"{med(rd, 'full', 'seconds', s):.1f}" for s in stages) + " | "
                     + " | ".join(f"{med(rd, 'full', 'cpu', w):.1f}" for w in workers)
                     + f" | {med(rd, 'full', 'pre_mkdocs_peak_mb'):.0f} | {med(rd, 'full', 'notes', 'mkdocs_maxrss_mb'):.0f}"
                     + f" | {med(rd, 'bare', 'maxrss_mb'):.0f} |")
    lines += ["", "Stage times are wall seconds of the main process, in build order; `(workers)` columns are the CPU seconds the "
              "worker processes spent on that stage, summed over them (they run on --jobs cores; validation runs beside page "
              "rendering and MkDocs, and `validate (waiting)` is what was left of it after MkDocs). Before MkDocs = the stages up "
              "to and including page rendering. Peak before MkDocs is the sampled memory (PSS) of the build and its worker "
              "processes together; MkDocs' own peak is its maximum resident set, from wait4 on its process.",
              "", "## Rebuilds", "",
              "| requests | rebuild | end to end s | before MkDocs s | MkDocs s | pages MkDocs rendered | search index (beside MkDocs) s "
              "| peak before MkDocs MB | MkDocs peak MB | files rewritten (packages / site) |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rd = r["rounds"]
        for step, label in REBUILDS:
            rw = f"{med(rd, step, 'rewritten', 'datapackages'):.0f} / {med(rd, step, 'rewritten', 'site'):.0f}"
            lines.append(f"| {r['n']:,} | {label} | {med(rd, step, 'wall'):.1f} | {statistics.median(pre_mkdocs(x[step]) for x in rd):.1f} "
                         f"| {med(rd, step, 'seconds', 'mkdocs build'):.1f} | {med(rd, step, 'counts', 'pages rendered by mkdocs'):.0f} "
                         f"| {med(rd, step, 'seconds', 'search index (beside MkDocs)'):.1f} | {med(rd, step, 'pre_mkdocs_peak_mb'):.0f} "
                         f"| {med(rd, step, 'notes', 'mkdocs_maxrss_mb'):.0f} | {rw} |")
    lines += ["", "## Peak memory of every stage (MB, clean build)", "",
              "| requests | " + " | ".join(stages) + " |", "|---:|" + "---:|" * len(stages)]
    for r in results:
        rd = r["rounds"]
        lines.append(f"| {r['n']:,} | " + " | ".join(f"{med(rd, 'full', 'peak_mb', s):.0f}" for s in stages) + " |")
    lines += ["", "## Page weights and size", "",
              "| requests | request page HTML KB (median / p99 / largest) | request pages over 64 KB | search data for one query KB "
              "| build/ MB | packages MB | site MB |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        w = r["weights"]
        lines.append(f"| {r['n']:,} | {w['request_median'] / 1024:.1f} / {w['request_p99'] / 1024:.1f} / {w['request_max'] / 1024:.1f} "
                     f"| {w['request_over']:,} | {r['search']['bytes'] / 1024:.0f} "
                     f"({r['search']['kind']}) | {r['build_bytes'] / 2**20:.0f} | {r['datapackages_bytes'] / 2**20:.0f} | {r['site_bytes'] / 2**20:.0f} |")
    lines += ["", "Browse pages (count and largest HTML, KB):", "", "| requests | " + " | ".join(sorted(results[0]["weights"]["browse"])) + " |",
              "|---:|" + "---:|" * len(results[0]["weights"]["browse"])]
    for r in results:
        b = r["weights"]["browse"]
        cells = [f"{b[k][0]} × ≤{b[k][1] / 1024:.0f}" if k in b else "-" for k in sorted(results[0]["weights"]["browse"])]
        lines.append(f"| {r['n']:,} | " + " | ".join(cells) + " |")
    lines += targets(results)
    lines += ["", "<details><summary>All figures (JSON)</summary>", "", "```json", json.dumps(results, indent=1, default=str), "```", "</details>", ""]
    return "\n".join(lines)


REBUILDS = (("same", "nothing changed"), ("one", "one request edited"), ("added", "one request added"), ("deleted", "one request deleted"))


def targets(results: list[dict]) -> list[str]:
    """Issue 27's acceptance figures at the largest size, each against its target."""
    big, small = results[-1], results[0]
    rd = big["rounds"]
    one_change = max(med(rd, step, "wall") for step in ("one", "added", "deleted"))
    before_one = max(statistics.median(pre_mkdocs(x[step]) for x in rd) for step in ("one", "added", "deleted"))
    ratio = med(rd, "full", "wall") / med(rd, "bare", "wall")
    memory = max(med(rd, step, "pre_mkdocs_peak_mb") for step in ("full", "same", "one", "added", "deleted"))
    browse = max(largest for _, largest in big["weights"]["browse"].values())
    p99, p99_small = big["weights"]["request_p99"], small["weights"]["request_p99"]
    rows = [("one change end to end (slowest of edit, add, delete)", f"{one_change:.1f} s", "≤ 20 s", one_change <= 20),
            ("stages before MkDocs for one change", f"{before_one:.1f} s", "< 5 s", before_one < 5),
            ("nothing changed", f"{med(rd, 'same', 'wall'):.1f} s", "≤ 2 s", med(rd, "same", "wall") <= 2),
            ("clean build / bare MkDocs", f"{ratio:.2f}×", "≤ 2.0×", ratio <= 2.0),
            ("peak memory before MkDocs (any build)", f"{memory:.0f} MB", "≤ 400 MB", memory <= 400),
            (f"request page p99 ({small['n']:,} → {big['n']:,})", f"{p99_small / 1024:.1f} → {p99 / 1024:.1f} KB",
             "< 64 KB, not growing", p99 < PAGE_TARGET and p99 <= p99_small * 1.02),
            ("largest browse page", f"{browse / 1024:.0f} KB", "≤ 250 KB", browse <= 250 * 1024)]
    lines = ["", f"## Targets at {big['n']:,} requests (issue 27)", "", "| figure | measured | target | met |", "|---|---:|---:|---|"]
    lines += [f"| {name} | {value} | {target} | {'yes' if ok else '**no**'} |" for name, value, target, ok in rows]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated corpus sizes, e.g. 20,50 in CI")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per size; the report gives medians")
    parser.add_argument("--jobs", type=int, help="worker processes for the build (default: the build's own)")
    parser.add_argument("--out", type=Path, default=BENCH_MD, help="where to write the report")
    parser.add_argument("--work", type=Path, default=WORK, help=f"where the corpora and their builds go (default {WORK})")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    load_start = [round(x, 2) for x in os.getloadavg()]
    args.work = args.work.resolve()  # the builds run with the corpus as their working folder
    args.work.mkdir(parents=True, exist_ok=True)
    results = [measure(n, args.repeat, args.jobs, args.work) for n in sizes]
    text = report(results, args.repeat, args.jobs, (load_start, [round(x, 2) for x in os.getloadavg()]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text.split("<details>")[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
