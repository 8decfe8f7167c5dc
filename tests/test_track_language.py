"""A track's language: from the document, the plan or --lang, and carried to everything
downstream (ID3 TLAN and COMM, the cue sheet, the page, the feed); and the instant
script preview that needs no voice."""

from __future__ import annotations

import json
import re
import time

import pytest
from conftest import SEEDS, SIMPLE_DOC
from mutagen.id3 import ID3

from audio_builder.build import load
from audio_builder.cli import main
from audio_builder.errors import DocumentError
from audio_builder.reading.language import written_in

BASE = "https://example.com/pod/"
SHORT = ["--sets", "1", "--reps", "2"]


def doc(title: str, lang: str | None) -> str:
    text = SIMPLE_DOC.format(title=title)
    return text.replace("---\n", f"---\nlang: {lang}\n", 1) if lang else text


def test_the_document_says_else_the_run_says_else_english(write_doc):
    assert load(write_doc("a.md", doc("Uno", "es")), {}, "fr").lang == "es"
    assert load(write_doc("b.md", doc("Two", None)), {}, "fr").lang == "fr"
    assert load(write_doc("c.md", doc("Three", None)), {}).lang == "en"
    assert load(write_doc("d.md", doc("Vier", "de-AT")), {}).lang == "de"


@pytest.mark.parametrize("seed", sorted((SEEDS / "languages").glob("*.md")), ids=lambda p: p.stem)
def test_a_document_that_does_not_say_is_coached_in_the_language_it_is_written_in(write_doc, seed):
    declared = load(seed, {})
    text = re.sub(r"^lang: .*\n", "", seed.read_text(encoding="utf-8"), flags=re.M)

    undeclared = load(write_doc(seed.name, text), {}, "en")

    assert undeclared.lang == declared.lang != "en"
    assert undeclared.script.phrases() == declared.script.phrases()
    assert undeclared.steps == declared.steps


@pytest.mark.parametrize(
    "text",
    [
        "Stand tall with your feet apart. Raise your arms overhead, then lower them.",
        "Mise en place: set the bar in the rack, grip it just outside your shoulders and "
        "step under it. Le squat: sit down between your heels, keep your chest up and "
        "drive up through the whole foot. Keep the bar over the middle of the foot.",
        "Ga op je rug liggen met je knieën boven je heupen en je armen recht omhoog. "
        "Breng een arm en het andere been langzaam naar de vloer en weer terug.",
        "Le squat, la planche, el puente.",  # a few words name no language
    ],
    ids=["english", "english with french", "dutch", "too few words"],
)
def test_english_a_mix_or_a_language_not_spoken_keeps_the_run_s_language(text):
    assert written_in(text) is None


def test_a_language_the_coach_does_not_speak_is_a_front_matter_error(write_doc):
    path = write_doc("a.md", doc("Uno", "it"))

    with pytest.raises(DocumentError, match=r"a\.md: front matter: 'lang' must be one of en, es"):
        load(path, {})


def test_a_plan_speaks_one_language(write_doc, tmp_path):
    write_doc("uno.md", doc("Uno", "es"))
    write_doc("dos.md", doc("Dos", None))
    write_doc("drei.md", doc("Drei", "de"))
    plan = tmp_path / "docs" / "plan.yaml"

    plan.write_text("title: Plan\nexercises: [uno.md, dos.md]\n")
    assert load(plan, {}).lang == "es"  # what its exercises say
    plan.write_text("title: Plan\nlang: fr\nexercises: [dos.md]\n")
    assert load(plan, {}, "de").lang == "fr"
    plan.write_text("title: Plan\nlang: es\nexercises: [uno.md, drei.md]\n")
    with pytest.raises(DocumentError, match=r"exercise 2 \(.*drei\.md\) is written in German"):
        load(plan, {})


