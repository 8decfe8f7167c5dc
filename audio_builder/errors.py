"""The errors audio_builder raises: each says what failed, where, and how to fix it."""

from __future__ import annotations


class AudioBuilderError(Exception):
    """Base of every error the command line reports as one line."""


class DocumentError(AudioBuilderError):
    """An exercise or plan document cannot be read or makes no sense."""


class SettingsError(AudioBuilderError):
    """A workout setting (sets, reps, tempo, ...) is out of range or of the wrong type."""


class EngineError(AudioBuilderError):
    """A speech engine is unavailable or failed to synthesize a line."""


class OutputError(AudioBuilderError):
    """An output file (a track, its sidecars, a feed) could not be written."""


class VoiceMismatchError(AudioBuilderError):
    """The voice speaks another language than the text it is given."""


class SoundError(AudioBuilderError):
    """A custom sound (``--sounds``) cannot be read or does not fit its slot."""


class MusicError(AudioBuilderError):
    """The music given for a track is missing or has no song that can be played."""


class WorkerError(AudioBuilderError):
    """A worker process died (killed, out of memory) while it built a track."""
