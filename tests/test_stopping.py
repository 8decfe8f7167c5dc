"""Stop signals: the first raises Stopped where the work is, later ones wait for its
clean-up, and leaving removes what an interruption caught half-made."""

from __future__ import annotations

import os
import signal

import pytest

from audio_builder import atomic
from audio_builder.stopping import STOP_SIGNALS, Stopped, stopping_on_signals


@pytest.fixture
def handlers():
    """Put back the signal handlers a stopped block leaves in place."""
    saved = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stop_signal_stops_once(tmp_path, handlers, name):
    half_made = tmp_path / ".track.mp3.0123456789abcdef.tmp"
    with pytest.raises(Stopped) as stopped, stopping_on_signals():
        half_made.write_bytes(b"half")
        atomic._unfinished.add(half_made)  # as an interruption inside atomic_file leaves it
        try:
            os.kill(os.getpid(), getattr(signal, name))
        finally:
            os.kill(os.getpid(), signal.SIGINT)  # during the clean-up: ignored

    assert stopped.value.signum == getattr(signal, name)
    assert isinstance(stopped.value, KeyboardInterrupt)  # the command line's Ctrl-C path
    assert not half_made.exists()


def test_handlers_come_back_after_a_run_that_was_not_stopped(handlers):
    before = signal.getsignal(signal.SIGTERM)
    with stopping_on_signals():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
