"""The RSS feed from plain Show and Episode data: iTunes and Podcasting 2.0 tags, links
made absolute from the base URL, items in episode order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from audio_builder.publish.feed import ITUNES_NS, PODCAST_NS, Episode, Show, render_feed

SHOW = Show("Workouts", "Coached.", "Coach", "coach@example.com", "https://ex.com/pod/", "c.png")


def episode(number: int, stem: str) -> Episode:
    return Episode(
        guid=f"guid-{stem}",
        title=stem.title(),
        description=f"All about {stem}.",
        audio=f"episodes/{stem}.mp3",
        audio_bytes=1000 * number,
        seconds=60.6 * number,
        published=datetime(2026, 1, number, 8, 0, tzinfo=UTC),
        number=number,
        transcript=f"episodes/{stem}.vtt",
        chapters=f"episodes/{stem}.chapters.json",
    )


def channel_of(show: Show, episodes: list[Episode]) -> etree._Element:
    return etree.fromstring(render_feed(show, episodes)).find("channel")


def itunes(tag: str) -> str:
    return f"{{{ITUNES_NS}}}{tag}"


@pytest.fixture(scope="module")
def channel() -> etree._Element:
    return channel_of(SHOW, [episode(2, "squat"), episode(1, "lunge")])


def test_the_channel_names_the_show(channel):
    assert channel.findtext("title") == "Workouts"
    assert channel.findtext("description") == "Coached."
    assert channel.findtext("language") == "en"
    assert channel.find(itunes("image")).get("href") == "https://ex.com/pod/c.png"
    assert channel.findtext(f"{itunes('owner')}/{itunes('email')}") == "coach@example.com"
    assert channel.findtext(itunes("explicit")) == "false"
    category = channel.find(itunes("category"))
    assert category.get("text") == "Health & Fitness"
    assert category.find(itunes("category")).get("text") == "Fitness"


def test_items_keep_the_order_they_are_given(channel):
    assert [item.findtext("title") for item in channel.findall("item")] == ["Squat", "Lunge"]


def test_an_item_has_absolute_links_a_stable_guid_and_whole_seconds(channel):
    item = channel.find("item")

    guid = item.find("guid")
    assert guid.text == "guid-squat" and guid.get("isPermaLink") == "false"
    enclosure = item.find("enclosure")
    assert enclosure.attrib == {
        "url": "https://ex.com/pod/episodes/squat.mp3",
        "length": "2000",
        "type": "audio/mpeg",
    }
    assert item.findtext(itunes("duration")) == "121"
    assert item.findtext(itunes("episode")) == "2"
    assert item.findtext("pubDate") == "Fri, 02 Jan 2026 08:00:00 +0000"
    transcript = item.find(f"{{{PODCAST_NS}}}transcript")
    assert transcript.attrib == {"url": "https://ex.com/pod/episodes/squat.vtt", "type": "text/vtt"}
    chapters = item.find(f"{{{PODCAST_NS}}}chapters")
    assert chapters.get("url") == "https://ex.com/pod/episodes/squat.chapters.json"
    assert chapters.get("type") == "application/json+chapters"


def test_without_an_email_there_is_no_owner():
    show = Show("Workouts", "Coached.", "Coach", "", "https://ex.com/pod/", "c.png", "de")

    channel = channel_of(show, [])

    assert channel.find(itunes("owner")) is None
    assert channel.findtext("language") == "de"
    assert channel.findall("item") == []
