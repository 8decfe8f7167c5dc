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
    capital,
    closing,
    coaching_lines,
    equipment_needed,
    in_group,
    intro,
    one_set,
    rest_for,
    sets,
    variation_lines,
)
from audio_builder.coaching.groups import coach_group
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
        said_by = phrases.of(self.parts[0].lang)
        return in_group(said_by.words, said_by.CHAPTER[self.kind], names)


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
    lang = every[0].lang
    said_by = phrases.of(lang)
    words = said_by.words
    equipment = tuple(dict.fromkeys(i for p in every for i in p.exercise.equipment))
    needs = equipment_needed(equipment, words)
    spoken = spoken_title(title, lang)
    lines = [words.say("coach.title", title=spoken), *_overview(blocks, warmup, cooldown)]
    if needs:
        lines.append(words.say("coach.needs", things=needs))
    opening = Segment("intro", tuple(say(line) for line in lines))
    sections = [Section(words.say("chapters.intro"), (opening,))]
    if warmup:
        sections.extend(_easy(said_by.WARMUP, said_by.WARMUP_START, warmup))
    for index, block in enumerate(blocks):
        if index or warmup:
            sections.append(_preview(block, rest_between, last=index == len(blocks) - 1))
        try:
            sections.extend(_block(block))
        except SettingsError as exc:
            raise SettingsError(f"exercises item {index + 1} ({block.kind}): {exc}") from None
    if cooldown:
        sections.append(_preview(Block(cooldown[:1]), rest_between, last=False))
        sections.extend(_easy(said_by.COOLDOWN, said_by.COOLDOWN_START, cooldown))
    last_words = [words.say("plan.complete", title=spoken)]
    last_words.extend(variation_lines(blocks[-1].parts[-1].exercise.variations, words)[:1])
    sections.append(closing(last_words, words))
    return CueScript(title, tuple(sections))


def _overview(
    blocks: list[Block], warmup: tuple[Part, ...], cooldown: tuple[Part, ...]
) -> list[str]:
    """ "Four exercises: ..." for plain exercises, else the parts of the session (none
    for a lone group: it announces itself)."""
    said_by = phrases.of(blocks[0].parts[0].lang)
    words = said_by.words
    if all(not b.kind for b in blocks) and not (warmup or cooldown):
        names = [spoken_title(b.parts[0].exercise.title, b.parts[0].lang) for b in blocks]
        count = capital(words.number(len(names)))
        return [words.say("plan.exercises", count=count, names=words.listing(names))]
    named = [said_by.WARMUP.lower()] if warmup else []
    named += [_spoken(b) for b in blocks]
    named += [said_by.COOLDOWN.lower()] if cooldown else []
    if len(named) == 1:
        return []
    count = capital(words.number(len(named)))
    return [said_by.PARTS.format(count=count, listing=words.listing(named))]


def _spoken(block: Block) -> str:
    """How the coach names a block in passing."""
    part = block.parts[0]
    if not block.kind:
        return spoken_title(part.exercise.title, part.lang)
    return phrases.of(part.lang).SPOKEN[block.kind]


def _block(block: Block) -> Iterator[Section]:
    if block.kind:
        yield from coach_group(block.kind, block.parts, block.settings, block.title)
        return
    part = block.parts[0]
    name = part.exercise.title
    tips = Tips(coaching_lines(part))
    yield intro(part, heading=name)
    yield from sets(part, tips, group=name)
    words = part.words
    done = say(words.say("coach.done", title=spoken_title(name, part.lang)))
    done_title = in_group(words, name, words.say("chapters.done"))
    yield Section(done_title, (Segment("done", (done,)),), name)


