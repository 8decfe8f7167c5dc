"""The default voice, `--engine auto`, for real against a faked Google: the probe
decides and says so, a run speaks with one voice whatever fails and when, each track
records the voice that spoke it, and `script` reaches the voice and times `build` does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import requests
import responses
from conftest import SIMPLE_DOC, FakeEngine, batchexecute_body, fake_ms, tone_mp3

from audio_builder.audio.engines import piper_voice
from audio_builder.audio.engines.google import PROBE_URL
from audio_builder.audio.engines.piper_voice import PiperEngine
from audio_builder.cli import main
from audio_builder.manifest import Manifest

TTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
FAST = ["--sets", "1", "--reps", "2"]
GOOGLE_SECONDS = 0.2  # every line Google speaks here; the fake offline voice is longer
NO_AUDIO = ')]}\'\n\n[["wrb.fr","jQ1olc",null,null,null,null,"generic"]]\n'
FAULTS = {  # how Google fails a line, as requests or Google's server would
    "unreachable": lambda mp3: requests.exceptions.ConnectionError("Connection refused"),
    "timeout": lambda mp3: requests.exceptions.ReadTimeout("read timed out"),
    "refused": lambda mp3: (403, {}, "Forbidden"),
    "rate-limited": lambda mp3: (429, {"Retry-After": "0"}, ""),
    "no-audio": lambda mp3: (200, {}, NO_AUDIO),
    "not-mp3": lambda mp3: (200, {}, batchexecute_body(b"\x00" * 400)),
}


class Google:
    """A faked Google: the probe answers (unless told otherwise) and every line is
    spoken, except those containing ``failing`` (all, when empty) while ``fault`` is set."""

    def __init__(self, server: responses.RequestsMock, mp3: bytes) -> None:
        self.mp3 = mp3
        self.fault: str | None = None
        self.failing = ""
        self.probe = server.head(PROBE_URL, status=200)
        server.add_callback(responses.POST, TTS_URL, callback=self.answer)
        self.server = server

    def answer(self, request: requests.PreparedRequest):
        text = unquote(request.body or "")
        if self.fault and self.failing in text:
            return FAULTS[self.fault](self.mp3)
        return 200, {}, batchexecute_body(self.mp3)

    def spoke(self) -> int:
        return sum(call.request.method == "POST" for call in self.server.calls)


@pytest.fixture(scope="module")
def mp3() -> bytes:
    return tone_mp3(GOOGLE_SECONDS)


@pytest.fixture
def google(mp3):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as server:
        yield Google(server, mp3)


class Offline(FakeEngine):
    """Stands in for the offline voice: fast, and its lines are longer than Google's,
    so a cue sheet shows who spoke."""

    def __init__(self, **options: object) -> None:
        super().__init__()


@pytest.fixture
def offline(monkeypatch) -> None:
    monkeypatch.setattr(piper_voice, "PiperEngine", Offline)


@pytest.fixture
def docs(write_doc) -> Path:
    for title in ("Arm Raise", "Calf Lift", "Wall Push"):
        path = write_doc(f"{title.lower().replace(' ', '-')}.md", SIMPLE_DOC.format(title=title))
    return path.parent


def run(runner, *args: str):
    result = runner.invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def voice_line(result) -> str:
    return result.stderr.splitlines()[0]


def vtt_cues(path: Path) -> list[tuple[float, float, str]]:
    """(start, end, text) of every cue of a WebVTT file we wrote."""
    cues = []
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        _, times, text = block.strip().split("\n", 2)
        start, end = (_seconds(part) for part in times.split(" --> "))
        cues.append((start, end, text))
    return cues


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 3)


def spoken_by_fallback(path: Path) -> bool:
    """Every line of the track lasts as long as the fake offline voice makes it."""
    return all(
        abs((end - start) * 1000 - fake_ms(text)) <= 2 for start, end, text in vtt_cues(path)
    )


def spoken_by_google(path: Path) -> bool:
    return all(abs(end - start - GOOGLE_SECONDS) < 0.05 for start, end, _ in vtt_cues(path))


# --- the probe ----------------------------------------------------------------------


def test_auto_speaks_with_google_when_the_probe_answers(runner, google, offline, docs, tmp_path):
    out = tmp_path / "out"

    result = run(runner, "build", str(docs / "arm-raise.md"), "-o", str(out), *FAST)

    assert result.exit_code == 0, result.stderr
    assert voice_line(result) == "Voice: gtts (en/com)"
    assert google.probe.call_count == 1
    assert google.spoke() > 0
    assert spoken_by_google(out / "arm-raise.vtt")
    assert Manifest(out).entries["arm-raise.mp3"].voice == "gtts en/com"


@pytest.mark.parametrize(
    "probe",
    [
        {"body": requests.exceptions.ConnectionError("Name or service not known")},
        {"body": requests.exceptions.ConnectTimeout("connect timed out")},
        {"status": 503},
    ],
    ids=["no-network", "timeout", "google-down"],
)
def test_auto_speaks_offline_when_the_probe_fails(runner, google, offline, docs, probe):
    google.server.replace(responses.HEAD, PROBE_URL, **probe)

    result = run(runner, "script", str(docs / "arm-raise.md"), *FAST)

    assert result.exit_code == 0, result.stderr
    assert voice_line(result) == "Voice: fake (test) — Google is not reachable"
    assert google.spoke() == 0


@pytest.mark.skipif(PiperEngine.check() is not None, reason="no offline voice")
def test_auto_names_the_real_offline_voice(runner, google, write_doc):
    google.server.replace(responses.HEAD, PROBE_URL, body=requests.exceptions.ConnectionError())
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))

    result = run(runner, "script", str(doc), "--sets", "1", "--reps", "1")

    assert result.exit_code == 0, result.stderr
    assert voice_line(result) == "Voice: piper (en_US-joe-medium) — Google is not reachable"


# --- Google failing after the probe ---------------------------------------------------


@pytest.mark.parametrize("failing", ["", "Lower your arms"], ids=["at-once", "part-way"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_script_reaches_the_voice_and_times_build_does(
    runner, google, offline, docs, tmp_path, fault, failing
):
    google.fault, google.failing = fault, failing
    doc = docs / "calf-lift.md"
    out = tmp_path / "out"

    script = run(runner, "script", str(doc), "--format", "json", *FAST)
    build = run(runner, "build", str(doc), "-o", str(out), *FAST)

    assert script.exit_code == 0, script.stderr
    assert build.exit_code == 0, build.stderr
    for result in (script, build):
        assert "gtts failed" in result.stderr and "now using fake" in result.stderr
    timed = json.loads(script.stdout)
    speech = [(c["start"], c["end"], c["text"]) for c in timed["cues"] if c["kind"] == "speech"]
    assert speech == vtt_cues(out / "calf-lift.vtt")
    assert spoken_by_fallback(out / "calf-lift.vtt")
    assert Manifest(out).entries["calf-lift.mp3"].seconds == pytest.approx(timed["duration"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_speaks_with_one_voice(runner, google, offline, docs, tmp_path, jobs):
    """Google fails on the second track only: the first, made with Google's voice
    before that, is made again with the offline voice, as is the rest."""
    google.fault, google.failing = "rate-limited", "Calf Lift"
    out = tmp_path / "out"

    result = run(runner, "build", str(docs), "-o", str(out), "--jobs", jobs, *FAST)

    assert result.exit_code == 0, result.stderr
    assert voice_line(result) == "Voice: gtts (en/com)"
    assert re.search(r"^3 built, 0 up to date, 0 failed", result.stderr, re.MULTILINE)
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len([note for note in notes if "gtts failed" in note]) == 1
    for name in ("arm-raise", "calf-lift", "wall-push"):
        assert spoken_by_fallback(out / f"{name}.vtt"), name
        assert Manifest(out).entries[f"{name}.mp3"].voice == "fake test", name


def test_the_record_names_the_voice_that_spoke(runner, google, offline, docs, tmp_path):
    """A track the offline voice made is not up to date for a run with Google's voice."""
    args = ["build", str(docs), "-o", str(tmp_path / "out"), "--jobs", "1", *FAST]
    google.fault, google.failing = "rate-limited", "Calf Lift"
    fell_back = run(runner, *args)
    google.fault = None

    with_google = run(runner, *args)
    again = run(runner, *args)

    assert fell_back.exit_code == with_google.exit_code == again.exit_code == 0
    assert re.search(r"^3 built, 0 up to date", with_google.stderr, re.MULTILINE)
    assert spoken_by_google(tmp_path / "out" / "calf-lift.vtt")
    assert re.search(r"^0 built, 3 up to date", again.stderr, re.MULTILINE)


@pytest.mark.skipif(PiperEngine.check() is not None, reason="no offline voice")
def test_auto_passes_over_a_language_no_voice_here_speaks(runner, google, write_doc, tmp_path):
    google.server.replace(responses.HEAD, PROBE_URL, body=requests.exceptions.ConnectionError())
    write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    spanish = write_doc(
        "brazos.md", SIMPLE_DOC.format(title="Brazos").replace("---\n", "---\nlang: es\n", 1)
    )
    out = tmp_path / "out"

    result = run(
        runner, "build", str(tmp_path / "docs"), "-o", str(out), "--sets", "1", "--reps", "1"
    )

    assert result.exit_code == 0, result.stderr
    assert f"skipped: {spanish}: the text is in Spanish (es)" in result.stderr
    assert "error:" not in result.stderr
    assert "1 built, 0 up to date, 0 failed, 1 skipped" in result.stderr
    assert sorted(path.name for path in out.glob("*.mp3")) == ["arm-raise.mp3"]
