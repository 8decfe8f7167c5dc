"""Measure the reading of exercise documents against hand labels.

    python benchmarks/evaluate.py            # accuracy per label, tuning and held-out sets
    python benchmarks/evaluate.py --corpus   # and how each corpus category is coached
    python benchmarks/evaluate.py --agreement  # two labelers against each other, and the
                                               # model on the steps they agree on
    python benchmarks/evaluate.py --rules      # the reading by the rules alone

The labels are tests/reading_labels/labels.yaml (how they were made: README.md there).
The free-exercise-db corpus is imported into a temporary folder with the importer.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from audio_builder.coaching.coach import prepare
from audio_builder.errors import AudioBuilderError
from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.document import parse_file
from audio_builder.reading.importer import import_free_exercise_db
from audio_builder.reading.movement import analyse
from audio_builder.settings import DEFAULTS

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "reading_labels"
CORPUS = ROOT / "tests" / "corpus" / "free-exercise-db.json"
LABEL_NAMES = ("work", "sides", "steps", "prescription")


@dataclass(frozen=True)
class Reading:
    """What the model makes of one document, in the labels' terms."""

    work: str
    sides: str
    steps: tuple[str, ...]
    prescription: dict
    category: str = ""


def read(path: Path, learned: bool = True) -> Reading:
    """The coach's reading of a document with its own settings (no command line);
    ``learned=False``: the work, the steps' roles and the sides as the rules alone read
    them."""
    exercise = parse_file(path)
    lang = exercise.lang or DEFAULT_LANGUAGE  # as a build reads it
    part = prepare(exercise, DEFAULTS.override(exercise.settings), lang)
    if not learned:
        part = replace(part, movement=analyse(exercise, part.settings.sides, lang, learned=False))
    movement = part.movement
    # the labels write a pyramid's or a log's reps (12, 10, 8) as their range, [8, 12],
    # and do not label a tempo or sessions a day
    unlabeled = ("reps_per_set", "tempo", "daily")
    labeled = {k: v for k, v in movement.prescription.items() if k not in unlabeled}
    return Reading(part.work, movement.sides, movement.roles, labeled)


def import_corpus(folder: Path) -> dict[str, Path]:
    """Import the corpus; each document's path by its record id."""
    imported = import_free_exercise_db(CORPUS, folder)
    by_id = {}
    for path in imported.written:
        header = path.read_text(encoding="utf-8").split("---")[1]
        by_id[str(yaml.safe_load(header)["source_id"])] = path
    return by_id


def resolve(source: str, corpus: dict[str, Path]) -> Path:
    kind, _, name = source.partition(":")
    if kind == "corpus":
        return corpus[name]
    return {"seed": ROOT / "seeds", "doc": LABELS / "documents"}[kind] / name


def _prescription(label: dict) -> dict:
    return {k: (tuple(v) if isinstance(v, list) else v) for k, v in label.items()}


def score(
    labels: list[dict], corpus: dict[str, Path], learned: bool = True
) -> dict[str, dict[str, list]]:
    """Right/wrong per label and split, with the mistakes: {split: {label: [...]}}."""
    results: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for label in labels:
        split = results[label["split"]]
        try:
            got = read(resolve(label["source"], corpus), learned)
        except AudioBuilderError as exc:
            for name in LABEL_NAMES:
                count = len(label["steps"]) if name == "steps" else 1
                split[name].extend([(False, label["source"], f"error: {exc}")] * count)
            continue
        for name, want, have in (
            ("work", label["work"], got.work),
            ("sides", label["sides"], got.sides),
            ("prescription", _prescription(label.get("prescription", {})), got.prescription),
        ):
            split[name].append((want == have, label["source"], f"{want} != {have}"))
        for index, want in enumerate(label["steps"]):
            have = got.steps[index] if index < len(got.steps) else "missing"
            split["steps"].append(
                (want == have, label["source"], f"step {index + 1}: {want} != {have}")
            )
    return results


