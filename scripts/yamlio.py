"""Read curated YAML strictly: no implicit dates, no duplicate keys, and line numbers for every field."""
from __future__ import annotations

from typing import Any

import yaml


class StrictLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses duplicate keys."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    """A mapping repeats a key, which YAML would otherwise silently overwrite."""


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DuplicateKey(None, None, f"duplicate key {key!r} (first on line {seen[key].start_mark.line + 1})",
                               key_node.start_mark)
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML text; return the data and its node tree (for line numbers)."""
    node = yaml.compose(text, Loader=StrictLoader)
    data = yaml.load(text, Loader=StrictLoader)
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


def field_name(path: tuple) -> str:
    """Render a path like ('questions', 2, 'status') as questions[2].status."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
