"""The golden cue scripts: `script --format json` of the seed and of one plan, timed by the
fake engine of conftest so they are the same on every machine (the real voices vary from
run to run). After an intended change to what the coach says or when, rewrite them with
`python tests/golden.py --update` and read the diff before committing it."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from unittest import mock

from conftest import SEEDS, FakeEngine, new_runner

from audio_builder.cli import main as cli

GOLDEN = Path(__file__).resolve().parent / "golden"
SOURCES = {
    "band-glute-kickback": SEEDS / "band-glute-kickback.md",
    "lower-body": SEEDS / "workouts" / "lower-body.yaml",
}


def golden_file(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def current_script(source: Path) -> str:
    """What `audio-builder script SOURCE --format json` prints today with the fake voice."""
    engine = FakeEngine()
    with (
        tempfile.TemporaryDirectory() as cache,
        mock.patch.dict(os.environ, {"AUDIO_BUILDER_CACHE_DIR": cache}),
        mock.patch("audio_builder.cli.choose_engine", lambda *args, **kwargs: engine),
    ):
        result = new_runner().invoke(cli, ["script", str(source), "--format", "json"])
    if result.exit_code != 0:
        raise RuntimeError(f"script {source} failed: {result.stderr}{result.exception!r}")
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the golden files")
    args = parser.parse_args()
    stale = []
    for name, source in SOURCES.items():
        text, path = current_script(source), golden_file(name)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        if args.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"updated {path}")
        else:
            stale.append(name)
    for name in stale:
        print(f"{golden_file(name)} differs from today's script; --update rewrites it")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
