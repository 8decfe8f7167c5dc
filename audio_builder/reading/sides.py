"""How the sides are worked: both at once, one side then the other, or alternating
within the set, from what the text says (the title, description, steps and set-up;
not the variations)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from audio_builder.catalog import catalog
from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.document import Exercise, Step
from audio_builder.reading.prescription import PER_SIDE
from audio_builder.reading.spoken import sentences, speakable
from audio_builder.reading.vocabulary import vocabulary

Sides = Literal["both", "left-right", "alternating"]
_WARM_UP_OR_COOL_DOWN = re.compile(
    r"\W*(?:warm[- ]?up|cool[- ]?down|wu|cd|échauffement|retour au calme|calentamiento"
    r"|vuelta a la calma|aufwärmen|abwärmen|cool-?down)\b[^:]{0,20}:",
    re.IGNORECASE,
)
_BOTH_HANDS = re.compile(  # one weight held in both hands: a goblet squat
    r"\b(?:both hands|two hands|hands cupped|by the horns|(?:at|against) (?:your|the) chest)\b",
    re.I,
)


def detect_sides(exercise: Exercise, told: str, lang: str = DEFAULT_LANGUAGE) -> tuple[Sides, str]:
    """The way the sides are worked, and what a side is called ("leg", "arm", "side"),
    from the words of the text's language; `told` is the exercise's `told_text`."""
    words = vocabulary(lang)
    text = told
    steps = " ".join(step.text for step in exercise.steps)
    if re.search(r"\bone (?:kettlebell|dumbbell)\b", steps, re.I) and not _BOTH_HANDS.search(steps):
        text += " in one hand"  # a single weight in the steps is one arm at a time
    text = words["both_posed"].sub("", text)
    mode: Sides = "both"
    if words["alternating"].search(text):
        mode = "alternating"
    elif words["alternating_title"].search(exercise.title) and not words["one_side"].search(
        PER_SIDE.sub("", text)
    ):
        mode = "alternating"  # a walking lunge, a dead bug: a side each rep, unless told
    elif words["one_side"].search(text):
        mode = "left-right"
    stated = (*words["one_side"].finditer(text), *words["only_side"].finditer(text))
    named = " ".join(m.group(0) for m in stated)
    limbs = [words.limbs.get(m.group(1).lower()) for m in words["limb_name"].finditer(named)]
    return mode, next((limb for limb in limbs if limb), "side")


def only_side(told: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The one side the text limits the work to: "left" or "right" ("RIGHT leg only"),
    or its own words for it when it names neither ("Exercise only your operated leg":
    "operated leg"; "the heel of your operated leg" where no other side is worked);
    "" when it does not."""
    words = vocabulary(lang)
    if not (match := words["only_side"].search(told)):
        match = words["affected_limb"].search(told)
        if not match or words["one_side"].search(told) or words["either_side"].search(told):
            return ""
    named = [side for side in ("left", "right") if words[f"{side}_named"].search(match[0])]
    if len(named) == 1:
        return named[0]
    return " ".join(w for w in match[0].lower().split() if w not in words.only_words)


def told_text(exercise: Exercise, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text that says how the exercise is done: its title, description, steps and
    set-up, programming and notes; not its variations, nor a warm-up's or cool-down's line."""
    items = (*exercise.starting_position, *exercise.programming, *exercise.notes)
    items = tuple(item for item in items if not _labeled_other_work(item.whole))
    return " ".join(
        [exercise.title, speakable(exercise.description, lang)]
        + [f"{step.title}. {_as_done(step.text, lang)}" for step in exercise.steps]
        + [_as_done(item.whole, lang) for item in items]
    )


def _labeled_other_work(text: str) -> bool:
    """A line labeled as a warm-up or a cool-down: "COOL DOWN: couch stretch 1:00 E/S"."""
    return bool(_WARM_UP_OR_COOL_DOWN.match(text))


def _as_done(text: str, lang: str) -> str:
    """The text without the sentences that offer another way ("You can also alternate
    hands")."""
    aside = vocabulary(lang)["aside"]
    return " ".join(s for s in sentences(text) if not aside.match(s))


def mirrored(steps: Iterable[Step], lang: str = DEFAULT_LANGUAGE) -> bool:
    """Two moving steps that say the same on the other side, with a move between them
    ("Lift your right knee up.", "Put it down.", "Lift your left knee up."): a side each
    rep."""
    words = vocabulary(lang)
    seen: dict[str, dict[str, int]] = {}
    for index, step in enumerate(steps):
        for side in ("left", "right"):
            if words[f"{side}_named"].search(step.text):
                same = words[f"{side}_named"].sub("~", step.text).strip().lower()
                seen.setdefault(same, {})[side] = index
    # not neighbours: "Step down with your right foot", "... left foot" is one rep's feet
    return any(len(at) == 2 and abs(at["left"] - at["right"]) > 1 for at in seen.values())


def first_side(told: str, moving: Iterable[Step], lang: str = DEFAULT_LANGUAGE) -> str:
    """The side worked first: the one the text says to start with ("starting with your
    left (the sore one)"), else the one the moving steps name first ("Step up with your
    right foot"), not a limb that props you up ("Kneel on your right knee"), nor the side
    switched to ("repeat on the left side", "then switch legs"): "left", "right", or ""
    for none."""
    words = vocabulary(lang)
    if stated := words["first_named"].search(told):
        right = catalog(lang).text("sides.right")
        return "right" if stated[1].lower()[:4] == right[:4] else "left"
    return _named_first(moving, lang)


def _named_first(steps: Iterable[Step], lang: str) -> str:
    """The side the steps name first, not as a support nor as the side switched to."""
    words = vocabulary(lang)
    said = (sentence for step in steps for sentence in sentences(step.text))
    kept = (words["supporting"].sub("", sentence) for sentence in said)
    text = " ".join(words["switching"].split(sentence, maxsplit=1)[0] for sentence in kept)
    named = {
        side: match.start()
        for side in ("left", "right")
        if (match := words[f"{side}_named"].search(text))
    }
    return min(named, key=named.__getitem__, default="")
