"""The request quoted in a response ("You asked: ... In Response:"): its numbers are the requester's words (grades,
years, 999 calls, example values), never the force's data, so no reader may take them as counts.

A region opens at a line that introduces the request and closes at the first later line that introduces the answer.
Without a closing line there is no region: a response that never says where its answer starts is read whole, as before.
"""
from __future__ import annotations

import re

# A line that introduces the quoted request.
OPENS = re.compile(
    r"^\s*(?:you\s+(?:asked|wrote|requested|said)|request(?:ed)?(?:\s+details?)?|your\s+request(?:\s+was)?|the\s+request"
    r"|information\s+requested|dear\s+[\w&' -]*(?:police|constabulary|service)"
    r"|.*\b(?:seek|sought)\s+access\s+to\s+the\s+following\s+information)\s*[:.,;-]?\s*$",
    re.IGNORECASE)
# A line that introduces the force's answer (or, in a thread, ends the requester's letter).
CLOSES = re.compile(
    r"^\s*(?:in\s+response|responses?|our\s+response|the\s+response|answers?|reply|our\s+reply|response\s+to\s+your\s+request"
    r"|decision|disclosure|yours\s+(?:faithfully|sincerely))\b\s*[:.,;-]?"
    r"|^\s*(?:following\s+receipt\s+of\s+your\s+request|we\s+have\s+now\s+had\s+the\s+opportunity|having\s+completed\s+enquiries"
    r"|i\s+(?:can|am\s+able\s+to)\s+(?:confirm|disclose)|please\s+(?:find|see)\s+(?:attached|below)"
    r"|section\s+1\s+of\s+the\s+freedom\s+of\s+information\s+act)\b",
    re.IGNORECASE)


QUOTED = re.compile(r"^\s*>")  # a line quoted in an e-mail reply ("> How many reports ..."): the request as sent


def request_lines(lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines between a request's opening line and the line that starts its answer, and
    the lines an e-mail reply quotes with '>'."""
    out: set[int] = {n for n, line in enumerate(lines, start=1) if QUOTED.match(line)}
    n = 0
    while n < len(lines):
        if len(lines[n]) < 300 and OPENS.match(lines[n]):
            end = next((k for k in range(n + 1, len(lines)) if len(lines[k]) < 400 and CLOSES.match(lines[k])), None)
            if end is None:
                break
            out.update(range(n + 1, end + 1))  # the opening line and the request, 1-based, up to the answer's line
            n = end
        n += 1
    return out
