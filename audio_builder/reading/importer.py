"""Convert other exercise collections into our markdown format.

``free-exercise-db``: a JSON list of records with name, equipment, level, category,
primaryMuscles and instructions (a list of sentences).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from audio_builder.atomic import write_atomic
from audio_builder.errors import DocumentError
from audio_builder.reading.document import short_title, slugify

TIMED_CATEGORIES = {"cardio": "duration: 45"}  # a stretch is read as a hold, for its own time
_REPEAT = re.compile(r"^\s*repeat\b", re.IGNORECASE)
_OTHER_SIDE = re.compile(r"\b(other|opposite|left|right|next)\s+(leg|arm|side|foot|hand)\b", re.I)


@dataclass(frozen=True)
class Imported:
    written: list[Path]
    skipped: list[str]  # one line per record left out, saying why


def import_free_exercise_db(source: Path, out_dir: Path) -> Imported:
    """Write one exercise document per record; records without instructions are skipped."""
    records = _read(source)
    written: list[Path] = []
    skipped: list[str] = []
    names: set[str] = set()
    for index, record in enumerate(records):
        record = record if isinstance(record, dict) else {}
        name = str(record.get("name") or "").strip()
        steps = [
            step.strip()
            for step in record.get("instructions") or []
            if isinstance(step, str) and step.strip() and _kept(step)
        ]
        if not name or not steps:
            what = f"'{name}'" if name else f"record {index}"
            skipped.append(f"{source}: {what}: no instructions")
            continue
        slug = _unique(slugify(name) or f"exercise-{index}", names)
        path = out_dir / f"{slug}.md"
        write_atomic(path, to_markdown(record, name, steps).encode())
        written.append(path)
    return Imported(written, skipped)


def to_markdown(record: dict[str, Any], name: str, steps: list[str]) -> str:
    """One record as an exercise document: its instructions become the howto steps."""
    level = str(record.get("level") or "").strip()
    category = str(record.get("category") or "").strip()
    muscles = ", ".join(str(m) for m in record.get("primaryMuscles") or [])
    kind = " ".join(part for part in (level, category) if part) or "an"
    target = f" for the {muscles}" if muscles else ""
    header = {
        "title": name,
        "description": f"A {kind} exercise{target}: the {name}.",
        "source_id": str(record.get("id") or ""),
    }
    lines = ["---", yaml.safe_dump(header, allow_unicode=True, sort_keys=False).strip()]
    if extra := TIMED_CATEGORIES.get(category):
        lines.append(extra)
    lines += ["---", "", "### Equipment Needed"]
    equipment = str(record.get("equipment") or "").strip()
    lines.append(f"- {equipment.capitalize()}" if equipment and equipment != "other" else "- None")
    lines += ["", "<!-- howto -->", ""]
    for step in steps:
        text = step.replace("Tip:", ". Tip:").strip()
        lines += [f"### {short_title(text)}", _escape(text), ""]
    return "\n".join(lines)


def _kept(step: str) -> bool:
    """ "Repeat for the recommended reps" says nothing; "then repeat with the other leg"
    tells how the sides are worked."""
    return not _REPEAT.match(step) or bool(_OTHER_SIDE.search(step))


def _read(source: Path) -> list[Any]:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DocumentError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocumentError(f"{source}: not a free-exercise-db JSON file ({exc})") from None
    if not isinstance(data, list):
        raise DocumentError(f"{source}: expected a JSON list of exercise records")
    return data


def _escape(text: str) -> str:
    """Keep markdown from reading instruction text as markup."""
    return re.sub(r"([\\`*_<>#\[\]])", r"\\\1", text)


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate
