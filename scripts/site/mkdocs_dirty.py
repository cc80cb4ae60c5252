"""`mkdocs build --dirty`, made safe: an MkDocs hook renders exactly the pages our rule names and lists every output.

Run as `python -m scripts.site.mkdocs_dirty CHANGED OUTPUTS <mkdocs build arguments>`. It runs MkDocs' own command
line with this module registered as a hook (https://www.mkdocs.org/user-guide/configuration/#hooks), the way MkDocs
registers a `hooks:` entry of mkdocs.yml; it is not named there, so a plain `mkdocs build` (the bench's bare one, a
copy of the project) never loads it. The hook:
- filters out the one warning dirty mode logs ("A 'dirty' build is being performed ..."), on the logger that logs it,
  so that --strict still fails on any other warning;
- decides which files are modified from CHANGED (a JSON list of source paths, from scripts/site/incremental.py's
  `site_plan`), never from mtimes: MkDocs reads, renders and copies only those;
- writes OUTPUTS: every file MkDocs would have written in a clean build (each included file's destination and the
  theme's static templates), so the caller links the rest from the published site and nothing else.
MkDocs writes into an empty site folder: it never opens a file of the published site, so it cannot write through a
hard link into it.
"""
from __future__ import annotations

import json
import logging
import sys

DIRTY_WARNING = "A 'dirty' build is being performed"
_state: dict = {}


class _DropDirtyWarning(logging.Filter):
    """Drops the dirty-mode warning and nothing else."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.WARNING and str(record.msg).startswith(DIRTY_WARNING))


def on_config(config):
    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    return config


def on_files(files, config):
    changed = set(_state["changed"])
    for file in files:
        modified = file.src_uri in changed or file.abs_src_path is None  # generated in memory: always written
        file.is_modified = (lambda value: lambda: value)(modified)
    _state["files"] = files
    return files


def on_post_build(config):
    """OUTPUTS: destination -> whether MkDocs wrote it in this run (a changed source, or a static template) or not."""
    outputs = {f.dest_uri: f.is_modified() for f in _state["files"] if f.inclusion.is_included()}
    outputs.update({name: True for name in config.theme.static_templates})
    outputs["sitemap.xml.gz"] = True
    with open(_state["outputs"], "w", encoding="utf-8") as f:
        json.dump(dict(sorted(outputs.items())), f)


def main(argv: list[str]) -> None:
    changed_path, outputs_path, *args = argv
    with open(changed_path, encoding="utf-8") as f:
        _state["changed"] = json.load(f)
    _state["outputs"] = outputs_path
    import mkdocs.config
    from mkdocs.__main__ import cli
    load = mkdocs.config.load_config

    def load_with_hook(*a, **kw):
        config = load(*a, **kw)
        config.plugins["foi-dirty"] = sys.modules[__name__]  # as MkDocs registers a hook module (config_options.Hooks)
        return config
    mkdocs.config.load_config = load_with_hook
    cli(["build", "--dirty", *args], prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
