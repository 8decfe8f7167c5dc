"""Text made ready to be spoken: a chain of small str -> str functions, like gTTS's
pre-processors. Input is plain text (markup already removed); output reads naturally in
the text's language: the words for symbols, units and shorthand come from its catalog."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable

from audio_builder.catalog import Catalog, catalog, catalog_codes
from audio_builder.languages import DEFAULT_LANGUAGE

_SAID_SYMBOLS = "°"  # symbols with a spoken form (``symbols`` says them)
_ASIDE = re.compile(r"\s*\([^)]*\)")
TITLE_DOSE = re.compile(  # "Wall Sit 3x45s", "Goblet Squat (3 x 10)": the dose, not the name
    r"[\s(\[—–:-]+\d+\s*[x×]\s*\d+(?:[-–]\d+)?\s*[a-z]*[)\]]?"
    r"(?:\s*@\s*(?:rpe\s*)?\d+(?:[.,]\d+)?(?:[-–]\d+)?\s*(?:%|kg|lbs?)?)?\s*$",  # "@RPE8", "@ 80%"
    re.IGNORECASE,
)


def pictographs(text: str) -> str:
    """Emoji, pictographs and other symbols that have no spoken form are dropped."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if (
            (category == "So" and char not in _SAID_SYMBOLS)
            or char in "\u200d\ufe0f\ufe0e"
            or category == "Cs"
            or (category == "Sk" and char not in "^`")
        ):
            kept.append(" ")
        else:
            kept.append(char)
    return "".join(kept)


_TIME = r"(\d+(?::[0-5]\d)?|:[0-5]\d)\s*(seconds?|secs?|s|minutes?|mins?|\"|')?(?![a-z])\.?"
_INTERVAL = re.compile(  # "40 sec work / 20 sec rest x 6 rounds", "8 x 30s / 90s easy"
    rf"(?:\b(\d+)\s*(?:[x×]|rounds?\s*(?:of|[:x×])?)\s*)?(?<![\d:]){_TIME}\s*"
    rf"(on|work|[a-z][\w-]*)?\s*/\s*{_TIME}\s*(rest|off|easy|recovery|recover)?\b(?:\s+(?:spin|jog|walk|pedal|paddle))?"
    r"(?:\s*[x×]\s*(\d+)\b(?:\s*rounds?\b)?)?",
    re.IGNORECASE,
)


_SPAN = r"\d+(?:\s*[-–]\s*\d+)?"
_TIME_UNIT = r"(?:seconds?|secs?|s|minutes?|mins?)\b|\"|'(?!\w)"
_TIMED_SETS = re.compile(  # "5 x 45s", "3 rounds x 45 sec", "30-45s x3", "30 sec × 3 sets"
    rf"\b(\d+)\s*(?:sets?|rounds?)?\s*[x×]\s*({_SPAN})\s?({_TIME_UNIT})"
    rf"|\b({_SPAN})\s?({_TIME_UNIT})\s*[x×]\s*(\d+)\b(?:\s*(?:sets?|rounds?)\b)?",
    re.IGNORECASE,
)


_CITATION = re.compile(
    r"\s*\((?:[^()]*\bet al\b\.?[^()]*|(?:see\s+)?[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+)?"
    r",?\s+(?:19|20)\d\d[a-z]?)\)"
)


def _timed_sets(match: re.Match, words: Catalog) -> str:
    """Sets of a time written with an x: "5 x 45s" -> "5 sets of 45s"."""
    sets, time, unit = match.group(1, 2, 3) if match[1] else match.group(6, 4, 5)
    unit = {'"': "s", "'": "min"}.get(unit, unit)  # 30" and 2' as the units say
    return words.text("spoken.sets_of").format(sets=sets, reps=f"{time} {unit}")


