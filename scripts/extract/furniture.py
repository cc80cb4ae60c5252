"""Page furniture saved with a web page (cookie banners, navigation, exit buttons, footers): never data."""
from __future__ import annotations

import re

FURNITURE = re.compile(
    r"cookie|skip to (main )?content|leave (this )?site|quick(ly)? exit|this site is a beta|technical problem\. please try"
    r"|print this page|report crime online|emergency call|^\s*back to (top|category list)\b|^\s*top\s*$|^\s*log ?in\s*$"
    r"|forgotten (your )?password|create (a )?new account|^\s*no attachments\s*$|rate this page|your feedback (will )?help"
    r"|coronavirus \(covid-19\)|keep our foi requests running|^\s*font size|^\s*speech:|this is a new service"
    r"|^\s*share (this page|on)|was this (page|information) (useful|helpful)|^\s*accessibility( controls)?\s*$"
    r"|^\s*(main menu|menu|search|home|contact us|sign in|close)\s*$|^\s*you are here:|^\s*follow us\b"
    r"|^\s*\d{1,2} \w+ \d{4} : column \d+w?(continued)?\s*$"  # a parliamentary column mark in a saved page
    r"|^\s*(?:https?://|www\.)\S+(?:\s+(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?)?\s*$",  # a page's address in its footer, and
    # its page number: the number is the page's, never data
    re.IGNORECASE)


def furniture_lines(lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines that are page furniture."""
    return {n for n, line in enumerate(lines, start=1) if len(line) < 400 and FURNITURE.search(line)}
