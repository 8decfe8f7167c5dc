"""Groups on a fixed clock: intervals, Tabata, EMOM and AMRAP. Each gives the lines
that announce it and its segments round by round (or minute by minute).

Their work and rest periods are fixed segments: the beeps are the clock and never move;
a line that does not fit its slot moves, takes a shorter phrase, or is dropped (and the
scheduler reports it). Only the lead-in before the first "go" may grow with its speech.
"""

from __future__ import annotations

from typing import Any

from audio_builder.coaching import phrases
from audio_builder.coaching.coach import (
    COUNTDOWN,
    GO_TAIL,
    START_SECONDS,
    TEN_SECONDS,
    WORDS_PER_SECOND,
    Part,
    Tips,
    capital,
    rep_segments,
    side_name,
)
from audio_builder.coaching.script import Cue, Segment, beep, say
from audio_builder.errors import SettingsError
from audio_builder.reading.spoken import spoken_title
from audio_builder.settings import MINUTE

CLOCKED_UNIT = {"intervals": "round", "tabata": "round", "emom": "minute", "amrap": "minute"}
LAST_CALL = 12.0  # seconds before an AMRAP's end after which no exercise is called
SPOKEN_COUNT = (5, 4)  # an AMRAP's last seconds said aloud before the 3-2-1 beeps
MIN_SIDE = 5.0  # seconds a side needs before work in an interval is split between sides


def intervals(
    kind: str, parts: tuple[Part, ...], settings: dict[str, Any]
) -> tuple[list[str], list[list[Segment]]]:
    """Work and rest for each exercise in turn, for ``rounds``: "Work" at each go beep,
    "Rest" at each stop beep, the next exercise and round named in the rest."""
    work, rest, rounds = settings["work"], settings["rest"], settings["rounds"]
    said_by = phrases.of(parts[0].lang)
    names = [spoken_title(part.exercise.title, part.lang) for part in parts]
    said = said_by.INTERVALS_START.format(
        kind=said_by.CHAPTER[kind],
        rounds=said_by.times(rounds, "round"),
        work=said_by.words.duration(work),
        rest=said_by.words.duration(rest),
        names=", ".join(dict.fromkeys(names)),
    )
    periods = [(number, index) for number in range(1, rounds + 1) for index in range(len(parts))]
    opening = [
        said_by.ROUND.format(number=1, total=rounds),
        said_by.words.say("coach.title", title=names[0]),
    ]
    first = _lead_in(opening)
    by_round: list[list[Segment]] = [[first]]
    for position, (number, index) in enumerate(periods):
        if number > len(by_round):
            by_round.append([])
        by_round[-1].append(_work(parts[index], names[index], work, said_by))
        if position + 1 < len(periods) and rest > 0:
            upcoming, following = periods[position + 1]
            told = names[following] if following != index else ""
            upcoming = upcoming if upcoming != number else 0
            by_round[-1].append(_rest(rest, told, upcoming, rounds, said_by))
    return [said], by_round


def _work(part: Part, name: str, seconds: float, said_by: phrases.Phrases) -> Segment:
    """Go, the exercise's name, and halfway (for work done one side at a time, the
    switch to the other side) and ten seconds left in work of 30 s or more."""
    one_side = len(part.sides) > 1 and seconds >= 2 * MIN_SIDE
    if one_side:
        name = f"{name}, {side_name(part, 'right')}"
    cues = [beep("go", 0.0), _line(said_by.WORK, 0.0, name=name)]
    if one_side:
        cues.append(_line(said_by.SWITCH, seconds / 2, side=side_name(part, "left")))
    elif seconds >= 30:
        cues.append(_line(said_by.HALFWAY, seconds / 2))
    if seconds >= 30:
        cues.append(_line(said_by.TEN_LEFT, seconds - TEN_SECONDS))
    return Segment("work", tuple(cues), seconds, fixed=True)


def _rest(seconds: float, name: str, number: int, rounds: int, said_by: phrases.Phrases) -> Segment:
    """The stop beep, "Rest", what comes next, 3-2-1 into the next work."""
    cues = [beep("stop", 0.0), _line(said_by.REST, 0.0)]
    if name:
        cues.append(_line(said_by.NEXT_SHORT, None, name=name))
    if number:
        form = said_by.LAST_ROUND_SHORT if number == rounds else said_by.ROUND_SHORT
        cues.append(_line(form, None, number=number, total=rounds))
    return Segment("rest", (*cues, *_ticks(seconds)), seconds, fixed=True)


