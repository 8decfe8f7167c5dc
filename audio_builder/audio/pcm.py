"""The track's PCM format, declared once: every stage reads and writes it."""

from __future__ import annotations

RATE = 44100  # samples per second
CHANNELS = 1
SAMPLE_WIDTH = 2  # bytes: signed 16-bit
FRAME_BYTES = CHANNELS * SAMPLE_WIDTH
