"""The track's PCM format, declared once: every stage reads and writes it."""

from __future__ import annotations

RATE = 44100  # samples per second
CHANNELS = 1  # the voice, and a track without music
STEREO = 2  # a track with music keeps the music's stereo image (the voice sits in the centre)
SAMPLE_WIDTH = 2  # bytes: signed 16-bit
FRAME_BYTES = CHANNELS * SAMPLE_WIDTH
TARGET_LUFS = -16.0  # a podcast episode's integrated loudness, when one is asked for
RESAMPLE_QUALITY = "HQ"  # soxr, for voice and music: images over 150 dB down, flat to 20 kHz
