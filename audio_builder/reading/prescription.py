"""What the text itself prescribes: sets, reps (or a range), holds, work for time,
rest, and whether a count is for each side ("3 x 10", "8 to 12 reps per side",
"hold for 20 seconds on each side. Perform 2 sets.", "for 1 minute").

The text is read as spoken (``spoken.speakable``): "3 x 10" is "3 sets of 10" and
"10-12" is "10 to 12" by then. Short pauses inside a rep ("hold for a second") are the rep's
tempo, not a prescription.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from audio_builder.catalog import catalog
from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.spoken import TITLE_DOSE, speakable, whole_sentences
from audio_builder.reading.vocabulary import vocabulary
from audio_builder.settings import MIN_TEXT_REST

if TYPE_CHECKING:
    from audio_builder.reading.document import Exercise

_NUMBER = (
    r"((?<![\d.])\d{1,3}(?!\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|forty-five|sixty|ninety|a couple of|couple of)"
)
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_TEENS = ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
_WORDS = dict(
    zip([*_ONES, *_TEENS, "eighteen", "nineteen"], range(1, 20), strict=True),
    twenty=20,
    thirty=30,
    forty=40,
    sixty=60,
    ninety=90,
    once=1,
    twice=2,
    **{"a couple of": 2, "couple of": 2},
    a=1,
    **{"forty-five": 45},
)
_EFFORTS = r"sets|rounds|each|efforts|carries|holds|hangs|sides|attempts"
_OF_A_TIME = (  # "of 30 to 60 s": a hold's time, not a pause in a rep ("reps of 3 seconds")
    r"\s+of\s+(?:about\s+)?(?:\d+\s+(?:to|or)\s+)?"
    r"(?:[1-9]\d+\s+(?:seconds?|secs?|s)|\d+\s+(?:minutes?|mins?))\b"
)
_RESIDUE = re.compile(  # "with [60 s of rest] between efforts [, twice a week]": nothing to say
    r"^(?:[^:.]{1,60}:\s*)?(?:(?:and|with|then|start|begin)\W+)*(?:rest\s+|recovery\s+)?"
    r"between\s+(?:the\s+)?\w+(?:\W+(?:once|twice|\w+ times)\s+(?:a|per)\s+(?:day|week))?\W*$",
    re.I,
)
_DOSE_TALK = re.compile(  # "A typical dose for untrained adults is ...": about the dose
    r"\b(?:dose|dosage|prescription|recommended|typical(?:ly)?)\b", re.IGNORECASE
)
_RANGE = rf"{_NUMBER}(?:\s+(?:to|or|until)\s+{_NUMBER})?(?!\s+(?:to|or)\s+\d)"
_UNIT = r"(seconds?|secs?|minutes?|mins?)"
_ABOUT = r"(?:about\s+|around\s+|roughly\s+|approx(?:\.|imately)?\s+)?"
_MANNER = r"(?:(?:slow|controlled|gentle|hard|full|strict|steady)\s+)"  # "10 slow reps"
SETS = re.compile(
    rf"\b{_RANGE}\s+(?:sets|rounds|set|round|series|serie|hangs|holds|intervals|times through"
    r"|carries|goes|efforts|attempts|bouts|sprints|walks|runs|trips|laps|pieces|groups|pushes)\b"
    rf"|\b(?:sets|rounds)\s*:\s*{_RANGE}\b"  # a table's row: "Sets: 3, Reps: 10"
    rf"|\b{_RANGE}\s+{_MANNER}sets?\b"  # "3 hard sets" (a round may be a rep: "8 slow rounds")
    rf"|\b{_RANGE}(?=\s+by\s+\d+\s*(?:m|km|meters?|metres?|yards?|yd|miles?)\b)"  # 4 by 40m
    # "5 bananas, 10 seconds each": so many efforts of a time each
    rf"|\b{_RANGE}(?=\s+(?!times|reps|repetitions)[^\W\d_]+s\s*,\s*(?:[5-9]|\d\d+)\s+"
    r"(?:second|minute)s?\s+each\b)"
    rf"|\b{_RANGE}(?=\s+\d+\s+(?:second|minute)s?\s+"
    r"(?:holds|hangs|efforts|sprints|carries|walks|rounds|bouts|intervals|pieces|pushes)\b)"
    rf"|\b{_RANGE}(?=\s+(?:repetitions|reps){_OF_A_TIME})",  # "3 to 5 repetitions of 30 s"
    re.IGNORECASE,
)
SETS_SAID = re.compile(
    # "EMOM 12: 6 reps", "E2MOM x 6: 3 thrusters" (said "6 times"): 12 and 6 sets
    rf"\be\d?mom\s*:?\s*{_NUMBER}(?:\s+times(?=\s*:))?\b(?!\s+(?:reps|times|min))"
    r"|\b(?:do|perform|repeat)\s+(?:it|this|that|them|the\s+whole\s+(?:thing|sequence|circuit))"
    r"\s+(twice)\b(?!\s+(?:a|per|each|more|daily|weekly)\b)"
    r"|\b(twice)\s+(?:on\s+)?(?:each|per)\s+(?:side|leg|arm)\b"
    # "Do each side twice", "Hold 30 s each side, twice.": not "Lean to each side twice, then"
    r"|\b(?:do|repeat|perform)\s+(?:it\s+|this\s+|them\s+)?(?:on\s+)?(?:each|per)\s+(?:side|leg|arm)"
    r"\s+(twice)\b(?!\s+(?:a|per|each|more|daily|weekly)\b)"
    r"|\b(?:each|per)\s+(?:side|leg|arm)\s*,\s+(twice)\s*[.!]?\s*$"
    r"|\b(twice)\s+through\b"
    r"|\b(?:do|perform|repeat)\s+(?:it|this|that)\s+(once)\s+(?:on\s+)?(?:each|per)\s+(?:side|leg|arm)"
    r"\s*[.!]?\s*$"  # all it says: not "once on each side, then ... for 3 rounds"
    r"|\b(?:and|then)\s+(?:all\s+)?that\s+(twice)\b(?!\s+(?:a|per|each|more|as|daily|weekly)\b)",
    re.IGNORECASE,
)
SET_ROW = re.compile(
    r"\b(?:set|round)\s*[#:]?\s*(\d{1,2})\b(?!\s*(?:of|x|×|/)\s*\d)", re.IGNORECASE
)
MORE_SETS = re.compile(  # "then do that twice more", "2 more rounds": the first set and these
    r"\b(?:do|perform|repeat)\s+(?:it|this|that|them|the\s+whole\s+thing|the\s+lot)\s+(twice)\s+more\b"
    rf"|\b{_NUMBER}\s+more\s+(?:sets|rounds)\b"
    # "Rest, then do 20 more", "then do a second set of 10": one set more
    r"|\bthen\s+(?:do\s+)?(?:it\s+|this\s+|that\s+)?\d+\s+more\b(?!\s+(?:sets|rounds))()"
    r"|\bthen\s+(?:do\s+)?another\s+\d+(?=\s*(?:[.,;!]|$|reps?\b|times\b|if\b))()"
    r"|\b(?:do|then)\s+(?:a|the)\s+second\s+(?:set|round)\b()"
    # "up to 10, then a rest, then the same again", not "the same again on the right"
    r"|\bthen\s+(?:do\s+)?the\s+same\s+again(?=\s*(?:[.,;!]|$))()"
    # "rest briefly, then do it once more": a set more (without a rest, a rep: _set_counts)
    r"|\b(?:do|repeat)\s+(?:it|this|that)\s+(?:once\s+more|one\s+more\s+time)\b()",
    re.IGNORECASE,
)
EVERY_MINUTE = re.compile(  # "EMOM for 10 minutes", "every minute on the minute for 12 min"
    r"\b(?:emom|every minute(?: on the minute)?|on the minute,? every minute)"
    rf"\s*[:,]?\s+(?:for\s+)?{_NUMBER}\s+min(?:ute)?s?\b",
    re.IGNORECASE,
)
_EVERY_MINUTE_COUNT = re.compile(  # "EMOM 10: 12 KB SWINGS": the count a minute is reps
    rf"\be\d?mom\s*:?\s*{_NUMBER}(?:\s+min\w*|\s+times)?\s*:\s*(\d{{1,3}})\s+"
    r"(?!(?:seconds?|minutes?|secs?|mins?|s|m|meters?|metres?|calories|cal|kgs?|kilos?"
    r"|kilograms?|lbs?|pounds?|pood)\b)[^\W\d]",
    re.IGNORECASE,
)
_BEAT = r"(\d|x)\s?[-–]?\s?(\d|x)\s?[-–]?\s?(\d|x)(?:\s?[-–]?\s?(\d|x))?"
TEMPO = re.compile(  # "tempo 3-1-1", "4010 tempo", "@ 31X1 tempo": as lifters write it
    rf"\btempo\s*[:=(]?\s*{_BEAT}\b|\b{_BEAT}\s+tempo\b",
    re.IGNORECASE,
)
TIMES_AS_SETS = re.compile(rf"^\s*{_NUMBER}\s*(?:x|times)\s*\.?\s*$", re.IGNORECASE)
_NOT_A_COUNT = (
    r"(?!\s*(?:seconds?|minutes?|kilograms?|kilos?|kgs?|pounds?|lbs?|meters?|metres?|m|km|feet"
    r"|yards?)\b)"
)
PYRAMID = re.compile(  # "10 reps, then 8, then 6", "3 sets: 12, 10, 8", "Pyramid: 12 10 8 6",
    # "21-15-9" (a count of ten or more among them: "3-1-1" is a tempo; not times or loads:
    # "30-45-60 s"), and as it is said, "21, 15, 9 thrusters" (not "on 5, 12, 19 June")
    r"\b(\d+)\s+reps?\b[^.;\d]{0,20}?((?:,?\s+then\s+\d+\b){2,})"
    r"|\b(?:sets|reps|pyramid)\s*:\s*(\d+)((?:\s*,\s*\d+|\s+\d+){2,})\b"
    r"|(?<![\d.:/–-])\b(?=[\d–-]*\d\d)(\d{1,2})((?:[–-]\d{1,2}){2,})\b"
    r"(?![.:/–-]?\d|\s*(?:s|secs?|seconds?|min\w*|kg|kilo\w*|lbs?|pounds?|%|percent|cm|m|km"
    r"|\w*met(?:er|re)s?|yards?|yd|mi|miles?|feet|ft|cal\w*|degrees)\b)"
    r"|(?<![\d.:/–-])(?<!\d,\s)\b(?=[\d, ]*\d\d)(\d{1,2})((?:,\s\d{1,2}){2,})"
    r"(?=\s+(?:reps?\b|for\s+time\b|(?!(?:days|weeks|months|years|hours|minutes|seconds|times"
    r"|sessions|met(?:er|re)s|yards|feet|inches|miles|pounds|kilos|kilograms|calories|laps|lengths"
    r"|rounds)\b)[a-z-]+s\b))",
    re.IGNORECASE,
)
_SCHEME_SAID = re.compile(rf"(?:{PYRAMID.pattern})(?:\s+reps?\b)?", re.IGNORECASE)  # and its reps
SETS_OF = re.compile(  # "3 sets of 10", "one set of 8 to 10" (not "a set of 2 dumbbells")
    rf"\b(?:sets|rounds)\s+of\s+{_RANGE}\b{_NOT_A_COUNT}"
    rf"|(?:(?<=\bone\s)|(?<=\b1\s))set\s+of\s+{_RANGE}(?=\s*(?:[.,;!)]|$|reps?\b|repetitions?\b|each\b|per\b))",
    re.IGNORECASE,
)
SET_TIME = re.compile(  # "3 x 20 s": each set's time ("rounds of 30 s on" is intervals)
    rf"\b(?:sets|rounds|goes|bouts|efforts|attempts|repetitions|reps)\s+of\s+{_RANGE}\s+{_UNIT}\b"
    r"(?!\s+(?:on|off|of work|hard|easy|holds?|hangs?|holding)\b)"
    # "6 sets · 30 sec", not its rest ("rest between sets 60 seconds")
    rf"|(?<!\bbetween\s)(?<!\bbetween\sthe\s)\b(?:sets|rounds)\s*[·|,]?\s+{_RANGE}\s+{_UNIT}\b"
    r"(?!\s+(?:on|off|easy|holds?|hangs?|holding|rest(?!\s*:)|recovery|between|break)\b)",
    re.IGNORECASE,
)
REPS = re.compile(
    rf"\b(?:do|perform)\s+{_RANGE}(?=\s+(?:on\s+|with\s+)?(?:each|per)\s+(?:side|leg|arm|way)\b)"
    rf"|\b{_RANGE}\s+{_MANNER}?"
    rf"(?:reps(?!\s*:|{_OF_A_TIME})|repetitions?(?!{_OF_A_TIME})|rep|breath(?:ing)?\s+cycles"
    r"|times(?!\s+(?:through|more|daily|weekly|since|today|(?:a|per|each|this|every)\s+(?:week|day)"
    r"|\d|your|body|out\s+of)))\b"  # not "nine times out of ten"
    rf"|\b(?:reps|repetitions)\s*:\s*{_RANGE}\b"
    rf"|(?<!\()\b{_RANGE}\s+(?:on\s+)?(?:per|each|a)\s+(?:side|leg|arm|way)\b"  # "8 on each side"
    rf"|(?:^|\b(?:take|do|perform|make)\s+){_RANGE}\s+of\s+(?:these|them)\b"  # as "times"
    rf"|\b(?:do|perform)\s+{_RANGE}\s+of\s+each(?=\s*(?:[.,;!]|$))(?![^.;!]*\d)"  # each move
    rf"|[—–:]\s*{_RANGE}\s+of\s+(?:these|them)(?=\s*(?:[.;!]|$))",  # "rounds — three of them"
    re.IGNORECASE,
)
REPS_IN_PASSING = re.compile(  # a count the sentence says in its own words, left to be said
    rf"\bdo\s+{_RANGE}\s+(?=(?:slowly|gently|carefully|with\s+control)\b)"  # "Do 5 slowly"
    # "Do 15, then turn over and do the other side"
    rf"|\b(?:do|all)\s+{_RANGE}\s*,?\s+(?:and\s+)?then\s+"
    r"(?=(?:turn\s+over|(?:switch|swap|change)\s+(?:sides?|legs?|arms?|hands?)|do\s+the\s+other)\b)"
    # "as many as she can manage up to 10"
    rf"|\bas\s+many\s+as\s+\w+\s+can(?:\s+(?:manage|do))?,?\s+up\s+to\s+{_RANGE}"
    r"(?=\s*(?:[.,;!)]|$|reps?\b|(?:each|per)\b))"
    # "all 8 on the left leg, then swap", "5 one way, then 5 the other way": a side's count
    rf"|\b{_RANGE}\s+(?=(?:on\s+(?:the\s+|your\s+)?(?:left|right)(?:\s+(?:side|leg|arm|hand|foot))?"
    r"|one\s+way)\s*,?\s+(?:and\s+)?then\b)"
    # "After 10 circles, change direction"
    rf"|\b{_RANGE}\s+{_MANNER}?(?:small\s+|big\s+)?circles\b",
    re.IGNORECASE,
)
SECONDS = re.compile(
    rf"\bfor\s+(?:about\s+)?{_RANGE}(?:\s+or\s+more)?\s+{_UNIT}\b"
    rf"|\bspend\s+(?:a\s+)?(?:(?:solid|good|full)\s+)?{_RANGE}\s+{_UNIT}\b"  # "spend two minutes"
    rf"|\bfor\s+(?:about\s+)?(a|one)\s+(minute)\b"
    rf"|\b(?:do|aim for)\s+(?:about\s+)?{_RANGE}\s+{_UNIT}\b(?!\s+(?:of\s+)?rest)",
    re.IGNORECASE,
)
SECONDS_PER_SIDE = re.compile(  # "30 seconds each side", "Three times, 30 seconds each."
    rf"\b{_RANGE}\s+{_UNIT}\s+(?:on\s+)?(?:each|per|a)\s+(?:side|leg|arm|set|round)\b"
    rf"|(?<!of )\b{_RANGE}\s+{_UNIT}\s+each(?=\s*(?:[.,;:)]|$))",  # not "pushes of 20 s each"
    re.IGNORECASE,
)
HELD = re.compile(  # "20 to 30 seconds hold", "hangs of 30 seconds", "20 seconds holding"
    rf"\b{_RANGE}\s+{_UNIT}\s+(?:holds?|hangs?|holding|hanging)\b"
    rf"|\b(?:holds?|hangs?)(?:\s*:\s*|\s+(?:of\s+)?){_RANGE}\s+{_UNIT}"
    rf"|\b(?:stay|remain|hang)\s+(?:still\s+|there\s+|here\s+)?(?:and\s+breathe\s*)?\W*\s*"
    rf"(?:about\s+)?{_RANGE}\s+{_UNIT}"
    # "Hold it 30 seconds", "hold the position 20 seconds": what is held, then its time
    r"|\bhold\s+(?:it|this|that|there|(?:the|your|this|that)\s+(?:[a-z]+\s+)?"
    rf"(?:position|stretch|pose|plank|shape|posture))\s+{_RANGE}\s+{_UNIT}"
    # "Stay there as long as you can, up to 45 seconds"; "Hold it ... count to 10!"
    rf"|\b(?:stay|remain|hang|hold)\b[^.;]{{0,30}}?\bup\s+to\s+{_RANGE}\s+{_UNIT}"
    # "Hold for a slow count of 5"
    rf"|\b(?:hold|stay|freeze)\b[^.;]{{0,30}}?\bcount(?:ing)?\s+(?:slowly\s+)?(?:(?:up\s+)?to|of)\s+{_RANGE}\b"
    r"(?!\s+(?:breaths?|reps?|times)\b)"
    # "After 10 to 20 seconds, relax": the time a partner stretch is held
    rf"|^after\s+(?:about\s+)?{_RANGE}\s+{_UNIT}\b(?!\s+(?:of\s+)?rest)",
    re.IGNORECASE,
)
HELD_IN_PASSING = re.compile(  # a hold's time beside another measure of it, left to be said
    # "Hold for 4 eight-counts (about 20 seconds)"
    rf"\b(?:hold|stay)\s+(?:for\s+)?(?:\d+|[a-z]+)\s+[\w-]+\s*\(\s*{_ABOUT}{_RANGE}\s+{_UNIT}\s*\)"
    # "8 to 10 slow breaths, or about a minute", "(1 to 2 minutes, roughly 8 to 10 breaths)"
    rf"|\bbreaths\b\W{{1,4}}(?:or\s+)?{_ABOUT}(?:{_RANGE}\s+{_UNIT}|(a|one)\s+(minute))"
    r"(?=\s*(?:[.,;)]|$|if\b))"
    rf"|\b{_RANGE}\s+{_UNIT}(?=\W{{1,4}}(?:or\s+)?{_ABOUT}\d+(?:\s+to\s+\d+)?"
    r"\s+(?:slow\s+|deep\s+)?breaths\b)",
    re.IGNORECASE,
)
WORKED = re.compile(  # "AMRAP 60 seconds", "40 seconds on, 20 seconds off", "carries of 40 s"
    rf"\b(?:amrap|work)\s*:?\s+{_RANGE}\s+{_UNIT}"
    rf"|\bamrap\s+in\s+{_RANGE}\s+{_UNIT}"
    rf"|\b{_RANGE}\s+{_UNIT}\s+amrap\b"  # "10 min AMRAP"
    rf"|\bduration\s*:\s+{_RANGE}\s+(seconds?|secs?)"  # not a lesson's "Duration: 40 minutes"
    rf"|\b{_RANGE}\s+{_UNIT}\s+(?:on|of work|hard|fast|all[- ]out)\b"
    r"(?!\s+(?:each|either|the|both|one|your))"
    rf"|\b(?:carries|sprints|intervals|rounds|walks|runs|trips|laps|pushes)\s+of\s+{_RANGE}\s+{_UNIT}"
    rf"|\b{_RANGE}\s+{_UNIT}\s+(?:rounds|bouts|intervals|pieces|efforts)\b"  # "3 minute rounds"
    # "as many as you can in 30 seconds", "how many star jumps can you do in 30 seconds?"
    rf"|\b(?:as|how)\s+many\b[^.;!?]*?\bin\s+(?:{_RANGE}\s+{_UNIT}|(a)\s+(minute))\b",
    re.IGNORECASE,
)
REST = re.compile(  # "rest 90 s", "2 min rest", "a minute apart", "recover 2 minutes"
    rf"\b(?:rest(?:ing)?|recover(?:y)?)(?:\s+timer?)?(?:\s+between\s+(?:{_EFFORTS}|reps|pieces))?"
    rf"(?:\s+as\s+(?:needed|long\s+as\s+you\s+need)\s*[,(]?\s*|\s*[:=]?\s+)(?:for\s+)?(?:(?:about|around|roughly|like|approximately)\s+)?{_RANGE}\s+{_UNIT}"
    rf"|\b{_RANGE}\s+{_UNIT}(?:'s|')?\s+(?:of\s+)?(?:(?:very|active|seated|standing|walking|full)\s+)?"
    # "work 40 s rest 20 s": the rest's own time follows it
    rf"(?:rest(?!\s*:|\s+{_RANGE}\s+{_UNIT})|off|easy|recovery"
    rf"|apart|between(?:\s+(?:{_EFFORTS})\b|\s*(?=[.,;)]|$)))"
    # "15 sec knees-down rest"
    rf"|\b{_RANGE}\s+{_UNIT}\s+[a-z]+-[a-z]+\s+(?:rest|recovery)\b(?!\s*:)"
    rf"|\b(a|one)\s+(?:full\s+)?(minute|min)(?:'s)?(?:\s+or\s+so)?\s+"
    rf"(?:of\s+rest|rest|breather|off|apart|between\s+(?:{_EFFORTS}))\b"
    # "Rest as needed (about a minute)"
    r"|\brest(?:ing)?(?:\s+as\s+(?:needed|long\s+as\s+you\s+need)\s*[,(]?\s*|\s+)(?:for\s+)?(?:about\s+|around\s+)?"
    r"(a|one)\s+(min|minute)\b"
    # "pause 1 minute and half between the sets": a pause between sets is their rest
    rf"|\bpause\s+(?:for\s+)?{_RANGE}\s+{_UNIT}\s+between\s+(?:the\s+)?(?:{_EFFORTS})\b"
    # "pause between the series 1 minute", "break between sets: 90 s"
    rf"|\b(?:pause|break)\s+between\s+(?:the\s+)?(?:sets|series|rounds)\s*[:=]?\s+{_RANGE}\s+{_UNIT}"
    rf"|\b(?:paddle|spin|pedal|jog|walk|row)\s+easy\s+for\s+{_RANGE}\s+{_UNIT}"  # a recovery
    # "full rest (about 90 seconds)", "rest as needed, usually 2 to 3 minutes", "rest
    # between sets should be long enough that every rep is crisp—ninety seconds"
    rf"|\b(?:(?:with\s+)?(?:full|complete)\s+)?(?:rest|recovery)\b[^.;()]{{0,60}}?"
    rf"(?:\(|\s*[—–]\s*|\b(?:usually|typically|generally)\s+)"
    rf"{_ABOUT}{_RANGE}\s+{_UNIT}\)?(?:\s+between\s+(?:{_EFFORTS})\b)?",
    re.IGNORECASE,
)
_BARE_REST = re.compile(  # "skip 60 seconds, rest 20, 5 rounds": no unit, and too long for minutes
    r"\brest\s*[:=]?\s+(?:[1-9]\d|[12]\d\d)\b(?=\s*(?:[,;)]|\.(?!\d)|$|between\b|after\b))",
    re.IGNORECASE,
)
REST_IN_PASSING = re.compile(  # a recovery told in the step's own words, left to be said
    # "walking back down for recovery, which works out about 90 seconds", "walk back to
    # the start between efforts (approx. 40 to 60 s)"
    r"\b(?:recovery|walk(?:ing)?\s+back)\b[^.;()]{0,60}?(?:\(|,?\s*which\s+(?:works\s+out|comes\s+to)\s+)"
    rf"{_ABOUT}{_RANGE}\s+{_UNIT}",
    re.IGNORECASE,
)
WORK_BEFORE_REST = re.compile(  # "30 seconds of skipping, 30 seconds rest": the work's time
    # "20 seconds of crab walking, then"
    rf"(?<!\bafter\s)\b{_RANGE}\s+{_UNIT}"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?(?!total\b)[\w-]+(?:\s+[\w-]+){0,2})?"
    r"\s*,?\s*(?:followed by|then|and|with)?\s*$",
    re.IGNORECASE,
)
OPENING_TIME = re.compile(  # a list's "- 45 sec farmers carry" beside "- 90 sec rest"
    rf"^\W*(?:[\w' ]{{1,20}}:\s*)?{_RANGE}\s+(seconds?|secs?)\s+"  # "How long: 30 seconds ..."
    r"(?!(?:of\s+)?(?:rest|off|easy|recovery|break|between|each|per"
    r"|a|on|in|to|or|and|is|are|of|warm|cool)\b)[a-z]",
    re.IGNORECASE,
)
PER_SIDE = re.compile(
    r"\b(?:each|per)\s+(?:side|leg|arm|way)\b|\bon each side\b"
    # REPS_IN_PASSING's "8 on the left, then ...", "5 one way, then ..."
    r"|^\S+(?:\s+to\s+\S+)?\s+(?:on\s+(?:the\s+|your\s+)?(?:left|right)\b|one\s+way\b)",
    re.IGNORECASE,
)
_WORK_FOR_TIME = re.compile(
    r"\b(work(?!\s+up\b)|walk|run|jog|sprint|carry|pedal|row|swing|jump|skip|crawl|drag|cycle|march|"
    r"circle|flow|skate|bike|keep moving|keep going|step|bound|hop|shuffle|punch|kick|climb|"
    r"bounce|swim)\w*\b",
    re.IGNORECASE,
)
_HOLDING = re.compile(r"\b(hold|stay|remain|paus|hang|rest|relax|breath)\w*\b", re.IGNORECASE)
_DONE = re.compile(  # "after completing one set", "that's one set", "the last 2 sets"
    r"(?:\b(?:(?:after|once|when)\s+(?:you(?:'ve|\s+have)?\s+)?(?:complet\w*|finish\w*)"
    r"|after|each|every|per|between|that's|that is|makes|last|first|final|remaining)|=)\s+$",
    re.I,
)
_TOTAL = re.compile(rf"\bfor\s+(?:a\s+total\s+of\s+)?{_RANGE}\s+{_UNIT}(?:\s+total)?", re.I)
_IN_PASSING = re.compile(r"\b(?:last|first|final|remaining|extra)\s+$", re.I)  # "the last two reps"
_ONCE_MORE = re.compile(r"(?:do|repeat)\s+\w+\s+(?:once|one)\s+more", re.IGNORECASE)
_RESTED = re.compile(r"\brest\w*\b", re.IGNORECASE)
_ONE_SET = re.compile(
    r"\b(?:do|perform|complete|just)\s+(?:\w+\s+)?(?:one|1)\s+set\b|\bset of\b"
    r"|\b(?:one|1)\s+(?:set|round)\s+(?:per|each|on)\b|\bonce\s+(?:on\s+)?(?:each|per)\b"
    # "begin with 8 repetitions in one set", not "once you manage 12 reps in one set"
    r"|\b(?:with|do|perform)\s+\d+\s+(?:reps|repetitions|times)\s+in\s+(?:one|1|a\s+single)\s+set\b",
    re.I,
)
_MINUTES_AND_SECONDS = re.compile(r"\b(\d+|a|one) minutes? (?:and )?(\d+) seconds?\b", re.I)
_SPOKEN_MINUTES = re.compile(  # "a minute and a half", "a minute or two", "two and a half minutes"
    r"\b(a|one|two|three|\d)\s+(?:(minutes?)\s+)?and\s+(?:a\s+)?half(?:\s+(minutes?))?"
    r"|\b(a|one)\s+minute\s+or\s+(two|so)\b",
    re.IGNORECASE,
)
_DECIMAL_MINUTES = re.compile(  # "2.5 minutes", "1 to 1.5 minutes"
    r"(?<![\d.])(\d+(?:\.\d+)?)(?: to (\d+(?:\.\d+)?))? minutes?\b", re.I
)
_TIME_SPAN = re.compile(  # "90 seconds — 2 minutes": a range whose ends have their own units
    r"\b(\d+) (seconds?|minutes?)\s*(?:—|–|-|to)\s*(\d+) (seconds?|minutes?)\b"
    r"(?!\s+(?:of\s+)?(?:rest|off|on|recovery|easy|break|hard|work))",  # two clauses
    re.I,
)
_INFORMATION = re.compile(  # not this exercise's plan: what it burns, what not to do, the warm-up
    r"\bcalories\b|\bburn(?:s|ed)?\s+(?:about\s+|around\s+|up\s+to\s+)?\d"
    r"|^(?:no|don'?t|do not|never|avoid)\b"
    r"|^(?:[\w ]{1,20}:\s*)?(?:wu|warm[- ]?up|cool[- ]?down|cd)\b"  # a table's warm-up row too
    r"|^progress(?:ion)?\b"  # what to do next, not what to do now
    r"|^(?:scal(?:e|ed|ing)|easier|harder)\b"  # "Scale: lighter bell, or 10 swings"
    r"|\b(?:other|rest|off|non-training)\s+days\b"  # "walk 30 minutes on most other days"
    # "can you do 20 squats ...?", not a challenge's "how many can you do in 30 seconds?"
    rf"|^(?!.*\bhow\s+many\b.*\bin\s+(?:{_NUMBER}|a)\s+(?:seconds?|minutes?)\b)"
    r".*?\b(?:can|could|are|will|would)\s+you\b[^.?]*\?"
    r"|\binstead\W*$"  # another option: "First session? Do 30 second holds instead."
    r"|^\W*next\s+(?:station|up|exercise|move)\b",  # the next exercise's dose
    re.IGNORECASE,
)
_NOT_YET = re.compile(  # "most can't do clean sets of 10 yet": what they cannot, not the dose
    rf"\b(?:can'?t|cannot|can\s+not|unable\s+to)\s+(?:yet\s+)?do\b"
    rf"(?:[^,;:?.\d]*?\b{_NUMBER}(?:\s+[a-z-]+)?(?:\s+yet)?|[^,;:?]*)",
    re.IGNORECASE,
)
_AROUND_THE_WORK = re.compile(  # "then cool down for 5 minutes", "5 min easy warm-up"
    r"(?:(?<=[,;])|\b(?:then|and)\s+)(?:then\s+)?(?:warm|cool)(?:ing)?[- ]?(?:up|down)\b[^,;]*"
    r"|[^,;]*\bto\s+(?:warm|cool)[- ]?(?:up|down)\b[^,;]*"
    rf"|\b{_RANGE}\s+{_UNIT}\s+(?:(?:of\s+)?[a-z]+\s+)?(?:warm|cool)[- ]?(?:up|down)\b"
    # "Warm-up 5 minutes easy"
    rf"|\b(?:warm|cool)(?:ing)?[- ]?(?:up|down)\s*:?\s+{_RANGE}\s+{_UNIT}"
    r"(?:\s+(?:easy|light|gentle))?",
    re.IGNORECASE,
)
_LATER = re.compile(  # "2 x 5, building up to 3 x 8", "when that feels easy, go up to 3 sets"
    r",\s*(?:build(?:ing)?|work(?:ing)?|go(?:ing)?|mov(?:e|ing))\s+up\s+to\b[^.;]*"
    # and the step up it is the condition of: "aim for 3 sets of 10 once it feels easy"
    r"|\b(?:aim\s+for|try|(?:build|go|move|work|step|progress|increase|bump)\w*"
    r"(?:\s+(?:it|up|on))?\s+to(?:wards)?)\b[^.;,]*?\b(?:once|when|as soon as)\s+"
    r"(?:you(?:'re|\s+are|\s+get|\s+feel)?|it|that|this)\b"
    r"[^.;,]*?\b(?:fitter|stronger|easy|easier)\b[^.;]*"
    r"|\b(?:once|when|as soon as)\s+(?:you(?:'re|\s+are|\s+get|\s+feel)?|it|that|this)\b"
    r"[^.;]*?\b(?:fitter|stronger|easy|easier|comfortable)\b[^.;]*"
    r"|\bby next (?:week|month)\b[^.;]*"
    # "In a fortnight we can look at going up to 3 sets of a minute"
    r"|\b(?:in|after)\s+(?:a\s+fortnight|(?:a|one|two|three|four|six|\d+)\s+(?:weeks?|months?))"
    r"(?!\s+(?:time|of\b))[^.;]*"
    # "When you can do 3 x 20, move on", "the aim is to get up to 25"
    r"|\b(?:once|when|as soon as)\s+you\s+can\s+(?:do\s+|manage\s+)?[^,.;]*"
    r"|\b(?:the\s+)?(?:aim|goal)\b[^.;]*?\bis\s+to\s+(?:get|build|work)\s+up\s+to\b[^.;]*"
    r"|\b(?:long[- ]term|eventual|ultimate|end)\s+(?:goal|target|aim)\b[^.;]*",
    re.IGNORECASE,
)
_HISTORY = re.compile(  # a log's column of what was done before: "PREVIOUS: 10 kg × 9"
    r"\b(?:previous|last\s+time)\s*:\s*[^,;]*[,;]?\s*", re.IGNORECASE
)
_SESSIONS_A_DAY = re.compile(  # "Repeat 10 times, 2-3 times a day": a session, not a set
    r"\b(?:once|twice|(?:\d+|two|three|four)(?:\s*(?:[-–]|to|or)\s*(?:\d+|three|four))?\s+times)"
    r"\s+(?:a|per|each)\s+day\b",
    re.IGNORECASE,
)
_OTHER_CARE = re.compile(  # "Ice the ankle 3 times a day": not the exercise's sessions
    r"^\W*(?:ice|icing|apply|applying|drink|drinking)\b"
    r"|\b(?:painkillers?|medications?|medicines?|tablets?|pills?)\b[^.]*\btimes?\s+(?:a|per)\s+day",
    re.IGNORECASE,
)
_MAIN_SET = re.compile(r"^\W*main(?:\s+set|\s+work)?\s*:", re.IGNORECASE)
_ASKED = re.compile(  # "Do 3 rounds", not "Complete 1 set only if you are new"
    rf"^\W*(?:do|perform|complete)\s+{_RANGE}\s+(?:sets|rounds|reps)\b(?!.*\b(?:if|only|first|instead)\b)",
    re.IGNORECASE,
)
_DONE_BEFORE = re.compile(  # "Last week we did step-ups (3x15)": a dose done, not asked
    r"\b(?:last|previous)\s+(?:week|time|session|month|block)\b"
    r"(?!\s+of\s+(?:the|this|my|your)\s+(?:block|cycle|phase|program|programme|plan)\b)"
    r"|\byesterday\b"
    r"|\b(?:we|i|you)\s+(?:did|used\s+to\s+do)\b",
    re.IGNORECASE,
)
# a line of labels, read label by label: "WU: ... MAIN: 4 x 6 CD: ..."
_LABELED = re.compile(
    r"(?<=[^\s,])(?<!\bCOOL)(?<!\bWARM)(?<!\bas\sa)"  # not "as a warm-up: 2 sets of 8"
    r"\s+(?=[A-Z][A-Z-]+(?: [A-Z][A-Z-]+)?:\s"  # not "COOL DOWN:"
    r"|(?i:warm[- ]?up|main(?: set)?|cool[- ]?down|finisher)(?: \w+)?\s*:"  # "Main set: 8 rounds"
    r"|(?:WARM[- ]?UP|MAIN|COOL(?:[- ]?DOWN)?|FINISHER)\b)"  # "MAIN 6 x 1:00 hard"
)
_FIELD = re.compile(  # a table row's "Sets: 3", "Rest between sets: 90 seconds"
    r"(?:^|(?<=,\s))([^\W\d_][\w'×/-]*(?: [\w'×/-]+){0,3}):\s"
)
_SPLIT_COUNT = re.compile(  # "10 reps (5 each arm)", not "40 kg (20 each side)"
    rf"\b(\d+){_NOT_A_COUNT}\s+(?:[^\W\d][\w-]*\s+){{0,5}}?\((\d+)\s+(?:each|per)"
    r"(?:\s+(?:side|leg|arm|way))?\)"
    # "three rounds of twenty steps, so that's ten a leg"
    rf"|\b{_NUMBER}\s+(?:[^\W\d][\w-]*\s+){{0,2}}?[^\W\d][\w-]*,?\s+(?:so\s+)?"
    rf"(?:that's|that\s+is)\s+{_NUMBER}\s+(?:a|each|per)\s+(?:side|leg|arm)\b",
    re.IGNORECASE,
)
_BREATH_PACED = re.compile(
    rf"\bwith\s+(?:your|the)\s+breath\s+for\s+{_RANGE}\s+(?:slow\s+)?rounds\b", re.IGNORECASE
)
MIN_HOLD = 5.0  # seconds: anything shorter is a pause inside a rep


def _add_rest(found: dict, rest: int | tuple[int, ...]) -> None:
    """The first rest read, unless a rest between reps comes first: "Rest 5 s between
    reps. Rest 60 s between sets." rests 60 s between sets."""
    if _longest(found.get("rest", rest)) < MIN_TEXT_REST <= _longest(rest):
        del found["rest"]
    found.setdefault("rest", rest)


