"""What a track is called: the exercise the document names. The front matter's title
wins; else the first of the opening heading, a name in the description ("The Goblet
Squat builds ..."), a short line before the steps ("Subject: Re: goblet squats",
"Finisher: Farmers Carry", a guide's "How to Do a Kettlebell Swing") and the file's
name that names an exercise, a club's letterhead last ("JUNIOR SPRINT GROUP" holds an
exercise's word, but names the club, not its "BOX JUMP"); else the
heading, the described name or the file's name as they are (an email's "Subject" line,
a club's letterhead or a lesson plan's heading name no exercise)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from audio_builder.catalog import catalog
from audio_builder.reading.spoken import pictographs, without_asides
from audio_builder.reading.vocabulary import vocabulary

_NAME = (
    r"((?:[A-Z][\w'-]*)(?: (?:[A-Z][\w'-]*|and|&|of|on|the))*(?<! and)(?<! of)(?<! on)(?<! the))"
)
_NAMED_IN_DESCRIPTION = (
    re.compile(rf"\bwith (?:the|a|an) {_NAME}"),  # "... with the Band Glute Kickback"
    re.compile(
        rf"^(?:The |A |An )?{_NAME}(?=\s*[:—–]| (?:is|are|builds?|works?|targets?|to|for|"
        rf"strengthens?|trains?|opens?|stretch\w*|helps?|improves?)\b)"
    ),
)
# "The Goblet Squat teaches ...", "The classic Push-Up for ...", "La Zancada Alterna
# fortalece ...": a name after an article, or of two capitalized words ("Power Clean
# develops", not a sentence's first word, "Skater bounds build ..."), that names an exercise
_OPENING_NAME = re.compile(
    r"^(?:(?:The|A|An|La|Le|El|Der|Die|Das) (?:[a-z]+ )?|(?=[A-Z][\w'-]* [A-Z]))"
    rf"{_NAME}(?=\s*[:—–]| [a-zà-ÿ])"
)
_OPENING_COMMON_NAME = re.compile(  # "The wall squat (also called wall sit) is an ..."
    r"^The ((?:(?!of )[a-z][\w-]* ){0,3}?[a-z][\w-]*)(?: \([^)]*\))? (?:is|are) (?:an?|one)\b"
)
_PARTS = re.compile(r"\s+[—–|·-]\s+|:\s+")  # "Side plank — FAQ", "Finisher: Farmers Carry"
_REPLY = re.compile(r"^(?:(?:re|fwd?|aw|tr)\s*:\s*)+", re.IGNORECASE)  # "Re: Fwd: ..."
_NOT_A_NAME = re.compile(  # "How to ...", "Coming into the pose", "walk me through it"
    r"^(?:how|why|what|when|this|that|my|your|our|a|an|to|on|in|at|with|for|from|into|of)\b"
    r"|^\w+ing\s+(?:into|in|on|up|down|out|to)\b|\b(?:me|it|you|we|us|i|is|are)\b|,"
    r"|\bof the (?:day|week|month)\b"  # a column: "Stretch of the Month"
    r"|\b(?:vs|versus|stop|this)\b",  # "PUSH-UP VS BENCH PRESS", "STOP DOING LUNGES LIKE THIS"
    re.IGNORECASE,
)
_FIELD = re.compile(r"^\|?\s*\w+\s*=\s*|^[A-Za-z][).]\s+")  # "| name = ...", "A) ..."
_FIELD_LABEL = re.compile(r"^\w+:\s")  # an email's "From: ...", a clinic note's "Pt: ..."
_ASIDE_STARTS = re.compile(r"[—–|·:,/&+(]|\s-\s")  # "Wall Sit — FAQ", "Squat, not a hinge"
_ORGANISATION = re.compile(  # a letterhead's last word: "... GROUP", "... PHYSIO"
    r"\b(?:group|club|team|squad|academy|school|college|society|association|league|physio"
    r"(?:therapy)?|clinic|cent(?:re|er)|gym|studio|athletics|patriots|ymca|department|class)\W*$",
    re.IGNORECASE,
)
_ORDER = re.compile(  # "19-pullup-negatives": an order; not "1-arm-row", "90-90-...", "30-day-..."
    r"^\d+\s+(?!\d|(?:arms?|legs?|hands?|days?|weeks?|minutes?|mins?|seconds?|reps?|sets?|way)\b)",
    re.IGNORECASE,
)
_COUNT = re.compile(r"\d+(?!/\d)(?<!\d/\d)")  # a count or a date; "90/90" is a name
MAX_WORDS = 6
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def choose_title(
    written: str, heading: str, description: str, lines: list[str], source: Path, lang: str
) -> str:
    """``written``: the front matter's title; ``lines``: an app's name fields ("name:
    Goblet Squat") and the short lines before the steps."""
    if _SLUG.fullmatch(written):  # "hollow-body-hold": a file's name put in the title
        return _as_words(written)
    if written:
        return written
    names = vocabulary(lang)["exercise_name"]
    described = "" if _FIELD_LABEL.match(description) else _described(description, names)
    stem = _ORDER.sub("", _as_words(source.stem)).strip().title()
    named_lines = (part for line in lines for part in _names_in(line, lang))
    candidates = [c for c in (heading, described, *named_lines, stem) if c and names.search(c)]
    if candidates:  # first the one whose exercise word ends it: not "Junior Sprint Group"
        return min(candidates, key=lambda candidate: _letterhead(candidate, lang))
    return heading or described or stem or "Exercise"


def _as_words(name: str) -> str:
    """A file's name as words: "hollow-body_hold" -> "Hollow Body Hold"."""
    return name.replace("-", " ").replace("_", " ").title()


def _described(description: str, names: re.Pattern[str]) -> str:
    """The name the description gives the exercise, if it gives one."""
    for pattern in _NAMED_IN_DESCRIPTION:
        if match := pattern.search(description):
            return match[1]
    if (common := _OPENING_COMMON_NAME.match(description)) and names.search(common[1]):
        return common[1].title()
    if not (opening := _OPENING_NAME.search(description)) or not names.search(opening[1]):
        return ""
    after = description[opening.end() :].split()  # "The Pallof press trains": its lower case
    named = list(itertools.takewhile(names.fullmatch, after[:2]))
    return " ".join([opening[1], *named])


def _names_in(line: str, lang: str) -> list[str]:
    """The parts of a line that could be an exercise's name: short, not a sentence nor
    a question, in a line with no count and not about what comes before or after the
    exercise ("Warm-up: ...")."""
    how_to = re.compile(catalog(lang).text("spoken.how_to"), re.IGNORECASE)
    taught = how_to.sub("", line)  # "How to Do a Kettlebell Swing", not "… the stretch"
    line = without_asides(taught if taught[:1].isupper() else line)
    if vocabulary(lang)["not_the_exercise"].match(line) or _COUNT.search(line):
        return []  # a row of a program ("B  Nordic curl — 3 x 5") names one of several
    if "...." in line:
        return []  # a checklist's item and its state ("Kettlebell ..... LIGHT")
    shouted = [p for p in re.split(r"\s{2,}", pictographs(line)) if p.isupper()]
    parts = (  # and a name shouted between emoji: "SINGLE ARM DB ROW 🔥💪 save this!!"
        _FIELD.sub("", _REPLY.sub("", part)).strip(" *_#\"'")
        for part in _PARTS.split(" | ".join([line, *shouted]))
    )
    return [
        part.rstrip(":")
        for part in parts
        if 0 < len(part.split()) <= MAX_WORDS
        and not part.endswith((".", "!", "?"))
        and not _NOT_A_NAME.search(part)
    ]


def _letterhead(candidate: str, lang: str) -> bool:
    """A club's or a clinic's name that holds an exercise's word, though not as its head
    ("JUNIOR SPRINT GROUP", "FLY WELL PHYSIO"): the head is its last word in
    English, or the one before an aside ("WALL SIT — FAQ"), its first in French
    ("GAINAGE VENTRAL")."""
    if not _ORGANISATION.search(candidate):
        return False
    words = vocabulary(lang)
    head_last = catalog(lang).data["language"]["names_end_with_the_exercise"]
    for match in words["exercise_name"].finditer(candidate):
        if not head_last:
            return re.fullmatch(r"\W*(?:\w+\W+)?", candidate[: match.start()]) is None
        rest = _ASIDE_STARTS.split(candidate[match.end() :], maxsplit=1)[0]
        if not re.search(r"\w", words["prepositions"].sub("", rest)):
            return False
    return True
