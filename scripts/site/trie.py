"""One regular expression for many literal strings, shaped as a trie so matching does not slow down as the list grows.

An alternation `a|b|c|...` of N literals makes the regex engine try every literal at every position of the text;
with thousands of request references on a page that scan costs O(N) per character. The same strings nested by
shared prefixes (`FOI20(?:19/0(?:5348|...)|...)`) are tried one character at a time, so the cost per position stays
about the length of the longest match. Longer strings are tried before their prefixes, as in a longest-first list.
"""
from __future__ import annotations

import re


def trie_pattern(strings: list[str]) -> str:
    """A regex (no groups) matching exactly the given strings, longest first where one is a prefix of another."""
    trie: dict = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node(trie) if trie else "(?!)"


def _node(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted((k, v) for k, v in node.items() if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a string ends here and longer ones continue: try the longer first, then stop here
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
