"""The podcast page in a real browser (headless Chromium): an episode's player loads its
MP3 with the right duration, its transcript track yields cues, and the chapter links seek
the player. Skipped when Chromium is not installed."""

from __future__ import annotations

import functools
import html
import io
import json
import re
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import miniaudio
import pytest
import yaml

from audio_builder.cli import main

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
DOC = """---
title: {title}
description: "A short test exercise."
---
### Equipment Needed
- None

<!-- howto -->

### Set Up
Stand tall.

### Raise
Raise your arms.

### Lower
Lower your arms.
"""

# Loads the real page in a frame, waits for the first player's metadata and its
# transcript track, clicks a chapter link, and writes what it saw into the document as
# JSON for --dump-dom to print.
PROBE = """<!doctype html>
<html><body>
<iframe id="page" src="index.html"></iframe>
<script>
function until(check, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - started > 8000) return reject(new Error("timed out waiting for " + what));
      setTimeout(poll, 20);
    };
    poll();
  });
}
async function probe() {
  const result = {};
  try {
    const frame = document.getElementById("page");
    await until(() => frame.contentDocument && frame.contentDocument.readyState === "complete",
                "the page");
    const page = frame.contentDocument;
    const audio = page.querySelector("audio");
    const track = audio.querySelector("track");
    result.id = audio.id;
    result.src = audio.currentSrc || audio.src;
    result.trackSrc = track.src;
    track.track.mode = "hidden";
    await until(() => audio.readyState >= 1 || audio.error, "the audio metadata");
    result.audioError = audio.error ? audio.error.code : null;
    result.duration = audio.duration;
    await until(() => track.readyState >= 2, "the transcript track");
    result.trackState = track.readyState;
    result.cues = track.track.cues ? track.track.cues.length : -1;
    result.firstCue = track.track.cues && track.track.cues.length ? track.track.cues[0].text : "";
    const links = [...page.querySelectorAll("a[data-seek]")];
    result.chapters = links.map(link => ({player: link.dataset.player, seek: link.dataset.seek}));
    result.players = [...page.querySelectorAll("audio")].map(a => a.id);
    const mine = links.filter(link => link.dataset.player === audio.id);
    if (mine.length > 1) {
      // the position a click asks for, read as the seek starts (virtual time never lets
      // a headless media seek finish)
      audio.addEventListener("seeking", () => { result.seekingAt = audio.currentTime; });
      mine[1].click();
      result.clickedSeek = Number(mine[1].dataset.seek);
      result.afterClick = audio.currentTime;
      await new Promise(resolve => setTimeout(resolve, 50));
      audio.pause();
    }
  } catch (error) {
    result.error = String(error);
  }
  const out = document.createElement("pre");
  out.id = "probe-result";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
}
window.addEventListener("load", probe);
</script>
</body></html>
"""


def find_chromium() -> str | None:
    for candidate in CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip(f"chromium not installed: none of {', '.join(CANDIDATES)} found")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory, chromium):
    """A small podcast export (two exercises and a plan), built once with the fake voice."""
    from conftest import FakeEngine, new_runner

    folder = tmp_path_factory.mktemp("page")
    src = folder / "src"
    src.mkdir()
    for name, title in (("arm-raise.md", "Arm Raise"), ("calf-lift.md", "Calf Lift")):
        (src / name).write_text(DOC.format(title=title), encoding="utf-8")
    plan = {"title": "Both", "rest_between": 5, "exercises": ["arm-raise.md", "calf-lift.md"]}
    (src / "both.yaml").write_text(yaml.safe_dump(plan), encoding="utf-8")
    out = folder / "out"
    engine = FakeEngine()
    args = ["podcast", str(src), "-o", str(out), "--base-url", "https://example.com/pod"]
    args += ["--jobs", "1", "--sets", "1", "--reps", "3", "--tempo", "1-0-1"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUDIO_BUILDER_CACHE_DIR", str(folder / "cache"))
        patch.setattr("audio_builder.cli.choose_engine", lambda *args, **kwargs: engine)
        result = new_runner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    (out / "probe.html").write_text(PROBE, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves byte ranges as static hosts do: without them a browser cannot seek."""

    def send_head(self):  # type: ignore[override]
        wanted = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not wanted or not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        first, last = wanted.groups()
        if first:
            start, end = int(first), int(last) if last else len(data) - 1
        else:
            start, end = max(0, len(data) - int(last or 0)), len(data) - 1
        end = min(end, len(data) - 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return io.BytesIO(data[start : end + 1])

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def probed(chromium, served, tmp_path_factory) -> dict:
    profile = tmp_path_factory.mktemp("chromium-profile")
    command = [
        chromium,
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--mute-audio",
        f"--user-data-dir={profile}",
        "--autoplay-policy=no-user-gesture-required",
        "--virtual-time-budget=10000",
        "--dump-dom",
        f"{served}/probe.html",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"no probe result; exit {done.returncode}: {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))


def decoded_seconds(path: Path) -> float:
    decoded = miniaudio.mp3_read_file_s16(str(path))
    return decoded.num_frames / decoded.sample_rate


def test_the_player_loads_the_episode_with_its_duration(probed, site):
    assert "error" not in probed, probed.get("error")
    assert probed["audioError"] is None
    assert probed["src"].endswith("/episodes/arm-raise.mp3")
    expected = decoded_seconds(site / "episodes" / "arm-raise.mp3")
    assert probed["duration"] == pytest.approx(expected, abs=0.5)


def test_the_transcript_track_has_cues(probed):
    assert "error" not in probed, probed.get("error")
    assert probed["trackSrc"].endswith("/episodes/arm-raise.vtt")
    assert probed["trackState"] == 2  # HTMLTrackElement.LOADED
    assert probed["cues"] > 0
    assert probed["firstCue"]


def test_chapter_links_seek_their_player(probed):
    assert "error" not in probed, probed.get("error")
    chapters = probed["chapters"]
    assert chapters
    assert {c["player"] for c in chapters} <= set(probed["players"])
    assert len(probed["players"]) == 3
    for player in probed["players"]:
        seeks = [float(c["seek"]) for c in chapters if c["player"] == player]
        assert len(seeks) >= 2, player
        assert seeks[0] == 0 and seeks == sorted(seeks), player
    assert probed["clickedSeek"] > 0
    assert probed["afterClick"] == pytest.approx(probed["clickedSeek"], abs=0.01)
    assert probed["seekingAt"] == pytest.approx(probed["clickedSeek"], abs=0.01)
