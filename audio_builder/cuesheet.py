"""A timeline written out for people and programs: plain text and JSON."""

from __future__ import annotations

import json

from audio_builder.movement import Movement
from audio_builder.timeline import Timeline


def seconds(samples: int, rate: int) -> float:
    return round(samples / rate, 3)


def clock(samples: int, rate: int) -> str:
    """m:ss.mmm"""
    minutes, rest = divmod(samples / rate, 60)
    return f"{int(minutes)}:{rest:06.3f}"


def as_json(timeline: Timeline) -> str:
    rate = timeline.rate
    return json.dumps(
        {
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


def as_text(timeline: Timeline, movement: Movement) -> str:
    rate = timeline.rate
    lines = [f"{timeline.title} — {clock(timeline.samples, rate)}", "", "Steps:"]
    lines += [f"  {title}: {', '.join(kinds)}" for title, kinds in movement.kinds]
    chapters = iter(timeline.chapters)
    chapter = next(chapters, None)
    for cue in timeline.cues:
        while chapter is not None and cue.start >= chapter.start:
            lines += ["", f"[{clock(chapter.start, rate)}] {chapter.title}"]
            chapter = next(chapters, None)
        words = cue.text if cue.kind == "speech" else f"<{cue.text} beep>"
        lines.append(f"  {clock(cue.start, rate)}  {words}")
    return "\n".join(lines)
