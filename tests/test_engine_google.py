"""Google's voice against a faked Translate server: success, busy, broken and offline."""

from __future__ import annotations

import subprocess
import sys

import pytest
import requests
import responses
from conftest import batchexecute_body, tone_mp3

from audio_builder.audio.engines.google import PROBE_URL, GoogleEngine
from audio_builder.errors import EngineError

TTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
RATE = 24000
SECONDS = 0.3


@pytest.fixture(scope="module")
def mp3() -> bytes:
    return tone_mp3(SECONDS, RATE)


@pytest.fixture
def server():
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def engine(sleeps: list[float]) -> GoogleEngine:
    return GoogleEngine(sleep=sleeps.append)


def test_success_decodes_the_mp3_at_its_own_rate(server, engine, mp3, sleeps):
    server.post(TTS_URL, body=batchexecute_body(mp3))

    clip = engine.synthesize("Ten more reps.")

    assert clip.frame_rate == RATE
    assert clip.channels == 1
    assert clip.sample_width == 2
    assert clip.duration_seconds == pytest.approx(SECONDS, abs=0.1)
    assert clip.max > 1000  # the tone, not silence
    assert sleeps == []


def test_429_then_success_retries_once_after_a_jittered_backoff(server, mp3, sleeps):
    server.post(TTS_URL, status=429)
    server.post(TTS_URL, body=batchexecute_body(mp3))
    engine = GoogleEngine(backoff=2.0, sleep=sleeps.append)

    clip = engine.synthesize("Rest.")

    assert len(server.calls) == 2
    assert len(sleeps) == 1
    assert 1.0 <= sleeps[0] <= 3.0
    assert clip.duration_seconds == pytest.approx(SECONDS, abs=0.1)


@pytest.mark.parametrize(("retry_after", "expected"), [("2", 2.0), ("3600", 60.0)])
def test_429_honours_retry_after_up_to_a_minute(server, engine, mp3, sleeps, retry_after, expected):
    server.post(TTS_URL, status=429, headers={"Retry-After": retry_after})
    server.post(TTS_URL, body=batchexecute_body(mp3))

    engine.synthesize("Rest.")

    assert sleeps == [expected]


def test_persistent_503_gives_up_after_all_retries(server, sleeps):
    server.post(TTS_URL, status=503)
    engine = GoogleEngine(retries=3, backoff=1.0, sleep=sleeps.append)

    with pytest.raises(EngineError, match="HTTP 503") as caught:
        engine.synthesize("Go.")

    assert "--engine piper" in str(caught.value)
    assert "4 tries" in str(caught.value)
    assert len(server.calls) == 4
    assert len(sleeps) == 3
    for attempt, delay in enumerate(sleeps):
        assert 0.5 * 2**attempt <= delay <= 1.5 * 2**attempt


def test_persistent_429_says_rate_limited(server, engine, sleeps):
    server.post(TTS_URL, status=429)

    with pytest.raises(EngineError, match=r"rate-limiting.*HTTP 429.*5 tries.*--engine piper"):
        engine.synthesize("Go.")

    assert len(sleeps) == 4


def test_connection_failure_fails_at_once(server, engine, sleeps):
    server.post(TTS_URL, body=requests.exceptions.ConnectionError("no route to host"))

    with pytest.raises(EngineError, match=r"unreachable.*--engine piper"):
        engine.synthesize("Go.")

    assert len(server.calls) == 1
    assert sleeps == []


def test_403_fails_at_once(server, engine, sleeps):
    server.post(TTS_URL, status=403)

    with pytest.raises(EngineError, match="HTTP 403"):
        engine.synthesize("Go.")

    assert len(server.calls) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "body",
    [
        "",  # nothing at all
        ')]}\'\n\n[["wrb.fr","jQ1olc",null,null,null,[3],"generic"]]\n',  # the RPC, no audio
    ],
    ids=["empty", "no-audio"],
)
def test_answer_without_audio_is_an_error(server, engine, sleeps, body):
    server.post(TTS_URL, body=body)

    with pytest.raises(EngineError, match="--engine piper"):
        engine.synthesize("Go.")

    assert sleeps == []


def test_audio_that_is_not_mp3_is_an_error(server, engine):
    server.post(TTS_URL, body=batchexecute_body(b"<html>not audio</html>" * 20))

    with pytest.raises(EngineError, match="not a known audio format"):
        engine.synthesize("Go.")


def test_empty_line_is_refused_without_a_request(server, engine):
    with pytest.raises(EngineError, match="empty"):
        engine.synthesize("   ")

    assert len(server.calls) == 0


def test_unknown_language_is_refused_offline(server):
    with pytest.raises(EngineError, match="'xx'"):
        GoogleEngine(lang="xx")

    assert len(server.calls) == 0


def test_voice_names_the_accent(server, mp3):
    server.post(
        "https://translate.google.co.uk/_/TranslateWebserverUi/data/batchexecute",
        body=batchexecute_body(mp3),
    )
    british = GoogleEngine(tld="co.uk")

    british.synthesize("Cheers.")  # asks the co.uk host, else the mock refuses

    assert british.voice == "en/co.uk"
    assert GoogleEngine().voice == "en/com"
    assert british.voice != GoogleEngine(tld="com").voice
    assert GoogleEngine.name == "gtts"


def test_voices_start_with_the_default_accent():
    assert GoogleEngine.voices()[0].startswith("en/com ")


def test_reachable_is_false_when_offline(server):
    server.head(PROBE_URL, body=requests.exceptions.ConnectionError("offline"))

    assert GoogleEngine.reachable() is False
    assert GoogleEngine.check() == "Google is not reachable"


def test_reachable_is_true_when_google_answers(server):
    server.head(PROBE_URL, status=200)

    assert GoogleEngine.reachable() is True
    assert GoogleEngine.check() is None


def test_reachable_is_false_when_google_is_down(server):
    server.head(PROBE_URL, status=503)

    assert GoogleEngine.reachable() is False


@pytest.mark.net
def test_the_real_google_voice_speaks():
    """The live service still answers in the shape gTTS parses (AUDIO_BUILDER_NET=1)."""
    assert GoogleEngine.reachable(timeout=5)

    clip = GoogleEngine().synthesize("Ten more reps.")

    assert 0.5 < clip.duration_seconds < 5
    assert clip.channels == 1
    assert clip.rms > 300  # a voice, not silence


def test_the_offline_voice_runs_without_loading_the_network_stack():
    code = "import sys, audio_builder.cli; print(sorted({'requests', 'gtts'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert loaded.stdout.strip() == "[]"