def _interval(match: re.Match, words: Catalog) -> str:
    """An interval's work and rest as a coach says them, with its rounds if given;
    anything else written with a slash ("24/16 kg", "10 reps / 30 s rest") as it was."""
    before, work, work_unit, label, rest, rest_unit, resting, after = match.groups()
    rounds = before or after
    label = (label or "").lower()
    timed = bool(work_unit) or work.startswith(":") or label in ("on", "work")
    unlabeled = not (work_unit or rest_unit or label or resting)  # "30/30 x 8"
    if not (timed and (resting or rounds)) and not (unlabeled and rounds):
        return match[0]
    if label and words.pattern("reading.hold").match(label):
        return match[0]  # "20s hold / 10s rest": a hold, not work that is on or off
    work_said, rest_said = (
        words.duration(_clock_seconds(number, unit))
        for number, unit in ((work, work_unit), (rest, rest_unit or work_unit))
    )
    said = words.data["spoken"]
    if rounds:
        return said["on_off"].format(rounds=rounds, work=work_said, rest=rest_said)
    return said["on_off_pair"].format(work=work_said, rest=rest_said)


def _clock_seconds(number: str, unit: str | None) -> int:
    """ "1:30" or ":20" in seconds; "2 min" or 2' in seconds."""
    if ":" in number:
        minutes, _, seconds = number.partition(":")
        return int(minutes or 0) * 60 + int(seconds)
    return int(number) * (60 if unit and unit.lower()[0] in "m'" else 1)


def shorthand(text: str, words: Catalog) -> str:
    """Gym shorthand as a coach says it: ~45 -> about 45, RPE 7-8 -> effort 7 to 8 out of
    10, 30/30 x 8 -> 8 rounds of 30 seconds on and 30 seconds off, 1:30 -> 1 minute 30
    seconds, 2' -> 2 minutes, x3 and 2x -> 3 times and 2 times."""
    said = words.data["spoken"]
    text = re.sub(r"[~≈]\s*(?=\d)", f"{said['about']} ", text)
    text = _INTERVAL.sub(lambda m: _interval(m, words), text)
    text = _TIMED_SETS.sub(lambda m: _timed_sets(m, words), text)
    text = re.sub(
        r"\bRPE\s*(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?",
        lambda m: said["effort"].format(
            n=said["range"].format(low=m[1], high=m[2]) if m[2] else m[1]
        ),
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"[\[(]\d{1,2}:\d\d(?::\d\d)?[\])]\s*", "", text)  # "[0:27]": a timestamp
    text = re.sub(r"(?<=[^\s\[])\[(?:\d{1,3}|citation needed)\]", "", text)  # "thigh.[6]"
    text = _CITATION.sub("", text)  # "(Escamilla et al., 2009)"
    text = re.sub(  # a clock's minutes and seconds, not a time of day
        r"\b(\d{1,2}):([0-5]\d)\b(?!\s*(?:am|pm|a\.m|p\.m|h\b))",
        lambda m: words.duration(int(m[1]) * 60 + int(m[2])),
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\b(\d+)\s?'(?![\w'\d\"])", lambda m: words.duration(int(m[1]) * 60), text)
    text = re.sub(  # a rest of 45" is seconds (elsewhere " may be inches)
        r"(?i)\b(rest\w*\s*:?\s*)(\d+)\"", lambda m: m[1] + words.duration(int(m[2])), text
    )
    text = re.sub(  # 60-90" rest (of a range, the seconds said once)
        r"(?i)\b(\d+)\"(?=\s*(?:rest|recovery|off|between)\b)",
        lambda m: f"{m[1]} {_in_full(said['units']['s'], m[1])}",
        text,
    )
    sets_of = said["sets_of"].split("{sets}")[1].split("{reps}")[0].strip()  # "sets of"
    sets = re.escape(sets_of.split()[0])
    text = re.sub(  # "2-3 sets × 12-15", "2–3 SETS x 15–20": sets of 12 to 15, not 12 times
        rf"(?<=\d)\s+{sets}\s*[x×]\s*(?=\d)", f" {sets_of} ", text, flags=re.IGNORECASE
    )
    text = re.sub(  # "10 reps × 3 sets", "15 SWINGS x 5 SETS"
        rf"(?<!\w)[x×]\s?(?=\d+\s+{sets}\b)", "", text, flags=re.IGNORECASE
    )
    time = r"(?=\d+\s*(?:seconds?|secs?|s|minutes?|mins?)\b)"  # an x before a time
    text = re.sub(  # "4 bouts × 45 seconds": bouts of 45 seconds
        rf"\b(\d+\s+[^\W\d]+s)\s*[x×]\s*{time}", rf"\1 {sets_of.split()[-1]} ", text
    )
    text = re.sub(rf"(?<!\d )(?<!\d)(?<!\w)[x×]\s?{time}", "", text)  # "EMOM x 10 min": a time
    times = said["times"]
    text = re.sub(r"(?<!\d )(?<!\d)(?<!\w)[x×]\s?(\d+)\b", lambda m: times.format(n=m[1]), text)
    return re.sub(r"\b(\d+)\s?[xX×](?!\s*\d)(?![\w×])", lambda m: times.format(n=m[1]), text)


