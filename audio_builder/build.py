"""The pipeline, in one straight line: parse -> coach -> speak -> mix -> export."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audio_builder.coach import Part, coach, coach_plan, prepare
from audio_builder.cuesheet import as_chapters_json, as_vtt
from audio_builder.document import parse_file, slugify
from audio_builder.errors import AudioBuilderError, DocumentError, EngineError
from audio_builder.export import DEFAULT_BITRATE, Tags, write_mp3, write_sidecar
from audio_builder.mixer import render
from audio_builder.plan import is_plan, parse_plan
from audio_builder.script import CueScript
from audio_builder.settings import DEFAULTS, MAX_TRACK_SECONDS
from audio_builder.timeline import Timeline, schedule
from audio_builder.voice import Voice


@dataclass(frozen=True)
class Options:
    out_dir: Path = Path("out")
    overrides: dict[str, Any] = field(default_factory=dict)  # validated command-line settings
    bitrate: int = DEFAULT_BITRATE
    sidecars: bool = True  # a WebVTT cue sheet and a JSON chapters file beside each MP3


@dataclass(frozen=True)
class Track:
    """What one input becomes before any audio: its names and its cue script."""

    source: Path
    title: str
    slug: str
    description: str
    script: CueScript
    steps: list[str]  # how each exercise's steps were understood, for `script`


@dataclass(frozen=True)
class Built:
    source: Path
    output: Path
    timeline: Timeline


@dataclass(frozen=True)
class Failed:
    source: Path
    error: AudioBuilderError


def load(path: Path, overrides: dict[str, Any]) -> Track:
    """Parse and coach an exercise document or a workout plan."""
    if is_plan(path):
        return _load_plan(path, overrides)
    part = _part(path, overrides)
    exercise = part.exercise
    return Track(
        path,
        exercise.title,
        exercise.slug,
        exercise.description,
        coach(exercise, part.settings),
        _describe(part),
    )


def time_track(track: Track, voice: Voice) -> Timeline:
    """Place the cues with the voice's real clip lengths (checking the length first, so
    an absurd document costs no synthesis)."""
    planned = track.script.planned_seconds()
    if planned > MAX_TRACK_SECONDS:
        raise DocumentError(
            f"{track.source}: the track would last over {planned / 3600:.1f} hours; "
            f"the limit is {MAX_TRACK_SECONDS // 3600} hours — use fewer sets, reps or exercises"
        )
    return schedule(track.script, voice.length)


def build_one(
    path: Path, voice: Voice, options: Options, taken: dict[Path, Path] | None = None
) -> Built:
    """Build one track; ``taken`` maps outputs already written in this run to their source."""
    track = load(path, options.overrides)
    output = options.out_dir / f"{track.slug}.mp3"
    if taken is not None:
        if output in taken:
            raise DocumentError(
                f"{path}: its track name '{track.slug}' is taken by {taken[output]}; "
                "give one of them another 'title'"
            )
        taken[output] = path
    try:
        timeline = time_track(track, voice)
    except EngineError as exc:
        if not voice.fall_back(exc):
            raise
        timeline = time_track(track, voice)
    tags = Tags(track.title, track.description, timeline.chapters, timeline.groups)
    write_mp3(output, render(timeline, voice.sound), tags, options.bitrate)
    if options.sidecars:
        write_sidecar(output.with_suffix(".vtt"), as_vtt(timeline))
        write_sidecar(output.with_suffix(".chapters.json"), as_chapters_json(timeline))
    return Built(path, output, timeline)


def build_all(
    paths: Iterable[Path],
    voice: Voice,
    options: Options,
    on_done: Callable[[Built | Failed], None] = lambda _: None,
) -> list[Built | Failed]:
    """Build every input; a failing one is recorded and the others go on."""
    results: list[Built | Failed] = []
    taken: dict[Path, Path] = {}
    for path in paths:
        try:
            result: Built | Failed = build_one(path, voice, options, taken)
        except AudioBuilderError as exc:
            result = Failed(path, exc)
        except Exception as exc:  # a bug must not cost the rest of the batch
            result = Failed(
                path, AudioBuilderError(f"{path}: internal error: {exc!r}; please report it")
            )
        results.append(result)
        on_done(result)
    return results


def find_inputs(paths: Iterable[Path]) -> list[Path]:
    """Each file given, and the exercises (.md) and plans (.yaml) of each folder given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in _INPUTS))
        else:
            found.append(path)
    return found


_INPUTS = (".md", ".yaml", ".yml")


def _part(path: Path, overrides: dict[str, Any]) -> Part:
    exercise = parse_file(path)
    return prepare(exercise, DEFAULTS.override(exercise.settings).override(overrides))


def _describe(part: Part) -> list[str]:
    lines = part.movement.describe(part.settings.tempo)
    return [*lines, f"timed: {part.timed:g} s per set"] if part.timed else lines


def _load_plan(path: Path, overrides: dict[str, Any]) -> Track:
    plan = parse_plan(path)
    parts = [_part(entry.path, {**entry.overrides, **overrides}) for entry in plan.entries]
    steps = [
        line
        for part in parts
        for line in [
            f"{part.exercise.title}:",
            *(f"  {s}" for s in part.movement.describe(part.settings.tempo)),
        ]
    ]
    names = ", ".join(part.exercise.title for part in parts)
    description = plan.description or f"A workout of {len(parts)} exercises: {names}."
    script = coach_plan(plan.title, parts, plan.rest_between)
    return Track(
        path,
        plan.title,
        slugify(plan.title) or slugify(path.stem) or "workout",
        description,
        script,
        steps,
    )
