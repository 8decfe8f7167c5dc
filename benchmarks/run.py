"""Prove it's fast: time audio_builder against the floors and a naive baseline.

Every measured run is a fresh child process, timed by wall clock (start-up included, as
a user waits for it) and sized by its own peak RSS (``os.wait4``). Each comparison runs
its baseline in the same session on the same input. Audio goes to a temp dir only.

    python benchmarks/run.py           # full: medians of 3 runs, 30/60-minute inputs
    python benchmarks/run.py --quick   # CI smoke: one run each, small inputs (< 2 min)
    python benchmarks/run.py --only music   # one group of figures (see BENCHES)

Prints a table, then one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import lameenc
import numpy as np
import yaml

from audio_builder.audio.engines import create_engine
from audio_builder.audio.narrator import Narrator, VoiceChoice
from audio_builder.audio.render import render
from audio_builder.build import load, time_track
from audio_builder.reading.importer import import_free_exercise_db

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "band-glute-kickback.md"
LOWER_BODY = HERE.parent / "seeds" / "workouts" / "lower-body.yaml"
SPANISH_SEED = HERE.parent / "seeds" / "languages" / "patada-de-gluteo.md"
CORPUS = HERE.parent / "tests" / "corpus" / "free-exercise-db.json"
BITRATE = 96
FULL_COPY = {"sets": 3, "reps": 12}  # the seed's own settings, repeated to lengthen a plan
BATCH_SETTINGS = ["--sets", "1", "--reps", "6"]  # keeps 100 tracks to ~1 hour of audio


@dataclass(frozen=True)
class Mode:
    name: str
    runs: int  # timed runs per measurement (the median is reported)
    naive_minutes: float
    scale_minutes: tuple[float, float, float]  # 1 : 6 : 12, as 5 : 30 : 60
    batch_size: int


FULL = Mode("full", 3, 30, (5, 30, 60), 100)
QUICK = Mode("quick", 1, 4, (1, 6, 12), 4)


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mb: float
    output: str


@dataclass
class Session:
    """One benchmark session: its mode, temp dir, warm clip cache and results."""

    mode: Mode
    root: Path
    measured: dict[str, list[Run]] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # measurement: what it ran on

    @property
    def warm_cache(self) -> Path:
        return self.root / "warm-cache"

    def fresh(self, name: str) -> Path:
        """A new empty folder (output or cold cache) under the session's temp dir."""
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.root))

    def record(self, name: str, run: Run) -> Run:
        self.measured.setdefault(name, []).append(run)
        return run

    def median(self, name: str) -> float:
        return statistics.median(run.seconds for run in self.measured[name])


# -- children -----------------------------------------------------------------------------


def run_child(args: list[str], cache: Path, cwd: Path) -> Run:
    """Run one child to the end, through ``measure.py``: its wall time and peak RSS.

    Children keep their bytecode (under ``cwd``), as an installed package does, even
    where the shell says not to write it: else every run compiles every module anew."""
    env = {**os.environ, "AUDIO_BUILDER_CACHE_DIR": str(cache), "PYTHONWARNINGS": "ignore"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cwd / "bytecode")
    command = [sys.executable, str(HERE / "measure.py"), *args]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
    output = done.stdout + done.stderr
    if done.returncode:
        raise SystemExit(f"benchmark child failed: {' '.join(args)}\n{output}")
    figures = json.loads(done.stdout.splitlines()[-1])
    return Run(figures["seconds"], figures["rss_kb"] / 1024, output)


def build(
    session: Session,
    inputs: list[Path],
    cache: Path,
    jobs: int = 1,
    extra: list[str] | None = None,
    command: str = "build",
) -> Run:
    """``audio-builder build`` (or ``podcast``) into a fresh output folder, so nothing is
    skipped."""
    out = session.fresh("out")
    args = [sys.executable, "-m", "audio_builder", command, *map(str, inputs)]
    args += ["--engine", "piper", "--jobs", str(jobs), "-o", str(out), *(extra or [])]
    if command == "podcast":
        args += ["--base-url", "https://example.com/pod/"]
    run = run_child(args, cache, session.root)
    shutil.rmtree(out)
    return run


def floor(session: Session, command: str, path: Path) -> Run:
    args = [sys.executable, str(HERE / "floors.py"), command, str(path), str(BITRATE)]
    return run_child(args, session.warm_cache, session.root)


def naive(session: Session, source: Path) -> Run:
    out = session.fresh("naive")
    args = [sys.executable, str(HERE / "naive.py"), str(source), str(out / "naive.mp3")]
    run = run_child(args, session.warm_cache, session.root)
    shutil.rmtree(out)
    return run


# -- inputs -------------------------------------------------------------------------------


def warm_narrator(session: Session) -> Narrator:
    """The session's voice on its warm cache (synthesizing, in this process, what's missing)."""
    return VoiceChoice(create_engine("piper"), session.warm_cache).narrator()


def write_pcm(session: Session, source: Path) -> Path:
    """The exact PCM a build of ``source`` encodes, from the warm cache, as a file."""
    narrator = warm_narrator(session)
    timeline = time_track(load(source, {}), narrator)
    path = session.root / f"{source.stem}.pcm"
    with path.open("wb") as handle:
        for piece in render(timeline, narrator.sound):
            handle.write(piece)
    return path


def plan_seconds(narrator: Narrator, entries: list[dict], path: Path) -> float:
    """Write a plan repeating the seed and return how long its track lasts."""
    plan = {
        "title": path.stem.replace("-", " ").title(),
        "rest_between": 45,
        "exercises": [{"path": str(SEED), **entry} for entry in entries],
    }
    path.write_text(yaml.safe_dump(plan, sort_keys=False))
    return time_track(load(path, {}), narrator).seconds


def make_plan(session: Session, minutes: float) -> tuple[Path, float]:
    """A plan of the seed lasting about ``minutes``: whole copies, then a tuned last one."""
    path = session.root / f"plan-{minutes:g}-min.yaml"
    target, narrator = minutes * 60, warm_narrator(session)
    copies: list[dict] = []
    while plan_seconds(narrator, [*copies, FULL_COPY], path) < target:
        copies.append(FULL_COPY)
    tails = [{"sets": s, "reps": r} for s in (1, 2, 3) for r in range(1, 13)]
    best = min(tails, key=lambda tail: abs(plan_seconds(narrator, [*copies, tail], path) - target))
    return path, plan_seconds(narrator, [*copies, best], path) / 60


def batch_inputs(session: Session, count: int) -> Path:
    """The first ``count`` exercises imported from free-exercise-db, in one folder."""
    imported = import_free_exercise_db(CORPUS, session.root / "imported").written
    folder = session.root / "batch-input"
    if folder.exists():  # made by an earlier benchmark of this session
        return folder
    folder.mkdir()
    for path in sorted(imported)[:count]:
        shutil.copy(path, folder / path.name)
    return folder


# -- the benchmarks -----------------------------------------------------------------------


def bench_warm(session: Session) -> None:
    """1. Warm build of the seed against lameenc alone encoding the same PCM."""
    build(session, [SEED], session.warm_cache)  # fills the warm cache
    pcm = write_pcm(session, SEED)
    for _ in range(session.mode.runs):
        session.record("warm build (seed)", build(session, [SEED], session.warm_cache))
        session.record("encode floor (seed PCM)", floor(session, "encode", pcm))
    warm, encode = session.median("warm build (seed)"), session.median("encode floor (seed PCM)")
    session.figures["warm_over_floor"] = warm / encode


def bench_cold(session: Session) -> None:
    """2. Cold build of the seed against Piper alone speaking its distinct phrases."""
    phrases = load(SEED, {}).script.phrases()
    phrases_file = session.root / "phrases.json"
    phrases_file.write_text(json.dumps(phrases))
    calls = []
    for _ in range(session.mode.runs):
        run = session.record("cold build (seed)", build(session, [SEED], session.fresh("cold")))
        calls.append(int(re.search(r"(\d+) clips synthesized", run.output).group(1)))
        session.record("synthesis floor (seed phrases)", floor(session, "synth", phrases_file))
    floor_seconds = session.median("synthesis floor (seed phrases)")
    floor_seconds += session.median("encode floor (seed PCM)")
    session.figures["cold_over_floor"] = session.median("cold build (seed)") / floor_seconds
    session.figures["synth_calls"] = max(calls)
    session.figures["distinct_phrases"] = len(phrases)


def bench_naive(session: Session) -> None:
    """3. Our build against pydub ``+=`` joins, same clips and timeline."""
    plan, minutes = make_plan(session, session.mode.naive_minutes)
    session.notes["naive"] = f"plan of {minutes:.1f} min"
    for _ in range(session.mode.runs):
        session.record("our build (naive plan)", build(session, [plan], session.warm_cache))
        session.record("naive pydub += (same plan)", naive(session, plan))
    ours, theirs = (
        session.median("our build (naive plan)"),
        session.median("naive pydub += (same plan)"),
    )
    session.figures["naive_over_ours"] = theirs / ours


