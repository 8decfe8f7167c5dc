"""Read the movement out of the howto steps: which steps set up, which move, and
how long each phase of a rep lasts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.document import Exercise, Step
from audio_builder.reading.document_model import (
    document_features,
    review_sides,
    review_work,
    side_model,
    work_model,
)
from audio_builder.reading.prescription import prescribed
from audio_builder.reading.role_model import revise_roles, role_model
from audio_builder.reading.sides import (
    Sides,
    detect_sides,
    first_side,
    mirrored,
    only_side,
    told_text,
)
from audio_builder.reading.spoken import sentences
from audio_builder.reading.verbs import (
    classify,
    classify_step,
    holds_a_position,
    is_starting_position,
    lead_removed,
)
from audio_builder.reading.vocabulary import WORD, Kind, vocabulary
from audio_builder.reading.worked import Work, how_worked
from audio_builder.settings import DEFAULT_TEMPO, Tempo

Role = Literal["setup", "up", "hold", "down", "transition"]

_CYCLE: tuple[Kind, ...] = ("up", "hold", "down")  # a step may go on to later phases


@dataclass(frozen=True)
class Phase:
    """One part of a rep: what the listener hears on the first rep and how long it lasts."""

    kind: Kind
    cue: str
    seconds: float | None  # from the text; None: from the tempo


_ROLE_NAMES = {"setup": "set-up", "transition": "transition"}


@dataclass(frozen=True)
class Movement:
    setup: tuple[Step, ...]
    phases: tuple[Phase, ...]
    steps: tuple[tuple[str, tuple[Phase, ...]], ...]  # each step's title and its phases
    sides: Sides = "both"
    limb: str = "side"  # what a side is called: "Right leg", "Switch sides — left arm"
    work: Work = "reps"
    roles: tuple[Role, ...] = ()  # each step's part: set-up, a phase, or a transition
    prescription: dict = field(default_factory=dict)  # what the text prescribes
    first_side: str = ""  # the side the steps name first; "": the coach's own order
    only_side: str = ""  # the one side worked: left, right, the text's words for it, or ""

    @property
    def moves(self) -> bool:
        """Whether there is a rep to count (not just a position to hold)."""
        return self.work == "reps"

    def describe(self, tempo: Tempo | None) -> list[str]:
        """One line per step: set-up, or its phases with their seconds and where those
        came from (the tempo setting, the text, or the default tempo)."""
        lines = []
        for (title, phases), role in zip(self.steps, self.roles, strict=True):
            parts = [
                f"{phase.kind} {seconds:g} s ({_origin(phase, tempo)})"
                for phase, seconds in zip(phases, self._seconds(phases, tempo), strict=True)
            ]
            lines.append(f"{title}: {', '.join(parts) or _ROLE_NAMES.get(role, role)}")
        if self.sides != "both":
            lines.append(f"sides: {self.sides} ({self.limb})")
        return lines

    def durations(self, tempo: Tempo | None) -> tuple[float, ...]:
        """Seconds per phase: an explicit tempo wins, then the text, then the default."""
        return self._seconds(self.phases, tempo)

    @staticmethod
    def _seconds(phases: tuple[Phase, ...], tempo: Tempo | None) -> tuple[float, ...]:
        chosen = tempo or DEFAULT_TEMPO
        return tuple(
            getattr(chosen, phase.kind)
            if tempo is not None or phase.seconds is None
            else phase.seconds
            for phase in phases
        )


def analyse(
    exercise: Exercise,
    sides: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    learned: bool = True,
) -> Movement:
    """Decide how the whole exercise is worked, then read each step's part in it: the
    set-up, the phases of one rep, or (after the movement) a transition; and how the
    sides are worked (``sides`` from the settings wins over the text). ``lang``: the
    language the document is written in; ``learned``: whether the models trained for it
    review the rules' work, roles and sides."""
    kinds = _step_kinds(exercise.steps, lang)
    found = prescribed(exercise, lang)
    work = how_worked(exercise, kinds, found, lang)
    work_reviewer = work_model(lang) if learned else None
    side_reviewer = side_model(lang) if learned else None
    document = document_features(exercise, lang) if work_reviewer or side_reviewer else []
    if work_reviewer:
        work = review_work(work_reviewer, exercise, document, work, found)
    _as_worked(found, work)
    going = vocabulary(lang)["locomotion"].search(exercise.title)
    loading = _before_going(exercise.steps, lang) if work == "time" and going else 0
    kinds = ["setup"] * loading + kinds[loading:]
    roles = _hold_roles(exercise.steps, kinds, lang) if work == "hold" else _rep_roles(kinds)
    if learned and (model := role_model(lang)):
        roles = revise_roles(model, exercise.steps, tuple(roles), work)
        roles = ["setup"] * loading + roles[loading:]
    setup: list[Step] = []
    phases: list[Phase] = []
    steps = []
    for step, role in zip(exercise.steps, roles, strict=True):
        found_phases = (
            [_timed_from_execution(p, exercise, lang) for p in _phases(step, role, lang)]
            if role in _CYCLE
            else []
        )
        if role == "setup":
            setup.append(step)
        phases.extend(found_phases)
        steps.append((step.title, tuple(found_phases)))
    moving = [step for step, role in zip(exercise.steps, roles, strict=True) if role in _CYCLE]
    sided = moving
    # one paragraph walks through the whole rep: "Lower your chest ... Push back up"
    in_one_paragraph = len(moving) <= 1 and not _both_ways(phases) and work == "reps"
    if in_one_paragraph and (found_walk := _walked_through(exercise.steps, roles, lang)):
        index, walked, walk = found_walk
        phases = [_timed_from_execution(p, exercise, lang) for p in walk]
        steps[index] = (steps[index][0], tuple(phases))
        sided = [walked]
    if (held := found.pop("rep_hold", None)) and work == "reps" and "hold" not in found:
        found["hold"] = held  # the dose's hold of each rep times its held phase
        phases = [_held_for(phase, held) for phase in phases]
        steps = [(title, tuple(_held_for(p, held) for p in done)) for title, done in steps]
    if work == "reps" and not any(p.kind in ("up", "down") for p in phases):
        words = vocabulary(lang)  # a lift we could not follow is still counted
        phases = [Phase("up", words.up, None), Phase("down", words.lower, None)]
    said = told_text(exercise, lang)
    mode, limb = detect_sides(exercise, said, lang)
    if mode == "both" and mirrored(moving, lang):
        mode = "alternating"  # "Lift your right knee", "Lift your left knee"
    if side_reviewer:
        mode = review_sides(side_reviewer, exercise, document, mode, work)
    if mode != "alternating":
        found.pop("per_side", None)  # a count per side changes only alternating work
    if work == "hold" and mode == "alternating":
        mode = "left-right"  # a position is held on one side, then the other
    if work == "time" and mode == "alternating" and going and not _steps_by_side(exercise, lang):
        mode = "both"  # walking, crawling, running: no sides to coach
    # "affected leg only"; not of work the text alternates, which has both sides in turn
    only = only_side(said, lang) if sides is None and mode != "alternating" else ""
    if sides is not None:
        mode = "both" if sides == "none" else sides  # type: ignore[assignment]
    return Movement(
        tuple(setup),
        tuple(phases),
        tuple(steps),
        mode,
        limb,
        work,
        tuple(roles),
        found,
        first_side(said, sided, lang) if mode != "both" else "",
        only,
    )


