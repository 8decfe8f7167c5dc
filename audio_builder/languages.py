"""The languages the coach speaks, declared once: the code documents and voices use,
the name messages use, and the ISO 639-2 code ID3 tags want."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from audio_builder.errors import SettingsError


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as in front matter ``lang: es`` and voice names
    name: str  # in English, for messages
    iso639_2: str  # ID3 TLAN and the COMM frame's language


LANGUAGES = {
    language.code: language
    for language in (
        Language("en", "English", "eng"),
        Language("es", "Spanish", "spa"),
        Language("de", "German", "deu"),
        Language("fr", "French", "fra"),
    )
}
DEFAULT_LANGUAGE = "en"


def primary(tag: str) -> str:
    """The language of a tag, without its region or script: "es-MX", "es_MX" -> "es"."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


def spoken_or_default(tag: str) -> str:
    """The language of a tag if the coach speaks it, else the default: for words around
    the tracks (a feed may be tagged "es-MX" or "pt")."""
    code = primary(tag)
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def name_of(tag: str) -> str:
    """ "Spanish (es)" for a language the coach speaks, else the tag itself."""
    known = LANGUAGES.get(primary(tag))
    return f"{known.name} ({known.code})" if known else repr(tag)


def parse_language(value: Any) -> str:
    """A document's, plan's or option's language, checked: one the coach speaks."""
    code = primary(value) if isinstance(value, str) else ""
    if code not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise SettingsError(f"'lang' must be one of {known}, got {value!r}")
    return code
