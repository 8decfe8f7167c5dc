"""Issue 5, point 3: Google's voice when the network misbehaves — what
test_engine_google.py does not already cover: DNS and timeouts, backoff bounds, a
broken answer, and the command line's behaviour (gtts fails cleanly, auto falls back
for the whole track)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import requests
import responses
import urllib3
from conftest import SIMPLE_DOC, assert_exit, batchexecute_body, tone_mp3
from urllib3.exceptions import NameResolutionError, ProtocolError

from audio_builder.audio.cache import ClipCache
from audio_builder.audio.engines.google import GoogleEngine
from audio_builder.build import load
from audio_builder.cli import main
from audio_builder.errors import EngineError

TTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
RATE = 24000
FAST = ["--sets", "1", "--reps", "3", "--jobs", "1"]

DOC = SIMPLE_DOC


@pytest.fixture(scope="module")
def mp3() -> bytes:
    return tone_mp3(0.2, RATE)


@pytest.fixture
def server():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def sleeps() -> list[float]:
    return []


def dns_failure() -> requests.exceptions.ConnectionError:
    pool = urllib3.HTTPSConnectionPool("translate.google.com", 443)
    reason = NameResolutionError(
        "translate.google.com", pool, OSError(-3, "Temporary failure in name resolution")
    )
    return requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(pool, "/", reason))


@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(dns_failure(), id="dns"),
        pytest.param(requests.exceptions.ConnectTimeout("connect timed out"), id="connect-timeout"),
        pytest.param(requests.exceptions.ReadTimeout("read timed out"), id="read-timeout"),
    ],
)
def test_unreachable_google_is_an_engine_error_pointing_to_piper(server, sleeps, failure):
    server.post(TTS_URL, body=failure)
    engine = GoogleEngine(retries=3, sleep=sleeps.append)

    with pytest.raises(EngineError) as caught:
        engine.synthesize("Go.")

    message = str(caught.value)
    assert "Google" in message
    assert "--engine piper" in message
    assert len(server.calls) <= 4  # bounded, whatever the policy
    assert sum(sleeps) <= 15


def test_dns_failure_says_unreachable(server, sleeps):
    server.post(TTS_URL, body=dns_failure())

    with pytest.raises(EngineError, match="unreachable"):
        GoogleEngine(sleep=sleeps.append).synthesize("Go.")

    assert len(server.calls) == 1
    assert sleeps == []


def test_429_without_retry_after_backs_off_exponentially_with_jitter(server):
    server.post(TTS_URL, status=429)
    delays: list[list[float]] = []
    for _ in range(5):
        sleeps: list[float] = []
        with pytest.raises(EngineError, match="HTTP 429"):
            GoogleEngine(retries=4, backoff=1.0, sleep=sleeps.append).synthesize("Go.")
        assert len(sleeps) == 4
        for attempt, delay in enumerate(sleeps):
            assert 0.5 * 2**attempt <= delay <= 1.5 * 2**attempt
        delays.append(sleeps)

    assert len(server.calls) == 5 * 5  # retries + 1 tries each time, never more
    assert len({tuple(d) for d in delays}) > 1  # jittered: runs do not wait alike
    assert max(sum(d) for d in delays) <= 1.5 * (1 + 2 + 4 + 8)


@pytest.mark.parametrize("retry_after", ["soon", "Wed, 21 Oct 2099 07:28:00 GMT", "-5", "nan"])
def test_unusable_retry_after_still_waits_a_sane_time(server, mp3, sleeps, retry_after):
    server.post(TTS_URL, status=429, headers={"Retry-After": retry_after})
    server.post(TTS_URL, body=batchexecute_body(mp3))

    GoogleEngine(backoff=1.0, sleep=sleeps.append).synthesize("Rest.")

    [delay] = sleeps
    assert math.isfinite(delay)
    assert 0 <= delay <= 60


def test_connection_dropped_mid_answer_is_an_engine_error(server, mp3, sleeps, monkeypatch):
    server.post(TTS_URL, body=batchexecute_body(mp3))

    def dropped(*args, **kwargs):
        raise requests.exceptions.ChunkedEncodingError(
            ProtocolError("Connection broken: connection reset by peer")
        )
        yield b""  # a generator, like the real iter_lines

    monkeypatch.setattr(requests.Response, "iter_lines", dropped)

    with pytest.raises(EngineError, match="--engine piper"):
        GoogleEngine(retries=2, sleep=sleeps.append).synthesize("Go.")


# --- the command line ---------------------------------------------------------------


@pytest.fixture
def docs(write_doc) -> Path:
    write_doc("arm-raise.md", DOC.format(title="Arm Raise"))
    return write_doc("calf-lift.md", DOC.format(title="Calf Lift")).parent


def test_gtts_with_google_unreachable_fails_cleanly(runner, server, docs, tmp_path, cache_dir):
    server.post(TTS_URL, body=dns_failure())
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(docs), "-o", str(out), "--engine", "gtts", *FAST])

    assert_exit(result, 1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2  # each exercise says why
    for line in errors:
        assert "unreachable" in line and "--engine piper" in line
    assert list(out.glob("*.mp3")) == [] if out.exists() else True
    assert list(cache_dir.rglob("*.pcm")) == []
    assert "0 built, 0 up to date, 2 failed" in result.stderr


def test_clips_made_before_google_failed_are_whole_in_the_cache(
    runner, server, mp3, docs, tmp_path, cache_dir
):
    for _ in range(3):
        server.post(TTS_URL, body=batchexecute_body(mp3))
    server.post(TTS_URL, body=dns_failure())
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(docs), "-o", str(out), "--engine", "gtts", *FAST])

    assert_exit(result, 1)
    assert not list(out.glob("*.mp3"))
    entries = list(cache_dir.rglob("*.pcm"))
    assert len(entries) == 3
    cache = ClipCache(cache_dir)
    assert all(cache.get(path.stem) for path in entries)
    assert not [p for p in cache_dir.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("google_clips", [0, 4], ids=["fails-at-once", "fails-part-way"])
def test_auto_falls_back_for_the_whole_track(
    runner, server, mp3, docs, tmp_path, monkeypatch, fake_engine, google_clips
):
    for _ in range(google_clips):
        server.post(TTS_URL, body=batchexecute_body(mp3))
    server.post(TTS_URL, status=429)  # then busy for ever
    google = GoogleEngine(sleep=lambda seconds: None)
    monkeypatch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: google)
    monkeypatch.setattr(
        "audio_builder.cli.create_engine",
        lambda name, **options: fake_engine if name == "piper" else pytest.fail(name),
    )
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(docs), "-o", str(out), "--engine", "auto", *FAST])

    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.mp3")) == ["arm-raise.mp3", "calf-lift.mp3"]
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert "gtts failed" in notes[0] and "HTTP 429" in notes[0] and "now using fake" in notes[0]
    for doc in sorted(docs.glob("*.md")):
        phrases = load(doc, {"sets": 1, "reps": 3}).script.phrases()
        assert set(phrases) <= set(fake_engine.calls), doc  # every clip from the fallback
    assert len(server.calls) == google_clips + 5  # Google's clips were made, then dropped


def test_auto_falls_back_when_the_connection_drops_mid_batchexecute_body(
    runner, server, mp3, docs, tmp_path, monkeypatch, fake_engine
):
    server.post(TTS_URL, body=batchexecute_body(mp3))

    def dropped(*args, **kwargs):
        raise requests.exceptions.ChunkedEncodingError("Connection broken")
        yield b""

    monkeypatch.setattr(requests.Response, "iter_lines", dropped)
    google = GoogleEngine(sleep=lambda seconds: None)
    monkeypatch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: google)
    monkeypatch.setattr("audio_builder.cli.create_engine", lambda name, **options: fake_engine)
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(docs), "-o", str(out), "--engine", "auto", *FAST])

    assert "internal error" not in result.stderr
    assert result.exit_code == 0, result.stderr
    assert "now using fake" in result.stderr
    assert sorted(p.name for p in out.glob("*.mp3")) == ["arm-raise.mp3", "calf-lift.mp3"]


def test_gtts_without_fallback_never_switches_voice(
    runner, server, mp3, docs, tmp_path, monkeypatch, fake_engine
):
    server.post(TTS_URL, body=batchexecute_body(mp3))
    server.post(TTS_URL, status=429)
    google = GoogleEngine(sleep=lambda seconds: None)
    monkeypatch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: google)
    monkeypatch.setattr("audio_builder.cli.create_engine", lambda name, **options: fake_engine)
    out = tmp_path / "out"

    result = runner.invoke(main, ["build", str(docs), "-o", str(out), "--engine", "gtts", *FAST])

    assert_exit(result, 1)
    assert fake_engine.calls == []
    assert not list(out.glob("*.mp3"))
    assert "note:" not in result.stderr
