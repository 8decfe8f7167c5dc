"""Publish tracks as a podcast: loudness-normalized, tagged episodes with chapters and
transcripts, a cover, an RSS feed and a static page listing them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from audio_builder.atomic import write_atomic
from audio_builder.audio.narrator import VoiceChoice
from audio_builder.audio.pcm import TARGET_LUFS
from audio_builder.audio.tags import Label
from audio_builder.batch import Result, build_many
from audio_builder.build import Built, Options, sidecars
from audio_builder.catalog import catalog
from audio_builder.languages import DEFAULT_LANGUAGE, spoken_or_default
from audio_builder.publish.cover import load_cover, make_cover
from audio_builder.publish.feed import Episode, Show, render_feed
from audio_builder.publish.page import render_page
from audio_builder.settings import MIX, Mix

EPISODES = "episodes"


@dataclass(frozen=True)
class Podcast:
    out_dir: Path
    base_url: str
    title: str = "audio_builder workouts"
    author: str = "audio_builder"
    email: str = ""
    language: str | None = None  # the feed's; None: what most episodes speak
    image: Path | None = None
    description: str = ""
    loudness: float = TARGET_LUFS
    bitrate: int | None = None  # None: the build's default (mono, or stereo with music)
    overrides: dict[str, Any] = field(default_factory=dict)
    lang: str = DEFAULT_LANGUAGE  # of a document that does not say (--lang)
    music: Path | None = None
    mix: Mix = MIX
    metronome: bool = False


def export_podcast(
    paths: Iterable[Path],
    choice: VoiceChoice,
    podcast: Podcast,
    jobs: int = 1,
    on_done: Callable[[Result], None] = lambda _: None,
) -> list[Result]:
    """Build every episode (skipping those up to date), then write the feed and the page
    for the episodes of this run, in input order."""
    cover, kind = load_cover(podcast.image) if podcast.image else (make_cover(podcast.title), "png")
    write_atomic(podcast.out_dir / f"cover.{kind}", cover)
    label = Label(artist=podcast.author, album=podcast.title, genre="Podcast", cover=cover)
    options = Options(
        podcast.out_dir / EPISODES,
        podcast.overrides,
        podcast.bitrate,
        True,
        label,
        podcast.loudness,
        podcast.lang,
        podcast.music,
        podcast.mix,
        podcast.metronome,
    )
    results = build_many(paths, choice, options, jobs, on_done)
    built = [result for result in results if isinstance(result, Built)]
    episodes = [_episode(result) for result in built]
    spoken = Counter(episode.language for episode in episodes).most_common(1)
    language = podcast.language or (spoken[0][0] if spoken else options.language)
    words = catalog(spoken_or_default(language))
    description = podcast.description or words.say("publish.description", title=podcast.title)
    base = podcast.base_url if podcast.base_url.endswith("/") else podcast.base_url + "/"
    show = Show(
        podcast.title,
        description,
        podcast.author,
        podcast.email,
        base,
        f"cover.{kind}",
        language,
    )
    write_atomic(podcast.out_dir / "feed.xml", render_feed(show, episodes))
    chapters = {result.guid: list(result.chapters) for result in built}
    write_atomic(podcast.out_dir / "index.html", render_page(show, episodes, chapters).encode())
    return results


def _episode(built: Built) -> Episode:
    description = built.description
    if built.equipment:
        stop = "" if description.endswith((".", "!", "?")) or not description else "."
        items = "; ".join(built.equipment)
        description += f"{stop} " + catalog(built.lang).say("publish.equipment", items=items)
    output = built.output
    transcript, chapters = sidecars(output)
    return Episode(
        guid=built.guid,
        title=built.title,
        description=description,
        audio=f"{EPISODES}/{output.name}",
        audio_bytes=built.files[output.name].size,
        seconds=built.seconds,
        published=datetime.fromisoformat(built.published),
        number=built.number,
        transcript=f"{EPISODES}/{transcript.name}",
        chapters=f"{EPISODES}/{chapters.name}",
        language=built.lang,
    )
