"""Text made ready to be spoken: a chain of small str -> str functions, like gTTS's
pre-processors. Input is plain text (markup already removed); output reads naturally."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_FRACTIONS = {"½": " and a half", "¼": " and a quarter", "¾": " and three quarters"}
_LONE_FRACTIONS = {"½": "half", "¼": "a quarter", "¾": "three quarters"}

_ABBREVIATIONS = [
    (r"\be\.g\.,?", "for example,"),
    (r"\bi\.e\.,?", "that is,"),
    (r"\betc\.", "and so on."),
    (r"\bvs\.?(?=\s)", "versus"),
    (r"\bapprox\.", "approximately"),
    (r"\bmin\.", "minutes."),
]

_UNITS = {
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "min": "minutes",
    "mins": "minutes",
    "kg": "kilograms",
    "kgs": "kilograms",
    "lb": "pounds",
    "lbs": "pounds",
    "cm": "centimeters",
    "mm": "millimeters",
    "ft": "feet",
}


def pictographs(text: str) -> str:
    """Emoji, pictographs and other symbols that have no spoken form are dropped."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if (
            category == "So"
            or char in "\u200d\ufe0f\ufe0e"
            or category == "Cs"
            or (category == "Sk" and char not in "^`")
        ):
            kept.append(" ")
        else:
            kept.append(char)
    return "".join(kept)


def shorthand(text: str) -> str:
    """Gym shorthand as a coach says it: ~45 -> about 45, RPE 7 -> effort 7 out of 10,
    x3 and 2x -> 3 times and 2 times."""
    text = re.sub(r"[~≈]\s*(?=\d)", "about ", text)
    text = re.sub(r"\bRPE\s*(\d+(?:\.\d+)?)", r"effort \1 out of 10", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<!\d )(?<!\d)(?<!\w)[x×]\s?(\d+)\b", r"\1 times", text)
    return re.sub(r"\b(\d+)\s?[x×](?!\s*\d)(?![\w×])", r"\1 times", text)


def symbols(text: str) -> str:
    """Read symbols out: 90° -> 90 degrees, & -> and, 50% -> 50 percent."""
    text = re.sub(r"\s*°\s*([CF])\b", lambda m: " degrees " + m.group(1), text)
    text = re.sub(r"\s*°", " degrees", text)
    text = re.sub(r"\s*%", " percent", text)
    text = text.replace("&", " and ").replace("+", " plus ").replace("@", " at ")
    text = re.sub(r"(?<=\d)\s*[x×]\s*(?=\d)", " x ", text)
    return text


def fractions(text: str) -> str:
    """1½ -> 1 and a half; a lone ¾ -> three quarters; 3/4 between digits -> three quarters."""
    text = re.sub(r"(?<=\d)([½¼¾])", lambda m: _FRACTIONS[m.group(1)], text)
    text = re.sub(r"[½¼¾]", lambda m: _LONE_FRACTIONS[m.group(0)], text)
    return re.sub(r"\b3/4\b", "three quarters", re.sub(r"\b1/2\b", "half", text))


def sets_by_reps(text: str) -> str:
    """3 x 10 -> 3 sets of 10."""
    return re.sub(r"\b(\d+) x (\d+)\b", r"\1 sets of \2", text)


def abbreviations(text: str) -> str:
    """e.g. -> for example; units after numbers in words (10 s -> 10 seconds)."""
    for pattern, spoken in _ABBREVIATIONS:
        text = re.sub(pattern, spoken, text, flags=re.IGNORECASE)
    units = "|".join(sorted(_UNITS, key=len, reverse=True))
    return re.sub(
        rf"\b(\d+(?:\.\d+)?)\s?({units})\b(?=[\s,;.)!?]|$)",
        lambda m: f"{m.group(1)} {_UNITS[m.group(2).lower()]}",
        text,
    )


def ranges(text: str) -> str:
    """10-20 -> 10 to 20; word/word -> word or word."""
    text = re.sub(r"\b(\d+)\s*[-–]\s*(\d+)\b", r"\1 to \2", text)
    return re.sub(r"\b([A-Za-z]+)/([A-Za-z]+)\b", r"\1 or \2", text)


