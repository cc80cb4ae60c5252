"""make draft: a first request.yaml from a response text, each fact with the quote (or address) that defends it.

It proposes; a curator decides. What it cannot defend is left blank and listed at the top of the draft, and the
draft carries `draft: true`, which the build refuses (code `draft`) until a curator has read it and removed the flag.
"""
