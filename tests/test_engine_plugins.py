"""A third-party engine, installed as a package that registers itself through the
``audio_builder.engines`` entry-point group, is listed by `audio-builder engines` and
speaks a track."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import SIMPLE_DOC

from audio_builder.audio.engines import Engine, create_engine, engine_classes
from audio_builder.audio.engines.google import GoogleEngine
from audio_builder.audio.narrator import VoiceChoice
from audio_builder.batch import build_many
from audio_builder.build import Built, Options
from audio_builder.cli import main

PLUGIN = '''
from pydub.generators import Sine


class HumEngine:
    """Only what the Engine protocol asks for."""

    name = "hum"
    voice = "low"

    @staticmethod
    def check():
        return None

    @staticmethod
    def voices():
        return ["low", "high"]

    def synthesize(self, text):
        tone = Sine(220, sample_rate=16000, bit_depth=16)
        return tone.to_audio_segment(duration=80 * len(text), volume=-6.0)


class PartialEngine:
    """Written against the protocol as it was: no check(), no voices()."""

    name = "partial"
    voice = "low"

    def synthesize(self, text):
        raise NotImplementedError
'''


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An installed package: a module and its dist-info with an entry_points.txt."""
    site = tmp_path / "site"
    info = site / "hum_voice-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "hum_voice.py").write_text(PLUGIN, encoding="utf-8")
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hum-voice\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [audio_builder.engines]
            hum = hum_voice:HumEngine
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(site))
    yield "hum"
    sys.modules.pop("hum_voice", None)


def test_the_plugin_is_found_through_its_entry_point(plugin):
    classes = engine_classes()

    assert list(classes)[:2] == ["piper", "gtts"]  # built-ins first
    assert classes[plugin].__module__ == "hum_voice"
    assert isinstance(create_engine(plugin), Engine)


def test_engines_lists_the_plugin_with_its_voices(plugin, runner, monkeypatch):
    monkeypatch.setattr(GoogleEngine, "reachable", staticmethod(lambda timeout=1.5: False))

    result = runner.invoke(main, ["engines"])

    assert result.exception is None, result.exception
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    at = lines.index("hum: available")
    assert lines[at + 1 : at + 3] == ["  low", "  high"]


def test_the_protocol_asks_for_what_engines_calls(plugin):
    import hum_voice

    assert isinstance(hum_voice.HumEngine(), Engine)
    assert not isinstance(hum_voice.PartialEngine(), Engine)


def test_the_plugin_speaks_a_track(plugin, write_doc, tmp_path):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    choice = VoiceChoice(create_engine(plugin), tmp_path / "cache")

    [result] = build_many([doc], choice, Options(tmp_path / "out", {"sets": 1, "reps": 2}))

    assert isinstance(result, Built), result
    assert result.output.stat().st_size > 0
    assert result.synthesized > 0


def test_the_command_line_builds_with_the_plugin_named(plugin, runner, write_doc, tmp_path):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))

    args = ["build", str(doc), "--engine", plugin, "--sets", "1", "--reps", "2"]
    result = runner.invoke(main, [*args, "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "arm-raise.mp3").stat().st_size > 0


def test_an_unknown_engine_is_refused_with_the_known_ones(plugin, runner, write_doc):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))

    result = runner.invoke(main, ["build", str(doc), "--engine", "nope"])

    assert result.exit_code == 2
    assert "'nope' is not one of 'auto', 'piper', 'gtts', 'hum'." in result.stderr


def test_a_build_on_the_offline_voice_imports_neither_google_nor_the_plugin_lookup():
    probe = "import sys, audio_builder.cli; print(sorted(set(sys.modules) & {NAMES}))"
    names = {"audio_builder.audio.engines.google", "importlib.metadata"}
    done = subprocess.run(
        [sys.executable, "-c", probe.replace("{NAMES}", repr(names))],
        capture_output=True,
        text=True,
        check=True,
    )

    assert done.stdout.strip() == "[]"
