"""A timeline written out for people and programs: plain text, JSON, WebVTT and
podcast-namespace chapters."""

from __future__ import annotations

import json

from audio_builder.audio.timeline import Timeline
from audio_builder.languages import DEFAULT_LANGUAGE

ESTIMATED = "times estimated from the text, not spoken by a voice"


def seconds(samples: int, rate: int) -> float:
    return round(samples / rate, 3)


def clock(samples: int, rate: int) -> str:
    """m:ss.mmm"""
    minutes, rest = divmod(samples / rate, 60)
    return f"{int(minutes)}:{rest:06.3f}"


def as_json(timeline: Timeline, estimated: bool = False) -> str:
    """The timeline as data; an estimate (no voice) says so with ``"estimated": true``."""
    rate = timeline.rate
    return json.dumps(
        {
            **({"estimated": True} if estimated else {}),
            "title": timeline.title,
            "duration": seconds(timeline.samples, rate),
            "cues": [
                {
                    "start": seconds(c.start, rate),
                    "end": seconds(c.end, rate),
                    "kind": c.kind,
                    "text": c.text,
                }
                for c in timeline.cues
            ],
            "chapters": [
                {"start": seconds(c.start, rate), "end": seconds(c.end, rate), "title": c.title}
                for c in timeline.chapters
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def as_vtt(timeline: Timeline, language: str = DEFAULT_LANGUAGE, estimated: bool = False) -> str:
    """Every spoken line with its exact time, as a WebVTT cue sheet; its header names
    the language (as captions services write it), the page's ``srclang`` says it too."""
    rate = timeline.rate
    blocks = [f"WEBVTT\nLanguage: {language}"]
    if estimated:
        blocks.append(f"NOTE {ESTIMATED}")
    for number, cue in enumerate((c for c in timeline.cues if c.kind == "speech"), 1):
        text = cue.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        blocks.append(
            f"{number}\n{_vtt_time(cue.start, rate)} --> {_vtt_time(cue.end, rate)}\n{text}"
        )
    return "\n\n".join(blocks) + "\n"


def as_chapters_json(timeline: Timeline) -> str:
    """Chapters in the podcast namespace's JSON chapters format."""
    return json.dumps(
        {
            "version": "1.2.0",
            "chapters": [
                {"startTime": seconds(c.start, timeline.rate), "title": c.title}
                for c in timeline.chapters
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def _vtt_time(samples: int, rate: int) -> str:
    millis = round(samples * 1000 / rate)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis / 1000:06.3f}"


def as_text(
    timeline: Timeline, steps: list[str], estimated: bool = False, structure: tuple[str, ...] = ()
) -> str:
    """The timeline for reading: a plan's structure, how each step was understood, then
    every cue by chapter."""
    rate = timeline.rate
    lines = [f"{timeline.title} — {clock(timeline.samples, rate)}"]
    if estimated:
        lines.append(f"({ESTIMATED})")
    lines.append("")
    if structure:
        lines += ["Structure:", *(f"  {line}" for line in structure), ""]
    lines += ["Steps:"]
    lines += [f"  {line}" for line in steps]
    chapters = iter(timeline.chapters)
    chapter = next(chapters, None)
    for cue in timeline.cues:
        while chapter is not None and cue.start >= chapter.start:
            lines += ["", f"[{clock(chapter.start, rate)}] {chapter.title}"]
            chapter = next(chapters, None)
        words = cue.text if cue.kind == "speech" else f"<{cue.text} beep>"
        lines.append(f"  {clock(cue.start, rate)}  {words}")
    lines += [f"note: {stretch}" for stretch in timeline.stretches]
    lines += [f"note: {drop}" for drop in timeline.dropped]
    return "\n".join(lines)