def symbols(text: str, words: Catalog) -> str:
    """Read symbols out: 90° -> 90 degrees, & -> and, 50% -> 50 percent, £7 -> 7 pounds."""
    said = words.data["spoken"]
    money = said["currencies"]
    text = re.sub(
        rf"([{''.join(money)}])\s?(\d+(?:\.\d+)?)\b",
        lambda m: f"{m[2]} {_in_full(money[m[1]], m[2])}",
        text,
    )
    degrees = said["degrees"]
    text = re.sub(r"\s*°\s*([CF])\b", lambda m: f" {degrees} " + m.group(1), text)
    text = re.sub(r"\s*°", f" {degrees}", text)
    text = re.sub(r"\s*%", f" {said['percent']}", text)
    text = text.replace("&", f" {said['and']} ").replace("+", f" {said['plus']} ")
    text = text.replace("@", f" {said['at']} ")
    tempo = r"(?<=\b\d\d)X\d\b"  # "31X1": a tempo, its X the explosive lift
    text = re.sub(rf"(?<=\d)\s*(?:[x×]|(?!{tempo})X)\s*(?=\d)", " x ", text)
    return text


def fractions(text: str, words: Catalog) -> str:
    """1½ -> 1 and a half; a lone ¾ -> three quarters; 3/4 between digits -> three quarters."""
    after, lone = words.data["spoken"]["fractions"], words.data["spoken"]["lone_fractions"]
    text = re.sub(r"(?<=\d)([½¼¾])", lambda m: after[m.group(1)], text)
    text = re.sub(r"[½¼¾]", lambda m: lone[m.group(0)], text)
    return re.sub(r"\b3/4\b", lone["¾"], re.sub(r"\b1/2\b", lone["½"], text))


def sets_by_reps(text: str, words: Catalog) -> str:
    """3 x 10 -> 3 sets of 10; a size (2 x 6's boards), a load (2 x 20 kg) or a distance
    (4 x 40m) -> 2 by 6's, 2 by 20 kg, 4 by 40m."""
    said, by = words.text("spoken.sets_of"), words.text("spoken.by")
    text = re.sub(
        r"\b(\d+) x (\d+(?:\.\d+)?)(?='s\b|\s?(?:kgs?|kilos?|kilograms?|lbs?|pounds?"
        r"|m|km|meters?|metres?|yards?|yds?|ft|feet|miles?)\b)",
        lambda m: by.format(a=m[1], b=m[2]),
        text,
        flags=re.IGNORECASE,
    )
    text = _NAMED_SIZE.sub(lambda m: m[1] + by.format(a=m[2], b=m[3]), text)
    return re.sub(
        r"\b(\d+) x (\d+)\b", lambda m: said.format(sets=m.group(1), reps=m.group(2)), text
    )


