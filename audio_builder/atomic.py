"""Files that appear whole or not at all: written beside their target, then renamed."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO

from audio_builder.errors import OutputError

# Temporary files this process may have left: each is named here before it exists and
# forgotten only after it is gone, so an interruption at any point leaves it on the list.
_unfinished: set[Path] = set()
# Held while a temporary file is made, or all are removed, once guard_making() says
# another thread may remove them; until then there is nothing to exclude, and no lock
# that an interruption in its release could leave held.
_making: AbstractContextManager[object] = contextlib.nullcontext()


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A read-write handle on a temporary file that replaces ``path`` on success.

    On any error (or interruption) the temporary file is removed and ``path`` is left
    as it was; if the interruption lands in the clean-up itself, ``remove_unfinished``
    finishes it. Temporary names start with a dot and end in ``.tmp``; their 64 random
    bits keep writers apart, and creating one refuses a name that exists.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        with _making:
            _unfinished.add(temp)
            handle = open(temp, "xb+")  # noqa: SIM115 - closed below; mode 0o666 less umask
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
        _unfinished.discard(temp)


def remove_unfinished() -> None:
    """Delete the temporary files this process started and did not finish: for a run
    that is stopping. A file being renamed into place meanwhile is whole either way."""
    with _making:
        for temp in list(_unfinished):
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            _unfinished.discard(temp)


def guard_making() -> None:
    """From now on, making a temporary file and ``remove_unfinished`` exclude each
    other: for a process where another thread removes them and ends it (a worker's stop
    thread). The writing thread must then take no signal, which could leave it held."""
    global _making
    _making = threading.RLock()


@contextmanager
def no_new_files() -> Iterator[None]:
    """No thread of this process starts a temporary file while this is held: for a
    process that removes its unfinished files and ends before letting go."""
    with _making:
        yield


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_file(path) as handle:
        handle.write(data)


def write_output(path: Path, data: bytes) -> None:
    """Write a file the user asked for, all or nothing; failing names the file."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def remove_stale(folder: Path, older_than: float = 3600.0) -> None:
    """Delete temporary files a killed run left in ``folder`` (an hour old: a build
    running now keeps its own)."""
    cutoff = time.time() - older_than
    for temp in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
