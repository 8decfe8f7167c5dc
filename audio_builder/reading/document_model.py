"""Second readings of the whole document, learned from hand-labeled documents: how the
exercise is worked and how its sides are, from the rules' reading, the catalog phrases
the document contains and its words."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from audio_builder.reading.document import Exercise
from audio_builder.reading.learned import Model, load, words
from audio_builder.reading.sides import Sides
from audio_builder.reading.vocabulary import vocabulary
from audio_builder.reading.worked import Work

SIDE_FILE = Path(__file__).with_name("side_model.json")
WORK_FILE = Path(__file__).with_name("work_model.json")
SIDES: tuple[Sides, ...] = ("both", "left-right", "alternating")
WORKS: tuple[Work, ...] = ("reps", "hold", "time")
_TIMED = ("reps", "hold", "duration", "time", "times")  # what the text states decides


def document_features(exercise: Exercise, lang: str) -> list[str]:
    """The title's words, the catalog phrases of the document and of its steps, and its
    words: what both models read."""
    steps = " ".join(f"{step.title}. {step.text}" for step in exercise.steps)
    items = (*exercise.starting_position, *exercise.execution, *exercise.programming)
    body = " ".join([exercise.description, steps, *(item.whole for item in items)])
    patterns = vocabulary(lang).patterns
    return [
        *(f"title:{w}" for w in dict.fromkeys(words(exercise.title))),
        *(f"says:{name}" for name, pattern in patterns.items() if pattern.search(body)),
        *(f"a step says:{name}" for name, pattern in patterns.items() if pattern.search(steps)),
        *(f"word:{w}" for w in dict.fromkeys(words(body))),
    ]


def work_features(document: list[str], rules: Work, prescribed: dict) -> list[str]:
    """``rules``: how the rules read the work; ``prescribed``: what the text states."""
    return [f"rules:{rules}", *(f"states:{name}" for name in prescribed), *document]


def side_features(document: list[str], rules: Sides, work: Work) -> list[str]:
    """``rules``: the sides as the rules read them; ``work``: how the exercise is worked."""
    return [f"rules:{rules}", f"rules:{rules} in {work}", f"work:{work}", *document]


def work_model(lang: str) -> Model | None:
    """The model for documents in ``lang``, if one was trained for it."""
    return load(WORK_FILE, lang)


def side_model(lang: str) -> Model | None:
    """The model for documents in ``lang``, if one was trained for it."""
    return load(SIDE_FILE, lang)


def review_work(
    model: Model, exercise: Exercise, document: list[str], rules: Work, prescribed: dict
) -> Work:
    """How the exercise is worked, the rules' reading reviewed where the text neither
    states a count or a time nor calls itself a stretch: a stated "3 x 10" or "hold 30
    seconds" decides by the rules (where they and the model part, the rules were as often
    right in cross-validation), and a stretch is never counted unless it states a count."""
    stretch = vocabulary(model.language)["stretching"].search(exercise.description)
    if stretch or any(name in prescribed for name in _TIMED):
        return rules
    return cast(Work, model.best(work_features(document, rules, prescribed)))


def review_sides(
    model: Model, exercise: Exercise, document: list[str], rules: Sides, work: Work
) -> Sides:
    """The sides, the rules' reading reviewed; a title that names them ("Single-Arm
    Row", "Alternating Curl") keeps the rules' reading, which is right on every such
    labeled document. The model decides between one side at a time and the others, not
    between both at once and alternating."""
    reading = vocabulary(model.language)
    if any(reading[name].search(exercise.title) for name in ("one_side", "alternating")):
        return rules
    reviewed = cast(Sides, model.best(side_features(document, rules, work)))
    if {rules, reviewed} == {"both", "alternating"}:
        return rules  # between these two the rules were as often right (cross-validation)
    return reviewed
