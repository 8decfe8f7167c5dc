"""A whole session in one track: a warm-up, the plan's exercises and groups with a
rest between them that previews what comes next, a cool-down, and the outro."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from audio_builder.coaching import phrases
from audio_builder.coaching.coach import (
    TEN_SECONDS,
    Part,
    Tips,
    closing,
    coaching_lines,
    equipment_needed,
    intro,
    one_set,
    sets,
    variation_lines,
)
from audio_builder.coaching.groups import coach_group
from audio_builder.coaching.numbers import duration, words
from audio_builder.coaching.script import CueScript, Section, Segment, say
from audio_builder.errors import SettingsError
from audio_builder.reading.spoken import spoken_title
from audio_builder.settings import WARMUP_REST


@dataclass(frozen=True)
class Block:
    """One item of a plan, ready to coach: an exercise (``kind`` empty) or a group of
    them with the group's settings."""

    parts: tuple[Part, ...]
    kind: str = ""
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """Its chapter: the exercise's name, or the group's kind and exercises."""
        if not self.kind:
            return self.parts[0].exercise.title
        names = ", ".join(dict.fromkeys(p.exercise.title for p in self.parts))
        return f"{phrases.CHAPTER[self.kind]}: {names}"


def coach_plan(
    title: str,
    blocks: list[Block],
    rest_between: float,
    warmup: tuple[Part, ...] = (),
    cooldown: tuple[Part, ...] = (),
) -> CueScript:
    """A whole session. Each exercise's or group's sections are grouped under its title;
    a plan of plain exercises sounds as it always has."""
    every = [p for block in (Block(warmup), *blocks, Block(cooldown)) for p in block.parts]
    needs = equipment_needed(tuple(dict.fromkeys(i for p in every for i in p.exercise.equipment)))
    spoken = spoken_title(title)
    lines = [phrases.TITLE.format(name=spoken), *_overview(blocks, warmup, cooldown)]
    if needs:
        lines.append(phrases.YOU_NEED.format(needs=needs))
    sections = [Section("Intro", (Segment("intro", tuple(say(line) for line in lines)),))]
    if warmup:
        sections.extend(_easy(phrases.WARMUP, phrases.WARMUP_START, warmup))
    for index, block in enumerate(blocks):
        if index or warmup:
            sections.append(_preview(block, rest_between, last=index == len(blocks) - 1))
        try:
            sections.extend(_block(block))
        except SettingsError as exc:
            raise SettingsError(f"exercises item {index + 1} ({block.kind}): {exc}") from None
    if cooldown:
        sections.append(_preview(Block(cooldown[:1]), rest_between, last=False))
        sections.extend(_easy(phrases.COOLDOWN, phrases.COOLDOWN_START, cooldown))
    last_words = [phrases.SESSION_DONE.format(name=spoken)]
    last_words.extend(variation_lines(blocks[-1].parts[-1].exercise.variations)[:1])
    sections.append(closing(last_words))
    return CueScript(title, tuple(sections))


def _overview(
    blocks: list[Block], warmup: tuple[Part, ...], cooldown: tuple[Part, ...]
) -> list[str]:
    """ "Four exercises: ..." for plain exercises, else the parts of the session (none
    for a lone group: it announces itself)."""
    if all(not b.kind for b in blocks) and not (warmup or cooldown):
        names = [spoken_title(b.parts[0].exercise.title) for b in blocks]
        count = words(len(names)).capitalize()
        return [phrases.EXERCISES.format(count=count, listing=_listing(names))]
    named = [phrases.WARMUP.lower()] if warmup else []
    named += [_spoken(b) for b in blocks]
    named += [phrases.COOLDOWN.lower()] if cooldown else []
    if len(named) == 1:
        return []
    return [phrases.PARTS.format(count=words(len(named)).capitalize(), listing=_listing(named))]


def _spoken(block: Block) -> str:
    """How the coach names a block in passing."""
    if not block.kind:
        return spoken_title(block.parts[0].exercise.title)
    return phrases.SPOKEN[block.kind]


