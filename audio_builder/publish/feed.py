"""The podcast feed: RSS 2.0 with iTunes tags (feedgen), plus the Podcasting 2.0 tags
feedgen lacks (transcript, chapters) and Apple's current category and explicit values,
added as a feedgen extension."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from lxml.etree import _Element

from audio_builder.languages import DEFAULT_LANGUAGE

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
CATEGORY = ("Health & Fitness", "Fitness")


@dataclass(frozen=True)
class Show:
    title: str
    description: str
    author: str
    email: str
    link: str  # the base URL, ending in "/"; the paths below are relative to it
    image: str
    language: str = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Episode:
    guid: str
    title: str
    description: str
    audio: str
    audio_bytes: int
    seconds: float
    published: datetime
    number: int
    transcript: str
    chapters: str
    language: str = DEFAULT_LANGUAGE  # what the episode speaks


class PodcastNamespace(BaseExtension):
    """Channel tags: Apple's category and ``itunes:explicit`` as it now wants them."""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, feed: _Element) -> _Element:
        channel = feed[0]
        explicit = xml_elem(f"{{{ITUNES_NS}}}explicit", channel)
        explicit.text = "false"
        category = xml_elem(f"{{{ITUNES_NS}}}category", channel)
        category.attrib["text"] = CATEGORY[0]
        xml_elem(f"{{{ITUNES_NS}}}category", category).attrib["text"] = CATEGORY[1]
        return feed


class PodcastNamespaceEntry(BaseEntryExtension):
    """Item tags: ``podcast:transcript`` and ``podcast:chapters``."""

    def __init__(self) -> None:
        self.links: list[tuple[str, str, str]] = []  # tag, url, type

    def transcript(self, url: str, kind: str = "text/vtt") -> None:
        self.links.append(("transcript", url, kind))

    def chapters(self, url: str, kind: str = "application/json+chapters") -> None:
        self.links.append(("chapters", url, kind))

    def extend_rss(self, item: _Element) -> _Element:
        for tag, url, kind in self.links:
            element = xml_elem(f"{{{PODCAST_NS}}}{tag}", item)
            element.attrib.update({"url": url, "type": kind})
        return item


def render_feed(show: Show, episodes: list[Episode]) -> bytes:
    """The RSS document, items in episode order."""
    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.register_extension("podcastindex", PodcastNamespace, PodcastNamespaceEntry)
    feed.title(show.title)
    feed.description(show.description)
    feed.link(href=show.link, rel="alternate")
    feed.language(show.language)
    feed.author({"name": show.author, "email": show.email} if show.email else {"name": show.author})
    image = urljoin(show.link, show.image)
    feed.image(url=image, title=show.title, link=show.link)
    feed.podcast.itunes_author(show.author)
    feed.podcast.itunes_image(image)
    feed.podcast.itunes_summary(show.description)
    if show.email:
        feed.podcast.itunes_owner(name=show.author, email=show.email)
    feed.podcast.itunes_type("episodic")
    for episode in episodes:
        item = feed.add_entry(order="append")
        item.guid(episode.guid, permalink=False)
        item.title(episode.title)
        item.description(episode.description)
        item.enclosure(urljoin(show.link, episode.audio), str(episode.audio_bytes), "audio/mpeg")
        item.pubDate(episode.published)
        item.podcast.itunes_duration(round(episode.seconds))
        item.podcast.itunes_episode(episode.number)
        item.podcastindex.transcript(urljoin(show.link, episode.transcript))
        item.podcastindex.chapters(urljoin(show.link, episode.chapters))
    return feed.rss_str(pretty=True)
