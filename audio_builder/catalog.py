"""The coach's words in each language, kept as data: one TOML file per language in
``catalogs/`` (en.toml, es.toml, de.toml, fr.toml), each with the same keys.

Why files and not a module of tables: a translator edits one plain text file in their
language and never touches Python; adding a language is adding a file; and TOML, read
by the standard library, has no YAML-style surprises (a Spanish "no" stays a word).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CATALOGS = Path(__file__).with_name("catalogs")


@dataclass(frozen=True)
class Catalog:
    """One language's words, looked up by dotted key ("coach.set_of")."""

    code: str
    data: dict[str, Any]

    def text(self, key: str) -> Any:
        """The raw entry: a phrase, a word list or a table."""
        value: Any = self.data
        for part in key.split("."):
            value = value[part]
        return value

    def say(self, key: str, **values: Any) -> str:
        """The phrase with its placeholders filled in; a value that opens with the word
        the phrase sets before it says that word once ("that's the {title} done" with "The
        Row": "that's the Row done", not "the The Row")."""
        phrase = str(self.text(key))
        return phrase.format(**{name: _once(phrase, name, value) for name, value in values.items()})

    def number(self, number: int) -> str:
        """A count in words ("seven"); beyond the table, in digits."""
        words = self.data["words"]["numbers"]
        return words[number] if 0 <= number < len(words) else str(number)

    def amount(self, unit: str, count: int) -> str:
        """ "1 second" / "30 seconds"; "un segundo" / "30 segundos"."""
        forms = self.data["units"][unit]
        return forms["one" if count == 1 else "other"].format(n=count)

    def duration(self, seconds: float) -> str:
        """A rest or hold length: "30 seconds", "1 minute 30 seconds"."""
        minutes, rest = divmod(round(seconds), 60)
        if minutes and rest:
            return self.say(
                "units.duration",
                minutes=self.amount("minute", minutes),
                seconds=self.amount("second", rest),
            )
        return self.amount("minute", minutes) if minutes else self.amount("second", rest)

    def listing(self, names: Iterable[str]) -> str:
        """ "squats, lunges and bridges" in the language."""
        names = list(names)
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + f" {self.data['words']['and']} " + names[-1]

    def pattern(self, key: str, whole: bool = False) -> re.Pattern[str]:
        """A word list as one case-blind pattern matching any of its entries at a word
        start; entries are word starts ("increas") unless ``whole``."""
        return _alternation(tuple(self.text(key)), whole)


def _once(phrase: str, name: str, value: Any) -> Any:
    """``value`` without the word ``phrase`` sets right before its ``{name}``, when it
    opens with that word; else ``value`` as it is."""
    before = re.search(rf"(\w+ )\{{{name}\}}", phrase)
    if before and isinstance(value, str) and value.lower().startswith(before[1].lower()):
        return value[len(before[1]) :]
    return value


@cache
def _alternation(words: tuple[str, ...], whole: bool) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(words) + ")" + (r"\b" if whole else ""), re.I)


@cache
def catalog(code: str) -> Catalog:
    """The catalog of the language ``code`` (checked beforehand: see languages.py)."""
    with (CATALOGS / f"{code}.toml").open("rb") as handle:
        return Catalog(code, tomllib.load(handle))


def catalog_codes() -> list[str]:
    """The languages there is a catalog for."""
    return sorted(path.stem for path in CATALOGS.glob("*.toml"))
