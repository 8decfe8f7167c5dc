"""A logistic regression over named features, learned from hand-labeled documents: the
second reading that reviews what the rules read (a step's role, how the exercise and
its sides are worked). ``benchmarks/train_models.py`` trains each model on the labels' tuning split;
inference is dictionary lookups, so numpy and scipy are needed only to train."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Model:
    language: str
    classes: tuple[str, ...]
    bias: tuple[float, ...]  # one per class
    weights: dict[str, Sequence[float]]  # a feature's weight for each class

    def best(self, features: Iterable[str]) -> str:
        """The class these features score highest (each feature once, summed in the
        order given, so a document reads the same in every run)."""
        scores = list(self.bias)
        for feature in dict.fromkeys(features):
            for index, weight in enumerate(self.weights.get(feature, ())):
                scores[index] += weight
        return self.classes[scores.index(max(scores))]

    def save(self, path: Path) -> None:
        """JSON with a line per feature, so a retrained model reads as a diff."""
        head = ", ".join(
            f"{json.dumps(key)}: {json.dumps(value)}"
            for key, value in (
                ("language", self.language),
                ("classes", self.classes),
                ("bias", self.bias),
            )
        )
        rows = ",\n".join(
            f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(self.weights.items())
        )
        path.write_text(f'{{{head},\n"weights": {{\n{rows}\n}}}}\n', encoding="utf-8")


@cache
def load(path: Path, lang: str) -> Model | None:
    """The model saved at ``path``, if it was trained for documents in ``lang``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["language"] != lang:
        return None
    return Model(lang, tuple(data["classes"]), tuple(data["bias"]), data["weights"])


def train(
    examples: Iterable[tuple[list[str], str]],
    language: str,
    classes: tuple[str, ...],
    penalty: float = 0.001,
    rounds: int = 400,
    smallest: float = 0.005,
) -> Model:
    """Multinomial logistic regression by full-batch gradient descent from zero: the
    same examples always give the same model. ``examples``: (features, class) pairs;
    a feature whose weights all stay under ``smallest`` is left out of the model."""
    import numpy as np
    from scipy import sparse

    pairs = list(examples)
    names = sorted({f for features, _ in pairs for f in features})
    column = {name: i for i, name in enumerate(names)}
    cells = [(row, column[f]) for row, (features, _) in enumerate(pairs) for f in set(features)]
    rows, columns = zip(*cells, strict=True) if cells else ((), ())
    x = sparse.csr_matrix(
        (np.ones(len(cells)), (rows, columns)), shape=(len(pairs), len(names))
    )  # a document's features, each once: most of the table is empty
    y = np.eye(len(classes))[[classes.index(label) for _, label in pairs]]
    w = np.zeros((len(names), len(classes)))
    b = np.zeros(len(classes))
    for _ in range(rounds):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= 0.5 * (x.T @ (p - y) / len(pairs) + penalty * w)
        b -= 0.5 * (p - y).mean(axis=0)
    kept = {
        name: tuple(round(float(v), 3) for v in w[i])
        for name, i in column.items()
        if np.abs(w[i]).max() >= smallest
    }
    return Model(language, classes, tuple(round(float(v), 3) for v in b), kept)


def words(text: str) -> list[str]:
    """The lower-case words of a text, as features name them."""
    return re.findall(r"[a-z]+", text.lower())
