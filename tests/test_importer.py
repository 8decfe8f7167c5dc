"""Importing free-exercise-db: every record with instructions becomes a document our own
parser and coach accept; records without are skipped by name; odd text survives."""

from __future__ import annotations

import json
from pathlib import Path

import frontmatter
import pytest
from conftest import assert_exit, new_runner

from audio_builder.build import load
from audio_builder.cli import main
from audio_builder.reading.document import parse_file

CORPUS = Path(__file__).resolve().parent / "corpus" / "free-exercise-db.json"


def run_import(runner, source: Path, out: Path):
    return runner.invoke(main, ["import", "free-exercise-db", str(source), "-o", str(out)])


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    runner = new_runner()
    out = tmp_path_factory.mktemp("imported")
    result = run_import(runner, CORPUS, out)
    return out, result


def test_the_corpus_imports_868_and_names_the_5_skipped(imported):
    out, result = imported
    assert result.exit_code == 0, result.stderr
    assert len(list(out.glob("*.md"))) == 868
    assert result.stderr.strip().splitlines()[-1] == f"868 exercises written to {out}, 5 skipped"
    records = json.loads(CORPUS.read_text(encoding="utf-8"))
    empty = {r["name"] for r in records if not any(s.strip() for s in r["instructions"])}
    assert len(empty) == 5
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 5
    for name in empty:
        assert any(f"'{name}'" in line for line in skipped), name


def test_every_imported_document_parses_and_coaches(imported):
    out, _ = imported
    paths = sorted(out.glob("*.md"))
    assert len(paths) == 868
    for path in paths:
        track = load(path, {})  # parse_file, then coach
        assert track.steps and track.script.planned_seconds() > 0, path


def test_cardio_gets_a_duration_and_stretches_are_read_as_holds(imported):
    out, _ = imported
    records = json.loads(CORPUS.read_text(encoding="utf-8"))
    by_title = {}
    for path in out.glob("*.md"):
        post = frontmatter.load(path)
        by_title[post["title"]] = post
    for category, key in (("cardio", "duration"),):
        names = [
            r["name"]
            for r in records
            if r.get("category") == category and any(s.strip() for s in r["instructions"])
        ]
        assert names, category
        for name in names:
            assert by_title[name].get(key), (name, key)
    strength = next(r["name"] for r in records if r.get("category") == "strength")
    assert "hold" not in by_title[strength] and "duration" not in by_title[strength]
    stretch = next(r["name"] for r in records if r.get("category") == "stretching")
    assert "hold" not in by_title[stretch]  # the text's own time applies, else the default


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_empty_instruction_strings_and_markup(tmp_path, runner):
    source = write_json(
        tmp_path / "db.json",
        [
            {
                "name": "Odd Lift",
                "category": "strength",
                "equipment": "barbell",
                "instructions": [
                    "",
                    "Grip the bar *tightly* with <b>both</b> hands # not a heading.",
                    "   ",
                    "Press up [slowly] using_your `arms`, 3 < 4.",
                ],
            },
            {"name": "Nothing To Say", "instructions": [""]},
            {"name": "Reach", "category": "stretching", "instructions": ["Reach up tall."]},
            {"name": "Jog", "category": "cardio", "instructions": ["Jog in place."]},
        ],
    )
    out = tmp_path / "out"
    result = run_import(runner, source, out)
    assert result.exit_code == 0, result.stderr
    assert "skipped:" in result.stderr and "'Nothing To Say'" in result.stderr
    assert result.stderr.strip().endswith("3 exercises written to " + str(out) + ", 1 skipped")
    assert sorted(p.name for p in out.glob("*.md")) == ["jog.md", "odd-lift.md", "reach.md"]

    odd = parse_file(out / "odd-lift.md")
    assert odd.title == "Odd Lift"
    assert odd.equipment == ("Barbell",)
    texts = [step.text for step in odd.steps]
    assert texts == [  # markdown characters are not markup, and not spoken; tags never are
        "Grip the bar tightly with both hands not a heading.",
        "Press up (slowly) using your arms, 3 is less than 4.",
    ]
    assert all(step.title.strip() for step in odd.steps)
    load(out / "odd-lift.md", {})

    assert parse_file(out / "reach.md").settings == {}
    assert parse_file(out / "jog.md").settings == {"duration": 45.0}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not json {", "not a free-exercise-db JSON file"),
        ('{"name": "a mapping, not a list"}', "expected a JSON list"),
    ],
    ids=["not-json", "not-a-list"],
)
def test_a_file_that_is_not_the_format_exits_1_with_a_message(tmp_path, runner, content, message):
    source = tmp_path / "db.json"
    source.write_text(content, encoding="utf-8")
    result = run_import(runner, source, tmp_path / "out")
    assert_exit(result, 1)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and str(source) in line and message in line
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
