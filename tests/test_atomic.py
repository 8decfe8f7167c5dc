"""Atomic writes: an interruption at any instant leaves the target whole or untouched
and, once the stopping run has cleaned up, no temporary file."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

import pytest

from audio_builder.atomic import remove_unfinished, write_atomic


class Interruption(KeyboardInterrupt):
    """What a signal handler raises in the middle of the work."""


def run_interrupted(work: Callable[[], None], at: int) -> bool:
    """Run ``work``, raising ``Interruption`` before the ``at``-th bytecode instruction
    it executes (counted over every Python frame it runs: where a signal handler can
    strike). True if it got that far."""
    executed = 0

    def trace(frame, event, arg):
        nonlocal executed
        frame.f_trace_opcodes = True
        if event == "opcode":
            executed += 1
            if executed == at:
                raise Interruption
        return trace

    sys.settrace(trace)
    try:
        work()
    except Interruption:
        return True
    finally:
        sys.settrace(None)
    return False


@pytest.mark.parametrize("data", [b"new", "text, not bytes"], ids=["write", "failed-write"])
def test_an_interruption_at_any_instruction_leaves_no_temporary_file(tmp_path, data):
    """A failed write is cleaned up on the way out: an interruption can land there too."""
    target = tmp_path / "track.vtt"

    def write() -> None:
        with contextlib.suppress(TypeError):
            write_atomic(target, data)

    target.write_bytes(b"old")
    at = 1
    while run_interrupted(write, at):
        remove_unfinished()  # what a stopping run does on its way out

        assert [p.name for p in tmp_path.iterdir()] == ["track.vtt"], at
        assert target.read_bytes() in (b"old", data), at
        target.write_bytes(b"old")
        at += 1
    assert at > 100, at  # it was interrupted at each of its many instructions
    assert target.read_bytes() == (data if isinstance(data, bytes) else b"old")


def test_only_this_process_unfinished_files_are_removed(tmp_path):
    write_atomic(tmp_path / "a.mp3", b"data")
    (tmp_path / ".b.mp3.0123456789abcdef.tmp").write_bytes(b"someone else's")

    remove_unfinished()

    assert sorted(p.name for p in tmp_path.iterdir()) == [".b.mp3.0123456789abcdef.tmp", "a.mp3"]