_NAMED_SIZE = re.compile(  # "a 2 x 4 block": a piece of wood, not sets of reps
    r"\b((?:a|an|the|your|my)\s)(2) x (4|6|8|10|12)(?=\s+(?:blocks?|boards?|planks?|pieces?"
    r"|of\s+wood|wood|timber|lumber|under)\b)",
    re.IGNORECASE,
)


def abbreviations(text: str, words: Catalog) -> str:
    """e.g. -> for example; units after numbers in words (10 s -> 10 seconds)."""
    for pattern, spoken in words.text("spoken.abbreviations"):
        text = re.sub(pattern, spoken, text, flags=re.IGNORECASE)
    named = words.text("spoken.units")
    units = "|".join(sorted(named, key=len, reverse=True))

    def in_full(match: re.Match) -> str:
        glued = match[0] == f"{match[1]}s"
        if glued and _NAMED_BY_NUMBER.search(match.string, 0, match.start()):
            return match[0]  # "the 16s": the dumbbells of that weight, not seconds
        unit = match[2].lower()
        if unit == "m" and _TIMED_BY_M.search(match.string, 0, match.start()):
            unit = "min"  # "rest 2m", "EMOM 10 m": minutes, not meters
        return f"{match[1]} {_in_full(named[unit], match[1])}"

    return re.sub(
        rf"\b(\d+(?:\.\d+)?)\s?({units})\b(?=[\s,;.)!?]|$)", in_full, text, flags=re.IGNORECASE
    )


_TIMED_BY_M = re.compile(
    r"\b(?:rest|hold|recover|recovery|emom|amrap|every)\s*:?\s*(?:for\s+)?$", re.I
)
_NAMED_BY_NUMBER = re.compile(r"\b(?:the|those|these|my|your|our)\s+$", re.IGNORECASE)


def _in_full(forms: list[str], number: str) -> str:
    """A unit's word for the number before it: "1 minute", "2 minutes", "1.5 minutes"."""
    one, more = forms
    return one if number == "1" else more


def ranges(text: str, words: Catalog) -> str:
    """10-20 -> 10 to 20; a tempo 3-1-1 -> 3 1 1; word/word -> word or word; a date
    (2024-05-14, 14/05/2024) and a name such as 90/90 as their numbers."""
    span, either = words.text("spoken.range"), words.text("spoken.or")
    text = re.sub(r"\b\d(?:\s*[-–]\s*\d){2,3}\b", lambda m: " ".join(re.findall(r"\d", m[0])), text)
    text = re.sub(r"\b(\d{4})-(\d\d)-(\d\d)\b", r"\1 \2 \3", text)  # a date, not two ranges
    text = re.sub(  # reps set by set, 21-15-9: not "21 to 15-9"
        r"\b\d+(?:[-–]\d+){2,}\b", lambda m: ", ".join(re.findall(r"\d+", m[0])), text
    )
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b", r"\1 \2 \3", text)  # 14/05/2024: not "or"
    text = re.sub(r"\b(\d+)/\1\b", r"\1 \1", text)  # the 90/90 position: not "90 or 90"
    text = re.sub(  # "10--12" too, a typesetter's en dash
        r"\b(\d+)\s*(?:[-–]|--)\s*(\d+)\b", lambda m: span.format(low=m[1], high=m[2]), text
    )
    return re.sub(r"\b([^\W\d_]+)/([^\W\d_]+)\b", rf"\1 {either} \2", text)


SPOKEN_PUNCTUATION = ".,;:!?'\"()—-"  # marks a voice reads as pauses and tone


def sayable(char: str, script: str) -> bool:
    """A letter of ``script`` (a Unicode script name, "LATIN"), a digit 0-9, a space or
    a mark read as a pause: what a voice for the language can say."""
    if char in SPOKEN_PUNCTUATION or char == " " or "0" <= char <= "9":
        return True
    return unicodedata.category(char)[0] == "L" and unicodedata.name(char, "").startswith(script)


