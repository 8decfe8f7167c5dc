"""A second reading of how the sides are worked, learned from hand-labeled documents:
the rules' reading, how the exercise is worked, the catalog phrases the document
contains and its words in, the sides a labeler would give out."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from audio_builder.reading.document import Exercise
from audio_builder.reading.learned import Model, load, words
from audio_builder.reading.sides import Sides
from audio_builder.reading.vocabulary import vocabulary

MODEL_FILE = Path(__file__).with_name("side_model.json")
SIDES = ("both", "left-right", "alternating")


def side_features(exercise: Exercise, rules: str, work: str, lang: str) -> list[str]:
    """``rules``: the sides as the rules read them; ``work``: how the exercise is worked."""
    steps = " ".join(f"{step.title}. {step.text}" for step in exercise.steps)
    items = (*exercise.starting_position, *exercise.execution, *exercise.programming)
    body = " ".join([exercise.description, steps, *(item.whole for item in items)])
    patterns = vocabulary(lang).patterns
    return [
        f"rules:{rules}",
        f"rules:{rules} in {work}",
        f"work:{work}",
        *(f"title:{w}" for w in set(words(exercise.title))),
        *(f"says:{name}" for name, pattern in patterns.items() if pattern.search(body)),
        *(f"a step says:{name}" for name, pattern in patterns.items() if pattern.search(steps)),
        *(f"word:{w}" for w in set(words(body))),
    ]


def side_model(lang: str) -> Model | None:
    """The model for documents in ``lang``, if one was trained for it."""
    return load(MODEL_FILE, lang)


def review_sides(model: Model, exercise: Exercise, rules: Sides, work: str) -> Sides:
    """The sides, the rules' reading reviewed; a title that names them ("Single-Arm
    Row", "Alternating Curl") keeps the rules' reading, which is right on every such
    labeled document."""
    reading = vocabulary(model.language)
    if any(reading[name].search(exercise.title) for name in ("one_side", "alternating")):
        return rules
    return cast(Sides, model.best(side_features(exercise, rules, work, model.language)))