def _longest(seconds: int | tuple[int, ...]) -> int:
    return max(seconds) if isinstance(seconds, tuple) else seconds


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def _span(low: str, high: str | None) -> int | tuple[int, int]:
    """A count or a range of them; from none it is the top ("Logged: 0/4 sets": 4 to do)."""
    first = _number(low)
    if first == 0 and high:
        return _number(high)
    return (first, _number(high)) if high and _number(high) > first else first


def prescribed(exercise: Exercise, lang: str | None = None) -> dict:
    """The prescription found in the description, steps, Execution and Programming,
    in the labels' terms: sets, reps, hold, duration, rest (a range as a (low, high)
    pair) and per_side; a pyramid's or a log's reps of each set as "reps_per_set"
    (beside their range); a tempo as its beats ("4010": ("4", "0", "1", "0")); a time
    no verb claims as "time" and a count that may be reps
    or sets as "times", for the reading of how the exercise is worked to settle.
    ``lang``: the language the document is read in (by default its own)."""
    lang = lang or exercise.lang or DEFAULT_LANGUAGE
    found: dict = {}
    named = _named_count(exercise.title, lang)
    sentences = _without_other_exercises(
        prescription_sentences(exercise, lang), exercise.title, lang
    )
    sentences = sorted(sentences, key=_read_first)
    for rows in _rows_together(sentences):
        if named:
            rows = [named.sub(r"\1 reps", row) for row in rows]
        for name, value in _read_rows(_this_exercise(rows, exercise.title)).items():
            if name == "rest":
                _add_rest(found, value)
            else:
                found.setdefault(name, value)
    if "sets" not in found and (rows := _set_rows(sentences)):
        found["sets"] = rows
    if any(_SESSIONS_A_DAY.search(s) and not _OTHER_CARE.search(s) for s in sentences):
        found["daily"] = True
    return found


