"""Train the learned readings on the labels' tuning split, and save them with the
package (audio_builder/reading/): each step's role (role_model.json), how the exercise
is worked (work_model.json) and how its sides are (side_model.json).

    python benchmarks/train_models.py

The held-out split is never seen here; ``evaluate.py`` measures the models on it. Train
again whenever the rules or the tuning labels change: the rules' readings are features.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import LABELS, import_corpus, resolve

from audio_builder.errors import AudioBuilderError
from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading import role_model
from audio_builder.reading.document import Exercise, parse_file
from audio_builder.reading.document_model import (
    SIDE_FILE,
    SIDES,
    WORK_FILE,
    WORKS,
    document_features,
    side_features,
    work_features,
)
from audio_builder.reading.learned import Model, train
from audio_builder.reading.movement import Movement, analyse
from audio_builder.reading.prescription import prescribed
from audio_builder.reading.role_model import Example
from audio_builder.reading.sides import detect_sides, told_text
from audio_builder.reading.vocabulary import KINDS
from audio_builder.settings import DEFAULTS


def readings(
    labels: list[dict], corpus: dict[str, Path]
) -> Iterator[tuple[dict, Exercise, Movement]]:
    """Each English tuning document the rules can read, with its label and the rules'
    reading (the models are English ones)."""
    for label in labels:
        if label["split"] != "tune":
            continue
        try:
            exercise = parse_file(resolve(label["source"], corpus))
        except AudioBuilderError:
            continue
        if exercise.lang not in (None, DEFAULT_LANGUAGE):
            continue
        settings = DEFAULTS.override(exercise.settings)
        yield label, exercise, analyse(exercise, settings.sides, learned=False)


def role_examples(read: list) -> Iterator[tuple[list[str], str]]:
    """Each labeled step the rules find, with its label."""
    for label, exercise, movement in read:
        steps = tuple(exercise.steps)
        for index, role in enumerate(label["steps"][: len(steps)]):
            example = Example(steps, movement.roles, index, movement.work, DEFAULT_LANGUAGE)
            yield example.features(), role


def work_examples(read: list) -> Iterator[tuple[list[str], str]]:
    """Each document with the work the rules read and what its text states, and its
    label."""
    for label, exercise, movement in read:
        document = document_features(exercise, DEFAULT_LANGUAGE)
        yield work_features(document, movement.work, prescribed(exercise)), label["work"]


def side_examples(read: list) -> Iterator[tuple[list[str], str]]:
    """Each document with the sides the rules read before any setting, and its label."""
    for label, exercise, movement in read:
        rules, _ = detect_sides(exercise, told_text(exercise), DEFAULT_LANGUAGE)
        document = document_features(exercise, DEFAULT_LANGUAGE)
        yield side_features(document, rules, movement.work), label["sides"]


def trained(corpus: dict[str, Path]) -> dict[str, Model]:
    """The models by the file they are saved to."""
    labels = yaml.safe_load((LABELS / "labels.yaml").read_text(encoding="utf-8"))
    read = list(readings(labels, corpus))
    return {
        # the word pairs make the role model large; the smallest weights, dropped, keep
        # its loading (once a build) at a hundredth of a second, its held-out reading equal
        role_model.MODEL_FILE.name: train(
            role_examples(read), DEFAULT_LANGUAGE, KINDS, smallest=0.02
        ),
        WORK_FILE.name: train(work_examples(read), DEFAULT_LANGUAGE, WORKS),
        SIDE_FILE.name: train(side_examples(read), DEFAULT_LANGUAGE, SIDES),
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        models = trained(import_corpus(Path(folder)))
    for name, model in models.items():
        model.save(role_model.MODEL_FILE.with_name(name))
        print(f"{name}: {len(model.weights)} features saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
