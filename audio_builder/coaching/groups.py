"""Groups worked for reps, round after round: circuits and supersets. (Groups on a
fixed clock are in ``clock.py``.) Each yields its sections, grouped under its title."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from audio_builder.coaching import clock, phrases
from audio_builder.coaching.coach import (
    Part,
    Tips,
    coaching_lines,
    go_time,
    intro,
    one_set,
    rest_section,
    start,
)
from audio_builder.coaching.script import Section, Segment, say
from audio_builder.reading.spoken import spoken_title


def coach_group(
    kind: str, parts: tuple[Part, ...], settings: dict[str, Any], title: str
) -> Iterator[Section]:
    """The sections of one group of a plan."""
    if kind == "circuit":
        yield from circuit(parts, settings, title)
    elif kind == "superset":
        yield from superset(parts, settings, title)
    else:
        yield from _clocked(kind, parts, settings, title)


def _clocked(
    kind: str, parts: tuple[Part, ...], settings: dict[str, Any], title: str
) -> Iterator[Section]:
    """A group on a fixed clock: its intro, a chapter per round or minute, the stop."""
    coach = {
        "intervals": clock.intervals,
        "tabata": clock.intervals,
        "emom": clock.emom,
        "amrap": clock.amrap,
    }[kind]
    lines, rounds = coach(kind, parts, settings)
    yield group_intro(title, lines, parts)
    chapter = phrases.CHAPTER[kind]
    for number, segments in enumerate(rounds, 1):
        yield Section(f"{chapter}: {clock.CLOCKED_UNIT[kind]} {number}", tuple(segments), title)
    yield Section(f"{chapter}: Done", (clock.finish(kind),), title)


def group_intro(title: str, lines: list[str], parts: tuple[Part, ...]) -> Section:
    """What the group is, then each exercise introduced before the first round."""
    chapter = title.split(":")[0]  # the kind, as in "Circuit: Push-Up, Forearm Plank"
    seen = list({p.exercise.source: p for p in parts}.values())
    segments = [Segment("announce", tuple(say(line) for line in lines))]
    for part in seen:
        segments.extend(intro(part, heading=title, prescribe=False).segments)
    return Section(f"{chapter}: Intro", tuple(segments), title)


def circuit(parts: tuple[Part, ...], settings: dict[str, Any], title: str) -> Iterator[Section]:
    """Every exercise once per round, a short rest that names the next one between
    them, a longer rest between rounds."""
    rounds, rest, between = settings["rounds"], settings["rest"], settings["rest_rounds"]
    names = ", ".join(spoken_title(p.exercise.title) for p in parts)
    said = phrases.CIRCUIT_START.format(rounds=phrases.times(rounds, "round"), names=names)
    yield group_intro(title, [said], parts)
    tips = [Tips(coaching_lines(p.exercise)) for p in parts]
    chapter = phrases.CHAPTER["circuit"]
    for number in range(1, rounds + 1):
        segments: list[Segment] = []
        for index, part in enumerate(parts):
            lines = (
                _round_lines(part, number, rounds) if index == 0 else [_prescription(part, number)]
            )
            work = one_set(part, number, tips[index], lines)
            breather = rest - go_time(work[0])
            if index and breather >= 1.0:
                name = spoken_title(part.exercise.title)
                segments.append(Segment("rest", (say(phrases.NEXT.format(name=name)),), breather))
            segments.extend(work)
        yield Section(f"{chapter}: Round {number}", tuple(segments), title)
        if number < rounds:
            lead_in = go_time(
                start(parts[0], number + 1, _round_lines(parts[0], number + 1, rounds))
            )
            if between > lead_in:
                tip = tips[0].next()
                yield rest_section(f"{chapter}: Rest {number}", between, lead_in, tip, title)
    yield _done(chapter, "circuit", title)


def superset(parts: tuple[Part, ...], settings: dict[str, Any], title: str) -> Iterator[Section]:
    """The exercises back to back with no rest between them, then a rest; ``sets`` times."""
    count, rest = settings["sets"], settings["rest"]
    names = ", then ".join(spoken_title(p.exercise.title) for p in parts)
    lines = [
        phrases.SUPERSET_START.format(names=names),
        phrases.SUPERSET_SETS.format(sets=phrases.times(count, "set")),
    ]
    yield group_intro(title, lines, parts)
    tips = [Tips(coaching_lines(p.exercise)) for p in parts]
    chapter = phrases.CHAPTER["superset"]
    for number in range(1, count + 1):
        segments: list[Segment] = []
        for index, part in enumerate(parts):
            if index:
                name = spoken_title(part.exercise.title)
                told = [phrases.STRAIGHT_INTO.format(name=name), _prescription(part, number, name)]
            else:
                told = _set_lines(part, number, count)
            segments.extend(one_set(part, number, tips[index], [line for line in told if line]))
        yield Section(f"{chapter}: Set {number}", tuple(segments), title)
        if number < count:
            lead_in = go_time(start(parts[0], number + 1, _set_lines(parts[0], number + 1, count)))
            if rest > lead_in:
                tip = tips[-1].next()
                yield rest_section(f"{chapter}: Rest {number}", rest, lead_in, tip, title)
    yield _done(chapter, "superset", title)


def _round_lines(part: Part, number: int, rounds: int) -> list[str]:
    """ "Round 2 of 3." (or "Last round.") and what the first exercise asks."""
    lines = [_prescription(part, number)]
    if rounds > 1:
        last = number == rounds
        lines.insert(
            0, phrases.LAST_ROUND if last else phrases.ROUND.format(number=number, total=rounds)
        )
    return lines


def _set_lines(part: Part, number: int, count: int) -> list[str]:
    last = number == count and count > 1
    return [
        phrases.FINAL_SET if last else phrases.SET.format(number=number, total=count),
        _prescription(part, number),
    ]


def _prescription(part: Part, number: int, said: str = "") -> str:
    """ "Push-Up: 10 reps." ("10 reps." when the name was just ``said``); a timed
    exercise is named only, its time is announced with its countdown."""
    name = spoken_title(part.exercise.title)
    if part.timed:
        return "" if said else phrases.TITLE.format(name=name)
    reps = part.settings.reps_in(number)
    form = phrases.REPS_ONLY if said else phrases.REPS
    return form.format(name=name, reps=reps)


def _done(chapter: str, kind: str, title: str) -> Section:
    said = say(phrases.DONE[kind])
    return Section(f"{chapter}: Done", (Segment("done", (said,)),), title)