def _held_for(phase: Phase, seconds: float) -> Phase:
    """A held phase whose text gives no time, held for the dose's ``seconds``."""
    if phase.kind != "hold" or phase.seconds is not None:
        return phase
    return Phase(phase.kind, phase.cue, seconds)


def _as_worked(found: dict, work: Work) -> None:
    """A time the text states is the length of the work as the exercise is done: a
    hold's "for 30 seconds" holds, a drill's works for time. The first time stated wins.
    "Do it 3 times" counts reps, or the sets of a hold or timed work."""
    if "times" in found:  # "10 reps ... (that's 2 times)" are sets too
        counted = work == "reps" and "reps" not in found
        found.setdefault("reps" if counted else "sets", found.pop("times"))
    if work != "reps":
        found.pop("reps_per_set", None)
    if work != "reps" and "reps" in found:  # "Do 2 on each side" of a hold: 2 holds
        found.setdefault("sets", found.pop("reps"))
    named = [name for name in found if name in ("hold", "duration", "time")]
    if "time" in found and work == "reps":
        found.setdefault("hold", found.pop("time"))
    elif named and work != "reps":
        first = found[named[0]]
        for name in named:
            del found[name]
        found["duration" if work == "time" else "hold"] = first


def _step_kinds(steps: tuple[Step, ...], lang: str) -> list[Kind | None]:
    """The kind of each step's leading action; "return to the start" reverses the
    movement before it."""
    kinds: list[Kind | None] = []
    previous: Kind | None = None
    starts = [i for i, step in enumerate(steps) if is_starting_position(step.text, lang)]
    for index, step in enumerate(steps):
        if starts and index <= starts[0]:
            kind: Kind | None = "setup"
        elif vocabulary(lang)["unrack"].search(next(iter(sentences(step.text)), "")):
            kind = _later_move(step, previous, lang) or "setup"  # unrack, then move
        else:
            kind = classify_step(step.title, step.text, previous, lang)
            if starts and kind == "setup":
                kind = _later_move(step, previous, lang) or kind  # "be sure to keep ... Then push"
        if previous is None and kind in ("up", "down") and _gets_into_position(step.text, lang):
            kind = "setup"  # "bend your knees until you can reach the handles, then grip them"
        if kind == "down" and vocabulary(lang)["other_side_next"].search(step.text):
            kind = "transition"  # "return to the start, then repeat on the other side"
        elif previous and kind in _CYCLE and vocabulary(lang)["again"].search(step.text):
            kind = "transition"  # "row the left dumbbell the same way", "keep going side to side"
        kinds.append(kind)
        if kind in ("up", "down"):
            previous = kind
    return kinds


