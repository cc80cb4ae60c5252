"""Incremental builds by content hash: a request whose inputs have not changed reuses its published output.

A request's key is the sha256 of everything that can change its package: the files of its folder (names, kinds and
bytes), the reference lists, and the code (every file under scripts/, requirements.txt, the Python version).

The cache lives inside each version folder, beside what it describes, and is published with it in the same atomic
step: build/.v-*/.cache/entries/<id>.pickle records the key, the catalog's fields of the descriptor and the inode, size and mtime of each
output file; .cache/objects/<key>.pickle holds the request's rows of the combined tables built from that key (for the combine stage). On
the next build a request whose key matches, and whose recorded files are still exactly there in the published
version, is not loaded, packaged or validated again: its files, entry and object are hard-linked into the new version
(so their mtimes are kept). The combined package, reference package and catalog
are reused the same way when no request key changed. Anything missing, stale, unreadable or different is simply a
miss: the cache can change how long a build takes, never what it writes.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CODE = Path(__file__).resolve().parents[1]  # scripts/
FORMAT = 3  # bump when Entry or the kept objects change shape
SHARED = "_shared"  # the entry of the reference package, the combined package and the catalog


def walk(top, follow: bool = False, skip: tuple[str, ...] = ()):
    """Every file and link under `top` as (path relative to it with '/', os.DirEntry): names sorted, a folder's own
    entries before its sub-folders'; links to folders are entries, not entered, unless `follow`; folders in `skip` left out.

    os.scandir with string prefixes, not os.walk and os.path.relpath: this runs over every file of 5,000 requests."""
    def visit(folder: str, prefix: str):
        with os.scandir(folder) as found:
            items = sorted(found, key=lambda e: e.name)
        folders = []
        for item in items:
            if item.is_dir(follow_symlinks=follow):
                if item.name not in skip:
                    folders.append(item)
            else:
                yield prefix + item.name, item
        for item in folders:
            yield from visit(item.path, prefix + item.name + "/")
    yield from visit(os.fspath(top), "")


def _hash_tree(h, top: Path, follow: bool = False) -> None:
    """Feed names, kinds and bytes of everything under `top` into `h`, in a stable order (links followed if `follow`)."""
    for rel, item in walk(top, follow, skip=("__pycache__",)):
        name = rel.encode()
        if item.is_symlink() and not follow:
            h.update(b"L" + name + b"\0" + os.readlink(item.path).encode() + b"\0")
        elif item.is_file():
            with open(item.path, "rb") as f:
                data = f.read()
            h.update(b"F" + name + b"\0" + str(len(data)).encode() + b"\0" + data)


def files_under(top: Path) -> set[str]:
    """Every file (and link) under `top`, as paths relative to it with '/' (what an Entry's files are keyed by)."""
    return {rel for rel, _ in walk(top)}


def code_key() -> str:
    """Everything under scripts/ that builds a package, the pinned dependencies and the Python version."""
    h = hashlib.sha256(f"format {FORMAT} python {sys.version}\0".encode())
    _hash_tree(h, CODE)
    requirements = CODE.parent / "requirements.txt"
    h.update(requirements.read_bytes() if requirements.is_file() else b"")
    return h.hexdigest()


def tree_key(top: Path, *salt: str, follow: bool = False, inputs: Inputs | None = None) -> str:
    """The content hash of a folder (or of one file), salted (with the code and reference keys).

    `follow`: hash what links point at, not where (docs/, which the site copies with its links followed).
    `inputs`: where a folder's content hash may be known already, by the state of its files (curated folders)."""
    digest = inputs.digest(top) if inputs is not None and not follow else content_hash(top, follow)
    return hashlib.sha256("\0".join(salt).encode() + b"\0" + digest.encode()).hexdigest()


def content_hash(top: Path, follow: bool = False) -> str:
    """The unsalted hash of the names, kinds and bytes of everything under `top` (or of one file, or where a link points)."""
    h = hashlib.sha256()
    if top.is_symlink() and not follow:
        h.update(b"L" + os.readlink(top).encode())
    elif top.is_file():  # a single file (docs/curation.md): os.walk would see nothing in it
        h.update(b"F" + top.read_bytes())
    else:
        _hash_tree(h, top, follow)
    return h.hexdigest()


TRUST_AFTER_NS = 2 * 10**9  # a file's state is trusted only if recorded this long after its last change


class Inputs:
    """Content hashes of curated folders, kept from the published build and trusted while every file and folder in them
    still has the state recorded with the hash: inode, size, mtime and ctime (as git trusts its index). Any write, rename,
    new or removed file changes a ctime, which no one can set back without setting back the clock; and a state recorded
    within TRUST_AFTER_NS of a change is not kept, so a second change in the same clock tick cannot hide behind it.
    A folder whose state differs, or that has no record, is read and hashed again; a lost record costs time only."""

    NAME = "inputs.pickle"

    def __init__(self, previous: Path | None):
        found = unseal(previous / ".cache" / self.NAME) if previous is not None else None
        self.old: dict[str, tuple[dict, str]] = found if isinstance(found, dict) else {}
        self.new: dict[str, tuple[dict, str]] = {}

    def digest(self, top: Path) -> str:
        """The content hash of `top`: as recorded, when its state holds; else read and hashed (and its state recorded)."""
        path = os.path.abspath(top)
        kept = self.old.get(path)
        if kept is not None and state_holds(path, kept[0]):
            self.new[path] = kept
            return kept[1]
        state = tree_state(path)  # before hashing: a change while hashing leaves a state that no longer holds next time
        digest = content_hash(Path(path))
        now = time.time_ns()
        if state and all(now - s[-1] > TRUST_AFTER_NS for s in state.values()):
            self.new[path] = (state, digest)
        return digest

    def save(self, cache: Path) -> None:
        """Record the hashes and states worked out or confirmed by this build, in the new version's .cache/."""
        write_atomic(cache / self.NAME, seal(pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL)))


