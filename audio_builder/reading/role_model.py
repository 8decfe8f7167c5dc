"""A second reading of each step's role, learned from hand-labeled documents: the
rules' roles and the step's words in, the role a labeler would give out.

The rules read any layout and language their catalog covers; the model, a logistic
regression over word and rule features, corrects what they misread in the language it
was trained on. ``benchmarks/train_roles.py`` trains it on the labels' tuning split."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from audio_builder.reading.document import Step
from audio_builder.reading.spoken import whole_sentences
from audio_builder.reading.verbs import classify
from audio_builder.reading.vocabulary import KINDS, Kind, vocabulary

MODEL_FILE = Path(__file__).with_name("role_model.json")


@dataclass(frozen=True)
class Example:
    """One step as the model sees it: its words, where it stands, and the rules' reading
    of it and of its neighbours."""

    title: str
    text: str
    rules: tuple[Kind, ...]  # the rules' role of every step of the document
    index: int
    work: str  # how the whole exercise is worked: reps, hold or time
    lang: str

    def features(self) -> list[str]:
        words = _words(self.text)
        said = whole_sentences(self.text)
        first = _words(next(iter(said), ""))
        patterns = vocabulary(self.lang).patterns
        kinds = self._sentence_kinds(said)
        title = _words(self.title)
        here = self.rules[self.index]
        before = self.rules[self.index - 1] if self.index else "start"
        after = self.rules[self.index + 1] if self.index + 1 < len(self.rules) else "end"
        place = "first" if self.index == 0 else "last" if after == "end" else "middle"
        return [
            *(f"title:{w}" for w in title),
            *(f"word:{w}" for w in set(words)),
            *(f"first sentence:{w}" for w in set(first)),
            *(f"opens:{w}" for w in words[:1]),
            *(f"title opens:{w}" for w in title[:1]),
            f"rules:{here}",
            f"rules:{here} after {before}",
            f"rules:{here} in {self.work}",
            f"before:{before}",
            f"after:{after}",
            *(f"says:{name}" for name, pattern in patterns.items() if pattern.search(self.text)),
            *(f"a sentence moves:{kind}" for kind in set(kinds)),
            f"the first sentence moves:{kinds[0] if kinds else None}",
            f"place:{place}",
            f"work:{self.work}",
        ]

    def _sentence_kinds(self, said: list[str]) -> list[Kind | None]:
        """What each sentence does, read on from the movement before the step ("go back
        to the start" after lowering comes up)."""
        moves = [r for r in self.rules[: self.index] if r in ("up", "down")]
        previous = moves[-1] if moves else None
        kinds = []
        for sentence in said:
            kinds.append(kind := classify(sentence, previous, self.lang))
            previous = kind if kind in ("up", "down") else previous
        return kinds


@dataclass(frozen=True)
class RoleModel:
    language: str
    bias: tuple[float, ...]  # one per role, in KINDS order
    weights: dict[str, tuple[float, ...]]

    def role(self, example: Example) -> Kind:
        scores = list(self.bias)
        for feature in example.features():
            for index, weight in enumerate(self.weights.get(feature, ())):
                scores[index] += weight
        return KINDS[scores.index(max(scores))]

    def revise(self, steps: Sequence[Step], rules: tuple[Kind, ...], work: str) -> list[Kind]:
        """Each step's role, given the rules' roles of all of them."""
        return [
            self.role(Example(step.title, step.text, rules, index, work, self.language))
            for index, step in enumerate(steps)
        ]

    def save(self, path: Path = MODEL_FILE) -> None:
        """JSON with a line per feature, so a retrained model reads as a diff."""
        head = f'{{"language": {json.dumps(self.language)}, "bias": {json.dumps(self.bias)},'
        rows = ",\n".join(
            f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(self.weights.items())
        )
        path.write_text(f'{head}\n"weights": {{\n{rows}\n}}}}\n', encoding="utf-8")


@cache
def role_model(lang: str) -> RoleModel | None:
    """The model for documents in ``lang``, if one was trained for it."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if data["language"] != lang:
        return None
    weights = {name: tuple(w) for name, w in data["weights"].items()}
    return RoleModel(data["language"], tuple(data["bias"]), weights)


def train(
    examples: Iterable[tuple[Example, Kind]],
    language: str,
    penalty: float = 0.003,
    rounds: int = 200,
) -> RoleModel:
    """Multinomial logistic regression by full-batch gradient descent from zero: the
    same examples always give the same model."""
    import numpy as np

    pairs = list(examples)
    names = sorted({f for example, _ in pairs for f in example.features()})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(pairs), len(names)))
    for row, (example, _) in enumerate(pairs):
        x[row, [column[f] for f in example.features()]] = 1.0
    y = np.eye(len(KINDS))[[KINDS.index(role) for _, role in pairs]]
    w = np.zeros((len(names), len(KINDS)))
    b = np.zeros(len(KINDS))
    for _ in range(rounds):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= 0.5 * (x.T @ (p - y) / len(pairs) + penalty * w)
        b -= 0.5 * (p - y).mean(axis=0)
    kept = {
        name: tuple(round(float(v), 3) for v in w[i])
        for name, i in column.items()
        if np.abs(w[i]).max() >= 0.005
    }
    return RoleModel(language, tuple(round(float(v), 3) for v in b), kept)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())
