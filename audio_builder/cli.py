"""The command line: parse options, hand off to the library, report."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from pydub import AudioSegment

from audio_builder.audio.cache import default_cache_dir
from audio_builder.audio.encode import BITRATES, DEFAULT_BITRATE, MUSIC_BITRATE
from audio_builder.audio.engines import BUILTIN, choose_engine, create_engine, engine_classes
from audio_builder.audio.estimate import estimated_lengths
from audio_builder.audio.narrator import VoiceChoice, with_fallback
from audio_builder.audio.pcm import TARGET_LUFS
from audio_builder.audio.songs import find_songs
from audio_builder.audio.sounds import load_sounds
from audio_builder.audio.timeline import Timeline, schedule
from audio_builder.batch import Result, build_many
from audio_builder.build import Built, Failed, Options, Track, find_inputs, load, time_track
from audio_builder.errors import AudioBuilderError, SettingsError, VoiceMismatchError
from audio_builder.languages import DEFAULT_LANGUAGE, LANGUAGES, parse_language
from audio_builder.publish.cuesheet import as_json, as_text, as_vtt, clock
from audio_builder.reading.importer import import_free_exercise_db
from audio_builder.settings import (
    DEFAULT_SPEED,
    DEFAULT_TEMPO,
    DUCK_DEPTHS,
    MIX,
    MUSIC_LEVELS,
    SPEED_RANGE,
    Mix,
    describe,
    parse_settings,
)
from audio_builder.stopping import stopping_on_signals


def _setting(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """The settings an option gives, as written ("--reps 8-12": 12 reps, 8 the least)."""
    if value is None:
        return None
    try:
        return parse_settings({param.name or "": value})
    except SettingsError as exc:
        raise click.BadParameter(str(exc)) from None


class EngineName(click.ParamType):
    """auto, a built-in engine or a plugin's; plugins are looked for only when another
    name is given or help is shown, so a build does not import every engine."""

    name = "engine"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.names()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if value == "auto" or value in BUILTIN or value in (names := self.names()):
            return value
        self.fail(f"{value!r} is not one of {', '.join(map(repr, names))}.", param, ctx)

    @staticmethod
    def names() -> list[str]:
        return ["auto", *engine_classes()]


engine_option = click.option(
    "--engine",
    default="auto",
    show_default=True,
    type=EngineName(),
    help="Voice: auto (Google when reachable, else offline), piper (offline) or gtts (Google).",
)


def _language(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    try:
        return parse_language(value)
    except SettingsError as exc:
        raise click.BadParameter(str(exc)) from None


lang_option = click.option(
    "--lang",
    default=DEFAULT_LANGUAGE,
    show_default=True,
    callback=_language,
    help=f"Language of documents that do not say (front matter 'lang') and are not plainly "
    f"written in another: {', '.join(LANGUAGES)}. Google's voice speaks each text's language.",
)
tld_option = click.option(
    "--tld",
    default="com",
    show_default=True,
    help="gtts: accent by Google domain (com, co.uk, com.au, ca, co.in, ie; es, com.mx; fr).",
)
voice_option = click.option(
    "--voice",
    help="piper: an installed voice's name or a path to a Piper .onnx model (its .onnx.json "
    "beside it); see 'audio-builder engines'.",
)
speed_option = click.option(
    "--speed",
    type=click.FloatRange(*SPEED_RANGE),
    default=DEFAULT_SPEED,
    show_default=True,
    help=f"Speaking pace, {SPEED_RANGE[0]:g}-{SPEED_RANGE[1]:g}; below 1 is slower and calmer "
    "(gtts: slow below 1).",
)
mismatch_option = click.option(
    "--allow-mismatch",
    is_flag=True,
    help="Let a voice speak text in another language than its own.",
)
sounds_option = click.option(
    "--sounds",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with tick, go and stop sounds (.wav, .flac or .mp3) to use for the beeps.",
)
SETTING_OPTIONS = {  # option: (metavar, what it sets)
    "sets": ("N", "Sets per exercise"),
    "reps": ("N", "Reps per set"),
    "rest": ("SECONDS", "Rest between sets, up to the next 'go'"),
    "tempo": ("UP-HOLD-DOWN", f"Seconds per rep phase (else from the text, else {DEFAULT_TEMPO})"),
}
setting_options = [
    click.option(f"--{name}", metavar=metavar, callback=_setting, help=f"{what}: {describe(name)}.")
    for name, (metavar, what) in SETTING_OPTIONS.items()
]


def out_option(help: str, **kwargs: Any) -> Any:
    return click.option(
        "-o",
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help=help,
        **kwargs,
    )


bitrate_option = click.option(
    "--bitrate",
    type=click.Choice([str(b) for b in BITRATES]),
    help=f"MP3 bitrate in kbps [default: {DEFAULT_BITRATE}; {MUSIC_BITRATE} with music].",
)


def _decibels(flag: str, bounds: tuple[float, float], help: str, default: float | None) -> Any:
    shown = default is not None
    kind = click.FloatRange(*bounds)
    return click.option(
        flag, default=default, show_default=shown, type=kind, metavar="DB", help=help
    )


music_options = [
    click.option(
        "--music",
        type=click.Path(exists=True, path_type=Path),
        help="Music under the coach: an audio file, a folder of them (name order) or an "
        ".m3u/.m3u8 playlist. MP3, FLAC, Ogg Vorbis, WAV, M4A/AAC.",
    ),
    _decibels(
        "--music-level",
        MUSIC_LEVELS,
        "Music level between cues, in dB relative to the voice.",
        MIX.level,
    ),
    _decibels(
        "--duck", DUCK_DEPTHS, "How far the music falls under every spoken cue, in dB.", MIX.duck
    ),
    click.option(
        "--metronome",
        is_flag=True,
        help="A soft tick on each second of every rep and timed hold, for tempo work.",
    ),
    _decibels(
        "--rest-music-level",
        MUSIC_LEVELS,
        "Music level during rests, relative to the voice [default: as --music-level].",
        None,
    ),
]
jobs_option = click.option(
    "-j",
    "--jobs",
    default=os.cpu_count() or 1,
    show_default="CPU count",
    type=click.IntRange(1, 64),
    help="Tracks built at once, each in its own process.",
)


def with_settings(command: Any) -> Any:
    for option in reversed(setting_options):
        command = option(command)
    return command


def with_voice(command: Any) -> Any:
    """The options that choose how the track sounds."""
    for option in reversed(
        [
            engine_option,
            voice_option,
            lang_option,
            tld_option,
            speed_option,
            mismatch_option,
            sounds_option,
        ]
    ):
        command = option(command)
    return command


def with_music(command: Any) -> Any:
    """The options that put music under the coach."""
    for option in reversed(music_options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="audio_builder")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn exercise markdown into voice-coached workout MP3s."""
    ctx.with_resource(stopping_on_signals())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@out_option("Folder for the MP3s.", default="out", show_default=True)