def _easy(chapter: str, announcement: str, parts: tuple[Part, ...]) -> Iterator[Section]:
    """A warm-up or cool-down: announced with its length, each exercise introduced and
    done as set, a short breather between them."""
    body: list[Section] = []
    for index, part in enumerate(parts):
        if index:
            body.append(replace(_preview(Block((part,)), WARMUP_REST, last=False), group=chapter))
        name, words = part.exercise.title, part.words
        named = in_group(words, chapter, name)
        body.append(replace(intro(part, heading=name), title=named, group=chapter))
        tips = Tips(coaching_lines(part))
        if part.settings.sets == 1:  # done once: no "Set 1 of 1"
            work = one_set(part, 1, tips, [])
            go = in_group(words, name, words.say("chapters.go"))
            body.append(Section(go, tuple(work), chapter))
        else:
            body.extend(replace(s, group=chapter) for s in sets(part, tips, group=name))
    planned = sum(seg.seconds or 0.0 for section in body for seg in section.segments)
    time = parts[0].words.duration(max(1, round(planned / 60)) * 60)
    said = say(announcement.format(time=time))
    yield Section(chapter, (Segment("announce", (said,)),), chapter)
    yield from body


def _preview(block: Block, seconds: float, last: bool) -> Section:
    """The rest before an item: how long, what comes next, what to get ready."""
    lang = block.parts[0].lang
    said_by = phrases.of(lang)
    words = said_by.words
    cues = [say(rest_for(words, seconds))]
    if block.kind:
        names = words.listing([spoken_title(p.exercise.title, lang) for p in block.parts])
        form = said_by.LAST_GROUP if last else said_by.NEXT_GROUP
        cues.append(say(form.format(group=said_by.SPOKEN[block.kind], names=names)))
    else:
        spoken = spoken_title(block.parts[0].exercise.title, lang)
        key = "plan.last_exercise" if last else "plan.next_up"
        cues.append(say(words.say(key, name=spoken)))
    equipment = tuple(dict.fromkeys(i for p in block.parts for i in p.exercise.equipment))
    if needs := equipment_needed(equipment, words):
        cues.append(say(words.say("coach.needs", things=needs)))
    if seconds >= TEN_SECONDS + 5:
        cues.append(say(words.say("coach.ten_seconds"), seconds - TEN_SECONDS))
    title = block.title if block.kind else block.parts[0].exercise.title
    return Section(
        words.say("chapters.rest_next", name=title), (Segment("rest", tuple(cues), seconds),)
    )


def plan_structure(
    blocks: list[Block], warmup: tuple[Part, ...], cooldown: tuple[Part, ...]
) -> Iterator[str]:
    """The session at a glance: each group with its rounds, and each exercise's reps or
    time ("Push-Up: 3 × 12, 10, 8 reps")."""
    said_by = phrases.of(blocks[0].parts[0].lang)
    if warmup:
        yield f"{said_by.WARMUP}:"
        yield from (f"  {_prescribed(part)}" for part in warmup)
    for block in blocks:
        if not block.kind:
            yield _prescribed(block.parts[0])
            continue
        shown = ", ".join(
            f"{name.replace('_', ' ')} {value:g}" for name, value in block.settings.items() if value
        )
        yield f"{said_by.CHAPTER[block.kind]} ({shown}):"
        timed_by_group = block.kind in ("intervals", "tabata")
        for part in block.parts:
            shown_part = part.exercise.title if timed_by_group else _prescribed(part, sets=False)
            yield f"  {shown_part}"
    if cooldown:
        yield f"{said_by.COOLDOWN}:"
        yield from (f"  {_prescribed(part)}" for part in cooldown)


def _prescribed(part: Part, sets: bool = True) -> str:
    """ "Push-Up: 3 × 12, 10, 8 reps", "Forearm Plank: 2 × 30 s"."""
    s = part.settings
    reps = ", ".join(map(str, s.reps)) if isinstance(s.reps, tuple) else str(s.reps)
    work = f"{part.timed:g} s" if part.timed else f"{reps} reps"
    count = f"{s.sets} × " if sets else ""
    return f"{part.exercise.title}: {count}{work}"