def _without_other_exercises(sentences: list[str], title: str, lang: str) -> list[str]:
    """The sentences, without a routine's lines for other exercises ("Band pull-aparts x
    15", "squat 5x3 @ 140" beside the sled pull, a whiteboard's "METCON — 12 min AMRAP"):
    two or more lines that open on another exercise's name or another part of the
    session, then their numbers, and share no word with the title."""
    titled = _prefixes(title)  # the title's words, by their first four letters
    named = {sentence: _another_exercise(sentence, titled, lang) for sentence in sentences}
    others = {name for name in named.values() if name}  # two exercises at least
    return [s for s in sentences if not named[s]] if len(others) > 1 else sentences


def _prefixes(text: str) -> set[str]:
    return {word[:4] for word in re.findall(r"[^\W\d_]{3,}", text.lower())}


def _another_exercise(sentence: str, titled: set[str], lang: str) -> str:
    """The other exercise (or part of the session) a line opens on, if any."""
    head = re.split(r"\d", sentence, maxsplit=1)[0]
    if head == sentence or len(head.split()) > 6 or _columns(sentence):
        return ""
    words = vocabulary(lang)
    found = words["exercise_name"].search(head) or words["session_part"].match(head)
    if not found or titled & _prefixes(sentence):
        return ""
    return found[0].strip(" -—:").lower()


