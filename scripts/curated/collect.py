"""The collection of requests: find the request folders, read the reference lists, and check what no single request can show."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .errors import Problems
from .load import load_request, load_schema
from .model import Request
from .paths import link_in
from .reference import Reference, load_reference


def request_folders(datapackages: Path, problems: Problems) -> list[Path]:
    """Every request folder, in name order; hidden and linked folders are refused, not skipped silently."""
    folders = []
    for path in sorted(datapackages.iterdir()):
        if path.name == "reference" or not (path.is_dir() or path.is_symlink()):
            continue
        if path.is_symlink():
            problems.add(path, "", "is a symbolic link; a request folder must be a real folder inside datapackages/", code="symlink")
        elif path.name.startswith("."):
            problems.add(path, "", "folder name starts with '.'; rename it (<force>-<reference>) or move it out of datapackages/",
                         code="hidden-folder")
        else:
            folders.append(path)
    return folders


def prepare(root: Path, problems: Problems) -> tuple[Reference, dict]:
    """The reference lists (real files only) and the schema every request is checked against; stops on a bad list."""
    ref_folder = root / "datapackages" / "reference"
    link = link_in(ref_folder, root / "datapackages")
    if link is not None:
        problems.add(link, "", "is a symbolic link; the reference lists must be real files", code="symlink")
        problems.raise_if_any()
    try:
        ref = load_reference(ref_folder)
    except (OSError, ValueError, KeyError) as err:
        problems.add(ref_folder, "", f"cannot read the reference lists: {err}", code="reference-list")
        problems.raise_if_any()
    return ref, load_schema()


def load_all(root: Path) -> tuple[list[Request], Reference]:
    """Load and check every request (in this process); raise BuildFailed listing every problem found."""
    problems = Problems(root)
    ref, schema = prepare(root, problems)
    requests = [r for f in request_folders(root / "datapackages", problems) if (r := load_request(f, ref, problems, schema))]
    check_collection(requests, problems)
    problems.raise_if_any()
    return requests, ref


def check_collection(requests: list[Request], problems: Problems) -> None:
    """What no single request can show: the same response curated twice (under another force or reference)."""
    duplicates([(req.folder, req.id, req.response.sha256) for req in requests], problems)


def duplicates(items: list[tuple[Path, str, str]], problems: Problems) -> None:
    """The duplicate-response check on (folder, id, sha256 of response.txt), in folder order; needs no loaded Request."""
    by_hash: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for folder, request_id, sha256 in items:
        by_hash[sha256].append((folder, request_id))
    for same in by_hash.values():
        for folder, _ in same[1:]:
            problems.add(folder / "request.yaml", "source.sha256",
                         f"response.txt is the same text as {same[0][1]}/response.txt; a response is curated once", code="duplicate-response")
