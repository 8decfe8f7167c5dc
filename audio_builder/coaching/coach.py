"""The coaching rules: turn an exercise and its settings into a ``CueScript``.

What a good personal trainer would say, timed to the movement (the coaching rules in README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from audio_builder.catalog import Catalog, catalog
from audio_builder.coaching.phrases import prescription_line
from audio_builder.coaching.script import Cue, CueScript, Section, Segment, beep, say
from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.document import Exercise, Item, Step
from audio_builder.reading.movement import Movement, Phase, analyse
from audio_builder.reading.prescription import counts, unspoken
from audio_builder.reading.spoken import (
    sentences,
    spoken_title,
    whole_sentences,
    without_asides,
)
from audio_builder.reading.verbs import classify
from audio_builder.reading.vocabulary import instruction_verbs
from audio_builder.settings import DEFAULT_HOLD, Settings

COUNTDOWN = 3  # short beeps before each "go"
START_SECONDS = 6.5  # from a set's announcement to its "go" beep, at the least
GO_TAIL = 0.7  # the "go" beep and a breath before the first movement
GO_BEEP = 0.5  # the "go" beep with a little room: a hold's clock starts as it ends
COUNT_EARLY = 0.3  # a rep's count ends this long before the next rep starts
TEN_SECONDS = 10.0
ENDING_SILENCE = 1.5
WORDS_PER_SECOND = 2.5  # a cautious speaking rate, to judge whether a tip fits a gap
TIP_MIN_REST = 25.0  # shorter rests carry no tip: the track would be crowded
TIP_MAX_WORDS = 16
TIP_MARGIN = 1.5  # seconds of a rep kept free of a mid-set tip: the count and a breath


@dataclass(frozen=True)
class Part:
    """One exercise worked as the settings say: reps or time, and per side or not."""

    exercise: Exercise
    settings: Settings
    movement: Movement
    lang: str = DEFAULT_LANGUAGE  # what the coach speaks

    @property
    def words(self) -> Catalog:
        return catalog(self.lang)

    @property
    def work(self) -> str:
        """reps, hold or time: a hold or duration setting wins over the reading."""
        if self.settings.hold:
            return "hold"
        if self.settings.duration:
            return "time"
        return self.movement.work

    @property
    def timed(self) -> float | None:
        s = self.settings
        return None if self.work == "reps" else (s.hold or s.duration or DEFAULT_HOLD)

    @property
    def sides(self) -> tuple[str, ...]:
        """The sides worked one after the other within each set: right first, unless the
        steps name the left first; only one when the text says so ("RIGHT leg only")."""
        if only := self.movement.only_side:
            return (only,) if only in ("left", "right") else ("",)
        if self.movement.sides != "left-right":
            return ("",)
        return ("left", "right") if self.movement.first_side == "left" else ("right", "left")

    @property
    def alternation(self) -> tuple[str, str]:
        """Alternating work's sides in turn: left first, unless the steps name the right."""
        return ("right", "left") if self.movement.first_side == "right" else ("left", "right")


def prepare(exercise: Exercise, settings: Settings, lang: str = DEFAULT_LANGUAGE) -> Part:
    return Part(exercise, settings, analyse(exercise, settings.sides, lang), lang)


def coach(exercise: Exercise, settings: Settings, lang: str = DEFAULT_LANGUAGE) -> CueScript:
    """The whole track: intro, each set (with rests between), outro."""
    part = prepare(exercise, settings, lang)
    tips = Tips(coaching_lines(part))
    sections = [intro(part), *sets(part, tips), outro(part, tips)]
    return CueScript(exercise.title, tuple(sections))