_ARROW = r"(?:→|⟶|➔|➜|-+>)"
_ARROW_RANGE = re.compile(  # "10 → 15 reps" (rising), not a pyramid's "12 → 10 → 8"
    rf"(?<![\d→>]\s)(?<![\d→>])\b(\d+)\s*{_ARROW}\s*(\d+)\b(?!\s*{_ARROW})"
)
_EITHER = re.compile(  # "24 / 20 kg", "left / right.": a number or a clause's last word
    r"(?<!/\s\d)(?<!/\s\d\d)(?<=\d)\s+/\s+(?=\d+\b(?!\s*/)(?!\s*(?:seconds?|minutes?|hours?)\b))"
    r"|(?<=[^\W\d])\s+/\s+(?=[^\W\d]{2,}\s*(?:[,.;:!?)]|$))",
    re.IGNORECASE,
)

_TAG_NAME = r"(?:li|ul|ol|p|br|div|span|em|strong|b|i|u|a|h[1-6]|td|tr|th|table|img|sup|sub)"
_TAG = re.compile(  # "<li>", "</p>", and a list tag that lost its "<": "the knee joint. li>"
    rf"</?{_TAG_NAME}\b[^<>]*>|(?<!\S)/?(?:li|ul|ol|br|div|span)/?>(?!\S)",
    re.IGNORECASE,
)


def unspeakable(text: str, words: Catalog) -> str:
    """Whatever is left that a voice cannot say: HTML tags are dropped, square and curly
    brackets become round ones, a slash between words is "or" and between two fields (or
    an arrow) a comma, other marks (# * / \\ | < > = ~ and the like) are dropped, and so
    is text in another script (a Japanese line beside its English)."""
    said = words.data["spoken"]
    text = _TAG.sub(" ", text)
    text = text.translate(str.maketrans("[]{}", "()()"))
    text = re.sub(r"(?<=\w)/(?=\w)", f" {said['or']} ", text)
    # "10 → 15 reps": a range; "24 / 20 kg", "left / right": either; "work 40 s / rest
    # 20 s", "20 s hold → 30 s": two fields, or one after the other
    text = _ARROW_RANGE.sub(
        lambda m: said["range"].format(low=m[1], high=m[2]) if int(m[1]) < int(m[2]) else m[0],
        text,
    )
    text = _EITHER.sub(f" {said['or']} ", text)
    text = re.sub(rf"(?<=\S)(?:\s+/\s+|\s*{_ARROW}\s*)(?=\S)", ", ", text)
    text = re.sub(r"(?:≥|>=)\s*(?=\d)", f" {said['at_least']} ", text)
    text = re.sub(r"(?:≤|<=)\s*(?=\d)", f" {said['at_most']} ", text)
    text = re.sub(r"(?<=\d)\s*<\s*(?=\d)", f" {said['less_than']} ", text)
    text = re.sub(r"(?<=\d)\s*>\s*(?=\d)", f" {said['more_than']} ", text)
    text = re.sub(r"(?<!\S)<\s*(?=\d)", f" {said['under']} ", text)  # "knees < 90°"
    text = re.sub(r"(?<!\S)>\s*(?=\d)", f" {said['over']} ", text)
    script = words.text("spoken.script")
    text = unicodedata.normalize("NFC", text)
    text = "".join(char if sayable(char, script) else " " for char in text)
    return re.sub(r"\(\s*\)", " ", text)


def sentence_spacing(text: str) -> str:
    """Mend sentences run together ("torso.This") and odd dashes and quotes; drop a
    sub-step's letter ("Hike it back. a. Tip the bell")."""
    text = re.sub(r"(?<=[a-z])([.!?])(?=[A-Z])", r"\1 ", text)
    text = re.sub(r"(?:^|(?<=[.!?:]\s))[a-h][.)]\s+(?=[A-Z])", "", text)  # "a. Tip the bell"
    if re.match(r"[A-H][.)]\s", text):  # steps lettered "A. Stand ... B. Place ..."
        text = re.sub(r"(?:^|(?<=[.!?]\s))[A-H][.)]\s+(?=[A-Z][a-z])", "", text)
    text = re.sub(r"\s*[—–]\s*", " — ", text)
    text = re.sub(r"[“”]", '"', text)
    return re.sub(r"[‘’]", "'", text)