def _block(block: Block) -> Iterator[Section]:
    if block.kind:
        yield from coach_group(block.kind, block.parts, block.settings, block.title)
        return
    part = block.parts[0]
    name = part.exercise.title
    tips = Tips(coaching_lines(part.exercise))
    yield intro(part, heading=name)
    yield from sets(part, tips, group=name)
    done = say(phrases.EXERCISE_DONE.format(name=spoken_title(name)))
    yield Section(f"{name}: Done", (Segment("done", (done,)),), name)


def _easy(chapter: str, announcement: str, parts: tuple[Part, ...]) -> Iterator[Section]:
    """A warm-up or cool-down: announced with its length, each exercise introduced and
    done as set, a short breather between them."""
    body: list[Section] = []
    for index, part in enumerate(parts):
        if index:
            body.append(replace(_preview(Block((part,)), WARMUP_REST, last=False), group=chapter))
        name = part.exercise.title
        body.append(replace(intro(part, heading=name), title=f"{chapter}: {name}", group=chapter))
        tips = Tips(coaching_lines(part.exercise))
        if part.settings.sets == 1:  # done once: no "Set 1 of 1"
            work = one_set(part, 1, tips, [])
            body.append(Section(f"{name}: Go", tuple(work), chapter))
        else:
            body.extend(replace(s, group=chapter) for s in sets(part, tips, group=name))
    planned = sum(seg.seconds or 0.0 for section in body for seg in section.segments)
    time = duration(max(1, round(planned / 60)) * 60)
    said = say(announcement.format(time=time))
    yield Section(chapter, (Segment("announce", (said,)),), chapter)
    yield from body


def _preview(block: Block, seconds: float, last: bool) -> Section:
    """The rest before an item: how long, what comes next, what to get ready."""
    cues = [say(phrases.REST_FOR.format(time=duration(seconds)))]
    if block.kind:
        names = _listing([spoken_title(p.exercise.title) for p in block.parts])
        form = phrases.LAST_GROUP if last else phrases.NEXT_GROUP
        cues.append(say(form.format(group=phrases.SPOKEN[block.kind], names=names)))
    else:
        spoken = spoken_title(block.parts[0].exercise.title)
        form = phrases.LAST_EXERCISE if last else phrases.NEXT_UP
        cues.append(say(form.format(name=spoken)))
    equipment = tuple(dict.fromkeys(i for p in block.parts for i in p.exercise.equipment))
    if needs := equipment_needed(equipment):
        cues.append(say(phrases.YOU_NEED.format(needs=needs)))
    if seconds >= TEN_SECONDS + 5:
        cues.append(say(phrases.TEN_SECONDS_LEFT, seconds - TEN_SECONDS))
    title = block.title if block.kind else block.parts[0].exercise.title
    return Section(f"Rest · next up: {title}", (Segment("rest", tuple(cues), seconds),))


def plan_structure(
    blocks: list[Block], warmup: tuple[Part, ...], cooldown: tuple[Part, ...]
) -> Iterator[str]:
    """The session at a glance: each group with its rounds, and each exercise's reps or
    time ("Push-Up: 3 × 12, 10, 8 reps")."""
    if warmup:
        yield f"{phrases.WARMUP}:"
        yield from (f"  {_prescribed(part)}" for part in warmup)
    for block in blocks:
        if not block.kind:
            yield _prescribed(block.parts[0])
            continue
        shown = ", ".join(
            f"{name.replace('_', ' ')} {value:g}" for name, value in block.settings.items() if value
        )
        yield f"{phrases.CHAPTER[block.kind]} ({shown}):"
        timed_by_group = block.kind in ("intervals", "tabata")
        for part in block.parts:
            shown_part = part.exercise.title if timed_by_group else _prescribed(part, sets=False)
            yield f"  {shown_part}"
    if cooldown:
        yield f"{phrases.COOLDOWN}:"
        yield from (f"  {_prescribed(part)}" for part in cooldown)


def _prescribed(part: Part, sets: bool = True) -> str:
    """ "Push-Up: 3 × 12, 10, 8 reps", "Forearm Plank: 2 × 30 s"."""
    s = part.settings
    reps = ", ".join(map(str, s.reps)) if isinstance(s.reps, tuple) else str(s.reps)
    work = f"{part.timed:g} s" if part.timed else f"{reps} reps"
    count = f"{s.sets} × " if sets else ""
    return f"{part.exercise.title}: {count}{work}"


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