def _gets_into_position(text: str, lang: str) -> bool:
    """The step's first moving sentence goes down to take hold of the weight, or to
    the position the reps start from ("hinge over until your torso is nearly parallel")."""
    words = vocabulary(lang)
    read = ((s, classify_step(s, s, None, lang)) for s in sentences(text))
    moving, kind = next(((s, k) for s, k in read if k), ("", None))
    if words["in_reach"].search(moving):  # "push the knees out ... until you can grab the bar"
        return True
    return kind == "down" and bool(
        words["grasp"].search(moving) or words["bent_over"].search(moving)
    )


def _later_move(step: Step, previous: Kind | None, lang: str) -> Kind | None:
    """The first movement a step's later sentences make, if any."""
    later = (classify(sentence, previous, lang) for sentence in sentences(step.text)[1:])
    return next((k for k in later if k in ("up", "down")), None)


def _steps_by_side(exercise: Exercise, lang: str) -> bool:
    """The title names a walk whose every step is a side's rep: a walking lunge."""
    return bool(vocabulary(lang)["alternating_title"].search(exercise.title))


def _before_going(steps: tuple[Step, ...], lang: str) -> int:
    """Work for time that walks, runs, rows or carries: how many steps come before the
    first that does so (picking the load up, standing up with it), all of them set-up."""
    going = vocabulary(lang)["locomotion"]
    moves_on = [
        any(going.match(lead_removed(s, lang)) for s in sentences(step.text)) for step in steps
    ]
    return moves_on.index(True) if True in moves_on else 0


def _rep_roles(kinds: list[Kind | None]) -> list[Role]:
    """Steps before the first movement set up; after it, a step that moves nothing is a
    transition (switch sides, repeat, re-rack)."""
    roles: list[Role] = []
    started = False
    for kind in kinds:
        if kind in _CYCLE:
            started = True
            roles.append(kind)  # type: ignore[arg-type]
        else:
            roles.append("transition" if started else "setup")
    return roles