@with_voice
@with_settings
@with_music
@bitrate_option
@click.option(
    "--sidecars/--no-sidecars",
    default=True,
    show_default=True,
    help="Write a WebVTT cue sheet and a JSON chapters file beside each MP3.",
)
@jobs_option
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    bitrate: str | None,
    sidecars: bool,
    jobs: int,
    **options: Any,
) -> None:
    """Build one MP3 per exercise (.md) or workout plan (.yaml) in PATHS, files or
    folders (default: seeds)."""
    run = _Run.start(paths, options)
    settings = Options(
        out_dir,
        run.overrides,
        _bitrate(bitrate),
        sidecars,
        language=run.voice["lang"],
        music=run.music,
        mix=run.mix,
        metronome=run.metronome,
    )
    results = _with_progress(
        run.inputs, lambda done: build_many(run.inputs, run.choice, settings, jobs, done), run.auto
    )
    sys.exit(_summary(results, run.auto))


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "form",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json", "vtt"]),
    help="Output format.",
)
@click.option(
    "--estimate",
    is_flag=True,
    help="Times estimated from the text: no voice, no synthesis, no network; instant.",
)
@with_voice
@with_settings
def script(path: Path, form: str, estimate: bool, **options: Any) -> None:
    """Print the cue script of one exercise or plan, with the exact times of its MP3
    (or, with --estimate, times estimated from the text)."""
    voice, overrides = _split_voice(options)
    try:
        track = load(path, overrides, voice["lang"])
        if estimate:
            timeline = schedule(track.script, estimated_lengths(_sounds(voice["sounds"])))
        else:
            choice = _voice_choice(voice, quiet=form != "text")
            timeline = with_fallback(choice, lambda spoken: _timed(track, spoken))
    except AudioBuilderError as exc:
        _fail(exc)
    if form == "json":
        click.echo(as_json(timeline, estimate))
    elif form == "vtt":
        click.echo(as_vtt(timeline, track.lang, estimate), nl=False)
    else:
        click.echo(as_text(timeline, track.steps, estimate, track.structure))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@out_option("Folder for the feed, the page and episodes/.", required=True)
