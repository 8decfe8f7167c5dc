"""Estimate how the role model reads documents it was not trained on, from the tuning
split alone: five-fold cross-validation by document (a document's steps are never split
between training and testing), beside the rules' own reading of the same steps.

    python benchmarks/cross_validate.py              # as train_models.py trains it
    python benchmarks/cross_validate.py --rounds 800 # another number of training rounds

The held-out split is never read here: choices made on this figure keep it unseen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import LABELS, import_corpus
from train_models import readings, role_examples

from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.learned import train
from audio_builder.reading.vocabulary import KINDS

FOLDS = 5


def cross_validate(documents: list[list[tuple[list[str], str, str]]], **options) -> int:
    """How many steps the model reads right, each fold trained on the other four."""
    right = 0
    for fold in range(FOLDS):
        training = [
            (features, role)
            for index, steps in enumerate(documents)
            if index % FOLDS != fold
            for features, role, _ in steps
        ]
        model = train(training, DEFAULT_LANGUAGE, KINDS, smallest=0.02, **options)
        right += sum(
            model.best(features) == role
            for steps in documents[fold::FOLDS]
            for features, role, _ in steps
        )
    return right


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, help="training rounds (default: as train_models.py trains)"
    )
    args = parser.parse_args()
    labels = yaml.safe_load((LABELS / "labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        read = list(readings(labels, import_corpus(Path(folder))))
    documents = [  # each labeled step: its features, its label, the rules' role
        [(*example, one[2].roles[index]) for index, example in enumerate(role_examples([one]))]
        for one in read
    ]
    steps = sum(len(document) for document in documents)
    rules = sum(role == rule for document in documents for _, role, rule in document)
    model = cross_validate(documents, **({"rounds": args.rounds} if args.rounds else {}))
    print(f"{len(documents)} tuning documents, {steps} steps, {FOLDS} folds")
    print(f"rules alone   {rules / steps:6.1%} ({rules}/{steps})")
    print(f"model         {model / steps:6.1%} ({model}/{steps})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
