"""Parse a workout plan: a YAML file listing exercise documents with their settings,
and groups of them (circuits, supersets, intervals, Tabata, EMOM, AMRAP), with an
optional warm-up and cool-down."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from audio_builder.errors import DocumentError, SettingsError
from audio_builder.languages import parse_language
from audio_builder.reading.document import yaml_problem
from audio_builder.settings import (
    DEFAULT_REST_BETWEEN,
    GROUP_DEFAULTS,
    GROUP_PARSERS,
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
class Group:
    """Exercises worked together: ``kind`` is a key of ``GROUP_DEFAULTS`` and
    ``settings`` holds every setting of that kind, defaults filled in."""

    kind: str
    entries: tuple[Entry, ...]
    settings: dict[str, Any] = field(default_factory=dict)


Item = Entry | Group


@dataclass(frozen=True)
class Plan:
    title: str
    source: Path
    items: tuple[Item, ...]
    rest_between: float = DEFAULT_REST_BETWEEN
    description: str = ""
    lang: str | None = None  # ``lang``; None: its exercises', else the run's language
    music: Path | None = None  # a song, a folder of songs or a playlist, under the track
    warmup: tuple[Entry, ...] = ()
    cooldown: tuple[Entry, ...] = ()

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every exercise of the plan in the order it is done."""
        return (*self.warmup, *_flat(self.items), *self.cooldown)

    @property
    def straight(self) -> bool:
        """Straight sets only: no groups, no warm-up, no cool-down."""
        return not (self.warmup or self.cooldown) and all(isinstance(i, Entry) for i in self.items)


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
    try:
        rest = parse_setting("rest", data.get("rest_between", DEFAULT_REST_BETWEEN))
        lang = parse_language(data["lang"]) if "lang" in data else None
    except SettingsError as exc:
        raise DocumentError(f"{path}: {exc}") from None
    folder = path.parent
    parsed = tuple(_parsed(path, "exercises", items, lambda item: _item(item, folder)))
    warmup = tuple(_parsed(path, "warmup", data.get("warmup"), lambda item: _entry(item, folder)))
    cooldown = tuple(
        _parsed(path, "cooldown", data.get("cooldown"), lambda item: _entry(item, folder))
    )
    title = str(data.get("title") or path.stem.replace("-", " ").title())
    music = data.get("music")
    if music is not None and not (isinstance(music, str) and music.strip()):
        raise DocumentError(f"{path}: 'music' must be the path of a song, a folder or a playlist")
    plan = Plan(
        title,
        path,
        parsed,
        rest,
        str(data.get("description") or ""),
        lang,
        path.parent / music.strip() if music else None,
        warmup,
        cooldown,
    )
    if len(plan.entries) > MAX_PLAN_EXERCISES:
        raise DocumentError(
            f"{path}: {len(plan.entries)} exercises; a plan may have {MAX_PLAN_EXERCISES}"
        )
    return plan


def _parsed(path: Path, key: str, items: Any, parse: Any) -> Iterator[Any]:
    """Each item of the list under ``key``, an error naming the plan, the list and the item."""
    if items is None:
        return
    if not isinstance(items, list):
        raise DocumentError(f"{path}: '{key}' must be a list of exercises")
    for number, item in enumerate(items, 1):
        try:
            yield parse(item)
        except SettingsError as exc:
            raise DocumentError(f"{path}: {key} item {number}: {exc}") from None


def _flat(items: tuple[Item, ...]) -> Iterator[Entry]:
    for item in items:
        yield from item.entries if isinstance(item, Group) else (item,)


def _item(item: Any, folder: Path) -> Item:
    if isinstance(item, dict) and len(item) == 1 and not isinstance(item.get("path"), str):
        ((kind, body),) = item.items()
        if kind not in GROUP_DEFAULTS:
            raise SettingsError(
                f"unknown group '{kind}'; a group is one of {', '.join(GROUP_DEFAULTS)}, "
                "an exercise is a path or a mapping with 'path'"
            )
        return _group(str(kind), body, folder)
    if isinstance(item, dict) and "path" not in item and len(item) > 1:
        raise SettingsError(
            f"a group is a mapping with exactly one key, got {', '.join(map(str, item))}; "
            "put each group in its own list item"
        )
    return _entry(item, folder)


def _entry(item: Any, folder: Path) -> Entry:
    if isinstance(item, str):
        return Entry(folder / item)
    if isinstance(item, dict) and isinstance(item.get("path"), str):
        return Entry(folder / item["path"], parse_settings(item))
    raise SettingsError(f"each exercise must be a path or a mapping with 'path', got {item!r}")


def _group(kind: str, body: Any, folder: Path) -> Group:
    """A group's mapping: its settings and ``exercises``; a Tabata may name its one
    exercise directly (a path, or a mapping with ``path``)."""
    defaults = GROUP_DEFAULTS[kind]
    if kind == "tabata" and (isinstance(body, str) or "path" in (body or {})):
        body = {"exercises": [body]} if isinstance(body, str) else _tabata(body, defaults)
    if not isinstance(body, dict):
        raise SettingsError(f"{kind}: must be a mapping with 'exercises'")
    known = {*defaults, "exercises"}
    if unknown := sorted(str(key) for key in body if key not in known):
        raise SettingsError(
            f"{kind}: unknown setting {', '.join(unknown)}; it takes {', '.join(sorted(known))}"
        )
    items = body.get("exercises")
    if not isinstance(items, list) or not items:
        raise SettingsError(f"{kind}: 'exercises' must be a non-empty list of exercises")
    settings = {}
    for name, default in defaults.items():
        if name in body:
            settings[name] = parse_setting(name, body[name], GROUP_PARSERS)
        elif default is None:
            raise SettingsError(f"{kind}: '{name}' is missing; give {GROUP_PARSERS[name].__doc__}")
        else:
            settings[name] = default
    return Group(kind, tuple(_entry(entry, folder) for entry in items), settings)


def _tabata(body: dict, defaults: dict[str, Any]) -> dict:
    """``{path: x, rounds: 6}``: the group's settings, and the rest for the exercise."""
    exercise = {key: value for key, value in body.items() if key not in defaults}
    return {**{k: v for k, v in body.items() if k in defaults}, "exercises": [exercise]}
