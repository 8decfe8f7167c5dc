"""Train the learned reading of step roles on the labels' tuning split, and save it
with the package (audio_builder/reading/role_model.json).

    python benchmarks/train_roles.py

The held-out split is never seen here; ``evaluate.py`` measures the model on it. Train
again whenever the rules or the tuning labels change: the rules' roles are features.
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
from audio_builder.reading.document import parse_file
from audio_builder.reading.movement import analyse
from audio_builder.reading.role_model import Example, RoleModel, train
from audio_builder.reading.vocabulary import Kind
from audio_builder.settings import DEFAULTS


def examples(labels: list[dict], corpus: dict[str, Path]) -> Iterator[tuple[Example, Kind]]:
    """Each labeled step of the tuning split the rules find, with its label."""
    for label in labels:
        if label["split"] != "tune":
            continue
        try:
            exercise = parse_file(resolve(label["source"], corpus))
        except AudioBuilderError:
            continue
        settings = DEFAULTS.override(exercise.settings)
        movement = analyse(exercise, settings.sides, learned=False)
        for index, (step, role) in enumerate(zip(exercise.steps, label["steps"], strict=False)):
            yield (
                Example(
                    step.title, step.text, movement.roles, index, movement.work, DEFAULT_LANGUAGE
                ),
                role,
            )


def trained(corpus: dict[str, Path]) -> RoleModel:
    labels = yaml.safe_load((LABELS / "labels.yaml").read_text(encoding="utf-8"))
    return train(examples(labels, corpus), DEFAULT_LANGUAGE)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        model = trained(import_corpus(Path(folder)))
    model.save()
    print(f"{len(model.weights)} features saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
