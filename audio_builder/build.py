"""The pipeline, in one straight line: parse -> coach -> speak -> mix -> export."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audio_builder.atomic import write_output
from audio_builder.audio.encode import DEFAULT_BITRATE, MUSIC_BITRATE, write_mp3
from audio_builder.audio.narrator import Narrator
from audio_builder.audio.pcm import CHANNELS
from audio_builder.audio.render import render
from audio_builder.audio.songs import find_songs
from audio_builder.audio.tags import Label, Tags
from audio_builder.audio.timeline import Timeline, schedule
from audio_builder.catalog import catalog
from audio_builder.coaching.coach import Part, coach, prepare
from audio_builder.coaching.script import CueScript
from audio_builder.coaching.session import Block, coach_plan, plan_structure
from audio_builder.errors import AudioBuilderError, DocumentError, SettingsError
from audio_builder.languages import DEFAULT_LANGUAGE, name_of
from audio_builder.manifest import Stamp, stamp
from audio_builder.publish.cuesheet import as_chapters_json, as_vtt, seconds
from audio_builder.reading.document import DOCUMENT_SUFFIXES, parse_file, slugify
from audio_builder.reading.movement import analyse
from audio_builder.reading.plan import PLAN_SUFFIXES, Entry, Group, Plan, is_plan, parse_plan
from audio_builder.settings import (
    DEFAULTS,
    MAX_TRACK_SECONDS,
    MIX,
    WARMUP_SETS,
    Mix,
    describe_sources,
    from_text,
)

if TYPE_CHECKING:  # numpy-backed: loaded only for a track with music or a metronome
    from audio_builder.audio.mixer import Mixer


@dataclass(frozen=True)
class Options:
    out_dir: Path = Path("out")
    overrides: dict[str, Any] = field(default_factory=dict)  # validated command-line settings
    bitrate: int | None = None  # None: DEFAULT_BITRATE, or MUSIC_BITRATE with music
    sidecars: bool = True  # a WebVTT cue sheet and a JSON chapters file beside each MP3
    label: Label = field(default_factory=Label)
    loudness: float | None = None  # LUFS to normalize to (podcast episodes); None: as mixed
    language: str = DEFAULT_LANGUAGE  # of a document that does not say (--lang)
    music: Path | None = None  # music under every track (over a plan's own)
    mix: Mix = MIX
    metronome: bool = False  # a soft tick on each second of reps and holds

    def fingerprint(self) -> tuple:
        """Everything here that changes the files a track becomes (not where they go; the
        music's content is added per track)."""
        cover = hashlib.sha256(self.label.cover).hexdigest()
        label = (self.label.artist, self.label.album, self.label.genre, cover)
        settings = sorted(self.overrides.items())
        return (
            settings,
            self.bitrate,
            self.sidecars,
            label,
            self.loudness,
            self.language,
            self.mix,
        )

    def output(self, slug: str) -> Path:
        """Where the MP3 of the track named ``slug`` goes."""
        return self.out_dir / f"{slug}.mp3"


def sidecars(output: Path) -> tuple[Path, Path]:
    """The WebVTT cue sheet and the JSON chapters written beside the MP3 ``output``."""
    return output.with_suffix(".vtt"), output.with_suffix(".chapters.json")


@dataclass(frozen=True)
class Track:
    """What one input becomes before any audio: its names and its cue script."""

    source: Path
    title: str
    slug: str
    description: str
    script: CueScript
    steps: list[str]  # how each exercise's steps were understood, for `script`
    inputs: tuple[Path, ...]  # every file read: the document, or a plan and its exercises
    equipment: tuple[str, ...] = ()
    structure: tuple[str, ...] = ()  # a plan's groups, rounds and prescriptions, for `script`
    number: int = 0  # its place in a batch, for the track number tag
    lang: str = DEFAULT_LANGUAGE  # what the coach and the voice speak
    music: Path | None = None  # a plan's own music


@dataclass(frozen=True)
class Built:
    """A track written (or, with ``reused``, found up to date from an earlier run), with
    all that a feed or a page says of it."""

    source: Path
    output: Path
    title: str
    description: str
    seconds: float
    chapters: tuple[tuple[float, str], ...] = ()  # (start seconds, title)
    equipment: tuple[str, ...] = ()
    number: int = 0
    files: dict[str, Stamp] = field(default_factory=dict)  # the MP3 and its sidecars
    guid: str = ""  # set by the batch: the episode's id
    published: str = ""  # set by the batch: ISO 8601, when this guid was first built
    notes: tuple[str, ...] = ()  # slots that had to grow
    synthesized: int = 0  # clips this track had to synthesize
    from_cache: int = 0  # its other distinct lines, found in the clip cache
    reused: bool = False
    lang: str = DEFAULT_LANGUAGE
    voice: str = ""  # the voice that spoke it, e.g. "gtts en/com"


@dataclass(frozen=True)
class Failed:
    source: Path
    error: AudioBuilderError


def load(path: Path, overrides: dict[str, Any], language: str = DEFAULT_LANGUAGE) -> Track:
    """Parse and coach an exercise document or a workout plan; ``language`` is the
    text's where the document does not say."""
    if is_plan(path):
        return _load_plan(path, overrides, language)
    part = _part(path, overrides, language=language)
    exercise = part.exercise
    script = coach(exercise, part.settings, part.lang)
    return Track(
        path,
        exercise.title,
        exercise.slug,
        exercise.description,
        script,
        _describe(part),
        (path,),
        exercise.equipment,
        lang=part.lang,
    )


def time_track(track: Track, narrator: Narrator) -> Timeline:
    """Place the cues with the voice's real clip lengths (checking the length and the
    voice's language first, so an absurd document or a wrong voice costs no synthesis)."""
    planned = track.script.planned_seconds()
    if planned > MAX_TRACK_SECONDS:
        raise DocumentError(
            f"{track.source}: the track would last over {planned / 3600:.1f} hours; "
            f"the limit is {MAX_TRACK_SECONDS // 3600} hours — use fewer sets, reps or exercises"
        )
    narrator.use_language(track.lang, track.source)
    return schedule(track.script, narrator.length)


def build_one(track: Track, narrator: Narrator, options: Options) -> Built:
    """Time, mix and write one track, with its sidecars."""
    before, unsaved = narrator.synthesized, narrator.cache_failures
    notes: list[str] = []
    timeline = time_track(track, narrator)
    output = options.output(track.slug)
    tags = Tags(
        track.title,
        track.description,
        timeline.chapters,
        timeline.groups,
        options.label,
        track.number,
        track.lang,
    )
    mixer = _mixer(track, timeline, narrator, options, notes)
    channels = CHANNELS if mixer is None else mixer.channels
    bitrate = options.bitrate or (DEFAULT_BITRATE if channels == CHANNELS else MUSIC_BITRATE)

    def mix() -> Iterable[bytes]:
        return render(timeline, narrator.sound) if mixer is None else mixer.pcm()

    pcm = mix()
    if options.loudness is not None:  # measured on one playing of the mix, written from another
        from audio_builder.audio.loudness import normalize  # numpy: loaded when asked for

        pcm = normalize(mix, bitrate, channels, options.loudness)
    write_mp3(output, pcm, tags, bitrate, channels)
    notes.extend(mixer.notes if mixer else ())
    written = [output]
    if options.sidecars:
        transcript, chapters = sidecars(output)
        write_output(transcript, as_vtt(timeline, track.lang).encode())
        write_output(chapters, as_chapters_json(timeline).encode())
        written += [transcript, chapters]
    notes.extend(str(stretch) for stretch in timeline.stretches)
    notes.extend(str(drop) for drop in timeline.dropped)
    if narrator.cache_failures > unsaved:
        notes.append(
            f"{narrator.cache_failures - unsaved} clips could not be saved in the cache "
            f"({narrator.cache.root})"
        )
    synthesized = narrator.synthesized - before
    return Built(
        track.source,
        output,
        track.title,
        track.description,
        timeline.seconds,
        tuple((seconds(c.start, timeline.rate), c.title) for c in timeline.chapters),
        track.equipment,
        track.number,
        {path.name: stamp(path) for path in written},
        notes=tuple(notes),
        synthesized=synthesized,
        from_cache=max(len(track.script.phrases()) - synthesized, 0),
        lang=track.lang,
        voice=narrator.voice,
    )


def songs(track: Track, options: Options) -> tuple[Path, ...]:
    """The songs under a track: ``--music``, else the plan's ``music:``, else none."""
    music = options.music or track.music
    return find_songs(music) if music else ()


def _mixer(
    track: Track, timeline: Timeline, narrator: Narrator, options: Options, notes: list[str]
) -> Mixer | None:
    """The mix of a track with music or a metronome, or None with neither (the track is
    then rendered as it always was); songs skipped are noted."""
    found = songs(track, options)
    if not found and not options.metronome:
        return None
    from audio_builder.audio.mixer import Mixer
    from audio_builder.audio.music import open_playlist

    playlist = None
    if found:
        playlist = open_playlist(found, str(options.music or track.music), narrator.cache)
        notes.extend(playlist.notes)
    return Mixer(timeline, track.script, narrator.sound, playlist, options.mix, options.metronome)


def find_inputs(paths: Iterable[Path]) -> list[Path]:
    """Each file given, and the exercises (.md) and plans (.yaml) in each folder given
    and its subfolders (hidden ones left out), in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in _INPUTS
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


_INPUTS = (*DOCUMENT_SUFFIXES, *PLAN_SUFFIXES)


def _part(
    path: Path,
    options: dict[str, Any],
    plan: dict[str, Any] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Part:
    """An exercise with its settings: defaults, then the text's prescription, the front
    matter, the plan and the command line, each over the one before; read and worked in
    its own language, else in ``language``."""
    exercise = parse_file(path, language)
    lang = exercise.lang or language
    try:
        settings = (
            DEFAULTS.override(from_text(analyse(exercise, lang=lang).prescription), "text")
            .override(exercise.settings, "front matter")
            .override(plan or {}, "plan")
            .override(options, "option")
        )
    except SettingsError as exc:
        raise DocumentError(f"{path}: {exc}") from None
    return prepare(exercise, settings, lang)


def _describe(part: Part) -> list[str]:
    lines = part.movement.describe(part.settings.tempo)
    lines.append(f"worked: {part.work}")
    if part.timed:
        lines.append(f"timed: {part.timed:g} s per set")
    return lines + describe_sources(part.settings)


def _load_plan(path: Path, overrides: dict[str, Any], language: str) -> Track:
    plan = parse_plan(path)
    read_in = plan.lang or language
    warmup, blocks, cooldown = _plan_parts(path, plan, overrides, read_in)
    every = [*warmup, *(p for b in blocks for p in b.parts), *cooldown]
    lang = _plan_language(path, plan.lang, every, language)
    if lang != read_in:  # its exercises say their language: read them all in it
        warmup, blocks, cooldown = _plan_parts(path, plan, overrides, lang)
        every = [*warmup, *(p for b in blocks for p in b.parts), *cooldown]
    steps = []
    for part in {part.exercise.source: part for part in every}.values():
        steps.append(f"{part.exercise.title}:")
        steps.extend(f"  {line}" for line in _describe(part))
    names = ", ".join(dict.fromkeys(part.exercise.title for part in every))
    summary = catalog(lang).say("plan.description", count=len(every), names=names)
    description = plan.description or summary
    try:
        script = coach_plan(plan.title, blocks, plan.rest_between, warmup, cooldown)
    except AudioBuilderError as exc:
        raise DocumentError(f"{path}: {exc}") from None
    slug = slugify(plan.title) or slugify(path.stem) or "workout"
    inputs = (path, *dict.fromkeys(entry.path for entry in plan.entries))
    equipment = tuple(dict.fromkeys(item for part in every for item in part.exercise.equipment))
    structure = tuple(plan_structure(blocks, warmup, cooldown))
    return Track(
        path,
        plan.title,
        slug,
        description,
        script,
        steps,
        inputs,
        equipment,
        structure,
        lang=lang,
        music=plan.music,
    )


def _plan_parts(
    path: Path, plan: Plan, overrides: dict[str, Any], language: str
) -> tuple[tuple[Part, ...], list[Block], tuple[Part, ...]]:
    """The plan's warm-up, items and cool-down, read in ``language`` where an exercise
    does not say its own."""
    easy = {"sets": WARMUP_SETS}
    warmup = tuple(
        _plan_part(path, "warmup", n, e, overrides, language, easy)
        for n, e in enumerate(plan.warmup, 1)
    )
    cooldown = tuple(
        _plan_part(path, "cooldown", n, e, overrides, language, easy)
        for n, e in enumerate(plan.cooldown, 1)
    )
    blocks = []
    for number, item in enumerate(plan.items, 1):
        if isinstance(item, Group):
            where = f"exercises item {number} ({item.kind}), exercise"
            parts = tuple(
                _plan_part(path, where, n, e, overrides, language)
                for n, e in enumerate(item.entries, 1)
            )
            blocks.append(Block(parts, item.kind, item.settings))
        else:
            part = _plan_part(path, "exercise", number, item, overrides, language)
            blocks.append(Block((part,)))
    return warmup, blocks, cooldown


def _plan_language(path: Path, declared: str | None, parts: list[Part], language: str) -> str:
    """The plan's ``lang``, else the one its exercises declare, else the run's; a track
    speaks one language, so an exercise written in another is an error."""
    written = {part.exercise.lang for part in parts} - {None}
    lang = declared or (written.pop() if len(written) == 1 else language)
    for number, part in enumerate(parts, 1):
        if part.exercise.lang not in (None, lang):
            raise DocumentError(
                f"{path}: exercise {number} ({part.exercise.source}) is written in "
                f"{name_of(part.exercise.lang or '')} but the plan speaks {name_of(lang)}; "
                "a track speaks one language: set the plan's 'lang' or use exercises in one"
            )
    return lang


def _plan_part(
    path: Path,
    where: str,
    number: int,
    entry: Entry,
    overrides: dict[str, Any],
    language: str,
    defaults: dict[str, Any] | None = None,
) -> Part:
    """One exercise of a plan; a failure names the plan and the item."""
    try:
        plan_settings = {**(defaults or {}), **entry.overrides}
        return _part(entry.path, overrides, plan_settings, language)
    except AudioBuilderError as exc:
        raise DocumentError(f"{path}: {where} {number}: {exc}") from None
