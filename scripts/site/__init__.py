"""The site, rendered and indexed.

In: the built packages (scripts.packages writes them). Out: plain Markdown pages through auto-escaping templates
(templates/), MkDocs' build of them, and the Pagefind index. Imports only scripts.packages, scripts.curated and
scripts.common.
"""