def agreement(labels: list[dict], second: list[dict], corpus: dict[str, Path]) -> dict:
    """Per label, how often the second labeler agrees with the first; and for steps,
    how often the model is right where the two agree: {name: (agreed, total)}."""
    first = {label["source"]: label for label in labels}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for other in second:
        label = first[other["source"]]
        for name in ("work", "sides"):
            counts[name][0] += label[name] == other[name]
            counts[name][1] += 1
        same = _prescription(label.get("prescription", {})) == _prescription(
            other.get("prescription", {})
        )
        counts["prescription"][0] += same
        counts["prescription"][1] += 1
        try:
            got = read(resolve(label["source"], corpus)).steps
        except AudioBuilderError:
            got = ()  # a document the model cannot read gets none of its steps right
        for index, (want, also) in enumerate(zip(label["steps"], other["steps"], strict=False)):
            counts["steps"][0] += want == also
            counts["steps"][1] += 1
            if want == also:
                counts["model on agreed steps"][0] += index < len(got) and got[index] == want
                counts["model on agreed steps"][1] += 1
    return {name: tuple(pair) for name, pair in counts.items()}


def accuracy(outcomes: list) -> float:
    return sum(ok for ok, *_ in outcomes) / len(outcomes) if outcomes else 1.0


def corpus_table(corpus: dict[str, Path]) -> tuple[dict, list[str], list[str]]:
    """How every imported exercise is coached, by category; the strength, powerlifting
    and Olympic lifts coached as timed work; and the stretches counted as reps, with the
    count their text states."""
    records = {str(r.get("id")): r for r in json.loads(CORPUS.read_text(encoding="utf-8"))}
    table: dict[str, Counter] = defaultdict(Counter)
    timed_lifts, counted_stretches = [], []
    for record_id, path in sorted(corpus.items()):
        category = str(records[record_id].get("category") or "?")
        name = records[record_id]["name"]
        got = read(path)
        table[category].update([got.work, f"sides:{got.sides}"])
        table[category]["total"] += 1
        if category in LIFTS and got.work != "reps":
            timed_lifts.append(f"{category}: {name} ({got.work})")
        if category == "stretching" and got.work == "reps":
            stated = got.prescription.get("reps")
            count = "-".join(map(str, stated)) if isinstance(stated, tuple) else stated
            counted_stretches.append(f"{name} ({f'{count} reps stated' if stated else 'no count'})")
    return table, timed_lifts, counted_stretches


LIFTS = ("strength", "powerlifting", "olympic weightlifting")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also the whole-corpus table")
    parser.add_argument("--mistakes", action="store_true", help="list every mistake")
    parser.add_argument(
        "--rules",
        action="store_true",
        help="the work, roles and sides by the rules alone (no models)",
    )
    parser.add_argument(
        "--agreement", action="store_true", help="also how two labelers agree (second_labels.yaml)"
    )
    args = parser.parse_args(argv)
    labels = yaml.safe_load((LABELS / "labels.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        corpus = import_corpus(Path(folder))
        results = score(labels, corpus, learned=not args.rules)
        print(f"{'label':<14}" + "".join(f"{s:>18}" for s in ("tune", "test")))
        for name in LABEL_NAMES:
            cells = []
            for split in ("tune", "test"):
                outcomes = results[split][name]
                right = sum(ok for ok, *_ in outcomes)
                cells.append(f"{accuracy(outcomes):7.1%} ({right}/{len(outcomes)})")
            print(f"{name:<14}" + "".join(f"{c:>18}" for c in cells))
        if args.mistakes:
            for split in ("tune", "test"):
                for name in LABEL_NAMES:
                    for ok, source, detail in results[split][name]:
                        if not ok:
                            print(f"  [{split}] {name}: {source}: {detail}")
        if args.agreement:
            second = yaml.safe_load((LABELS / "second_labels.yaml").read_text(encoding="utf-8"))
            print(f"\nsecond labeler against the first ({len(second)} documents)")
            for name, (agreed, total) in agreement(labels, second, corpus).items():
                print(f"{name:<22}{agreed / total:7.1%} ({agreed}/{total})")
        if args.corpus:
            table, timed_lifts, counted_stretches = corpus_table(corpus)
            columns = (
                "total",
                "reps",
                "hold",
                "time",
                "sides:both",
                "sides:left-right",
                "sides:alternating",
            )
            print()
            print(f"{'category':<22}" + "".join(f"{c.removeprefix('sides:'):>13}" for c in columns))
            for category, counts in sorted(table.items()):
                print(f"{category:<22}" + "".join(f"{counts[c]:>13}" for c in columns))
            lifts = sum(table[c]["total"] for c in LIFTS)
            share = len(timed_lifts) / lifts if lifts else 0.0
            print(f"\nlifts coached as timed work: {len(timed_lifts)} of {lifts} ({share:.1%})")
            for line in timed_lifts:
                print(f"  {line}")
            print(f"\nstretches counted as reps: {len(counted_stretches)}")
            for line in counted_stretches:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