class Tips:
    """Hands out form tips in turn, never the same one twice in a row."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.turn = 0
        self.last: str | None = None

    def next(self, seconds: float | None = None) -> str | None:
        """The next tip in turn that can be said within ``seconds`` (None: any length)."""
        for _ in range(len(self.lines)):
            tip = self.lines[self.turn % len(self.lines)]
            self.turn += 1
            fits = seconds is None or len(tip.split()) / WORDS_PER_SECOND <= seconds
            if fits and tip != self.last:
                self.last = tip
                return tip
        return None


def intro(part: Part, heading: str = "", prescribe: bool = True) -> Section:
    """Name, equipment, the set-up in full, then how the movement goes. In a plan the
    ``heading`` is the exercise's name, and the section is grouped under it."""
    exercise, movement, words = part.exercise, part.movement, part.words
    lines = [words.say("coach.title", title=spoken_title(exercise.title, part.lang))]
    if needs := equipment_needed(exercise.equipment, words):
        lines.append(words.say("coach.needs", things=needs))
    steps = exercise.steps
    told = [_instructions(step.text, part.lang) for step in steps]
    if exercise.set_up_first:  # a handout's "Starting position" before its "Method"
        lines.extend(
            line
            for item in exercise.starting_position
            for line in _instructions(item.text or item.label, part.lang)
            if not any(line in step for step in told)
        )
    setting_up = len(steps) if part.timed else _setting_up(steps, movement.setup)
    for index, step_lines in enumerate(told):
        if index == setting_up:
            lines.append(words.say("coach.movement"))
        lines.extend(step_lines)
    if prescribe and any(source == "text" for _, source in part.settings.sources):
        lines.append(
            prescription_line(part.settings, part.work, part.timed, len(part.sides) > 1, words)
        )
    if movement.only_side in ("left", "right"):
        lines.append(words.say("coach.only_side", side=capital(side_name(part, part.sides[0]))))
    elif movement.only_side:
        lines.append(words.say("coach.only_named", named=movement.only_side))
    elif movement.sides == "left-right":
        left_first = "_left" if part.sides[0] == "left" else ""
        lines.append(words.say(f"limbs.{movement.limb}.one_at_a_time{left_first}"))
    elif movement.sides == "alternating" and not part.timed:  # a clock calls no sides
        right_first = "_right" if part.alternation[0] == "right" else ""
        lines.append(words.say(f"coach.alternating_start{right_first}"))
    title = heading or words.say("chapters.intro")
    return Section(title, (Segment("intro", tuple(say(line) for line in lines)),), heading)


def _setting_up(steps: tuple[Step, ...], setup: tuple[Step, ...]) -> int:
    """How many steps set up before the first that moves; the rest are said in their
    order as the movement, a set-up step among them too ("You should feel ...")."""
    return next((index for index, step in enumerate(steps) if step not in setup), len(steps))


def _instructions(text: str, lang: str) -> list[str]:
    """A step's sentences, without the sets, reps and times it prescribes: the coach says
    those once, from the settings in force."""
    return [line for line in (unspoken(s, lang) for s in sentences(text)) if line]


def sets(part: Part, tips: Tips, group: str = "") -> Iterator[Section]:
    """Every set (each side of it in turn) and the rests between them."""
    settings, words = part.settings, part.words
    for number in range(1, settings.sets + 1):
        for index, side in enumerate(part.sides):
            first = index == 0
            start = _set_start(part, number) if first else _switch(part, side)
            work = (
                timed_work(part.timed, words)
                if part.timed
                else rep_segments(part, number, first, tips)
            )
            title = (
                words.say("chapters.set_side", number=number, side=side_name(part, side))
                if side
                else words.say("chapters.set", number=number)
            )
            yield Section(in_group(words, group, title), (start, *work), group)
        if number < settings.sets:
            lead_in = go_time(_set_start(part, number + 1))
            if settings.rest > lead_in:
                tip = tips.next()
                title = in_group(words, group, words.say("chapters.rest", number=number))
                yield rest_section(title, settings.rest, lead_in, tip, words, group)


def in_group(words: Catalog, group: str, title: str) -> str:
    """A chapter title inside a plan's exercise or group: "Bird Dog: Set 1"."""
    return words.say("chapters.in_group", group=group, title=title) if group else title


def side_name(part: Part, side: str) -> str:
    """ "right leg", "pierna derecha", "rechtes Bein"."""
    return part.words.say(f"limbs.{part.movement.limb}.{side}")


def capital(text: str) -> str:
    """The first letter in capital, the rest as written ("right leg" -> "Right leg")."""
    return text[:1].upper() + text[1:]


def _mid_sentence(text: str, words: Catalog) -> str:
    """Its first letter in lower case, where the language writes so mid-sentence ("try
    single band"), else as written ("Einbeinig")."""
    return text[:1].lower() + text[1:] if words.text("words.lowercase") else text


def outro(part: Part, tips: Tips) -> Section:
    """Well done, the last tip (but a sentence that only prescribes: "Target: 3 x 10"),
    and a variation for next time."""
    exercise, words = part.exercise, part.words
    lines = [words.say("coach.done", title=spoken_title(exercise.title, part.lang))]
    last = exercise.tips[-1] if exercise.tips else ""
    said = " ".join(s for s in whole_sentences(last) if unspoken(s, words.code))
    if said and _first_sentence(last) != tips.last:
        lines.append(capital(said))
    lines.extend(variation_lines(exercise.variations, words))
    return closing(lines, words)


