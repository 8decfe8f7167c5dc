"""Google Translate's voice through gTTS: natural accents, but it needs the network."""

from __future__ import annotations

import copy
import math
import random
import time
from collections.abc import Callable
from io import BytesIO
from typing import TYPE_CHECKING

from pydub import AudioSegment

from audio_builder.errors import EngineError
from audio_builder.languages import primary
from audio_builder.settings import DEFAULT_SPEED

if TYPE_CHECKING:  # gTTS and requests load only when Google's voice is used: 50 ms a run
    import requests
    from gtts import gTTSError

PROBE_URL = "https://translate.google.com"
MAX_RETRY_AFTER = 60.0
OFFLINE_HINT = "use --engine piper for the offline voice"


class GoogleEngine:
    """Speaks through Google Translate; retries when Google is busy, fails fast when offline."""

    name = "gtts"

    @staticmethod
    def check() -> str | None:
        """Return why the engine cannot run here, or None when it can."""
        return None if GoogleEngine.reachable() else "Google is not reachable"

    @staticmethod
    def voices() -> list[str]:
        """Accents worth trying in the languages the coach speaks: Google speaks the
        text's language and picks the accent from the domain (``--tld``)."""
        return [
            "en/com (English, US)",
            "en/co.uk (English, British)",
            "en/com.au (English, Australian)",
            "en/ca (English, Canadian)",
            "en/co.in (English, Indian)",
            "en/ie (English, Irish)",
            "es/es (Spanish, Spain)",
            "es/com.mx (Spanish, Mexico)",
            "de/de (German)",
            "fr/fr (French, France)",
            "fr/ca (French, Canada)",
        ]

    @staticmethod
    def reachable(timeout: float = 1.5) -> bool:
        """Probe briefly, so ``auto`` can fall back to the offline voice without waiting."""
        import requests

        try:
            response = requests.head(PROBE_URL, timeout=timeout, allow_redirects=False)
        except requests.RequestException:
            return False
        return response.status_code < 500

    def __init__(
        self,
        lang: str = "en",
        tld: str = "com",
        speed: float = DEFAULT_SPEED,
        timeout: float = 10.0,
        retries: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from gtts.lang import tts_langs

        # gTTS's own lang_check asks the network; the bundled table answers the same offline.
        if lang not in tts_langs():
            raise EngineError(
                f"Google's voice does not know the language {lang!r}; "
                "use an IETF tag such as 'en', 'fr' or 'pt-BR' (see: gtts-cli --all)"
            )
        if speed > DEFAULT_SPEED:
            raise EngineError(
                f"Google's voice speaks at its own pace or slowly, not faster (--speed {speed:g}); "
                "use --speed 1 or below, or --engine piper"
            )
        self.lang = lang
        self.language = primary(lang)
        self.tld = tld
        self.slow = speed < DEFAULT_SPEED
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep

    def for_language(self, language: str) -> GoogleEngine:
        """Google speaks every language the coach does: the same accent domain, in
        ``language``."""
        if primary(language) == self.language:
            return self
        other = copy.copy(self)
        other.lang = other.language = primary(language)
        return other

    @property
    def voice(self) -> str:
        """What the clips sound like: language, accent domain and pace."""
        return f"{self.lang}/{self.tld}" + ("/slow" if self.slow else "")

    def synthesize(self, text: str) -> AudioSegment:
        if not text.strip():
            raise EngineError("Google's voice was given an empty line to speak")
        return _decode_mp3(self._fetch_mp3(text), text)

    def _fetch_mp3(self, text: str) -> bytes:
        """Ask Google for the MP3, retrying only the failures that waiting can cure."""
        from gtts import gTTSError

        attempt = 0
        while True:
            try:
                return self._request(text)
            except gTTSError as exc:
                response = self._retryable_response(exc)
                attempt += 1
                if attempt > self.retries:
                    raise EngineError(_give_up_message(response.status_code, attempt)) from exc
                self.sleep(self._delay(attempt - 1, response))

    def _request(self, text: str) -> bytes:
        import requests
        from gtts import gTTS

        buffer = BytesIO()
        try:
            tts = gTTS(
                text,
                lang=self.lang,
                tld=self.tld,
                slow=self.slow,
                timeout=self.timeout,
                lang_check=False,
            )
            tts.write_to_fp(buffer)
        except AssertionError as exc:  # gTTS asserts that something is left to speak
            raise EngineError(f"Google's voice has nothing to speak in {text!r}") from exc
        except requests.RequestException as exc:  # the answer broke off while being read
            raise EngineError(
                f"Google's speech service dropped the connection ({type(exc).__name__}); "
                f"{OFFLINE_HINT}"
            ) from exc
        return buffer.getvalue()

    def _retryable_response(self, exc: gTTSError) -> requests.Response:
        """Return the busy or failing answer worth retrying; raise at once for the rest."""
        response = exc.rsp
        if response is None:
            raise EngineError(
                f"Google's speech service is unreachable (no network?); {OFFLINE_HINT}"
            ) from exc
        status = response.status_code
        if status == 200:  # answered, but with no audio in it
            raise EngineError(
                "Google's speech service answered without audio; "
                f"update gTTS (pip install -U gTTS) or {OFFLINE_HINT}"
            ) from exc
        if status != 429 and status < 500:
            raise EngineError(
                f"Google's speech service refused the request for voice {self.voice} "
                f"(HTTP {status} {response.reason}); check the language and tld, "
                f"update gTTS (pip install -U gTTS), or {OFFLINE_HINT}"
            ) from exc
        return response

    def _delay(self, attempt: int, response: requests.Response) -> float:
        """Honour Google's Retry-After when it gives one, else back off with jitter."""
        if response.status_code == 429:
            try:
                wait = float(response.headers["Retry-After"])
            except (KeyError, ValueError):
                wait = math.nan
            if math.isfinite(wait):
                return min(max(wait, 0.0), MAX_RETRY_AFTER)
        return self.backoff * 2**attempt * random.uniform(0.5, 1.5)


def _give_up_message(status: int, tries: int) -> str:
    if status == 429:
        return (
            f"Google's speech service is rate-limiting requests (HTTP 429) after {tries} tries; "
            "wait a few minutes or use --engine piper"
        )
    return (
        f"Google's speech service keeps failing (HTTP {status}) after {tries} tries; "
        "try again later or use --engine piper"
    )


def _decode_mp3(mp3: bytes, text: str) -> AudioSegment:
    problem = f"Google's speech service sent no playable audio for {text!r}"
    hint = "the service may have changed; update gTTS (pip install -U gTTS) or use --engine piper"
    from audio_builder.audio.decode import DecodeError, decode_mono  # numpy, as gTTS: when used

    try:
        return decode_mono(mp3)
    except DecodeError as exc:
        raise EngineError(f"{problem} ({exc}); {hint}") from exc