def bench_scaling(session: Session) -> None:
    """4. The same plan at three lengths (1 : 6 : 12): time linear, memory flat."""
    small, _, large = session.mode.scale_minutes
    names = {}
    for minutes in session.mode.scale_minutes:
        plan, actual = make_plan(session, minutes)
        names[minutes] = name = f"scaling: {minutes:g}-min plan"
        session.notes[name] = f"{actual:.1f} min of audio"
        for _ in range(session.mode.runs):
            session.record(name, build(session, [plan], session.warm_cache))
    session.figures["t60_over_t5"] = session.median(names[large]) / session.median(names[small])
    rss = {m: max(run.rss_mb for run in session.measured[names[m]]) for m in names}
    session.figures["rss60_minus_rss5_mb"] = rss[large] - rss[small]


def bench_batch(session: Session) -> None:
    """5. Many imported exercises, warm, one process against two."""
    folder = batch_inputs(session, session.mode.batch_size)
    build(session, [folder], session.warm_cache, jobs=2, extra=BATCH_SETTINGS)  # warm-up
    size = session.mode.batch_size
    for _ in range(session.mode.runs):
        for jobs in (1, 2):
            run = build(session, [folder], session.warm_cache, jobs, BATCH_SETTINGS)
            session.record(f"batch of {size}, --jobs {jobs}", run)
    one, two = (session.median(f"batch of {size}, --jobs {jobs}") for jobs in (1, 2))
    session.figures["jobs2_speedup"] = one / two
    session.figures["cpu_parallel_ceiling"] = cpu_ceiling()


def bench_estimate(session: Session) -> None:
    """6. The Spanish seed's script estimated from its text, with no voice (start-up
    included, as a writer waits for it)."""
    args = [sys.executable, "-m", "audio_builder", "script", str(SPANISH_SEED), "--estimate"]
    name = "script --estimate (Spanish seed)"
    for _ in range(max(session.mode.runs, 3)):
        session.record(name, run_child(args, session.fresh("no-cache"), session.root))
    session.figures["estimate_s"] = session.median(name)


def cpu_ceiling() -> float:
    """The speedup this machine gives two CPU-bound processes at once (2.0 on 2 free
    cores): the bound on ``jobs2_speedup`` that no code change can pass."""
    burn = [sys.executable, "-c", "sum(range(30_000_000))"]
    start = time.perf_counter()
    subprocess.run(burn, check=True)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    pair = [subprocess.Popen(burn) for _ in range(2)]
    for child in pair:
        child.wait()
    return 2 * alone / (time.perf_counter() - start)


MUSIC_MINUTES = 10