def closing(lines: list[str], words: Catalog) -> Section:
    """A track's last words, an exercise's or a session's, then a moment of quiet."""
    return Section(
        words.say("chapters.outro"),
        (Segment("outro", tuple(say(line) for line in lines)), Segment("end", (), ENDING_SILENCE)),
    )


def _set_start(part: Part, number: int) -> Segment:
    """Announce the set (and the side, or the hold), then count down into "go"."""
    sets, words = part.settings.sets, part.words
    final = number == sets and sets > 1
    line = (
        words.say("coach.final_set")
        if final
        else words.say("coach.set_of", number=number, total=sets)
    )
    return start(part, number, [line])


def start(part: Part, number: int, lines: list[str]) -> Segment:
    """Say ``lines`` (and the side, or the hold), then count down into "go"."""
    words = part.words
    cues = [say(line) for line in lines]
    if part.sides[0]:
        cues.append(say(words.say("coach.side", side=capital(side_name(part, part.sides[0])))))
    if part.timed:
        cues.append(say(timed_announcement(part)))
    elif number == 1:
        cues.append(say(words.say("coach.get_ready")))
    return countdown_segment("start", cues, part.timed is not None)


def one_set(part: Part, number: int, tips: Tips, lines: list[str]) -> list[Segment]:
    """Set ``number`` of a part worked inside a group, announced by ``lines``: each side
    in turn with its countdown, then the work."""
    segments = []
    for index, side in enumerate(part.sides):
        segments.append(start(part, number, lines) if index == 0 else _switch(part, side))
        work = (
            timed_work(part.timed, part.words)
            if part.timed
            else rep_segments(part, number, index == 0, tips)
        )
        segments.extend(work)
    return segments


def _switch(part: Part, side: str) -> Segment:
    cues = [say(part.words.say("coach.switch_sides", side=side_name(part, side)))]
    return countdown_segment("switch", cues, part.timed is not None)


def countdown_segment(label: str, cues: list[Cue], timed: bool) -> Segment:
    """The announcements, then 3-2-1 beeps into "go", with room for what is said.

    A hold's clock starts as the "go" beep ends; a rep starts a breath after it.
    """
    spoken = sum(len(cue.text.split()) for cue in cues) / WORDS_PER_SECOND
    go_at = max(START_SECONDS, round(spoken + COUNTDOWN + 1.0, 1))
    return Segment(label, (*cues, *countdown(go_at)), go_at + (GO_BEEP if timed else GO_TAIL))


def go_time(segment: Segment) -> float:
    return max(cue.at or 0.0 for cue in segment.cues)


def countdown(go_at: float) -> list[Cue]:
    ticks = [beep("tick", go_at - n) for n in range(COUNTDOWN, 0, -1)]
    return [*ticks, beep("go", go_at)]


def timed_announcement(part: Part) -> str:
    seconds, words = part.timed or DEFAULT_HOLD, part.words
    if part.work == "time":
        return capital(words.say("coach.work_for", time=words.duration(seconds)))
    return capital(words.say("coach.hold_for", time=words.duration(seconds)))


def rep_segments(part: Part, set_number: int, first_side: bool, tips: Tips) -> list[Segment]:
    """One segment per rep: phase cues on the very first rep, then counts on the tempo,
    "Halfway" and "Last one"; alternating work names the side of each half rep."""
    settings, movement, words = part.settings, part.movement, part.words
    lengths = movement.durations(settings.tempo)
    alternating = movement.sides == "alternating"
    halves = part.alternation if alternating and settings.reps_count == "both" else ("",)
    rep_seconds = sum(lengths) * len(halves)
    reps = settings.reps_in(set_number)
    halfway = reps // 2 + 1 if reps >= 6 else None
    tip_rep = 3 if reps >= 8 and not alternating and halfway != 3 else None
    segments = []
    for rep in range(1, reps + 1):
        cues: list[Cue] = []
        coached = rep == 1 and set_number == 1 and first_side
        for index, half in enumerate(halves):
            offset = index * sum(lengths)
            side = half or (part.alternation[(rep - 1) % 2] if alternating else "")
            if coached and index == 0:
                cues.extend(_phase_cues(movement.phases, lengths, offset))
            elif side:
                named = capital(words.say(f"sides.{side}"))
                cues.append(say(words.say("coach.side", side=named), offset))
        if not coached:  # said right after the side, if any, without moving the clock
            where = 1 if alternating else 0
            if rep == reps and rep > 1:
                cues.insert(where, say(words.say("coach.last_one")))
            elif settings.reps_low and rep == settings.reps_low + 1:
                cues.insert(where, say(words.say("prescription.keep_going")))
            elif rep == halfway:
                cues.insert(where, say(words.say("coach.halfway")))
            elif rep == tip_rep and (tip := tips.next(rep_seconds - TIP_MARGIN)):
                cues.insert(where, say(tip))
        spoken = words.say("coach.count", number=capital(words.number(rep)))
        count = say(spoken, rep_seconds - COUNT_EARLY, "end")
        segments.append(Segment(f"rep {rep}", (*cues, count), rep_seconds))
    return segments