def test_tags_and_cue_sheet_say_the_language(runner, cli_engine, write_doc, tmp_path):
    out = tmp_path / "out"
    path = write_doc("uno.md", doc("Uno", "es"))

    result = runner.invoke(main, ["build", str(path), "-o", str(out), "--sets", "1"])

    assert result.exit_code == 0, result.stderr
    tags = ID3(out / "uno.mp3")
    assert tags.getall("TLAN")[0].text == ["spa"]
    assert tags.getall("COMM")[0].lang == "spa"
    assert (out / "uno.vtt").read_text().startswith("WEBVTT\nLanguage: es\n\n")


def test_english_stays_english_in_the_tags(runner, cli_engine, write_doc, tmp_path):
    out = tmp_path / "out"
    runner.invoke(main, ["build", str(write_doc("a.md", doc("Arm", None))), "-o", str(out)])

    assert ID3(out / "arm.mp3").getall("TLAN")[0].text == ["eng"]
    assert ID3(out / "arm.mp3").getall("COMM")[0].lang == "eng"


def test_the_feed_and_page_follow_the_episodes(runner, cli_engine, write_doc, tmp_path):
    write_doc("uno.md", doc("Uno", "es"))
    write_doc("dos.md", doc("Dos", "es"))
    write_doc("three.md", doc("Three", None))
    out = tmp_path / "pod"

    result = runner.invoke(
        main, ["podcast", str(tmp_path / "docs"), "-o", str(out), "--base-url", BASE, *SHORT]
    )

    assert result.exit_code == 0, result.stderr
    assert "<language>es</language>" in (out / "feed.xml").read_text()
    page = (out / "index.html").read_text()
    assert page.count('<article lang="es">') == 2 and page.count('<article lang="en">') == 1
    assert page.count('srclang="es"') == 2 and '<html lang="es">' in page
    assert "Feed del pódcast (RSS)" in page and page.count('label="Indicaciones"') == 2
    assert page.count('label="Cues"') == 1  # the English episode's captions
    assert "entrenamientos guiados por voz" in (out / "feed.xml").read_text()


def test_the_feed_language_can_be_set(runner, cli_engine, write_doc, tmp_path):
    write_doc("uno.md", doc("Uno", "es"))
    out = tmp_path / "pod"
    args = ["podcast", str(tmp_path / "docs"), "-o", str(out), "--base-url", BASE, *SHORT]

    runner.invoke(main, [*args, "--language", "es-MX"])

    assert "<language>es-MX</language>" in (out / "feed.xml").read_text()


def test_estimate_prints_the_script_without_a_voice(runner, cli_engine, monkeypatch):
    seed = str(SEEDS / "band-glute-kickback.md")
    real = json.loads(runner.invoke(main, ["script", seed, "--format", "json"]).stdout)
    spoken = len(cli_engine.calls)

    def no_voice(*args, **kwargs):
        raise AssertionError("an estimate must not choose a voice")

    monkeypatch.setattr("audio_builder.cli.choose_engine", no_voice)
    started = time.perf_counter()
    text = runner.invoke(main, ["script", seed, "--estimate"])
    as_json = runner.invoke(main, ["script", seed, "--estimate", "--format", "json"])
    vtt = runner.invoke(main, ["script", seed, "--estimate", "--format", "vtt"])
    assert time.perf_counter() - started < 30  # a generous guard, not a benchmark

    assert text.exit_code == as_json.exit_code == vtt.exit_code == 0, text.stderr
    assert text.stdout.splitlines()[1] == "(times estimated from the text, not spoken by a voice)"
    estimated = json.loads(as_json.stdout)
    assert estimated["estimated"] is True and "estimated" not in real
    assert [c["text"] for c in estimated["cues"]] == [c["text"] for c in real["cues"]]
    assert [c["title"] for c in estimated["chapters"]] == [c["title"] for c in real["chapters"]]
    assert estimated["duration"] == pytest.approx(real["duration"], rel=0.1)
    assert "NOTE times estimated" in vtt.stdout
    assert len(cli_engine.calls) == spoken  # nothing synthesized
