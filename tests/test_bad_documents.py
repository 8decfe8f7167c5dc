"""Issue 5, point 1: a bad document costs one line of error and its own track, never
the batch, never a traceback, never a file outside the output folder."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from conftest import SIMPLE_DOC, assert_exit, error_lines

from audio_builder.cli import main

GOOD = SIMPLE_DOC.format(title="Good Raise")

BODY = "<!-- howto -->\n\n### Raise\nRaise your arms overhead.\n\n### Lower\nLower them.\n"
FAST = ["--sets", "1", "--reps", "3", "--jobs", "1"]


def front(header: str) -> str:
    return f"---\n{header}\n---\n{BODY}"


def junk() -> bytes:
    """Random bytes with NULs, the same every run."""
    data = bytearray(random.Random(5).randbytes(2048))
    data[::97] = bytes(len(data[::97]))
    return bytes(data)


# name: (content, fragments the one error line must hold besides the file's path)
BAD = {
    "empty": (b"", ["empty file"]),
    "front-matter-only": (b"---\ntitle: Lonely\nreps: 5\n---\n", ["only front matter"]),
    "invalid-yaml": (
        b"---\ntitle: Broken\nreps: [1, 2\nsets: 3\n---\n" + BODY.encode(),
        ["front matter at line 4", "YAML"],
    ),
    "front-matter-list": (front("- sets\n- reps"), ["front matter", "got a list"]),
    "front-matter-scalar": (front("just some words"), ["front matter", "got a str"]),
    "latin-1": (
        "---\ntitle: Café crème\n---\n".encode("latin-1") + BODY.encode(),
        ["not UTF-8", "0xe9"],
    ),
    "binary": (junk(), ["UTF-8"]),
    "howto-without-steps": (
        "---\ntitle: Nothing\n---\nAn intro paragraph.\n\n<!-- howto -->\n",
        ["no steps under '<!-- howto -->'"],
    ),
    "no-steps": ("# Just A Heading\n\nA paragraph, and nothing to do.\n", ["no steps"]),
    "sets-negative": (front("sets: -3"), ["'sets'", "-3"]),
    "reps-lots": (front('reps: "lots"'), ["'reps'", "'lots'"]),
    "rest-huge": (front("rest: 1e9"), ["'rest'", "1e9"]),
    "tempo-fast": (front('tempo: "fast"'), ["'tempo'", "'fast'"]),
    "sets-true": (front("sets: true"), ["'sets'", "True"]),
    "hold-negative": (front("hold: -1"), ["'hold'", "-1"]),
    "sides-sideways": (front("sides: sideways"), ["'sides'", "'sideways'"]),
    "slug-escape": (front("slug: ../../x"), ["'slug'", "../../x"]),
}


def build(runner, folder: Path, out: Path, *extra: str):
    return runner.invoke(main, ["build", str(folder), "-o", str(out), *FAST, *extra])


@pytest.mark.parametrize("name", list(BAD))
def test_bad_document_fails_alone_with_one_line(runner, cli_engine, write_doc, tmp_path, name):
    content, fragments = BAD[name]
    write_doc("good.md", GOOD)
    bad = write_doc(f"{name}.md", content)
    out = tmp_path / "out"

    result = build(runner, bad.parent, out)

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert str(bad) in line
    for fragment in fragments:
        assert fragment in line, line
    assert sorted(p.name for p in out.glob("*.mp3")) == ["good-raise.mp3"]
    assert "1 built, 0 up to date, 1 failed" in result.stderr


def test_hostile_title_builds_inside_out(runner, cli_engine, write_doc, tmp_path):
    write_doc("good.md", GOOD)
    folder = write_doc("escape.md", front('title: "../../x"')).parent
    out = tmp_path / "deep" / "out"
    before = {p for p in tmp_path.rglob("*") if "cache" not in p.parts}

    result = build(runner, folder, out)

    assert_exit(result, 0)
    assert (out / "x.mp3").is_file()
    created = {p for p in tmp_path.rglob("*") if "cache" not in p.parts} - before
    outside = [p for p in created if out not in p.parents and p != out and p != out.parent]
    assert outside == []
    assert sorted(p.name for p in out.glob("*.mp3")) == ["good-raise.mp3", "x.mp3"]


def test_same_title_twice_fails_the_second_naming_the_first(
    runner, cli_engine, write_doc, tmp_path
):
    first = write_doc("a-first.md", GOOD)
    second = write_doc("b-second.md", GOOD)

    result = build(runner, first.parent, tmp_path / "out")

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith(f"error: {second}:")
    assert str(first) in line
    assert sorted(p.name for p in (tmp_path / "out").glob("*.mp3")) == ["good-raise.mp3"]


def script_json(runner, path: Path) -> dict:
    result = runner.invoke(main, ["script", str(path), "--format", "json", "--sets", "1"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_bom_and_crlf_read_like_plain_lf(runner, cli_engine, write_doc, tmp_path):
    plain = write_doc("plain.md", GOOD)
    windows = write_doc("windows.md", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())

    assert script_json(runner, windows) == script_json(runner, plain)
    result = build(runner, windows.parent / "windows.md", tmp_path / "out")
    assert result.exit_code == 0, result.stderr


def test_a_200_word_step_is_spoken_in_short_cues(runner, cli_engine, write_doc, tmp_path):
    words = [f"word{i}" for i in range(200)]
    doc = write_doc(
        "long.md",
        f"---\ntitle: Long Step\nhold: 20\n---\n<!-- howto -->\n\n### Hold\n{' '.join(words)}\n",
    )

    cues = [c["text"] for c in script_json(runner, doc)["cues"] if c["kind"] == "speech"]

    spoken = [c for c in cues if "word" in c]
    assert len(spoken) >= 8
    assert all(len(c.split()) <= 25 for c in cues)
    said = " ".join(spoken).replace(".", "").split()
    assert [w for w in said if w.startswith("word")][:200] == words
    assert build(runner, doc, tmp_path / "out").exit_code == 0


def test_a_5_mb_document_fails_fast_as_too_long(runner, cli_engine, write_doc, tmp_path):
    text = "<!-- howto -->\n" + "".join(
        f"### Step {i}\n{'Move slowly and with control. ' * 8}\n\n" for i in range(20_000)
    )
    assert len(text) > 5_000_000
    write_doc("good.md", GOOD)
    huge = write_doc("huge.md", text)

    started = time.perf_counter()
    result = build(runner, huge.parent, tmp_path / "out")

    assert time.perf_counter() - started < 5
    assert_exit(result, 1)
    [line] = error_lines(result)
    assert str(huge) in line and "too long" in line


def test_500_steps_is_too_many(runner, cli_engine, write_doc, tmp_path):
    text = "<!-- howto -->\n" + "".join(
        f"### Step {i}\n{'Move slowly and with control. ' * 19}\n\n" for i in range(500)
    )
    assert 250_000 < len(text) < 512 * 1024
    write_doc("good.md", GOOD)
    many = write_doc("many.md", text)

    result = build(runner, many.parent, tmp_path / "out")

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert str(many) in line and "too many steps (500)" in line


PLANS = {
    "missing-exercise": ("title: P\nexercises:\n  - good.md\n  - nowhere.md\n", ["nowhere.md"]),
    "invalid-yaml": ("title: P\nexercises: [good.md\n", ["invalid YAML", "line"]),
    "exercises-scalar": ("title: P\nexercises: 3\n", ["'exercises'"]),
    "rest-between-negative": (
        "title: P\nrest_between: -5\nexercises:\n  - good.md\n",
        ["'rest'", "-5"],
    ),
}


@pytest.mark.parametrize("name", list(PLANS))
def test_bad_plan_fails_alone_with_one_line(runner, cli_engine, write_doc, tmp_path, name):
    content, fragments = PLANS[name]
    write_doc("good.md", GOOD)
    plan = write_doc(f"{name}.yaml", content)
    out = tmp_path / "out"

    result = build(runner, plan.parent, out)

    assert_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith(f"error: {plan}:")
    for fragment in fragments:
        assert fragment in line, line
    assert sorted(p.name for p in out.glob("*.mp3")) == ["good-raise.mp3"]