def emom(
    kind: str, parts: tuple[Part, ...], settings: dict[str, Any]
) -> tuple[list[str], list[list[Segment]]]:
    """A go beep on every minute; the minute's reps counted on the exercise's tempo,
    then rest till the top of the minute, "Ten seconds", 3-2-1."""
    total = settings["minutes"]
    said_by = phrases.of(parts[0].lang)
    turns = [parts[(m - 1) % len(parts)] for m in range(1, total + 1)]
    whats = [
        _what(part, (m - 1) // len(parts) + 1, said_by, by_turn=True)
        for m, part in enumerate(turns, 1)
    ]
    listing = said_by.THEN.join(whats[: len(parts)])
    said = said_by.EMOM_START.format(minutes=said_by.minutes(total), listing=listing)
    first_minute = _line(said_by.MINUTE, None, number=1, total=total, what=whats[0])
    first = _lead_in([first_minute.text])
    minutes: list[list[Segment]] = []
    for number, part in enumerate(turns, 1):
        turn = (number - 1) // len(parts) + 1
        cues, done = _minute_work(part, turn)
        cues.append(_line(said_by.REST_TILL, done))
        if number < total:
            nxt = {"number": number + 1, "total": total, "what": whats[number]}
            cues.append(_line(said_by.MINUTE, None, **nxt))
        if done <= MINUTE - TEN_SECONDS - 2:
            cues.append(_line(said_by.TEN_SECONDS, MINUTE - TEN_SECONDS))
        segment = Segment("minute", (beep("go", 0.0), *cues, *_ticks(MINUTE)), MINUTE, fixed=True)
        minutes.append([first, segment] if number == 1 else [segment])
    return [said], minutes


def _minute_work(part: Part, turn: int) -> tuple[list[Cue], float]:
    """The reps (or the timed work) of one minute, and when they are done."""
    name = spoken_title(part.exercise.title)
    room = MINUTE - GO_TAIL - COUNTDOWN - 1
    if part.timed:
        if part.timed > room:
            raise SettingsError(
                f"{name} for {part.timed:g} s leaves no rest in its minute; "
                f"give it {room:g} s or less"
            )
        return [beep("stop", part.timed)], part.timed + 0.6
    cues: list[Cue] = []
    offset = GO_TAIL
    for segment in rep_segments(part, turn, True, Tips([])):
        for index, cue in enumerate(segment.cues):
            at = cue.at if cue.at is not None else (0.0 if index == 0 else None)
            cues.append(cue if at is None else Cue(cue.kind, cue.text, at + offset, cue.anchor))
        offset += segment.seconds or 0.0
    if offset - GO_TAIL > room:
        reps = part.settings.reps_in(turn)
        fit = int(room // ((offset - GO_TAIL) / reps))
        raise SettingsError(
            f"{reps} reps of {name} take {offset - GO_TAIL:g} s at its tempo; "
            f"a minute has room for {fit} — use fewer reps or a faster tempo"
        )
    return cues, offset


def amrap(
    kind: str, parts: tuple[Part, ...], settings: dict[str, Any]
) -> tuple[list[str], list[list[Segment]]]:
    """The round named once, then a time check every minute, "One minute left", the
    last ten seconds counted down, and "Time!"; with ``pace``, each exercise called."""
    total, pace = settings["minutes"], settings["pace"]
    said_by = phrases.of(parts[0].lang)
    whats = [_what(part, 1, said_by) for part in parts]
    cap = total * MINUTE
    listing = ", ".join(whats)
    lines = [said_by.AMRAP_START.format(listing=listing, minutes=said_by.minutes(total))]
    if pace:
        lines.append(said_by.PACE.format(time=said_by.words.duration(pace)))
    timed: list[tuple[float, Cue]] = [(0.0, beep("go", 0.0))]
    for gone in range(1, total):
        left = total - gone
        line = (
            _line(said_by.ONE_MINUTE_LEFT, 0.0)
            if left == 1
            else _line(said_by.TIME_GONE, 0.0, gone=said_by.minutes(gone), left=left)
        )
        timed.append((gone * MINUTE, line))
    if pace:  # after the time checks: at the same moment, the time check comes first
        timed += _calls(whats, pace, cap, said_by, [_workduration(part) for part in parts])
    timed.append((cap - TEN_SECONDS, _line(said_by.TEN_LEFT, 0.0)))
    words = said_by.words
    for n in SPOKEN_COUNT:
        count = words.say("coach.count", number=capital(words.number(n)))
        timed.append((cap - n, say(count, 0.0)))
    timed += [(cap - MINUTE + cue.at, cue) for cue in _ticks(MINUTE) if cue.at is not None]
    minutes: list[list[Segment]] = [[] for _ in range(total)]
    for number in range(total):
        here = sorted(
            ((at, cue) for at, cue in timed if number * MINUTE <= at < (number + 1) * MINUTE),
            key=lambda item: item[0],
        )
        cues = tuple(_at(cue, at - number * MINUTE) for at, cue in here)
        minutes[number].append(Segment("minute", cues, MINUTE, fixed=True))
    minutes[0].insert(0, _lead_in([words.say("coach.get_ready")]))
    return lines, minutes


def _calls(
    whats: list[str], pace: float, cap: float, said_by: phrases.Phrases, work: list[float]
) -> list[tuple[float, Cue]]:
    """Each exercise called at ``pace`` seconds a round, its share of the round in
    proportion to its ``work``."""
    shares = [max(seconds, 1.0) for seconds in work]
    calls = []
    number = 0
    while (begin := number * pace) < cap - LAST_CALL:
        offset = 0.0
        for index, what in enumerate(whats):
            at = begin + offset
            if at >= cap - LAST_CALL:
                break
            form = said_by.ROUND_CALL if index == 0 else said_by.CALL
            calls.append((at, _line(form, 0.0, number=number + 1, what=what)))
            offset += pace * shares[index] / sum(shares)
        number += 1
    return calls


def _workduration(part: Part) -> float:
    if part.timed:
        return part.timed
    lengths = part.movement.durations(part.settings.tempo)
    return sum(lengths) * part.settings.reps_in(1)


def _what(part: Part, turn: int, said_by: phrases.Phrases, by_turn: bool = False) -> str:
    """ "8 push-ups", or "Forearm Plank for 30 seconds". Work done one side at a time
    is "on each side", or with ``by_turn`` one side a turn: "8 lunges, right leg"."""
    name = spoken_title(part.exercise.title, part.lang)
    if part.timed:
        what = said_by.HOW_LONG.format(name=name, time=said_by.words.duration(part.timed))
    else:
        reps = part.settings.reps_in(turn)
        what = said_by.HOW_MANY.format(reps=reps, names=said_by.plural(name))
    if len(part.sides) < 2:
        return what
    if by_turn:
        return f"{what}, {side_name(part, 'right' if turn % 2 else 'left')}"
    return what + said_by.words.say("prescription.each_side")


def _lead_in(lines: list[str]) -> Segment:
    """Before the clock starts: ``lines``, then 3-2-1 beeps; the first "go" opens the
    next segment. This one may grow with its speech."""
    spoken = sum(len(line.split()) for line in lines) / WORDS_PER_SECOND
    go_at = max(START_SECONDS, round(spoken + COUNTDOWN + 1.0, 1))
    return Segment("start", (*(say(line) for line in lines), *_ticks(go_at)), go_at)


def finish(kind: str, said_by: phrases.Phrases) -> Segment:
    """The stop beep at the end of the last period, and the group done."""
    cues = [beep("stop", 0.0)]
    if kind in ("emom", "amrap"):
        cues.append(say(said_by.TIME_UP))
    return Segment("stop", (*cues, say(said_by.DONE[kind])))


def _ticks(go_at: float) -> list[Cue]:
    return [beep("tick", go_at - n) for n in range(COUNTDOWN, 0, -1) if go_at - n >= 0]


def _line(template: tuple[str, ...], at: float | None, **values: object) -> Cue:
    text, shorter = phrases.Phrases.lines(template, **values)
    return say(text, at, shorter=shorter)


def _at(cue: Cue, at: float) -> Cue:
    return Cue(cue.kind, cue.text, at, cue.anchor, cue.shorter)