def _hold_roles(steps: tuple[Step, ...], kinds: list[Kind | None], lang: str) -> list[Role]:
    """A held position: set-up steps lead into the step that holds it (the first one
    that says to hold or stay, else the last that moves); later steps hold on, unless
    they stand back up out of it, switch sides or repeat."""
    texts = [f"{step.title}. {step.text}" for step in steps]
    held = next((i for i, text in enumerate(texts) if holds_a_position(text, lang)), None)
    if held is None:
        held = next((i for i, kind in enumerate(kinds) if kind == "hold"), None)  # "Hold the L"
    if held is None:
        moving = [i for i, kind in enumerate(kinds) if kind in _CYCLE]
        held = moving[-1] if moving else len(steps) - 1
    roles: list[Role] = []
    words = vocabulary(lang)
    for index, text in enumerate(texts):
        if index < held:
            roles.append("setup")
        elif index > held and kinds[index] == "up" and not words["switching"].search(text):
            roles.append("up")  # standing or sliding back up out of the held position
        elif index > held and _leaves_the_hold(text, kinds[index], lang):
            roles.append("transition")
        else:
            roles.append("hold")
    return roles


def _leaves_the_hold(text: str, kind: Kind | None, lang: str) -> bool:
    """After the held position, a step that switches sides, repeats, or comes back out
    of it ("lower yourself back to the floor", "step back onto the box") ends the hold;
    one that holds again or deepens it goes on holding."""
    if kind == "hold" or holds_a_position(text, lang):
        return False
    words = vocabulary(lang)
    return bool(words["switching"].search(text) or words["leaving"].search(text))


def _origin(phase: Phase, tempo: Tempo | None) -> str:
    if tempo is not None:
        return "tempo setting"
    return "from the text" if phase.seconds is not None else "default tempo"


def _timed_from_execution(phase: Phase, exercise: Exercise, lang: str) -> Phase:
    """A phase the howto gives no duration takes one the Execution list states for
    the same kind of movement ("pause and squeeze ... for a second")."""
    if phase.seconds is not None:
        return phase
    for item in exercise.execution:
        for sentence in sentences(f"{item.label}. {item.text}"):
            kind = classify(sentence, lang=lang) or classify(item.label, lang=lang)
            seconds = _seconds(sentence, phase.kind, [], lang) if kind == phase.kind else None
            if seconds is not None:
                return Phase(phase.kind, phase.cue, seconds)
    return phase


def _phases(step: Step, first: Kind, lang: str) -> list[Phase]:
    """The movement phases a step describes, in order, starting with its role."""
    parts = [clause for part in sentences(step.text) for clause in _clauses(part, lang)]
    phases = [Phase(first, _short(step.title, lang), _seconds(step.text, first, parts, lang))]
    for sentence in parts:
        kind = classify(sentence, phases[-1].kind, lang)
        if kind in _CYCLE and _CYCLE.index(kind) > _CYCLE.index(phases[-1].kind):
            seconds = _seconds(sentence, kind, [], lang)
            phases.append(Phase(kind, _cue_for(kind, sentence, lang), seconds))
    return phases


def _clauses(sentence: str, lang: str) -> list[str]:
    """A sentence cut at each next movement ("Pull it to your hip, then lower it"), but
    not after a what-if ("if you feel a pinch, lower them a little" goes with its clause)."""
    words = vocabulary(lang)
    clauses: list[str] = []
    for clause in words["then"].split(sentence):
        if clauses and words["conditional"].match(re.split(r"[,;—–]", clauses[-1])[-1].strip()):
            clauses[-1] = f"{clauses[-1]}, {clause}"
        else:
            clauses.append(clause)
    return clauses


def _both_ways(phases: list[Phase]) -> bool:
    return {"up", "down"} <= {phase.kind for phase in phases}


