"""The pipeline, in one straight line: parse -> coach -> speak -> mix -> export."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audio_builder.coach import coach
from audio_builder.document import Exercise, parse_file
from audio_builder.errors import AudioBuilderError, DocumentError
from audio_builder.export import DEFAULT_BITRATE, Tags, write_mp3
from audio_builder.mixer import render
from audio_builder.settings import DEFAULTS, MAX_TRACK_SECONDS
from audio_builder.timeline import Timeline, schedule
from audio_builder.voice import Voice


@dataclass(frozen=True)
class Options:
    out_dir: Path = Path("out")
    overrides: dict[str, Any] = field(default_factory=dict)  # validated command-line settings
    bitrate: int = DEFAULT_BITRATE


@dataclass(frozen=True)
class Built:
    source: Path
    output: Path
    timeline: Timeline


@dataclass(frozen=True)
class Failed:
    source: Path
    error: AudioBuilderError


def plan(path: Path, voice: Voice, overrides: dict[str, Any]) -> tuple[Exercise, Timeline]:
    """Parse and coach one exercise and time its cues with the voice's real clips."""
    exercise = parse_file(path)
    settings = DEFAULTS.override(exercise.settings).override(overrides)
    timeline = schedule(coach(exercise, settings), voice.length)
    if timeline.seconds > MAX_TRACK_SECONDS:
        raise DocumentError(
            f"{path}: the track would last {timeline.seconds / 3600:.1f} hours; "
            f"the limit is {MAX_TRACK_SECONDS // 3600} hours — use fewer sets or reps"
        )
    return exercise, timeline


def build_exercise(
    path: Path, voice: Voice, options: Options, taken: dict[Path, Path] | None = None
) -> Built:
    """Build one track; ``taken`` maps outputs already written in this run to their source."""
    exercise, timeline = plan(path, voice, options.overrides)
    output = options.out_dir / f"{exercise.slug}.mp3"
    if taken is not None:
        if output in taken:
            raise DocumentError(
                f"{path}: its track name '{exercise.slug}' is taken by {taken[output]}; "
                "give one of them another 'title' in its front matter"
            )
        taken[output] = path
    tags = Tags(exercise.title, exercise.description, timeline.chapters)
    write_mp3(output, render(timeline, voice.sound), tags, options.bitrate)
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
            result: Built | Failed = build_exercise(path, voice, options, taken)
        except AudioBuilderError as exc:
            result = Failed(path, exc)
        results.append(result)
        on_done(result)
    return results


def find_inputs(paths: Iterable[Path]) -> list[Path]:
    """Each file given, and the ``.md`` files of each folder given, in name order."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.md")) if path.is_dir() else [path])
    return found
