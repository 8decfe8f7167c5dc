"""Builds running at once into one folder keep each other's records."""

from __future__ import annotations

import threading

import pytest
from conftest import SIMPLE_DOC, FakeEngine

from audio_builder.audio.narrator import VoiceChoice
from audio_builder.batch import build_many
from audio_builder.build import Built, Options
from audio_builder.manifest import Manifest


def test_builds_of_different_inputs_at_once_keep_each_others_records(write_doc, tmp_path):
    """Two batches into one folder, each recording while the other has recorded nothing
    yet: both sets of records survive."""
    groups = {
        "a": [write_doc(f"a-{n}.md", SIMPLE_DOC.format(title=f"A {n}"), "a") for n in (1, 2)],
        "b": [write_doc(f"b-{n}.md", SIMPLE_DOC.format(title=f"B {n}"), "b") for n in (1, 2)],
    }
    out = tmp_path / "out"
    options = Options(out, {"sets": 1, "reps": 2})
    together = threading.Barrier(2, timeout=30)  # each record step waits for the other's
    real_record = Manifest.record

    def record(self, output, entry):
        together.wait()
        real_record(self, output, entry)

    results: dict[str, list] = {}

    def run(group: str) -> None:
        choice = VoiceChoice(FakeEngine(), tmp_path / f"cache-{group}")
        results[group] = build_many(groups[group], choice, options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Manifest, "record", record)
        threads = [threading.Thread(target=run, args=(group,)) for group in groups]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)

    assert all(isinstance(r, Built) and not r.notes for rs in results.values() for r in rs)
    assert sorted(Manifest(out).entries) == ["a-1.mp3", "a-2.mp3", "b-1.mp3", "b-2.mp3"]
    for group, paths in groups.items():  # the next run of either finds its tracks current
        again = build_many(paths, VoiceChoice(FakeEngine(), tmp_path / f"cache-{group}"), options)
        assert [result.reused for result in again] == [True, True], group