def write_music(path: Path, minutes: int = MUSIC_MINUTES) -> Path:
    """A stereo MP3 made here: chords that change every two seconds over a beat with
    hi-hats, so the encoder works as hard as on real music (a pure tone is cheap)."""
    rate, seconds = 44100, minutes * 60
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(192)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(2)
    rng = np.random.default_rng(0)
    with path.open("wb") as handle:
        for _ in range(seconds // 2):
            t = np.arange(2 * rate) / rate
            root = 110 * 2 ** (rng.integers(0, 12) / 12)
            chord = sum(np.sin(2 * np.pi * root * ratio * t) for ratio in (1, 1.26, 1.5, 2))
            beat = np.exp(-30 * (t % 0.5)) * np.sin(2 * np.pi * 60 * t)
            hats = rng.standard_normal((len(t), 2)) * np.exp(-80 * ((t + 0.25) % 0.5))[:, None]
            left, right = 0.08 * chord + 0.3 * beat, 0.08 * np.roll(chord, 300) + 0.3 * beat
            mix = np.stack([left, right], axis=1) + 0.05 * hats
            handle.write(encoder.encode((mix * 20000).astype(np.int16).tobytes()))
        handle.write(encoder.flush())
    return path


def bench_music(session: Session) -> None:
    """6. Music under the coach: the seed warm with a 10-minute song against without,
    and memory from a short to a long plan with music."""
    music = write_music(session.root / "music.mp3")
    with_music = ["--music", str(music)]
    build(session, [SEED], session.warm_cache, extra=with_music)  # fills the warm cache
    for _ in range(session.mode.runs):
        session.record("warm build (seed)", build(session, [SEED], session.warm_cache))
        run = build(session, [SEED], session.warm_cache, extra=with_music)
        session.record(f"warm build (seed), {MUSIC_MINUTES}-min music", run)
    plain = session.median("warm build (seed)")
    session.figures["music_over_plain"] = (
        session.median(f"warm build (seed), {MUSIC_MINUTES}-min music") / plain
    )
    session.figures["music_rss60_minus_rss5_mb"] = rss_growth(session, "music", with_music)


def rss_growth(
    session: Session, label: str, extra: list[str] | None = None, command: str = "build"
) -> float:
    """Peak RSS of the longest scaling plan minus that of the shortest, both made with
    ``command`` and ``extra``."""
    small, _, large = session.mode.scale_minutes
    rss = {}
    for minutes in (small, large):
        plan, actual = make_plan(session, minutes)
        name = f"{label}: {minutes:g}-min plan"
        session.notes[name] = f"{actual:.1f} min of audio"
        for _ in range(session.mode.runs):
            run = build(session, [plan], session.warm_cache, extra=extra, command=command)
            session.record(name, run)
        rss[minutes] = max(run.rss_mb for run in session.measured[name])
    return rss[large] - rss[small]


def bench_resample(session: Session) -> None:
    """7. The voice's 22.05 -> 44.1 kHz: soxr against the numpy filter it replaced, on five
    minutes of a test tone, for speed and for how far the image above 11 kHz is held down."""
    import soxr

    from audio_builder.audio.pcm import RESAMPLE_QUALITY
    from audio_builder.audio.resample import upsample

    rate = 22050
    tone = (0.5 * np.sin(2 * np.pi * 5000 * np.arange(300 * rate) / rate)).astype(np.float32)
    ways = {
        "numpy filter": lambda: upsample(tone, 2),
        "soxr": lambda: soxr.resample(tone, rate, 2 * rate, RESAMPLE_QUALITY),
    }
    for name, way in ways.items():
        for _ in range(session.mode.runs):
            start = time.perf_counter()
            out = way()
            took = time.perf_counter() - start
            session.record(f"resample 5 min, {name}", Run(took, 0.0, ""))
        piece = out[10 * 2 * rate : 10 * 2 * rate + 65536] * np.hanning(65536)
        spectrum = np.abs(np.fft.rfft(piece))
        image = spectrum[round(17050 * 65536 / (2 * rate))] + 1e-12
        session.figures[f"image_db_{name.split()[0]}"] = 20 * np.log10(
            spectrum[round(5000 * 65536 / (2 * rate))] / image
        )
    session.figures["soxr_speedup"] = session.median("resample 5 min, numpy filter") / (
        session.median("resample 5 min, soxr")
    )


def bench_podcast(session: Session) -> None:
    """8. Podcast episodes against builds: time on a 30-minute plan, memory from a 5- to
    a 60-minute episode and for a batch in two workers, and the seeds side by side."""
    build(session, [SEED, LOWER_BODY], session.warm_cache)  # fills the warm cache
    middle = session.mode.scale_minutes[1]
    plan, actual = make_plan(session, middle)
    for kind in ("build", "podcast"):
        name = f"{kind}: {middle:g}-min plan"
        session.notes[name] = f"{actual:.1f} min of audio"
        for _ in range(session.mode.runs):
            session.record(name, build(session, [plan], session.warm_cache, command=kind))
    session.figures["podcast_over_build"] = session.median(
        f"podcast: {middle:g}-min plan"
    ) / session.median(f"build: {middle:g}-min plan")
    growth = rss_growth(session, "podcast", command="podcast")
    session.figures["podcast_rss60_minus_rss5_mb"] = growth
    for source in (SEED, LOWER_BODY):
        for kind in ("build", "podcast"):
            name = f"{kind}: {source.name}"
            for _ in range(session.mode.runs):
                session.record(name, build(session, [source], session.warm_cache, command=kind))
    folder = batch_inputs(session, session.mode.batch_size)
    build(session, [folder], session.warm_cache, 2, BATCH_SETTINGS)  # warm-up
    worker_rss = {}
    for kind in ("build", "podcast"):
        name = f"{kind}: batch of {session.mode.batch_size}, --jobs 2"
        run = build(session, [folder], session.warm_cache, 2, BATCH_SETTINGS, kind)
        worker_rss[kind] = session.record(name, run).rss_mb
    difference = worker_rss["podcast"] - worker_rss["build"]
    session.figures["podcast_jobs2_rss_minus_build_mb"] = difference


# -- report -------------------------------------------------------------------------------

TARGETS = {  # figure: (comparison, bound)
    "warm_over_floor": ("<=", 1.3),
    "cold_over_floor": ("<=", 1.3),
    "naive_over_ours": (">=", 3.0),
    "t60_over_t5": ("<=", 13.0),
    "rss60_minus_rss5_mb": ("<=", 64.0),
    "jobs2_speedup": (">=", 1.7),
    "music_over_plain": ("<=", 1.8),
    "music_rss60_minus_rss5_mb": ("<=", 64.0),
    "soxr_speedup": (">=", 1.0),
    "podcast_over_build": ("<=", 1.3),
    "podcast_rss60_minus_rss5_mb": ("<=", 64.0),
    "estimate_s": ("<=", 1.0),
}


def verdict(session: Session, name: str) -> tuple[str, str]:
    """The target as text and 'met' or 'missed' (synth_calls must match the phrases)."""
    value = session.figures[name]
    if name == "synth_calls":
        phrases = session.figures["distinct_phrases"]
        return f"== {phrases:g}", "met" if value == phrases else "missed"
    if name not in TARGETS:
        return "", ""
    sign, bound = TARGETS[name]
    met = value <= bound if sign == "<=" else value >= bound
    return f"{sign} {bound:g}", "met" if met else "missed"


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {"cores": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version()}


def table(session: Session, seconds: float) -> str:
    mode = session.mode
    info = machine()
    lines = [
        f"audio_builder benchmarks — {mode.name} mode, median of {mode.runs} run(s), "
        f"{datetime.date.today()}, {info['cores']} cores, {info['cpu']}, Python {info['python']}",
        "",
        f"| {'measurement':<36} | {'median s':>8} | {'peak RSS MB':>11} | input",
        f"|{'-' * 38}|{'-' * 10}|{'-' * 13}|------",
    ]
    for name, runs in session.measured.items():
        rss = max(run.rss_mb for run in runs)
        note = session.notes.get(name, "")
        lines.append(f"| {name:<36} | {session.median(name):>8.2f} | {rss:>11.0f} | {note}")
    lines += [
        "",
        f"| {'figure':<22} | {'value':>8} | {'target':>8} | status",
        f"|{'-' * 24}|{'-' * 10}|{'-' * 10}|-------",
    ]
    for name, value in session.figures.items():
        target, status = verdict(session, name)
        shown = f"{value:>8.0f}" if float(value).is_integer() and value > 5 else f"{value:>8.2f}"
        lines.append(f"| {name:<22} | {shown} | {target:>8} | {status}")
    naive_input = session.notes.get("naive", "not run")
    lines += ["", f"naive input: {naive_input}; total benchmark time {seconds:.0f} s"]
    return "\n".join(lines)


def summary(session: Session, seconds: float) -> str:
    """Every figure and measurement on one JSON line."""
    return json.dumps(
        {
            "mode": session.mode.name,
            "date": str(datetime.date.today()),
            "machine": machine(),
            "figures": {k: round(v, 3) for k, v in session.figures.items()},
            "status": {k: s for k in session.figures if (s := verdict(session, k)[1])},
            "measurements": {
                name: {
                    "median_s": round(session.median(name), 3),
                    "runs_s": [round(run.seconds, 3) for run in runs],
                    "peak_rss_mb": round(max(run.rss_mb for run in runs), 1),
                }
                for name, runs in session.measured.items()
            },
            "total_s": round(seconds, 1),
        },
        ensure_ascii=False,
    )


BENCHES = {
    "warm": bench_warm,
    "cold": bench_cold,
    "naive": bench_naive,
    "scaling": bench_scaling,
    "batch": bench_batch,
    "music": bench_music,
    "resample": bench_resample,
    "podcast": bench_podcast,
    "estimate": bench_estimate,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI smoke: small inputs, one run")
    parser.add_argument(
        "--only", choices=BENCHES, action="append", help="run only these groups (repeatable)"
    )
    args = parser.parse_args()
    mode = QUICK if args.quick else FULL
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="audio-builder-bench-") as root:
        session = Session(mode, Path(root))
        for bench in (BENCHES[name] for name in args.only or BENCHES):
            began = time.perf_counter()
            bench(session)
            took = time.perf_counter() - began
            print(f"[{took:5.0f} s] {bench.__doc__.splitlines()[0]}", file=sys.stderr, flush=True)
        seconds = time.perf_counter() - start
        print(table(session, seconds))
        print(summary(session, seconds))


if __name__ == "__main__":
    main()
