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
    in_group,
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
    said_by = phrases.of(parts[0].lang)
    words, chapter = said_by.words, said_by.CHAPTER[kind]
    yield group_intro(chapter, title, lines, parts)
    unit = f"chapters.{clock.CLOCKED_UNIT[kind]}"
    for number, segments in enumerate(rounds, 1):
        named = in_group(words, chapter, words.say(unit, number=number))
        yield Section(named, tuple(segments), title)
    done = in_group(words, chapter, words.say("chapters.done"))
    yield Section(done, (clock.finish(kind, said_by),), title)


def group_intro(chapter: str, title: str, lines: list[str], parts: tuple[Part, ...]) -> Section:
    """What the group is, then each exercise introduced before the first round."""
    words = parts[0].words
    seen = list({p.exercise.source: p for p in parts}.values())
    segments = [Segment("announce", tuple(say(line) for line in lines))]
    for part in seen:
        segments.extend(intro(part, heading=title, prescribe=False).segments)
    return Section(in_group(words, chapter, words.say("chapters.intro")), tuple(segments), title)


def circuit(parts: tuple[Part, ...], settings: dict[str, Any], title: str) -> Iterator[Section]:
    """Every exercise once per round, a short rest that names the next one between
    them, a longer rest between rounds."""
    rounds, rest, between = settings["rounds"], settings["rest"], settings["rest_rounds"]
    said_by = phrases.of(parts[0].lang)
    words, chapter = said_by.words, said_by.CHAPTER["circuit"]
    names = ", ".join(spoken_title(p.exercise.title, p.lang) for p in parts)
    said = said_by.CIRCUIT_START.format(rounds=said_by.times(rounds, "round"), names=names)
    yield group_intro(chapter, title, [said], parts)
    tips = [Tips(coaching_lines(p)) for p in parts]
    for number in range(1, rounds + 1):
        segments: list[Segment] = []
        for index, part in enumerate(parts):
            lines = (
                _round_lines(part, number, rounds) if index == 0 else [_prescription(part, number)]
            )
            work = one_set(part, number, tips[index], lines)
            breather = rest - go_time(work[0])
            if index and breather >= 1.0:
                name = spoken_title(part.exercise.title, part.lang)
                said_next = say(said_by.NEXT.format(name=name))
                segments.append(Segment("rest", (said_next,), breather))
            segments.extend(work)
        round_title = in_group(words, chapter, words.say("chapters.round", number=number))
        yield Section(round_title, tuple(segments), title)
        if number < rounds:
            lead_in = go_time(
                start(parts[0], number + 1, _round_lines(parts[0], number + 1, rounds))
            )
            if between > lead_in:
                tip = tips[0].next()
                rest_title = in_group(words, chapter, words.say("chapters.rest", number=number))
                yield rest_section(rest_title, between, lead_in, tip, words, title)
    yield _done(said_by, chapter, "circuit", title)


def superset(parts: tuple[Part, ...], settings: dict[str, Any], title: str) -> Iterator[Section]:
    """The exercises back to back with no rest between them, then a rest; ``sets`` times."""
    count, rest = settings["sets"], settings["rest"]
    said_by = phrases.of(parts[0].lang)
    words, chapter = said_by.words, said_by.CHAPTER["superset"]
    names = said_by.THEN.join(spoken_title(p.exercise.title, p.lang) for p in parts)
    lines = [
        said_by.SUPERSET_START.format(names=names),
        said_by.SUPERSET_SETS.format(sets=said_by.times(count, "set")),
    ]
    yield group_intro(chapter, title, lines, parts)
    tips = [Tips(coaching_lines(p)) for p in parts]
    for number in range(1, count + 1):
        segments: list[Segment] = []
        for index, part in enumerate(parts):
            if index:
                name = spoken_title(part.exercise.title, part.lang)
                told = [said_by.STRAIGHT_INTO.format(name=name), _prescription(part, number, name)]
            else:
                told = _set_lines(part, number, count)
            segments.extend(one_set(part, number, tips[index], [line for line in told if line]))
        set_title = in_group(words, chapter, words.say("chapters.set", number=number))
        yield Section(set_title, tuple(segments), title)
        if number < count:
            lead_in = go_time(start(parts[0], number + 1, _set_lines(parts[0], number + 1, count)))
            if rest > lead_in:
                tip = tips[-1].next()
                rest_title = in_group(words, chapter, words.say("chapters.rest", number=number))
                yield rest_section(rest_title, rest, lead_in, tip, words, title)
    yield _done(said_by, chapter, "superset", title)


def _round_lines(part: Part, number: int, rounds: int) -> list[str]:
    """ "Round 2 of 3." (or "Last round.") and what the first exercise asks."""
    said_by = phrases.of(part.lang)
    lines = [_prescription(part, number)]
    if rounds > 1:
        last = number == rounds
        said = said_by.LAST_ROUND if last else said_by.ROUND.format(number=number, total=rounds)
        lines.insert(0, said)
    return lines


def _set_lines(part: Part, number: int, count: int) -> list[str]:
    last = number == count and count > 1
    words = part.words
    return [
        words.say("coach.final_set")
        if last
        else words.say("coach.set_of", number=number, total=count),
        _prescription(part, number),
    ]


def _prescription(part: Part, number: int, said: str = "") -> str:
    """ "Push-Up: 10 reps." ("10 reps." when the name was just ``said``); a timed
    exercise is named only, its time is announced with its countdown."""
    name = spoken_title(part.exercise.title, part.lang)
    said_by = phrases.of(part.lang)
    if part.timed:
        return "" if said else said_by.words.say("coach.title", title=name)
    reps = part.settings.reps_in(number)
    form = said_by.REPS_ONLY if said else said_by.REPS
    return form.format(name=name, reps=reps)


def _done(said_by: phrases.Phrases, chapter: str, kind: str, title: str) -> Section:
    said = say(said_by.DONE[kind])
    done = in_group(said_by.words, chapter, said_by.words.say("chapters.done"))
    return Section(done, (Segment("done", (said,)),), title)
