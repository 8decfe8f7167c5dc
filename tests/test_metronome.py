"""--metronome: a soft tick on each second of every rep and hold, clear of the beeps,
with the cue script and the track's length unchanged."""

from __future__ import annotations

import numpy as np
from conftest import SIMPLE_DOC

from audio_builder.audio.beeps import BEEPS
from audio_builder.audio.decode import read_stereo
from audio_builder.audio.metronome import CLEAR_OF_BEEPS, ticks
from audio_builder.audio.pcm import RATE
from audio_builder.build import load, time_track
from audio_builder.cli import main

FAST = ["--sets", "1", "--reps", "3", "--jobs", "1"]
HERTZ = BEEPS["metronome"][0]
DELAY = 0.025  # seconds: the MP3's encoder delay, as decoded


def test_ticks_fall_on_each_second_of_reps_and_holds_and_never_on_a_beep(narrator, write_doc):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    timeline = time_track(load(doc, {"sets": 2, "reps": 3}), narrator)

    found = ticks(timeline)

    reps = [s for s in timeline.segments if s.title.startswith("rep ")]
    assert len(reps) == 6
    for rep in reps:  # every whole second of each rep, counted from its start
        assert [at for at in found if rep.start <= at < rep.end] == list(
            range(rep.start, rep.end, RATE)
        )
    rests = [s for s in timeline.segments if s.title == "rest"]
    assert rests and not [at for rest in rests for at in found if rest.start <= at < rest.end]
    beeps = [cue.start for cue in timeline.cues if cue.kind == "beep"]
    assert min(abs(at - beep) for at in found for beep in beeps) >= CLEAR_OF_BEEPS * RATE


def test_a_build_with_the_metronome_ticks_where_it_says(
    runner, cli_engine, narrator, write_doc, tmp_path
):
    doc = write_doc("arm-raise.md", SIMPLE_DOC.format(title="Arm Raise"))
    out = tmp_path / "out"

    plain = runner.invoke(main, ["script", str(doc), "--format", "json", *FAST[:-2]])
    result = runner.invoke(main, ["build", str(doc), "-o", str(out), "--metronome", *FAST])
    ticked = runner.invoke(main, ["script", str(doc), "--format", "json", *FAST[:-2]])

    assert result.exit_code == 0, result.stderr
    assert ticked.stdout == plain.stdout  # the script does not change
    samples = np.concatenate(list(read_stereo(out / "arm-raise.mp3")))[:, 0]
    timeline = time_track(load(doc, {"sets": 1, "reps": 3}), narrator)  # the same voice
    assert abs(len(samples) - timeline.samples) < 0.06 * RATE

    def tone(at: float) -> float:
        piece = samples[round((at + DELAY) * RATE) : round((at + DELAY + 0.03) * RATE)]
        spectrum = np.abs(np.fft.rfft(piece * np.hanning(len(piece)), 4096))
        return float(spectrum[round(HERTZ * 4096 / RATE)])

    for at in ticks(timeline):
        assert tone(at / RATE) > 10 * tone(at / RATE + 0.5)  # a click, then quiet again