def _phase_cues(phases: tuple[Phase, ...], lengths: tuple[float, ...], offset: float) -> list[Cue]:
    starts = [offset + sum(lengths[:i]) for i in range(len(phases))]
    return [say(phase.cue, at) for phase, at in zip(phases, starts, strict=True)]


def timed_work(seconds: float, words: Catalog) -> list[Segment]:
    cues = []
    if seconds >= 20:
        cues.append(say(words.say("coach.halfway"), seconds / 2))
    if seconds >= 25:
        cues.append(say(words.say("coach.ten_seconds_left"), seconds - TEN_SECONDS))
    cues.extend(countdown(seconds))
    work = Segment("work", tuple(cues), seconds + GO_BEEP)
    return [work, Segment("stop", (say(words.say("coach.and_rest")),))]


def rest_section(
    title: str, seconds: float, lead_in: float, tip: str | None, words: Catalog, group: str = ""
) -> Section:
    """The rest's own part: ``seconds`` until "go", of which the last ``lead_in`` are
    the next set's announcement and countdown."""
    length = seconds - lead_in
    cues = [say(rest_for(words, seconds))]
    if tip and seconds >= TIP_MIN_REST:
        cues.append(say(tip))
    if length >= TEN_SECONDS - lead_in + 3:
        cues.append(say(words.say("coach.ten_seconds"), length - (TEN_SECONDS - lead_in)))
    return Section(title, (Segment("rest", tuple(cues), length),), group)


def rest_for(words: Catalog, seconds: float) -> str:
    """ "Rest for 30 seconds.", "Descansa 30 segundos.", "30 Sekunden Pause." """
    return capital(words.say("coach.rest_for", time=words.duration(seconds)))


def coaching_lines(part: Part) -> list[str]:
    """Short form tips: Common Mistakes first, then the Tip, then the Starting Position;
    none that prescribes or counts ("Repeat 10 times, 2 sets.", "Build up to 3 sets of
    30."): the settings say the dose once, and a count said mid-set may not be the one
    counted."""
    exercise = part.exercise
    written_in = catalog(exercise.lang or part.lang)
    lines = [_mistake_line(item, written_in) for item in exercise.mistakes]
    lines += [_ended(_first_sentence(tip)) for tip in exercise.tips]
    lines += [_tip_line(item) for item in exercise.starting_position]
    short = [line for line in lines if line and len(line.split()) <= TIP_MAX_WORDS]
    said = (line for line in short if unspoken(line, written_in.code))
    return list(dict.fromkeys(line for line in said if not counts(line, written_in.code)))


def _first_sentence(text: str) -> str:
    """A tip's first sentence whole, as a line begins ("" for no text); a question with
    its answer ("Too heavy? Drop the weight.")."""
    said = whole_sentences(text)
    first = said[:2] if said[:1] and said[0].endswith("?") else said[:1]
    return capital(" ".join(first))


def _tip_line(item: Item) -> str:
    """ "Arching the back: Maintain a neutral spine..." -> "Maintain a neutral spine..." """
    return _ended(_first_sentence(item.text) or item.label)


def _ended(line: str) -> str:
    """The line with the stop of a sentence; "" for none, or for a line that only leads
    into more ("How to do it:")."""
    if not line or line.endswith(":"):
        return ""
    return line if line.endswith((".", "!", "?")) else line + "."


def _mistake_line(item: Item, words: Catalog) -> str:
    """A mistake's correction ("Rounding the back: keep your chest up" too); a mistake
    named with none ("Letting your knees cave in") as one to avoid ("Avoid letting your
    knees cave in."), never as what to do. Anything else as written."""
    line = _tip_line(item)
    named, _, correction = line.partition(": ")
    if not item.label and _a_fault(named, words) and _a_correction(correction, words):
        return capital(correction)
    if not _a_fault(line, words):
        return line
    fault = line.rstrip(".!?")
    if (fault.isupper() or fault.istitle()) and " " in fault:  # "ROUNDING THE BACK"
        fault = fault.lower()
    return words.say("coach.avoid", fault=_mid_sentence(fault, words))


