"""The response text's whitespace-collapsed form, on which every quote is found: each character keeps its line."""
from __future__ import annotations

import random

from scripts.curated.response import ResponseText


def _flatten_by_character(text: str) -> tuple[str, list[int]]:
    """The plain definition, one character at a time (what ResponseText._flatten must give, faster)."""
    out, where, line, in_space = [], [], 1, False
    for ch in text:
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                where.append(line)
            in_space = True
        else:
            out.append(ch)
            where.append(line)
            in_space = False
        if ch == "\n":
            line += 1
    return "".join(out), where


def test_flatten_matches_the_character_by_character_definition():
    pieces = ["Total", "12", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028", "\x0b", "x", "Q1:", " \n ", "é"]
    rng = random.Random(7)
    cases = ["", " ", "\n", "a", " a ", "\na\n", "a\n\n  b  \n"]
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(2000)]
    for text in cases:
        assert ResponseText._flatten(text) == _flatten_by_character(text), repr(text)


def test_a_quote_across_lines_is_found_with_its_first_and_last_line():
    text = ResponseText(b"Dear requester,\n\nThe number of offences\n  recorded was 41.\n")
    span = text.find("offences recorded was 41")
    assert (span.start, span.end) == (3, 4)
