"""audio_builder: voice-coached workout tracks from exercise markdown."""

import warnings

# pydub warns at import about ffmpeg (never used here: MP3 goes through lameenc and
# PyAV) and about audioop's deprecation; neither concerns our users.
warnings.filterwarnings("ignore", message="Couldn't find ffmpeg", category=RuntimeWarning)
warnings.filterwarnings("ignore", message=".*audioop.*", category=DeprecationWarning)

__version__ = "0.1.0"