def _read_first(sentence: str) -> tuple[bool, bool, bool]:
    """Sentences read first: a main set's ("Main set: 8 rounds"), then the ones that ask
    for a dose ("Do 3 rounds") before a dose told in passing ("for twelve rounds"); one
    done before ("Last week we did 3x15", told before its numbers) last."""
    return (
        not _MAIN_SET.match(sentence),
        not _ASKED.match(sentence),
        bool(_DONE_BEFORE.search(re.match(r"\D*", sentence)[0])),
    )


def _rows_together(sentences: list[str]) -> list[list[str]]:
    """The sentences, a table's rows (the same columns, one after the other) together:
    "Week: 1, Sets: 3, Reps: 8." over "Week: 2, Sets: 4, Reps: 6."; a log's sets run
    into one sentence ("Set 1: 12 kg x 10 Set 2: 14 kg x 8") are its rows."""
    groups: list[list[str]] = []
    for sentence in sentences:
        if len(logged := _logged_sets(sentence)) > 1:
            groups.append(logged)
            continue
        columns = _columns(sentence)
        if groups and columns and _columns(groups[-1][0]) == columns:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _logged_sets(sentence: str) -> list[str]:
    """A log's sets, each up to the next "Set N", when the sentence numbers them from 1;
    a set's "x 10" (said "10 times") is its reps."""
    if not _set_rows([sentence]):
        return [sentence]
    starts = [match.start() for match in SET_ROW.finditer(sentence)]
    rows = (sentence[a:b] for a, b in pairwise([0, *starts[1:], len(sentence)]))
    return [re.sub(r"\b(\d+) times\b", r"\1 reps", row) for row in rows]


