"""The listener's own beeps (``--sounds DIR``): ``tick``, ``go``, ``stop`` and
``metronome`` as WAV, FLAC or MP3 files, each replacing the built-in beep of that name.
A sound longer than its slot would move the cues around it, so it is refused."""

from __future__ import annotations

from pathlib import Path

from pydub import AudioSegment

from audio_builder.audio.beeps import BEEPS, SLOTS_MS
from audio_builder.errors import SoundError

SUFFIXES = (".wav", ".flac", ".mp3")


def load_sounds(folder: Path) -> dict[str, AudioSegment]:
    """The sounds found in ``folder`` by beep name, in the track's format, each peaking
    at its built-in beep's level so that it stays below speech."""
    found: dict[str, AudioSegment] = {}
    for name in BEEPS:
        candidates = [p for p in sorted(folder.glob(f"{name}.*")) if p.suffix.lower() in SUFFIXES]
        if len(candidates) > 1:
            listed = ", ".join(p.name for p in candidates)
            raise SoundError(f"{folder}: two '{name}' sounds ({listed}); keep one")
        if candidates:
            found[name] = _load(candidates[0], name)
    if not found:
        names = ", ".join(f"{name}.wav" for name in BEEPS)
        raise SoundError(
            f"{folder}: no sounds in it; name them {names} (or .flac, .mp3), any of them"
        )
    return found


def _load(path: Path, name: str) -> AudioSegment:
    from audio_builder.audio.decode import DecodeError, decode_mono  # numpy: only for own sounds
    from audio_builder.audio.resample import to_track_rate

    try:
        audio = to_track_rate(decode_mono(path.read_bytes()))
    except OSError as exc:
        raise SoundError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except DecodeError as exc:
        raise SoundError(f"{path}: not a playable WAV, FLAC or MP3 file ({exc})") from None
    if len(audio) > SLOTS_MS[name]:
        raise SoundError(
            f"{path}: the '{name}' sound lasts {len(audio) / 1000:.2f} s, longer than its "
            f"{SLOTS_MS[name] / 1000:.2f} s slot; trim it"
        )
    if audio.max == 0:
        raise SoundError(f"{path}: the '{name}' sound is silent")
    return audio.apply_gain(BEEPS[name][2] - audio.max_dBFS)
