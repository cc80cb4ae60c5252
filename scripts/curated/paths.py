"""Safe paths: the build reads only regular files inside the request folder, never through a symbolic link."""
from __future__ import annotations

from pathlib import Path


def link_in(path: Path, top: Path) -> Path | None:
    """The first symbolic link on the way from `top` down to `path` (both included), or None."""
    path, top = Path(path).absolute(), Path(top).absolute()
    try:
        parts = path.relative_to(top).parts
    except ValueError:
        return path
    here = top
    if here.is_symlink():
        return here
    for part in parts:
        here = here / part
        if here.is_symlink():
            return here
    return None


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, written relative to `folder`, stays inside it once resolved (no .., no absolute path)."""
    return not Path(path).is_absolute() and (Path(folder) / path).resolve().is_relative_to(Path(folder).resolve())