def _walked_through(
    steps: tuple[Step, ...], roles: list[Role], lang: str
) -> tuple[int, Step, list[Phase]] | None:
    """The rep a step walks through in its sentences, when no more than one step moves:
    that step's, or any step's when that one's sentences make no move ("Start on all
    fours. Extend your right arm forward ..., and hold for 2 seconds. Return to all
    fours"). Of the step that makes the most moves: its index, the step cut to the
    sentences from the rep's start (the set-up before names no side worked), and the
    rep's phases; None if no step walks through one."""
    moving = [
        (index, *_walk(steps[index], lang)) for index, role in enumerate(roles) if role in _CYCLE
    ]
    walks = moving
    if not any(moves for _, moves, _, _ in moving):  # "Keep your elbows pinned" moves nothing
        walks = [(index, *_walk(step, lang)) for index, step in enumerate(steps)]
    if walks := [walk for walk in walks if walk[3]]:
        index, _, walked, phases = max(walks, key=lambda walk: walk[1])
        return index, walked, phases
    return None


def _walk(step: Step, lang: str) -> tuple[int, Step, list[Phase]]:
    """How many of a step's clauses move, the step from the sentence its rep starts in,
    and the rep's phases: one sentence's that goes both ways ("Press them overhead, then
    lower them"), else the first rep its sentences make together; a what-if ("If you
    can't do a rep yet, come back ...") makes none."""
    said = [s for s in sentences(step.text) if not vocabulary(lang)["conditional"].match(s)]
    clauses = [_clauses(sentence, lang) for sentence in said]
    moves = sum(classify(clause, None, lang) in _CYCLE for one in clauses for clause in one)
    for index, one in enumerate(clauses):
        if phases := _rep(one, lang)[0]:
            return moves, Step(step.title, " ".join(said[index:])), phases
    phases, start = _rep([clause for one in clauses for clause in one], lang)
    if not phases:
        return moves, step, []
    sentence_of = [index for index, one in enumerate(clauses) for _ in one]
    return moves, Step(step.title, " ".join(said[sentence_of[start] :])), phases


def _rep(clauses: list[str], lang: str) -> tuple[list[Phase], int]:
    """The phases of the first rep the clauses make, each as the first clause to make it
    says it, and the clause it starts at; none unless it goes both ways. A first move
    that only gets into position ("Bend over until your torso is nearly parallel")
    starts nothing when a later one goes down."""
    kinds = [classify(clause, None, lang) for clause in clauses]
    phases: list[Phase] = []
    start = 0
    for index, clause in enumerate(clauses):
        kind = classify(clause, phases[-1].kind if phases else None, lang)
        if not phases:
            getting_there = _gets_into_position(clause, lang) and "down" in kinds[index + 1 :]
            if kind not in ("up", "down") or (kind == "down" and getting_there):
                continue
            start = index
        if kind in _CYCLE and kind not in {phase.kind for phase in phases}:
            seconds = _seconds(clause, kind, [], lang)
            phases.append(Phase(kind, _cue_for(kind, clause, lang), seconds))
        if _both_ways(phases):
            return phases, start
    return [], start


def _seconds(text: str, kind: Kind, parts: list[str], lang: str) -> float | None:
    """A duration stated in the sentence(s) of this phase ("pause for a second")."""
    words = vocabulary(lang)
    scope = [p for p in parts if classify(p, lang=lang) in (kind, None)] if parts else [text]
    for sentence in scope:
        if match := words["seconds"].search(sentence):
            word = next(number for number in match.groups() if number).lower()
            return words.numbers.get(word) or float(word.replace(",", "."))
    return None


def _short(title: str, lang: str) -> str:
    """A step title trimmed to a quick cue: "Squeeze at the Top" -> "Squeeze"."""
    short = vocabulary(lang)["prepositions"].sub("", title).strip() or title
    return short[:1].upper() + short[1:].lower()


def _cue_for(kind: Kind, sentence: str, lang: str) -> str:
    vocab = vocabulary(lang)
    if kind == "down":
        return vocab.lower
    words = re.findall(WORD, lead_removed(sentence, lang))
    word = next((w for w in words if w.lower() not in vocab.fillers), kind)
    return word.capitalize()
