"""A plain static page listing the episodes: a player each, its transcript as a track,
and chapter links that seek the player."""

from __future__ import annotations

from html import escape

from audio_builder.catalog import catalog
from audio_builder.languages import spoken_or_default
from audio_builder.publish.cuesheet import clock
from audio_builder.publish.feed import Episode, Show

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
header { display: flex; gap: 1.5rem; align-items: center; }
header img { width: 8rem; height: 8rem; border-radius: .5rem; }
article { border-top: 1px solid #ddd; padding: 1rem 0; }
audio { width: 100%; }
ol.chapters { columns: 2; font-size: .9rem; }
"""

_SCRIPT = """
document.querySelectorAll("a[data-seek]").forEach(link => link.addEventListener("click", event => {
  event.preventDefault();
  const player = document.getElementById(link.dataset.player);
  player.currentTime = Number(link.dataset.seek);
  player.play().catch(() => {});
}));
"""


def render_page(
    show: Show, episodes: list[Episode], chapters: dict[str, list[tuple[float, str]]]
) -> str:
    """The page, in the feed's language; ``chapters`` maps an episode's guid to its
    (start seconds, title) list."""
    words = catalog(spoken_or_default(show.language))
    items = "\n".join(
        _episode(number, e, chapters.get(e.guid, [])) for number, e in enumerate(episodes, 1)
    )
    return f"""<!doctype html>
<html lang="{escape(show.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(show.title)}</title>
<link rel="alternate" type="application/rss+xml" title="{escape(show.title)}" href="feed.xml">
<style>{_STYLE}</style>
</head>
<body>
<header>
<img src="{escape(show.image)}" alt="">
<div><h1>{escape(show.title)}</h1><p>{escape(show.description)}</p>
<p><a href="feed.xml">{escape(words.say("publish.feed_link"))}</a></p></div>
</header>
{items}
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _episode(number: int, episode: Episode, chapters: list[tuple[float, str]]) -> str:
    player = f"episode-{number}"
    links = "\n".join(
        f'<li><a href="#{player}" data-player="{player}" data-seek="{start:.3f}">'
        f"{escape(title)}</a> <small>{clock(round(start * 1000), 1000)[:-4]}</small></li>"
        for start, title in chapters
    )
    lang = escape(episode.language)
    label = escape(catalog(spoken_or_default(episode.language)).say("publish.captions"))
    return f"""<article lang="{lang}">
<h2>{escape(episode.title)}</h2>
<p>{escape(episode.description)}</p>
<audio id="{player}" controls preload="metadata" src="{escape(episode.audio)}">
<track kind="captions" srclang="{lang}" label="{label}" src="{escape(episode.transcript)}" default>
</audio>
<ol class="chapters">
{links}
</ol>
</article>"""