def _a_fault(text: str, words: Catalog) -> bool:
    """Whether ``text`` names a fault, not advice ("Stop knees caving"); an aside in
    brackets ("(this becomes a push press)") is not its verb."""
    fault = re.match(words.text("reading.fault"), without_asides(text), re.IGNORECASE)
    return bool(fault) and not re.match(words.text("reading.correction"), text, re.IGNORECASE)


def _a_correction(text: str, words: Catalog) -> bool:
    """Whether ``text`` tells what to do: it opens on a verb of a movement or on advice."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and (
        first[0].lower() in instruction_verbs()
        or bool(re.match(words.text("reading.correction"), text, re.IGNORECASE))
    )


def variation_lines(variations: tuple[Item, ...], words: Catalog) -> list[str]:
    """ "Too easy? Add ankle weights next time." and "Too hard? Try ... instead." """
    ways = {way: words.pattern(f"variations.{way}") for way in ("harder", "easier")}
    harder, easier = (_pick(variations, way, ways, words) for way in ways)
    lines = []
    if harder and (said := _suggest(harder, words)):
        lines.append(words.say("coach.too_easy", variation=said))
    if easier and easier is not harder and (said := _suggest(easier, words)):
        lines.append(words.say("coach.too_hard", variation=said))
    return lines


def _pick(
    variations: tuple[Item, ...], way: str, ways: dict[str, re.Pattern[str]], words: Catalog
) -> Item | None:
    """The first variation whose name goes ``way`` (by the first of its words that says
    a way: "Beginner progression" is easier), else the first whose text does and whose
    name says no way. One named only as the part goes the way its name says ("Make it
    harder: ..."), else the way its text does ("Modification: add a pause")."""
    named, described = [], []
    for variation in (v for v in variations if v.label):
        label_way, text_way = _way(variation.label, ways), _way(variation.text, ways)
        if _named_as_the_part(variation, words):
            label_way = label_way or text_way
        if label_way == way:
            named.append(variation)
        elif label_way is None and text_way == way:
            described.append(variation)
    return next(iter(named + described), None)


def _way(text: str, ways: dict[str, re.Pattern[str]]) -> str | None:
    found = [(match.start(), way) for way, said in ways.items() if (match := said.search(text))]
    return min(found)[1] if found else None


def _named_as_the_part(variation: Item, words: Catalog) -> bool:
    return bool(words.pattern("sections.variations", whole=True).fullmatch(variation.label))


_NOT_AN_ORDER = re.compile(r"\b(?:not|never|off)\b|n't\b", re.IGNORECASE)  # "do not add load"


def _suggest(variation: Item, words: Catalog) -> str:
    """ "Add ankle weights" stays; "Single band" -> "Try single band". One named only
    as the part ("Progression: add a 1 kg weight") by its text's first clause, when that
    says what to do ("Add a 1 kg weight"), else not at all ("do not add load yet")."""
    label = variation.label.rstrip(".:!").strip()
    imperatives = words.text("variations.imperatives")
    if _named_as_the_part(variation, words):
        sentence = (whole_sentences(without_asides(variation.text)) or [""])[0]
        said = _FIRST_CLAUSE.split(sentence)[0].strip().rstrip(".!?")
        ordered = said and (
            said.split()[0].lower() in imperatives or classify(said, None, words.code)
        )
        if not ordered or _NOT_AN_ORDER.search(said) or not 1 < len(said.split()) <= 10:
            return ""
        return capital(said)
    if label.split()[0].lower() in imperatives:
        return label
    return words.say("coach.try_variation", variation=_mid_sentence(label, words))


_FIRST_CLAUSE = re.compile(  # "add a band, or ...", "... instead of ...", "... when it is easy"
    r"[,;:]|\s+(?:instead|for example|when|once|until|if|unless|as soon as)\b", re.IGNORECASE
)


_COUNTED = r"(a|an|the|some|one|two|three|four|a pair|pair|\d)\b"  # no article before these


def equipment_needed(items: tuple[str, ...], words: Catalog) -> str:
    """ "Resistance band (loop band preferred)" -> "a resistance band" (in English,
    which adds "a" or "an"; other languages list the items as written)."""
    names = []
    nothing = words.pattern("equipment.nothing", whole=True)
    for item in items:
        name = without_asides(item.split(":")[0]).rstrip(".")
        if not name or nothing.match(name):
            continue
        name = _mid_sentence(name, words)
        first = re.split(r"[,;]|\s(?:or|and)\s", name)[0]  # "dumbbells, a flat bench"
        bare = not re.match(_COUNTED, name) and not first.endswith("s")
        if words.text("equipment.articles") and bare:
            name = ("an " if name[0] in "aeiou" else "a ") + name
        names.append(name)
    return f" {words.text('words.and')} ".join(dict.fromkeys(names))