SPOKEN_PUNCTUATION = ".,;:!?'\"()—-"  # marks a voice reads as pauses and tone


def _sayable(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] == "L" or category == "Nd" or char == " " or char in SPOKEN_PUNCTUATION


def unspeakable(text: str) -> str:
    """Whatever is left that a voice cannot say: square and curly brackets become round
    ones, other marks (# * / \\ | < > = ~ and the like) are dropped."""
    text = text.translate(str.maketrans("[]{}", "()()"))
    text = re.sub(r"(?<=\w)/(?=\w)", " or ", text)
    text = re.sub(r"(?<=\d)\s*<\s*(?=\d)", " is less than ", text)
    text = re.sub(r"(?<=\d)\s*>\s*(?=\d)", " is more than ", text)
    text = "".join(char if _sayable(char) else " " for char in unicodedata.normalize("NFC", text))
    return re.sub(r"\(\s*\)", " ", text)


def sentence_spacing(text: str) -> str:
    """Mend sentences run together ("torso.This") and odd dashes and quotes."""
    text = re.sub(r"(?<=[a-z])([.!?])(?=[A-Z])", r"\1 ", text)
    text = re.sub(r"\s*[—–]\s*", " — ", text)
    text = re.sub(r"[“”]", '"', text)
    return re.sub(r"[‘’]", "'", text)


def whitespace(text: str) -> str:
    """One space between words, none before punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


PRE_PROCESSORS: tuple[Callable[[str], str], ...] = (
    fractions,
    shorthand,
    symbols,
    pictographs,
    sets_by_reps,
    abbreviations,
    ranges,
    sentence_spacing,
    unspeakable,
    whitespace,
)


def speakable(text: str) -> str:
    """Run every pre-processor in order."""
    for process in PRE_PROCESSORS:
        text = process(text)
    return text


FUNCTION_WORDS = {  # short words that tell which language a half of a title is in
    "en": {"the", "and", "with", "on", "for", "to", "of", "in", "at"},
    "es": {"el", "la", "los", "las", "con", "para", "de", "del", "y", "en", "al"},
    "de": {"der", "die", "das", "und", "mit", "an", "auf", "am", "im", "zur"},
    "fr": {"le", "la", "les", "du", "des", "au", "aux", "et", "avec", "sur", "à"},
}


def spoken_title(title: str, lang: str = "en") -> str:
    """A title as the track says it: a title in two languages ("Wall Sit / Chaise au
    mur") is said in the track's language only; tags keep the whole title."""
    halves = [half for half in re.split(r"\s+[/|]\s+", pictographs(title)) if half.strip()]
    if len(halves) > 1:
        halves.sort(key=lambda half: -_language_score(half, lang))
    return speakable(halves[0] if halves else title)


def _language_score(text: str, lang: str) -> int:
    words = re.findall(r"\w+", text.lower())
    own = FUNCTION_WORDS.get(lang, set())
    others = set().union(*(w for code, w in FUNCTION_WORDS.items() if code != lang)) - own
    return sum(word in own for word in words) - sum(word in others for word in words)


MAX_WORDS = 25  # a longer sentence is said in parts, each its own clip


def sentences(text: str) -> list[str]:
    """Split text into sentences at . ! ? followed by a space (keeps e.g. 2.5 intact);
    a run-on sentence is cut at commas, then every ``MAX_WORDS`` words."""
    parts = [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]
    return [piece for part in parts for piece in _shorten(part)]


def _shorten(sentence: str) -> list[str]:
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    clauses = [c.strip() for c in re.split(r"(?<=[,;:])\s+", sentence) if c.strip()]
    if len(clauses) > 1:
        return [piece for clause in clauses for piece in _shorten(clause)]
    words = sentence.split()
    return [" ".join(words[i : i + MAX_WORDS]) for i in range(0, len(words), MAX_WORDS)]
