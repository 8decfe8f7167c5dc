"""Build many tracks: check them all first, skip those already up to date, and run the
rest in one process or several, reporting each as it finishes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from audio_builder.atomic import remove_stale
from audio_builder.audio.narrator import Narrator, VoiceChoice, with_fallback
from audio_builder.audio.songs import music_digest
from audio_builder.build import Built, Failed, Options, Track, build_one, load, songs
from audio_builder.errors import AudioBuilderError, DocumentError, EngineError, WorkerError
from audio_builder.manifest import Entry, Manifest, track_key

Result = Built | Failed


def build_many(
    paths: Iterable[Path],
    choice: VoiceChoice,
    options: Options,
    jobs: int = 1,
    on_done: Callable[[Result], None] = lambda _: None,
) -> list[Result]:
    """Build every input; one that fails is reported and the others go on.

    A run speaks with one voice: when its voice fails and it may fall back, every track
    is made again with the fallback voice, those this run already made included (see
    ``with_fallback``). Results come back in input order; ``on_done`` hears of each as
    it finishes, and again when it is made again.
    """
    paths = list(paths)
    remove_stale(options.out_dir)
    manifest = Manifest(options.out_dir)
    results: dict[Path, Result] = {}
    tracks: list[tuple[Track, str]] = []  # each with its music's digest
    for item, music in _check(paths, options):
        if isinstance(item, Failed):
            results[item.source] = item
            on_done(item)
        else:
            tracks.append((item, music))
    results.update(
        with_fallback(choice, lambda voice: _speak(tracks, voice, manifest, options, jobs, on_done))
    )
    return [results[path] for path in dict.fromkeys(paths)]


def _speak(
    tracks: list[tuple[Track, str]],
    voice: VoiceChoice,
    manifest: Manifest,
    options: Options,
    jobs: int,
    on_done: Callable[[Result], None],
) -> dict[Path, Result]:
    """Make with ``voice`` every track not up to date for it. When the voice fails and
    the run may fall back, raise its error (stopping the workers): the run changes voice."""
    results: dict[Path, Result] = {}
    pending: list[tuple[Track, str]] = []
    switched = [voice.switched] if voice.switched else []  # said once, by the first track

    def report(result: Result) -> None:
        if switched and isinstance(result, Built):
            result = replace(result, notes=(switched.pop(), *result.notes))
        results[result.source] = result
        on_done(result)

    fingerprint = (options.fingerprint(), voice.fingerprint())
    for track, music in tracks:
        key = track_key(track.inputs, (fingerprint, track.number, music))
        output = options.output(track.slug)
        if entry := manifest.current(output, key):
            report(_reused(track.source, output, entry))
        else:
            pending.append((track, key))

    with closing(_run(pending, voice, options, jobs)) as finishing:  # stops workers on any exit
        for track, key, result in finishing:
            engine_failed = isinstance(result, Failed) and isinstance(result.error, EngineError)
            if engine_failed and voice.fallback is not None:
                raise result.error
            report(
                _record(track, key, result, manifest, options)
                if isinstance(result, Built)
                else result
            )
    return results


def _record(track: Track, key: str, built: Built, manifest: Manifest, options: Options) -> Built:
    """Record a built track in the manifest; one that cannot be recorded says so."""
    built = _published(track, built, manifest, options)
    try:
        manifest.record(built.output, _entry(key, built))
    except OSError as exc:
        note = f"could not record it in {manifest.path} ({exc.strerror or exc}); "
        return replace(built, notes=(*built.notes, note + "it will be rebuilt"))
    return built


def _published(track: Track, built: Built, manifest: Manifest, options: Options) -> Built:
    """The track as an episode. Its guid names the workout itself: the input files and
    the workout settings, not the narrator, label, loudness or its place in the list, so
    a podcast episode keeps its id (and its date) when those change."""
    guid = track_key(track.inputs, sorted(options.overrides.items()), code=False)
    previous = manifest.entries.get(built.output.name)
    published = previous.published if previous and previous.guid == guid else _now()
    return replace(built, guid=guid, published=published)


def _entry(key: str, built: Built) -> Entry:
    """The manifest's record of a built track: what a later run needs to reuse it."""
    return Entry(
        key,
        built.guid,
        str(built.source),
        built.title,
        built.description,
        built.seconds,
        built.equipment,
        built.number,
        built.published,
        built.lang,
        built.chapters,
        built.files,
        built.voice,
    )


def _reused(source: Path, output: Path, entry: Entry) -> Built:
    """A track found up to date, as the manifest recorded it."""
    return Built(
        source,
        output,
        entry.title,
        entry.description,
        entry.seconds,
        entry.chapters,
        entry.equipment,
        entry.number,
        entry.files,
        entry.guid,
        entry.published,
        reused=True,
        lang=entry.lang,
        voice=entry.voice,
    )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _check(paths: list[Path], options: Options) -> Iterable[tuple[Track | Failed, str]]:
    """Load every input (cheap: no audio), find its music and hash the songs' content,
    number them, and refuse two that would share a file name."""
    taken: dict[str, Path] = {}
    for number, path in enumerate(paths, 1):
        try:
            track = load(path, options.overrides, options.language)
            music = music_digest(songs(track, options))
        except AudioBuilderError as exc:
            yield Failed(path, exc), ""
            continue
        if track.slug in taken:
            error = DocumentError(
                f"{path}: its track name '{track.slug}' is taken by {taken[track.slug]}; "
                "give one of them another 'title' or 'slug'"
            )
            yield Failed(path, error), ""
            continue
        taken[track.slug] = path
        yield replace(track, number=number), music


def _run(
    pending: list[tuple[Track, str]], choice: VoiceChoice, options: Options, jobs: int
) -> Iterator[tuple[Track, str, Result]]:
    if jobs <= 1 or len(pending) <= 1:
        narrator = choice.narrator()
        for track, key in pending:
            yield track, key, _build(track, narrator, options)
        return
    from audio_builder.workers import Pool, run_in_workers  # 9 ms: only a pool needs them

    workers = Pool(jobs, _start_worker, (choice,), partial(_work, options=options), _lost)
    for (track, key), result in run_in_workers(pending, workers):
        yield track, key, result


_worker: dict[str, Narrator] = {}  # this worker process's narrator, made once


def _start_worker(choice: VoiceChoice) -> None:
    _worker["narrator"] = choice.narrator()


def _work(item: tuple[Track, str], options: Options) -> Result:
    return _build(item[0], _worker["narrator"], options)


def _lost(item: tuple[Track, str], how: str) -> Result:
    source = item[0].source
    why = f"a worker process died while it was being built ({how})"
    return Failed(source, WorkerError(f"{source}: not built: {why}; run the build again"))


def _build(track: Track, narrator: Narrator, options: Options) -> Result:
    try:
        return build_one(track, narrator, options)
    except AudioBuilderError as exc:
        return Failed(track.source, exc)
    except Exception as exc:  # a bug must not cost the rest of the batch
        return Failed(
            track.source,
            AudioBuilderError(f"{track.source}: internal error: {exc!r}; please report it"),
        )