def tree_state(top, ctime: bool = True) -> dict[str, tuple[int, ...]]:
    """Path (relative to `top`, "" for itself) -> (kind, inode, size, mtime, ctime) of `top` and everything under it
    (empty when it cannot be read). While `state_holds`, nothing in the tree has been written, added, removed or renamed.

    `ctime=False`: a file's state leaves its ctime out (a folder's keeps it). For what the build writes and publishes, whose
    files the next version hard-links, and anyone may (cp -al, rsync --link-dest): each link made or removed changes a
    file's ctime, not its bytes. A file's inode, size and mtime are then trusted, as the packages' cache trusts them."""
    out = {}
    keep = 5 if ctime else 4

    def visit(folder: str, prefix: str) -> None:
        st = os.lstat(folder)
        out[prefix.rstrip("/")] = _state_of(st)
        with os.scandir(folder) as found:
            for item in found:
                if item.is_dir(follow_symlinks=False):
                    visit(item.path, prefix + item.name + "/")
                else:
                    st = item.stat(follow_symlinks=False)
                    out[prefix + item.name] = _state_of(st)[:keep]
    try:
        visit(top, "")
    except OSError:
        return {}
    return out


def _state_of(st: os.stat_result) -> tuple[int, int, int, int, int]:
    """What tree_state records of a file or folder: kind, inode, size, mtime, ctime."""
    return stat.S_IFMT(st.st_mode), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def state_holds(top, state: dict) -> bool:
    """Whether every recorded file and folder under `top` still has its recorded state (a folder's covers what is in it:
    a name added, removed or renamed in it changes its mtime and ctime). Only stats, no folder is listed."""
    if not state:
        return False
    try:
        for rel, was in state.items():
            st = os.lstat(os.path.join(top, rel) if rel else top)  # a str or Path `top`
            if _state_of(st)[:len(was)] != was:
                return False
    except OSError:
        return False
    return True


def combined_key(keys: list[str], *salt: str) -> str:
    """The key of the shared outputs: every request's key, in order."""
    return hashlib.sha256("\0".join([*salt, *keys]).encode()).hexdigest()


@dataclass
class Entry:
    """What one request (or the shared outputs) left in the published version, and the key it was built from."""

    key: str
    files: dict[str, tuple[int, int, int]]  # path relative to datapackages/ -> (inode, size, mtime_ns)
    descriptor: dict = field(default_factory=dict)  # its entry in catalog.json (combine.catalog_fields)
    sha256: str = ""  # of response.txt, for the duplicate-response check without loading the Request
    format: int = FORMAT


def stat_of(path) -> tuple[int, int, int]:
    st = os.stat(path, follow_symlinks=False)
    return st.st_ino, st.st_size, st.st_mtime_ns