@click.option(
    "--base-url", required=True, help="Where OUT will be served, e.g. https://example.com/pod/."
)
@click.option("--title", default="audio_builder workouts", show_default=True, help="Podcast title.")
@click.option("--author", default="audio_builder", show_default=True, help="Podcast author.")
@click.option("--email", default="", help="Owner's email for directories (itunes:owner).")
@click.option(
    "--image",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Square PNG/JPEG cover, 1400-3000 px (default: one made from the title).",
)
@click.option("--language", help="The feed's language (default: the one most episodes speak).")
@click.option(
    "--loudness",
    default=TARGET_LUFS,
    show_default=True,
    type=click.FloatRange(-30, -10),
    help="Integrated loudness target, LUFS.",
)
@with_voice
@with_settings
@with_music
@bitrate_option
@jobs_option
def podcast(
    paths: tuple[Path, ...],
    out_dir: Path,
    base_url: str,
    title: str,
    author: str,
    email: str,
    image: Path | None,
    language: str | None,
    loudness: float,
    bitrate: str | None,
    jobs: int,
    **options: Any,
) -> None:
    """Publish exercises and plans in PATHS (default: seeds) as podcast episodes, with
    OUT/feed.xml and OUT/index.html."""
    run = _Run.start(paths, options)
    from audio_builder.publish.podcast import (
        Podcast,
        export_podcast,
    )  # feed and cover libraries: only here

    show = Podcast(
        out_dir,
        base_url,
        title,
        author,
        email,
        language,
        image,
        loudness=loudness,
        bitrate=_bitrate(bitrate),
        overrides=run.overrides,
        lang=run.voice["lang"],
        music=run.music,
        mix=run.mix,
        metronome=run.metronome,
    )
    try:
        results = _with_progress(
            run.inputs,
            lambda done: export_podcast(run.inputs, run.choice, show, jobs, done),
            run.auto,
        )
    except AudioBuilderError as exc:
        _fail(exc)
    click.echo(f"feed: {out_dir / 'feed.xml'}, page: {out_dir / 'index.html'}", err=True)
    sys.exit(_summary(results, run.auto))


@main.command("import")
@click.argument("kind", type=click.Choice(["free-exercise-db"]))
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@out_option("Folder for the .md files.", required=True)
def import_command(kind: str, source: Path, out_dir: Path) -> None:
    """Convert a collection (KIND: free-exercise-db JSON) into exercise documents."""
    try:
        imported = import_free_exercise_db(source, out_dir)
    except AudioBuilderError as exc:
        _fail(exc)
    for line in imported.skipped:
        click.echo(f"skipped: {line}", err=True)
    click.echo(
        f"{len(imported.written)} exercises written to {out_dir}, {len(imported.skipped)} skipped",
        err=True,
    )


@main.command()
def engines() -> None:
    """List the speech engines, whether each can run here, and their voices with the
    language each speaks."""
    for name, engine in engine_classes().items():
        problem = engine.check()
        state = "available" if problem is None else f"unavailable: {problem}"
        click.echo(f"{name}: {state}")
        for narrator in engine.voices():
            click.echo(f"  {narrator}")
    click.echo(f"clip cache: {default_cache_dir()}")


VOICE_OPTIONS = ("engine", "voice", "lang", "tld", "speed", "allow_mismatch", "sounds")


def _bitrate(given: str | None) -> int | None:
    return int(given) if given else None


@dataclass(frozen=True)
class _Run:
    """What ``build`` and ``podcast`` start from: the inputs, the music (the songs, the
    mix, the metronome), the voice options, the workout settings given on the command
    line, and the run's voice, decided once."""

    inputs: list[Path]
    music: Path | None
    mix: Mix
    metronome: bool
    voice: dict[str, Any]
    overrides: dict[str, Any]
    choice: VoiceChoice

    @property
    def auto(self) -> bool:
        return self.voice["engine"] == "auto"

    @classmethod
    def start(cls, paths: tuple[Path, ...], options: dict[str, Any]) -> _Run:
        inputs = _inputs(paths)
        music = options.pop("music")
        levels = (options.pop(name) for name in ("music_level", "duck", "rest_music_level"))
        mix = _mix(music, *levels)
        metronome = options.pop("metronome")
        voice, overrides = _split_voice(options)
        return cls(inputs, music, mix, metronome, voice, overrides, _voice_choice(voice))


