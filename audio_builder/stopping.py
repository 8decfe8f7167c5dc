"""How a run stops when asked to: Ctrl-C (SIGINT), a closed terminal (SIGHUP) and
``kill`` or a CI time-out (SIGTERM) all end it the same way, leaving no partial file."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from audio_builder.atomic import remove_unfinished

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """A stop signal arrived. A KeyboardInterrupt, so every signal is handled as Ctrl-C
    always was: the work unwinds, removing its temporary files, and the command line
    ends with a short message and a non-zero status."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within this block (in the main thread) the first stop signal raises ``Stopped``;
    later ones are ignored, then and until the process ends, so the clean-up the first
    one started is not cut short. Leaving removes the temporary files an interruption
    caught half-made."""
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    stopped: list[int] = []

    def stop(signum: int, frame: FrameType | None) -> None:
        if not stopped:
            stopped.append(signum)
            raise Stopped(signum)

    for signum in STOP_SIGNALS:
        signal.signal(signum, stop)
    try:
        yield
    finally:
        remove_unfinished()
        if not stopped:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