def outputs(out: Path, request_id: str) -> list[str]:
    """The files one request's package consists of, relative to datapackages/."""
    rels = [f"{request_id}.zip"]
    for top in (out / request_id, out / "json" / request_id):
        rels += [p.relative_to(out).as_posix() for p in sorted(top.rglob("*")) if p.is_file()]
    return rels


def shared_outputs(out: Path) -> list[str]:
    """The files of the reference and combined packages and the catalog, relative to datapackages/."""
    rels = [name for name in ("catalog.json", "reference.zip", "all.zip", "all.sqlite", "all.xlsx") if (out / name).is_file()]
    for top in (out / "reference", out / "all"):
        rels += [p.relative_to(out).as_posix() for p in sorted(top.rglob("*")) if p.is_file()]
    return rels


class Cache:
    """Entries of the published version (read) and of the version being built (written), each under its .cache/."""

    def __init__(self, previous: Path | None, version: Path):
        self.previous = previous if previous is not None and (previous / "datapackages").is_dir() else None
        self.old = self.previous / ".cache" if self.previous else None
        self.new = version / ".cache"
        self.code = code_key()
        self._folders = False  # whether .cache/entries and .cache/objects exist in the new version

    def lookup(self, name: str, key: str) -> Entry | None:
        """The entry for `name` if it was built from `key` and its files are still exactly in the published version."""
        if self.old is None:
            return None
        try:
            entry = pickle.loads((self.old / "entries" / f"{name}.pickle").read_bytes())
            if not isinstance(entry, Entry) or entry.format != FORMAT or entry.key != key:
                return None
            top = os.path.join(self.previous, "datapackages")  # strings, not Paths: this runs for every file of every request
            for rel, state in entry.files.items():
                if stat_of(os.path.join(top, rel)) != tuple(state):
                    return None
        except Exception:  # missing, truncated, from another version of the code: a miss, never an error
            return None
        return entry

    def reuse(self, name: str, entry: Entry, out: Path) -> None:
        """Hard-link the entry's files, the entry and its contribution from the published version into the new one."""
        old, made = os.path.join(self.previous, "datapackages"), set()
        for rel in entry.files:
            target = os.path.join(out, rel)
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            _link(os.path.join(old, rel), target, made=True)
        if not self._folders:  # made once, not once per request
            for sub in ("entries", "objects"):
                (self.new / sub).mkdir(parents=True, exist_ok=True)
            self._folders = True
        _link(self.old / "entries" / f"{name}.pickle", self.new / "entries" / f"{name}.pickle", made=True)
        if (self.old / "objects" / f"{entry.key}.pickle").is_file():
            _link(self.old / "objects" / f"{entry.key}.pickle", self.new / "objects" / f"{entry.key}.pickle", made=True)

    def put_object(self, key: str, data: bytes) -> None:
        """Keep a pickled Contribution (scripts/packages/combine.py) under its input key, sealed with its sha256."""
        write_atomic(self.new / "objects" / f"{key}.pickle", seal(data))

    def object_path(self, key: str) -> Path:
        """Where the contribution built from `key` is kept in the version being built (it may be missing or damaged)."""
        return self.new / "objects" / f"{key}.pickle"

    def store(self, out: Path, name: str, key: str, rels: list[str], **extra) -> None:
        """Record what was just written to `out` for `name`, as its files now stand (call when nothing will change them)."""
        entry = Entry(key, {rel: stat_of(out / rel) for rel in rels}, **extra)
        write_atomic(self.new / "entries" / f"{name}.pickle", pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))


def seal(data: bytes) -> bytes:
    """Pickled bytes preceded by their sha256, so a damaged copy is recognised (`unseal`) and never used."""
    return hashlib.sha256(data).digest() + data


def unseal(path: Path):
    """The object `seal`ed in a file; None when the file is missing, its bytes do not match their hash, or it does not unpickle."""
    try:
        blob = path.read_bytes()
        digest, data = blob[:32], blob[32:]
        return pickle.loads(data) if hashlib.sha256(data).digest() == digest else None
    except Exception:
        return None


def _link(source, target, made: bool = False) -> None:
    """A hard link (a copy keeping mtime where links are impossible); `made`: the target's folder exists."""
    if not made:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
