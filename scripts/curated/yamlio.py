"""Read curated YAML strictly: no aliases, no implicit dates, no duplicate or non-text keys, a line for every field."""
from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser where the wheel has it (it parses about five times faster); same data, same marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_Base):
    """SafeLoader that keeps dates as text and refuses duplicate and non-text keys."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class CurationYAMLError(Exception):
    """A YAML problem with the 1-based line it stands on and a code (yaml, yaml-alias, control-character)."""

    def __init__(self, message: str, line: int | None, code: str = "yaml"):
        super().__init__(message)
        self.message, self.line, self.code = message, line, code


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise CurationYAMLError("a key must be plain text, not a list or mapping", key_node.start_mark.line + 1)
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise CurationYAMLError(f"duplicate key {key!r} (first on line {seen[key].start_mark.line + 1})",
                                    key_node.start_mark.line + 1)
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _refuse_aliases(text: str) -> None:
    """Anchors and aliases have no use in a curated file and can expand exponentially: refuse them unexpanded."""
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            what = "alias *" if isinstance(event, yaml.AliasEvent) else "anchor &"
            raise CurationYAMLError(f"YAML {what}{event.anchor} is not allowed; write each value out in full",
                                    event.start_mark.line + 1, "yaml-alias")


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _hint(what: str, text: str, mark) -> str:
    """How the usual slips are fixed: a colon or # inside a value, an unclosed quote or bracket, indentation."""
    line = text.split("\n")[mark.line] if mark and mark.line < len(text.split("\n")) else ""
    value = line.split(":", 1)[1].strip() if ":" in line else ""
    if "mapping values are not allowed" in what:
        return "; hint: a value holding ': ' must be quoted, e.g. title: \"Outcome 21: the figures\""
    if "found character '\\t'" in what or "\t" in line[: len(line) - len(line.lstrip())]:
        return "; hint: indent with spaces, not tabs"
    if "while parsing a flow" in what:
        return "; hint: a [list] or {mapping} written on one line must be closed on it; quote items holding commas or colons"
    if value[:1] in "\"'" or "while scanning a quoted scalar" in what:
        return "; hint: close the quote on the same value, or quote the whole value ('It''s' doubles a single quote)"
    if "could not find expected ':'" in what or "expected <block end>" in what or "did not find expected key" in what:
        return "; hint: check this line's indentation against the field above, and that every key ends with ':'"
    return ""


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML text once; return the data and its node tree (for line numbers). Raises CurationYAMLError."""
    try:
        _refuse_aliases(text)
        loader = StrictLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as err:
        char = err.character if isinstance(err.character, int) else ord(err.character[:1] or "\0")
        raise CurationYAMLError(f"control character U+{char:04X} is not allowed; curated text is plain text",
                                _line_at(text, err.position), "control-character") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        what = " ".join(str(x) for x in (err.context, err.problem) if x) or str(err)
        if "special characters are not allowed" in what or "unacceptable character" in what:
            raise CurationYAMLError(f"control character not allowed: {what}", mark.line + 1 if mark else None,
                                    "control-character") from None
        where = f" at column {mark.column + 1}" if mark else ""
        raise CurationYAMLError(f"invalid YAML{where}: {what}{_hint(what, text, mark)}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise CurationYAMLError(f"invalid YAML: {err}", None) from None
    return data, node


def line_of(node: yaml.Node | None, path: tuple) -> int | None:
    """1-based line of the value at `path` (keys and indexes), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == str(step)]
            if not match:
                return line
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def key_line(node: yaml.Node | None, path: tuple, key: str) -> int | None:
    """1-based line of the key `key` in the mapping at `path` (for a key that should not be there)."""
    parent = node
    for step in path:
        if isinstance(parent, yaml.MappingNode):
            parent = next((v for k, v in parent.value if k.value == str(step)), None)
        elif isinstance(parent, yaml.SequenceNode) and isinstance(step, int) and step < len(parent.value):
            parent = parent.value[step]
        else:
            return line_of(node, path)
    if isinstance(parent, yaml.MappingNode):
        for k, _ in parent.value:
            if k.value == key:
                return k.start_mark.line + 1
    return line_of(node, path)


def field_name(path: tuple) -> str:
    """Render a path like ('questions', 2, 'status') as questions[2].status."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
