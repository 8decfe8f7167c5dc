"""Files that appear whole or not at all: written beside their target, then renamed."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from audio_builder.errors import OutputError


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A read-write handle on a temporary file that replaces ``path`` on success.

    On any error (or interruption) the temporary file is removed and ``path`` is left
    as it was. Temporary names start with a dot and end in ``.tmp``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp, 0o666 & ~_umask())
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_file(path) as handle:
        handle.write(data)


def write_output(path: Path, data: bytes) -> None:
    """Write a file the user asked for, all or nothing; failing names the file."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale(folder: Path, older_than: float = 3600.0) -> None:
    """Delete temporary files a killed run left in ``folder`` (an hour old: a build
    running now keeps its own)."""
    cutoff = time.time() - older_than
    for temp in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
