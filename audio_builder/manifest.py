"""What an output folder holds and what it was made from, so that a re-run rebuilds
only what changed: a JSON file of content hashes, one entry per track."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from audio_builder.atomic import write_atomic
from audio_builder.languages import DEFAULT_LANGUAGE

FILE_NAME = ".audio_builder.json"


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


class Manifest:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.entries: dict[str, Entry] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries = {
                name: Entry(**{**entry, "equipment": tuple(entry.get("equipment", ()))})
                for name, entry in data["tracks"].items()
            }
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no manifest, or one we cannot trust: everything is rebuilt

    def current(self, output: Path, key: str) -> Entry | None:
        """The entry for ``output`` if it was made from exactly this and still exists."""
        entry = self.entries.get(output.name)
        return entry if entry and entry.key == key and output.exists() else None

    def record(self, output: Path, entry: Entry) -> None:
        self.entries[output.name] = entry
        tracks = {name: asdict(entry) for name, entry in sorted(self.entries.items())}
        write_atomic(self.path, json.dumps({"tracks": tracks}, indent=1).encode())


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