def without_asides(text: str) -> str:
    """The text without its asides in brackets: "Side Plank (Forearm)" -> "Side Plank"."""
    return _ASIDE.sub("", text).strip()


def whitespace(text: str) -> str:
    """One space between words, none before punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


PRE_PROCESSORS: tuple[Callable[[str, Catalog], str], ...] = (
    fractions,
    shorthand,
    symbols,
    lambda text, words: pictographs(text),
    sets_by_reps,
    abbreviations,
    ranges,
    lambda text, words: sentence_spacing(text),
    unspeakable,
)


def speakable(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Run every pre-processor in order, with the words of the text's language."""
    words = catalog(lang)
    for process in PRE_PROCESSORS:
        text = process(text, words)
    return whitespace(text)


def spoken_title(title: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A title as the track says it: a title in two languages ("Wall Sit / Chaise au
    mur") is said in the track's language only, and a title given with its context
    ("Sumo Deadlift — Block 2, Week 3", "Drill 3: High Knees") by the exercise's name;
    tags keep the whole title."""
    halves = [half for half in re.split(r"\s+[/|]\s+", pictographs(title)) if half.strip()]
    if len(halves) > 1:
        halves.sort(key=lambda half: -_language_score(half, lang))
    said = halves[0] if halves else title
    return speakable(_named(said, catalog(lang)) or said, lang).rstrip(" .!?")


_DAY_BY_LETTER = re.compile(r"\s[A-F]$")  # "Lower A": a program's day, not the exercise


def _named(title: str, words: Catalog) -> str:
    """The part of a title that names the exercise, without asides in brackets, its dose
    nor a guide's "How to do a"."""
    how_to = re.compile(words.text("spoken.how_to"), re.IGNORECASE)
    bare = without_asides(TITLE_DOSE.sub("", how_to.sub("", title))) or title
    parts = [part.strip() for part in re.split(r"\s+[—–-]\s+|:\s+", bare) if part.strip()]
    context = re.compile(words.text("spoken.title_context"), re.IGNORECASE)
    named = [part for part in parts if not context.search(part)]
    exercises = [part for part in named if not _DAY_BY_LETTER.search(part)]
    return (exercises or named)[0] if len(parts) > 1 and named else bare


def _language_score(text: str, lang: str) -> int:
    """How much ``text`` looks like ``lang``: its function words, less those of the
    other languages there is a catalog for."""
    words = re.findall(r"\w+", text.lower())
    own = set(catalog(lang).text("spoken.function_words"))
    others = {
        word
        for code in catalog_codes()
        if code != lang
        for word in catalog(code).text("spoken.function_words")
    } - own
    return sum(word in own for word in words) - sum(word in others for word in words)


MAX_WORDS = 25  # a longer sentence is said in parts, each its own clip


def whole_sentences(text: str) -> list[str]:
    """Split text into sentences at . ! ? followed by a space (keeps e.g. 2.5 intact)."""
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]


def sentences(text: str) -> list[str]:
    """Whole sentences, a run-on one cut at commas, then every ``MAX_WORDS`` words:
    the pieces a voice says as clips."""
    return [piece for part in whole_sentences(text) for piece in _shorten(part)]


def _shorten(sentence: str) -> list[str]:
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    clauses = [c.strip() for c in re.split(r"(?<=[,;:])\s+", sentence) if c.strip()]
    if len(clauses) > 1:
        return [piece for clause in clauses for piece in _shorten(clause)]
    words = sentence.split()
    size = math.ceil(len(words) / math.ceil(len(words) / MAX_WORDS))  # even: no "up." alone
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