def _columns(sentence: str) -> tuple[str, ...]:
    names = tuple(match[1].lower() for match in _FIELD.finditer(sentence))
    return names if len(names) > 1 else ()


def _this_exercise(rows: list[str], title: str) -> list[str]:
    """The rows of a table that prescribe today's work: a program sheet's row that most
    names this exercise (two of the title's words at least, by their first four letters:
    "SCAP PUSH-UPS" names "Scapular push-up"); a log's rows, one a set, all together;
    else the first that prescribes anything (week 1, the first level, the main set after
    a warm-up row)."""
    if len(rows) == 1:
        return rows
    names = _prefixes(title)
    shared = [len(names & _prefixes(row)) for row in rows]
    if names and max(shared) >= min(2, len(names)) and shared.count(max(shared)) == 1:
        return [rows[shared.index(max(shared))]]  # the row that most names the exercise
    if _set_rows(rows):
        return rows
    return [next((row for row in rows if _read_rows([row])), rows[0])]


def _read_rows(rows: list[str]) -> dict:
    """What the rows prescribe: each count or time the span of the rows' ("12, 12, 10
    reps" of three sets' rows is 10 to 12 reps), and the reps of each row when they
    differ (a log's sets: 12, 12, then 10)."""
    found: dict = {}
    each: list = []
    for row in rows:
        read: dict = {}
        read_sentence(row, read)
        each.append(read.get("reps"))
        for name, value in read.items():
            found[name] = _spanning(found[name], value) if name in found else value
    if len(set(each)) > 1 and all(isinstance(reps, int) for reps in each):
        found["reps_per_set"] = tuple(each)
    return found


