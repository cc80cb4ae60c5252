"""Keep unchanged files: a file of the new version with the same bytes as the published one becomes a hard link to it.

Each build writes a whole new version folder (build/.v-*), so without this every file would be new. Linking the
new path to the published file with identical bytes keeps its inode and mtime, so a deployment by rsync or a
reader comparing dates sees only the files whose bytes changed. Done only after nothing writes to that tree any
more: a writer opening a linked path would otherwise write into the published version too.
"""
from __future__ import annotations

import filecmp
import os
from pathlib import Path


def keep_unchanged(new: Path, old: Path | None) -> tuple[int, int]:
    """Link each file under `new` whose bytes (or link target) equal those at the same path under `old`; (kept, written)."""
    if old is None or not old.is_dir():
        return 0, 0
    kept = written = 0
    for folder, dirs, files in os.walk(new):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = Path(folder, name)
            state = _keep(path, old / path.relative_to(new))
            kept, written = kept + (state == "kept"), written + (state == "written")
    return kept, written


def keep_files(new: Path, old: Path | None, rels: list[str]) -> None:
    """keep_unchanged for a few files of `new` (those written after the rest of the tree was kept)."""
    if old is not None and old.is_dir():
        for rel in rels:
            if os.path.lexists(new / rel):
                _keep(new / rel, old / rel)


def _keep(path: Path, before: Path) -> str:
    """Link `path` to `before` when their bytes (or link targets) are equal: 'kept', 'same' (already one file) or 'written'."""
    try:
        st, old_st = os.lstat(path), os.lstat(before)
    except FileNotFoundError:
        return "written"
    if (st.st_dev, st.st_ino) == (old_st.st_dev, old_st.st_ino):
        return "same"
    if path.is_symlink() or before.is_symlink():
        same = path.is_symlink() and before.is_symlink() and os.readlink(path) == os.readlink(before)
    else:
        same = st.st_size == old_st.st_size and filecmp.cmp(path, before, shallow=False)
    if not same:
        return "written"
    tmp = path.with_name(f".{path.name}.keep")
    os.link(before, tmp, follow_symlinks=False)
    os.replace(tmp, path)
    return "kept"
