"""Parse a workout plan: a YAML file listing exercise documents with their settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from audio_builder.errors import DocumentError, SettingsError
from audio_builder.languages import parse_language
from audio_builder.reading.document import yaml_problem
from audio_builder.settings import (
    DEFAULT_REST_BETWEEN,
    MAX_PLAN_EXERCISES,
    parse_setting,
    parse_settings,
)

PLAN_SUFFIXES = (".yaml", ".yml")  # what a workout plan is named


@dataclass(frozen=True)
class Entry:
    path: Path
    overrides: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    title: str
    source: Path
    entries: tuple[Entry, ...]
    rest_between: float = DEFAULT_REST_BETWEEN
    description: str = ""
    lang: str | None = None  # ``lang``; None: its exercises', else the run's language
    music: Path | None = None  # a song, a folder of songs or a playlist, under the track


def is_plan(path: Path) -> bool:
    return path.suffix.lower() in PLAN_SUFFIXES


def parse_plan(path: Path) -> Plan:
    """Read a plan; exercise and music paths are relative to the plan file's folder."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except yaml.YAMLError as exc:
        where, problem = yaml_problem(exc)
        raise DocumentError(f"{path}: invalid YAML{where}: {problem or exc}") from None
    if not isinstance(data, dict):
        raise DocumentError(f"{path}: a plan must be a mapping with 'title' and 'exercises'")
    items = data.get("exercises")
    if not isinstance(items, list) or not items:
        raise DocumentError(f"{path}: 'exercises' must be a non-empty list of exercise paths")
    if len(items) > MAX_PLAN_EXERCISES:
        raise DocumentError(f"{path}: {len(items)} exercises; a plan may have {MAX_PLAN_EXERCISES}")
    try:
        rest = parse_setting("rest", data.get("rest_between", DEFAULT_REST_BETWEEN))
        entries = tuple(_entry(item, path.parent) for item in items)
        lang = parse_language(data["lang"]) if "lang" in data else None
    except SettingsError as exc:
        raise DocumentError(f"{path}: {exc}") from None
    title = str(data.get("title") or path.stem.replace("-", " ").title())
    music = data.get("music")
    if music is not None and not (isinstance(music, str) and music.strip()):
        raise DocumentError(f"{path}: 'music' must be the path of a song, a folder or a playlist")
    return Plan(
        title,
        path,
        entries,
        rest,
        str(data.get("description") or ""),
        lang,
        path.parent / music.strip() if music else None,
    )


def _entry(item: Any, folder: Path) -> Entry:
    if isinstance(item, str):
        return Entry(folder / item)
    if isinstance(item, dict) and isinstance(item.get("path"), str):
        return Entry(folder / item["path"], parse_settings(item))
    raise SettingsError(f"each exercise must be a path or a mapping with 'path', got {item!r}")
