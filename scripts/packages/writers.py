"""Deterministic writers: the same data always gives the same bytes."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """CSV as UTF-8 with LF line ends; None becomes an empty cell."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buf.getvalue().encode("utf-8")


def csv_body(rows: list[list]) -> bytes:
    """CSV rows without a header, exactly as csv_bytes writes them after its header (so pieces concatenate to one file)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([["" if v is None else v for v in row] for row in rows])
    return buf.getvalue().encode("utf-8")


def json_bytes(data) -> bytes:
    """Indented UTF-8 JSON in the key order given, ending with a newline."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write(path: Path, data: bytes) -> dict:
    """Write bytes and return their Frictionless integrity properties."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return integrity(data)


def integrity(data: bytes) -> dict:
    """The `hash` and `bytes` properties of a resource."""
    return {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def file_integrity(path: Path) -> dict:
    """`integrity` of a file read in pieces (an export can be hundreds of MB)."""
    h, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return {"hash": "sha256:" + h.hexdigest(), "bytes": size}


def write_zip(folder: Path, target: Path) -> None:
    """Zip a package folder with datapackage.json at the zip's root (so the zip opens as a package), fixed timestamps, sorted entries."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.file_size = path.stat().st_size  # as writestr sets it (it decides whether the entry needs ZIP64)
            with path.open("rb") as source, zf.open(info, "w") as entry:  # streamed: a combined CSV is never held whole
                shutil.copyfileobj(source, entry, 1 << 20)
