"""Run frictionless over a built package: the build fails unless every package is valid."""
from __future__ import annotations

from pathlib import Path

import frictionless

from .errors import Problem


def validate_package(descriptor: Path) -> list[Problem]:
    """Validate a datapackage.json (schemas, hashes, bytes, keys); one Problem per error found."""
    report = frictionless.validate(str(descriptor))
    problems = []
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            fld = getattr(err, "field_name", None) or ""
            problems.append(Problem(f"{descriptor.parent.name}/{task.name}", row, fld, f"{err.type}: {err.message}", "frictionless"))
    for err in report.errors:
        problems.append(Problem(descriptor.parent.name, None, "", f"{err.type}: {err.message}", "frictionless"))
    return problems
