"""A second reading of each step's role, learned from hand-labeled documents: the
rules' roles and the step's words in, the role a labeler would give out.

The rules read any layout and language their catalog covers; the model (``learned.py``),
a logistic regression over word and rule features, corrects what they misread in the
language it was trained on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import cast

from audio_builder.reading.document import Step
from audio_builder.reading.learned import Model, load, words
from audio_builder.reading.spoken import whole_sentences
from audio_builder.reading.verbs import classify
from audio_builder.reading.vocabulary import Kind, vocabulary

MODEL_FILE = Path(__file__).with_name("role_model.json")


@dataclass(frozen=True)
class Example:
    """One step as the model sees it: its words and word pairs, where it stands, how
    its neighbours are titled and open, and the rules' reading of it and of them."""

    steps: tuple[Step, ...]  # every step of the document
    rules: tuple[Kind, ...]  # the rules' role of every step
    index: int
    work: str  # how the whole exercise is worked: reps, hold or time
    lang: str

    def features(self) -> list[str]:
        step = self.steps[self.index]
        text_words = words(step.text)
        said = whole_sentences(step.text)
        first = words(next(iter(said), ""))
        patterns = vocabulary(self.lang).patterns
        kinds = self._sentence_kinds(said)
        title = words(step.title)
        here = self.rules[self.index]
        before = self.rules[self.index - 1] if self.index else "start"
        after = self.rules[self.index + 1] if self.index + 1 < len(self.rules) else "end"
        place = "first" if self.index == 0 else "last" if after == "end" else "middle"
        return [
            *(f"title:{w}" for w in title),
            *(f"word:{w}" for w in dict.fromkeys(text_words)),
            *(f"pair:{a} {b}" for a, b in dict.fromkeys(pairwise(text_words))),
            *self._neighbours(),
            *(f"first sentence:{w}" for w in dict.fromkeys(first)),
            *(f"opens:{w}" for w in text_words[:1]),
            *(f"title opens:{w}" for w in title[:1]),
            f"rules:{here}",
            f"rules:{here} after {before}",
            f"rules:{here} in {self.work}",
            f"before:{before}",
            f"after:{after}",
            *(f"says:{name}" for name, pattern in patterns.items() if pattern.search(step.text)),
            *(f"a sentence moves:{kind}" for kind in dict.fromkeys(kinds)),
            f"the first sentence moves:{kinds[0] if kinds else None}",
            f"place:{place}",
            f"steps after:{min(len(self.rules) - 1 - self.index, 3)}",  # 3: three or more
            f"steps:{min(len(self.rules), 8)}",  # 8: eight or more
            f"work:{self.work}",
        ]

    def _neighbours(self) -> list[str]:
        """The words of the steps before and after, their titles and first sentences: a
        step after "Squeeze" or before "Repeat on the other side" is most often down."""
        features = []
        for place, index in (("before", self.index - 1), ("after", self.index + 1)):
            if 0 <= index < len(self.steps):
                step = self.steps[index]
                first = next(iter(whole_sentences(step.text)), "")
                features += [f"title {place}:{w}" for w in words(step.title)]
                features += [f"opens {place}:{w}" for w in dict.fromkeys(words(first))]
        return features

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


def role_model(lang: str) -> Model | None:
    """The model for documents in ``lang``, if one was trained for it."""
    return load(MODEL_FILE, lang)


def revise_roles(
    model: Model, steps: Sequence[Step], rules: tuple[Kind, ...], work: str
) -> list[Kind]:
    """Each step's role, given the rules' roles of all of them."""
    every = tuple(steps)
    return [
        cast(Kind, model.best(Example(every, rules, i, work, model.language).features()))
        for i in range(len(every))
    ]
