"""The draft as YAML: draft: true first, then a comment listing what was left blank, then the fields in the schema's order."""
from __future__ import annotations

import yaml

ORDER = ["draft", "title", "summary", "reference", "force", "topics", "dates", "periods", "systems", "offence_codes", "source", "curation",
         "questions", "caveats", "tables"]


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, no anchors."""

    def ignore_aliases(self, data):
        return True


def _text(dumper, value: str):
    style = '"' if value[:1].isdigit() or value in ("yes", "no", "true", "false", "null") or ": " in value or value[:1] in "*&!|>'\"%@`#-[]{},?" \
        else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(fields: dict, blanks: list[str], source: str) -> str:
    """The draft's text: deterministic for the same input."""
    head = [f"# DRAFT written by make draft from {source}. Every fact below is proposed with the words (or address) that",
            "# defend it; read each against the response. Left blank (null) or to check:"]
    head += [f"#  - {b}" for b in blanks] or ["#  - nothing"]
    head += ["# Remove the line 'draft: true' when you have read it all; the build refuses a draft (code: draft).", ""]
    ordered = {k: fields[k] for k in ORDER if k in fields}
    ordered.update({k: v for k, v in fields.items() if k not in ordered})
    body = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return "\n".join(head) + body
