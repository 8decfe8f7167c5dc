"""What the text itself prescribes: sets, reps (or a range), holds, work for time,
rest, and whether a count is for each side ("3 x 10", "8 to 12 reps per side",
"hold for 20 seconds on each side. Perform 2 sets.", "for 1 minute").

The text is read as spoken (``spoken.speakable``): "3 x 10" is "3 sets of 10" and
"10-12" is "10 to 12" by then. Short pauses inside a rep ("hold for a second") are the rep's
tempo, not a prescription.
"""

from __future__ import annotations

import re

from audio_builder.reading.document import Exercise
from audio_builder.reading.spoken import sentences, speakable

_NUMBER = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
_WORDS = dict(
    zip(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        range(1, 11),
        strict=True,
    ),
    twelve=12,
    fifteen=15,
    twenty=20,
)
_RANGE = rf"{_NUMBER}(?:\s+(?:to|or)\s+{_NUMBER})?"
SETS = re.compile(rf"\b{_NUMBER}\s+(?:sets|rounds|set|round)\b", re.IGNORECASE)
TIMES_AS_SETS = re.compile(rf"^\s*{_NUMBER}\s*(?:x|times)\s*\.?\s*$", re.IGNORECASE)
SETS_OF = re.compile(rf"\bsets\s+of\s+{_RANGE}\b(?!\s+(?:seconds|minutes))", re.IGNORECASE)
REPS = re.compile(rf"\b{_RANGE}\s+(?:reps|repetitions|rep|times)\b", re.IGNORECASE)
SECONDS = re.compile(
    rf"\bfor\s+(?:about\s+)?{_RANGE}(?:\s+or\s+more)?\s+(seconds?|secs?|minutes?|mins?)\b"
    rf"|\bfor\s+(a|one)\s+(minute)\b",
    re.IGNORECASE,
)
SECONDS_PER_SIDE = re.compile(  # "30 seconds each side", without a "for"
    rf"\b{_RANGE}\s+(seconds?|minutes?)\s+(?:on\s+)?(?:each|per)\s+(?:side|leg|arm)\b",
    re.IGNORECASE,
)
REST = re.compile(rf"\brest(?:ing)?\s+(?:for\s+)?{_NUMBER}\s+(seconds?|minutes?)\b", re.IGNORECASE)
PER_SIDE = re.compile(r"\b(?:each|per)\s+(?:side|leg|arm)\b|\bon each side\b", re.IGNORECASE)
_WORK_FOR_TIME = re.compile(
    r"\b(work|walk|run|jog|sprint|carry|pedal|row|swing|jump|skip|crawl|drag|cycle|march|"
    r"circle)\w*\b",
    re.IGNORECASE,
)
MIN_HOLD = 5.0  # seconds: anything shorter is a pause inside a rep


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def _span(low: str, high: str | None) -> int | tuple[int, int]:
    first = _number(low)
    return (first, _number(high)) if high and _number(high) > first else first


def prescribed(exercise: Exercise) -> dict:
    """The prescription found in the description, steps, Execution and Programming,
    in the labels' terms: sets, reps, hold, duration, rest (a range as a (low, high)
    pair) and per_side."""
    found: dict = {}
    for sentence in prescription_sentences(exercise):
        read_sentence(sentence, found)
    return found


def prescription_sentences(exercise: Exercise) -> list[str]:
    texts = [speakable(exercise.description), *(step.text for step in exercise.steps)]
    texts += [item.text for item in (*exercise.execution, *exercise.programming)]
    return [sentence for text in texts for sentence in sentences(text)]


def read_sentence(sentence: str, found: dict) -> None:
    """Add what one sentence prescribes to ``found`` (the first mention of each wins)."""
    if match := TIMES_AS_SETS.match(sentence):
        found.setdefault("sets", _number(match.group(1)))
        return
    if match := SETS.search(sentence):
        found.setdefault("sets", _number(match.group(1)))
    for pattern in (SETS_OF, REPS):
        if match := pattern.search(sentence):
            found.setdefault("reps", _span(match.group(1), match.group(2)))
            if PER_SIDE.search(sentence[match.end() :]):
                found.setdefault("per_side", True)
            break
    if match := REST.search(sentence):
        unit = 60 if match.group(2).lower().startswith("min") else 1
        found.setdefault("rest", _number(match.group(1)) * unit)
    for match in [*SECONDS.finditer(sentence), *SECONDS_PER_SIDE.finditer(sentence)]:
        if match.re is SECONDS and match.group(4):  # "for a minute"
            low, high, unit = "60", None, 1
        else:
            low, high = match.group(1), match.group(2)
            unit = 60 if match.group(3).lower().startswith("m") else 1
        span = _span(low, high)
        seconds = tuple(n * unit for n in span) if isinstance(span, tuple) else span * unit
        if (max(seconds) if isinstance(seconds, tuple) else seconds) < MIN_HOLD:
            continue
        before = sentence[: match.start()]
        name = "duration" if _WORK_FOR_TIME.search(before) else "hold"
        found.setdefault(name, seconds)
        break


def unspoken(sentence: str) -> str:
    """The sentence without its prescription (the coach says that once, from the
    settings); empty when nothing worth saying is left."""
    found: dict = {}
    read_sentence(sentence, found)
    if not found:
        return sentence
    if TIMES_AS_SETS.match(sentence):
        return ""
    text = sentence
    for pattern in (REST, SECONDS, SECONDS_PER_SIDE, SETS_OF, REPS, SETS):
        text = pattern.sub("", text)
    text = re.sub(r"\b(on each side|each side|per side)\b", "", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"^[,;\s]+|(?:,\s*)+(?=[.!?]$)", "", text)
    words = re.findall(r"[A-Za-z]+", text)
    if len(words) < 3 or (words[0].lower() in ("do", "perform", "complete") and len(words) < 6):
        return ""
    if text == sentence:
        return sentence
    return text if text.endswith((".", "!", "?")) else text + "."