def _mix(music: Path | None, level: float, duck: float, rest: float | None) -> Mix:
    """The mix settings, once the music is known to hold at least one song file."""
    if music is not None:
        try:
            find_songs(music)
        except AudioBuilderError as exc:
            _fail(exc)
    return Mix(level, duck, rest)


def _split_voice(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The voice options, and the workout settings given on the command line."""
    voice = {name: options.pop(name) for name in VOICE_OPTIONS}
    settings: dict[str, Any] = {}
    for given in options.values():  # each setting option's settings, or None
        settings.update(given or {})
    return voice, settings


def _voice_choice(voice: dict[str, Any], quiet: bool = False) -> VoiceChoice:
    """Decide the run's voice once; ``auto`` says what it chose."""
    engine = voice["engine"]
    engine_options = {key: voice[key] for key in ("voice", "lang", "tld", "speed")}
    try:
        sounds = _sounds(voice["sounds"])
        chosen = choose_engine(engine, engine_options)
        fallback = (
            create_engine("piper", speed=voice["speed"])
            if engine == "auto" and chosen.name != "piper"
            else None
        )
    except AudioBuilderError as exc:
        _fail(exc)
    if engine == "auto" and not quiet:
        reason = "" if chosen.name == "gtts" or voice["voice"] else " — Google is not reachable"
        click.echo(f"Voice: {chosen.name} ({chosen.voice}){reason}", err=True)
    return VoiceChoice(chosen, default_cache_dir(), fallback, sounds, voice["allow_mismatch"])


def _timed(track: Track, voice: VoiceChoice) -> Timeline:
    """The track timed with this voice, saying so when the run had to turn to it."""
    if voice.switched:
        click.echo(f"note: {voice.switched}", err=True)
    return time_track(track, voice.narrator())


def _sounds(folder: Path | None) -> dict[str, AudioSegment]:
    return load_sounds(folder) if folder else {}


def _inputs(paths: tuple[Path, ...]) -> list[Path]:
    inputs = find_inputs(paths or (Path("seeds"),))
    if not inputs:
        where = ", ".join(str(path) for path in paths or (Path("seeds"),))
        raise click.UsageError(f"no exercises (.md) or plans (.yaml) found in {where}")
    return inputs


def _with_progress(
    inputs: list[Path], run: Callable[[Callable[[Result], None]], list[Result]], auto: bool
) -> list[Result]:
    """Run a batch with a progress bar on a terminal; elsewhere, one line per track."""
    if not sys.stderr.isatty():
        return run(lambda result: _report(result, True, auto))
    with click.progressbar(length=len(inputs), label="Building", file=sys.stderr) as bar:
        finished: set[Path] = set()  # a track made again (the run changed voice) counts once

        def done(result: Result) -> None:
            _report(result, False, auto)
            if result.source not in finished:
                finished.add(result.source)
                bar.update(1)

        return run(done)


def _skipped(result: Result, auto: bool) -> bool:
    """With ``--engine auto``, a text in a language no voice here speaks is passed
    over rather than failed, so a folder of several languages still builds everything
    this machine can speak (an explicit engine or voice makes it an error)."""
    return auto and isinstance(result, Failed) and isinstance(result.error, VoiceMismatchError)


def _report(result: Result, verbose: bool, auto: bool) -> None:
    """Errors and notes always; each track when not on a terminal."""
    if isinstance(result, Failed):
        kind = "skipped" if _skipped(result, auto) else "error"
        click.echo(f"{kind}: {result.error}", err=True)
        return
    if verbose:
        state = "up to date" if result.reused else "built"
        click.echo(
            f"{state} {result.output} ({clock(round(result.seconds * 1000), 1000)})", err=True
        )
    for note in result.notes:
        click.echo(f"note: {result.source}: {note}", err=True)


def _summary(results: list[Result], auto: bool) -> int:
    """Print the totals; the exit status: 1 if any input failed."""
    built = [r for r in results if isinstance(r, Built)]
    reused = sum(r.reused for r in built)
    skipped = sum(_skipped(r, auto) for r in results)
    failed = len(results) - len(built) - skipped
    passed_over = f", {skipped} skipped (no voice for their language here)" if skipped else ""
    synthesized = sum(r.synthesized for r in built)
    from_cache = sum(r.from_cache for r in built)
    click.echo(
        f"{len(built) - reused} built, {reused} up to date, {failed} failed{passed_over}; "
        f"{synthesized} clips synthesized, {from_cache} from the cache",
        err=True,
    )
    return 1 if failed else 0


def _fail(error: AudioBuilderError) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(1)
