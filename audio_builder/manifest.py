"""What an output folder holds and what it was made from, so that a re-run rebuilds
only what changed: a JSON file with one entry per track, naming the inputs' hash and
every file the track was written as, with its size and hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from filelock import FileLock

from audio_builder.atomic import write_atomic
from audio_builder.languages import DEFAULT_LANGUAGE

FILE_NAME = ".audio_builder.json"
LOCK_SECONDS = 60.0  # another build recording into the same folder holds the lock briefly


@dataclass(frozen=True)
class Stamp:
    """A written file as it was: a file that no longer matches is made again."""

    size: int
    sha256: str


@dataclass(frozen=True)
class Entry:
    key: str  # hash of every input file, the settings and the code that made the track
    guid: str  # the same inputs and settings keep the same id, whatever the code version
    source: str
    title: str
    description: str
    seconds: float
    equipment: tuple[str, ...] = ()
    number: int = 0
    published: str = ""  # ISO 8601, UTC: when this guid was first built
    lang: str = DEFAULT_LANGUAGE  # what the track speaks
    chapters: tuple[tuple[float, str], ...] = ()  # (start seconds, title)
    files: dict[str, Stamp] = field(default_factory=dict)  # by name, in the folder
    voice: str = ""  # what spoke it, e.g. "gtts en/com"


class Manifest:
    """The folder's entries as read when opened; ``record`` adds one under a lock,
    over what is on disk then, so builds running at once keep each other's entries."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.entries = self._read()

    def current(self, output: Path, key: str) -> Entry | None:
        """The entry for ``output`` if it was made from exactly this and every file it
        was written as is still there, unchanged."""
        entry = self.entries.get(output.name)
        if entry is None or entry.key != key or output.name not in entry.files:
            return None
        folder = output.parent
        return entry if all(_matches(folder / n, s) for n, s in entry.files.items()) else None

    def record(self, output: Path, entry: Entry) -> None:
        with FileLock(self.path.with_name(FILE_NAME + ".lock"), timeout=LOCK_SECONDS):
            self.entries = {**self._read(), output.name: entry}
            tracks = {name: asdict(entry) for name, entry in sorted(self.entries.items())}
            write_atomic(self.path, json.dumps({"tracks": tracks}, indent=1).encode())

    def _read(self) -> dict[str, Entry]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {name: _entry(fields) for name, fields in data["tracks"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            return {}  # no manifest, or one we cannot trust: everything is rebuilt


def _entry(fields: dict[str, Any]) -> Entry:
    return Entry(
        **{
            **fields,
            "equipment": tuple(fields.get("equipment", ())),
            "chapters": tuple((start, title) for start, title in fields.get("chapters", ())),
            "files": {name: Stamp(**stamp) for name, stamp in fields.get("files", {}).items()},
        }
    )


def stamp(path: Path) -> Stamp:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return Stamp(size, digest.hexdigest())


def _matches(path: Path, expected: Stamp) -> bool:
    try:
        return path.stat().st_size == expected.size and stamp(path) == expected
    except OSError:
        return False


def track_key(inputs: tuple[Path, ...], settings: Any, code: bool = True) -> str:
    """A hash of the input files' bytes, the settings' repr and (with ``code``) the
    package's code."""
    digest = hashlib.sha256(_code_hash().encode() if code else b"")
    digest.update(repr(settings).encode())
    for path in inputs:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()


@cache
def _code_hash() -> str:
    """Any change to the code that makes tracks rebuilds them."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()