def _spanning(one, other):
    """The span of two counts or times (ranges too); anything else as first read."""
    if isinstance(one, bool) or not isinstance(one, int | tuple):
        return one
    ends = [
        *(one if isinstance(one, tuple) else (one,)),
        *(other if isinstance(other, tuple) else (other,)),
    ]
    return (min(ends), max(ends)) if min(ends) < max(ends) else ends[0]


def _set_rows(sentences: list[str]) -> int:
    """How many sets a log's rows number ("Set 1 10 reps ... Set 3 10 reps", "Round 1 |
    Round 2"): the last, when they run from 1 without a gap; 0 when there are none."""
    numbers = {int(n) for text in sentences for n in SET_ROW.findall(text)}
    return max(numbers) if len(numbers) > 1 and numbers == set(range(1, max(numbers) + 1)) else 0


def _named_count(title: str, lang: str) -> re.Pattern[str] | None:
    """ "20 wall balls", "6 dead bugs", "15 KB swings" under "Swing City": a count of the
    exercise by its name is reps. The name is the title's last word before its first
    preposition ("Return Push from Stance"), or any of its words that names a movement."""
    if re.search(r"\d", title):
        return None  # "90/90 Hamstring": the title's own number is not a count
    prepositions = r"\s+(?:from|with|on|to|in|at|of|using|behind|over|under|and)\s+|\("
    named = re.split(prepositions, title, flags=re.IGNORECASE)[0]
    words = [word.lower() for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", named)]
    movements = vocabulary(lang)["exercise_name"]
    heads = {word for word in words[-1:] + [w for w in words if movements.fullmatch(w)]}
    plurals = [_plural(head) for head in sorted(heads) if _counts_reps(head)]
    if not plurals:
        return None
    plural = "(?:" + "|".join(plurals) + ")"
    # "12 kettlebell swings", not "3 to 5" or a page's "142 The ab wheel"
    # nor a time's "30 seconds of waves", "60 second burpee challenge", a "45 degrees leg press"
    units = r"sec\w*|min\w*|degrees?|kilo\w*|kgs?|pounds?|lbs?|percent|cm|meters?|metres?"
    between = rf"(?:(?!(?:to|or|the|a|an|this|that|your|my|of|{units})\b)[^\W\d][\w-]*\s+){{0,2}}?"
    count = r"(\d{1,3}(?:\s+(?:to|or)\s+\d{1,3})?)"  # "3 to 5 jumps" too
    # not an index: "Exercise 3 of 5 Clamshell", "STATION 4 MOUNTAIN CLIMBERS"; nor a
    # name: "figure-4 stretch"
    index = "".join(rf"(?<!\b{word} )" for word in ("of", "station", "exercise", "card", "no."))
    return re.compile(rf"(?<![\d.-])(?<!\d ){index}\b{count}\s+{between}{plural}\b", re.I)


def _counts_reps(head: str) -> bool:
    """Whether a count of this word counts reps ("4 carries" counts sets)."""
    many = f"{head[:-1]}ies" if head.endswith("y") else f"{head}s"
    return len(head) > 2 and not (SETS.search(f"2 {many}") or SETS.search(f"2 {head}"))


def _plural(head: str) -> str:
    return rf"{head[:-1]}(?:y|ies)" if head.endswith("y") else rf"{head}(?:s|es)?"


def prescription_sentences(exercise: Exercise, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The sentences a dose is read from: the programming (not the steps filed there
    too), the description, the steps, the rest, and a line of only a dose that follows
    the mistakes ("Repeat 10 times, 2 sets.")."""
    steps = {step.text for step in exercise.steps}
    texts = [item.whole for item in exercise.programming if item.whole not in steps]
    texts += [speakable(exercise.description, lang), *(step.text for step in exercise.steps)]
    texts += [item.whole for item in (*exercise.execution, *exercise.notes)]
    texts += exercise.tips  # a "Target: 3 x 10" line left under the tips
    mistakes = (s for item in exercise.mistakes for s in _sentences(item.whole))
    texts += [sentence for sentence in mistakes if not unspoken(sentence, lang)]
    if dose := TITLE_DOSE.search(exercise.title):  # last: "Wall Sit 3x45s"
        texts.append(speakable(dose[0].strip(" ([)]—–:-"), lang))
    parts = (part for text in texts for s in _sentences(text) for part in _LABELED.split(s))
    # said twice ("Repeat 8 times" in a plan and a step): once
    return list(dict.fromkeys(in_reading_terms(part, lang) for part in parts))


def in_reading_terms(sentence: str, lang: str) -> str:
    """The sentence in the words the prescription is read by: its language's dose words
    in English ("3 séries de 10 répétitions" -> "3 sets of 10 reps") and its numbers
    from two up in digits ("trois" -> "3"). English is read as it is."""
    if lang == DEFAULT_LANGUAGE:
        return sentence
    sentence = re.sub(r"(?<=\d),(?=\d)", ".", sentence)  # a decimal comma: "1,5 Minuten"
    numbers, said = _numbers_in_words(lang)
    sentence = numbers.sub(lambda match: str(said[match[0].lower()]), sentence)
    for pattern, term in catalog(lang).text("reading.dose_terms"):
        sentence = re.sub(pattern, term, sentence, flags=re.IGNORECASE)
    return sentence


@cache
def _numbers_in_words(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """A pattern for the language's numbers in words from two up, and their values ("one"
    and "a" may be no count at all)."""
    said = {word.lower(): n for n, word in enumerate(catalog(lang).text("words.numbers")) if n > 1}
    alternatives = "|".join(map(re.escape, sorted(said, key=len, reverse=True)))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), said


def _sentences(text: str) -> list[str]:
    """A text's sentences; a table's row whole ("Exercise: A. Trap bar deadlift, Sets:
    4, Rest: 2 minutes.")."""
    return [text] if _columns(text) and _FIELD.match(text) else whole_sentences(text)


def read_sentence(sentence: str, found: dict) -> None:
    """Add what one sentence prescribes to ``found`` (the first mention of each wins)."""
    if match := TEMPO.search(sentence):  # "4010 tempo": lowering, pause, lift, pause
        found.setdefault("tempo", tuple(d.upper() for d in match.groups() if d))
    if match := TIMES_AS_SETS.match(sentence):
        found.setdefault("sets", _number(match.group(1)))
        return
    if _INFORMATION.search(sentence):
        return
    sentence = _LATER.sub("", _AROUND_THE_WORK.sub("", _HISTORY.sub("", sentence)))
    sentence = _NOT_YET.sub("", sentence)
    sentence = _in_seconds(sentence)
    if split := _SPLIT_COUNT.search(sentence):
        whole, each = (_number(count) for count in split.groups() if count)
        if each > 1 and whole == 2 * each:
            found.setdefault("reps", each)  # "10 reps (5 each arm)": 5 a side
            found.setdefault("per_side", True)
    if match := _EVERY_MINUTE_COUNT.search(sentence):  # "EMOM 10: 12 KB SWINGS"
        found.setdefault("reps", int(match.groups()[-1]))
    if match := EVERY_MINUTE.search(sentence):  # a set a minute, not a time of work
        found.setdefault("sets", _number(match[1]))
        sentence = sentence[: match.start()] + sentence[match.end() :]
    # "flow with your breath for 5 rounds": a round a rep
    sentence = _BREATH_PACED.sub(lambda match: match[0][: -len("rounds")] + "reps", sentence)
    if counts := _set_counts(sentence):  # "That's one round: do 3 rounds"
        found.setdefault("sets", counts[0])
    if steps := _pyramid(sentence):  # each set's count: the reps span them
        found.setdefault("sets", len(steps))
        found.setdefault("reps", (min(steps), max(steps)))
        found.setdefault("reps_per_set", tuple(steps))
    for pattern in (SETS_OF, REPS, REPS_IN_PASSING):
        counts = (m for m in pattern.finditer(sentence) if _span(*_pair(m)) != 1)
        match = next((m for m in counts if not _IN_PASSING.search(sentence[: m.start()])), None)
        if match:  # one rep is a definition ("R + L = 1 rep"), not a set's count
            # "3 rounds, 12 times" counts reps; "hold 45 seconds, 3 times" may be sets
            times = match.group(0).lower().endswith(("times", "these", "them"))
            times = times and "sets" not in found
            found.setdefault("times" if times else "reps", _span(*_pair(match)))
            if PER_SIDE.search(sentence[match.start() :]):
                found.setdefault("per_side", True)
            break
    if match := SET_TIME.search(sentence):  # "3 sets of 20 to 30 seconds": each set's time
        if _long_enough(seconds := _seconds(match)):
            found.setdefault(_held_or_worked(sentence[: match.start()]), seconds)
        sentence = sentence[: match.start()] + "sets" + sentence[match.end() :]
    worked_before_rest = rest = None
    rests = list(REST.finditer(sentence))  # "rest 5 s between reps, 2 min between sets"
    between_sets = (m for m in rests if _longest(_seconds(m)) >= MIN_TEXT_REST)
    if match := next(between_sets, rests[0] if rests else REST_IN_PASSING.search(sentence)):
        _add_rest(found, rest := _seconds(match))
        worked_before_rest = WORK_BEFORE_REST.search(sentence[: match.start()])
        sentence = sentence[: match.start()] + sentence[match.end() :]
    held = HELD.search(sentence)  # "Sets: 2  Reps: 10  Hold: 3 sec": each rep's hold
    if held and REPS.search(sentence) and not _long_enough(seconds := _seconds(held)):
        found.setdefault("rep_hold", seconds)
    for pattern, name in ((HELD, "hold"), (HELD_IN_PASSING, "hold"), (WORKED, "duration")):
        if (match := pattern.search(sentence)) and _long_enough(seconds := _seconds(match)):
            found.setdefault(name, seconds)
            total = _TOTAL.search(sentence, match.end())  # "30 s on, 30 s off for 10 minutes"
            if total and isinstance(rest, int) and isinstance(seconds, int):
                found.setdefault("sets", _seconds(total) // (seconds + rest))
                sentence = sentence[: total.start()] + sentence[total.end() :]
    for match in [*SECONDS.finditer(sentence), *SECONDS_PER_SIDE.finditer(sentence)]:
        if _long_enough(seconds := _seconds(match)):
            found.setdefault(_held_or_worked(sentence[: match.start()]), seconds)
            break
    # a time found, or reps as the work ("Do 10 reps in 30 seconds, then rest"); else
    # "30 seconds of skipping, 30 seconds rest", a list's "45 sec farmers carry"
    if any(name in found for name in ("hold", "duration", "time", "reps")):
        return
    for match in (worked_before_rest, OPENING_TIME.search(sentence)):
        if match and _long_enough(seconds := _seconds(match)):
            found["time"] = seconds
            return


def _in_seconds(sentence: str) -> str:
    """Times that mix units, in seconds: "1 minute 30 seconds" and "1.5 minutes" are "90
    seconds", "90 seconds — 2 minutes" is "90 to 120 seconds", a bare "rest 20" is 20 seconds."""
    sentence = re.sub(r"\b(\d+)-(seconds?|minutes?)\b", r"\1 \2", sentence)  # "45-second holds"
    sentence = _BARE_REST.sub(r"\g<0> seconds", sentence)
    sentence = _SPOKEN_MINUTES.sub(_spoken_minutes, sentence)
    sentence = _MINUTES_AND_SECONDS.sub(
        lambda m: f"{_number(m[1]) * 60 + int(m[2])} seconds", sentence
    )
    sentence = _DECIMAL_MINUTES.sub(_decimal_minutes, sentence)

    def seconds(number: str, unit: str) -> int:
        return int(number) * (60 if unit.lower().startswith("m") else 1)

    def span(m: re.Match) -> str:
        low, high = seconds(m[1], m[2]), seconds(m[3], m[4])
        return f"{low} to {high} seconds" if low < high else m[0]

    return _TIME_SPAN.sub(span, sentence)


def _spoken_minutes(match: re.Match) -> str:
    """Minutes as said, in seconds: "a minute and a half" -> "90 seconds", "a minute or
    two" -> "60 to 120 seconds"; "a minute or so" stays (it is about a minute)."""
    whole, unit, after, first, second = match.groups()
    if first:
        return match[0] if second.lower() == "so" else "60 to 120 seconds"
    if not (unit or after):
        return match[0]  # "one and a half": no unit, no time
    return f"{_number(whole) * 60 + 30} seconds"


def _decimal_minutes(match: re.Match) -> str:
    """Minutes with a decimal point in seconds, both ends of a range ("1 to 1.5 minutes"
    -> "60 to 90 seconds"); whole minutes are left as written."""
    if "." not in match[0]:
        return match[0]
    ends = [str(round(float(end) * 60)) for end in match.groups() if end]
    return " to ".join(ends) + " seconds"


def _pyramid(sentence: str) -> list[int]:
    """The counts of a pyramid's sets, each smaller (or larger) than the last; none
    when the sentence has no pyramid."""
    match = PYRAMID.search(sentence)
    if not match:
        return []
    index = next(i for i in (1, 3, 5, 7) if match[i])
    steps = [int(match[index]), *map(int, re.findall(r"\d+", match[index + 1]))]
    falling = sorted(steps, reverse=True)  # said as a list, only a count that falls
    ordered = steps in ([falling] if index == 7 else (sorted(steps), falling))
    ordered = ordered and len(set(steps)) > 1
    return steps if ordered else []


def _set_counts(sentence: str) -> list[int | tuple[int, int]]:
    """The counts of sets a sentence gives, in the order it gives them (a log's "set 1
    8 8" after its "3 sets of 8" is not 8 sets); "one set" only where it is asked for
    ("do one set"), never in passing ("that's one set", "after completing one set")."""
    counts = []
    matches = [*SETS.finditer(sentence), *SETS_SAID.finditer(sentence)]
    for match in sorted([*matches, *MORE_SETS.finditer(sentence)], key=lambda m: m.start()):
        said = [group for group in match.groups() if group]
        if match.re is SETS:
            count = _span(*_pair(match))
        elif match.re is MORE_SETS:  # "twice more": the set just done and two more
            count = _number(said[0]) + 1 if said else 2
            if _ONCE_MORE.match(match[0]) and not _RESTED.search(sentence[: match.start()]):
                continue  # "Squat back down and do it once more": a rep more
        else:
            count = _number(said[0])
        if _DONE.search(sentence[: match.start()]):
            continue
        if count == 1 and not _ONE_SET.search(sentence[: match.end() + 4]):
            continue
        counts.append(count)
    return counts


def top(value: int | tuple[int, ...]) -> int:
    """The larger end of a range; a single number itself."""
    return max(value) if isinstance(value, tuple) else value


def _long_enough(seconds: int | tuple[int, ...]) -> bool:
    """Whether a time is a set's length, not a pause inside a rep."""
    return top(seconds) >= MIN_HOLD


def _pair(match: re.Match) -> tuple[str, str | None]:
    """The low and high numbers of a pattern's one matching alternative."""
    groups = match.groups()
    for index in range(0, len(groups), 2):
        if groups[index]:
            return groups[index], groups[index + 1]
    raise ValueError(match)


def _seconds(match: re.Match) -> int | tuple[int, ...]:
    """A matched time in seconds: "20 to 30 seconds", "2 minutes", "a minute"."""
    words = [g for g in match.groups() if g]
    if words[0].lower() in ("a", "one") and words[-1].lower().startswith("min"):
        return 60
    unit = 60 if words[-1].lower().startswith("m") else 1
    span = _span(words[0], words[1] if len(words) > 2 else None)
    return tuple(n * unit for n in span) if isinstance(span, tuple) else span * unit


def _held_or_worked(before: str) -> str:
    """A time is a hold or work for time by the verb nearest before it: "lift your hips
    and hold for 20 seconds" holds; "we push for 15 seconds" works; with no such verb
    ("8 rounds of 30 seconds") it is a "time" the exercise's steps decide."""
    verbs = [*_HOLDING.finditer(before), *_WORK_FOR_TIME.finditer(before)]
    nearest = max(verbs, key=lambda m: m.start(), default=None)
    if nearest is None:
        return "time"
    return "duration" if nearest.re is _WORK_FOR_TIME else "hold"


def counts(sentence: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether the sentence counts sets or reps ("Build up to 3 sets of 30")."""
    found: dict = {}
    read_sentence(in_reading_terms(sentence, lang), found)
    return any(name in found for name in ("sets", "reps", "times"))


def unspoken(sentence: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The sentence without its prescription (the coach says that once, from the
    settings); empty when nothing worth saying is left. In another language than the
    reading's, without its clauses that only prescribe."""
    if lang == DEFAULT_LANGUAGE:
        return _without_dose(sentence)
    clauses = re.split(r"(?<=[,;])\s+", sentence)
    kept = [clause for clause in clauses if _without_dose(in_reading_terms(clause, lang))]
    if len(kept) == len(clauses):
        return sentence
    text = " ".join(kept).rstrip(",; ")
    return text if not text or text.endswith((".", "!", "?")) else text + "."


_HOLE_LEFT = re.compile(  # the dose was a word's object ("... for.", "to of 40 s", "perform
    # on each leg") or a verb's subject ("For novices, are generally ...")
    r"\b(?:to|at|for|of|into|onto|until|by|from|with|all|the|your|about|around|approximately"
    r"|roughly|after|before|do|perform|complete|good|full|solid|another)"
    r"(?:[.!?]?$|\s*[,;:]|\s+(?:to|at|for|of|over|into|onto|by|with|between|and|or|per|then)\b)"
    r"|\b(?:perform|do|complete)\s+(?:on|in)\s+(?:each|per|both|either)\b|\b(?:each|every)[.!?]?$"
    r"|(?:^|[,;:?!])\s*(?:is|are|was|were)\b",
    re.IGNORECASE,
)
_SETS_OF_REPS = re.compile(  # "3 sets of 15", "3 sets of 4 to 6 reps"
    rf"\b{_RANGE}\s+(?:{SETS_OF.pattern})(?:\s+(?:reps?|repetitions?)\b)?", re.IGNORECASE
)


def _without_dose(sentence: str) -> str:
    found: dict = {}
    read_sentence(sentence, found)
    if not found:
        return sentence
    sentence = _in_seconds(sentence)  # as read: "2.5 minutes" is "150 seconds"
    if TIMES_AS_SETS.match(sentence) or _DOSE_TALK.search(sentence) or _set_rows([sentence]):
        return ""  # a log of the sets ("Set 1: 12 kg x 10 Set 2: ...") is the dose
    text = _SCHEME_SAID.sub("", sentence)
    patterns = (
        _SETS_OF_REPS,
        REST,
        HELD,
        WORKED,
        SECONDS,
        SECONDS_PER_SIDE,
        SETS_OF,
        REPS,
        SETS,
        SETS_SAID,
        MORE_SETS,
    )
    for pattern in patterns:
        text = pattern.sub("", text)
    text = re.sub(r"\b(on each side|each side|per side)\b", "", text)
    # a count's limb ("10 per leg"), not a place ("a dumbbell in each arm")
    text = re.sub(
        r"(?:(?<=\d)|(?<=[:,(])|^)\s*(?:on\s+|with\s+)?(?:each|per)\s+(?:leg|arm|foot|way)\b",
        "",
        text,
    )
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r",(?:\s*,)+", ",", text)  # the dose between two commas is gone
    text = re.sub(r"^(?:[,;\s]|and\b)+|(?:[,:]\s*)+(?=[.!?]$)|(?<=:)\s*,", "", text)
    text = re.sub(r"[,\s]+(?:and|then|or|with)(?=[.!?]?$)", "", text)  # "Put them down and."
    if text == sentence:
        return sentence  # a count in its own words ("Do 15, then turn over."), left whole
    words = re.findall(r"[^\W\d_]+", text)  # "Répète": one word
    if (
        _RESIDUE.match(text)
        or len(words) < 3
        or (words[0].lower() in ("do", "perform", "complete", "then") and len(words) < 6)
    ):
        return ""
    if _HOLE_LEFT.search(text):
        return sentence  # "Continue alternating for 10 on each side": not "... for."
    return text if text.endswith((".", "!", "?")) else text + "."
