"""What a sentence of a step does: the kind of its leading verb, read the way a trainer
reads an instruction (lead clauses skipped, "hold the bar" told from "hold the
position", "return to the start" as the reverse of the phase before it)."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["setup", "up", "hold", "down", "transition"]

VERBS: dict[str, Kind] = {
    **dict.fromkeys(
        [
            "get",
            "start",
            "begin",
            "stand",
            "lie",
            "lay",
            "sit",
            "seat",
            "kneel",
            "place",
            "position",
            "set",
            "grip",
            "grab",
            "grasp",
            "take",
            "brace",
            "engage",
            "tighten",
            "keep",
            "plant",
            "anchor",
            "loop",
            "assume",
            "face",
            "rest",
            "find",
            "attach",
            "connect",
            "adjust",
            "load",
            "select",
            "choose",
            "approach",
            "unlock",
            "unrack",
            "wrap",
            "secure",
            "cross",
            "interlace",
            "put",
            "spread",
            "have",
            "mount",
            "hook",
            "straddle",
            "fasten",
            "step-under",
            "lean",
            "clean",
        ],
        "setup",
    ),
    **dict.fromkeys(
        [
            "lift",
            "raise",
            "kick",
            "press",
            "push",
            "drive",
            "extend",
            "curl",
            "pull",
            "jump",
            "rise",
            "straighten",
            "row",
            "reach",
            "thrust",
            "explode",
            "swing",
            "open",
            "climb",
            "step",
            "shrug",
            "flex",
            "rotate",
            "twist",
            "crunch",
            "bring",
            "elevate",
            "fly",
            "throw",
            "toss",
            "bound",
            "hop",
            "snap",
            "walk",
            "run",
            "jog",
            "sprint",
            "pedal",
            "crawl",
            "carry",
            "drag",
            "march",
            "chop",
            "skip",
            "shift",
            "move",
            "roll-up",
            "accelerate",
            "circle",
            "abduct",
            "adduct",
            "tuck",
            "stand-up",
            "sit-up",
            "bridge",
            "hike",
            "roll",
            "block",
        ],
        "up",
    ),
    **dict.fromkeys(["squeeze", "pause", "hold", "contract", "stay", "focus-hold"], "hold"),
    **dict.fromkeys(
        [
            "lower",
            "release",
            "bend",
            "sink",
            "descend",
            "drop",
            "relax",
            "close",
            "come",
            "dip",
            "squat",
            "lunge",
            "fall",
            "let",
            "land",
            "slide",
            "go",
            "rebend",
            "receive",
        ],
        "down",
    ),
    **dict.fromkeys(
        [
            "switch",
            "repeat",
            "perform",
            "change",
            "alternate",
            "reposition",
            "progress",
            "continue",
        ],
        "transition",
    ),
}
_CONTINUED: dict[str, Kind] = {"to": "up", "up": "up", "down": "down", "lowering": "down"}
_PARTICLE = re.compile(r"(?:\w+ ){0,4}?(down|up)\b")  # "bring the bar down"
_DIRECTED = {"pull", "press", "push", "drive", "lift", "raise", "jump"}  # "pull down" is a pull
REVERSING = {"return", "reverse", "recover"}  # the opposite of the phase before
# the pulls of a clean or snatch: the first two lift the bar, the third pulls under it
_PULL = re.compile(r"^(?:\w+\s+){0,3}?the\s+(first|second|third)\s+pull\b", re.IGNORECASE)
FILLERS = set(
    [
        "slowly",
        "gently",
        "then",
        "now",
        "and",
        "carefully",
        "quickly",
        "explosively",
        "powerfully",
        "smoothly",
        "immediately",
        "forcefully",
        "aggressively",
        "next",
        "also",
        "simultaneously",
        "just",
        "the",
        "a",
        "an",
    ]
)
_LEAD_CLAUSE = re.compile(
    r"^(when|as|once|while|with|at|keeping|after|using|maintaining|from|in|standing|upon|alternating"
    r"|facing|leaning|holding|staying|to begin|to start|for this exercise|lying|seated"
    r"|sitting|if|without|on|during)\b[^,]*,\s*",
    re.IGNORECASE,
)
_LEAD_PHRASE = re.compile(
    r"^(?:(?:to begin|to start|now|next|then|finally|slowly|gently)\s*,?\s+"
    r"|(?:begin|start|initiate|execute|perform|complete)\s+(?:the\s+(?:first|second|third)"
    r"\s+pull|the\s+(?:movement|motion|exercise|lift))?\s*(?:by|with)?\s+"
    r"|(?!(?:reverse|return)\b)\w+\s+the\s+(?:movement|motion|lift)\s+by\s+"
    r"|(?:transition|move)\s+into\s+the\s+(?:first|second)\s+pull\s+by\s+"
    r"|(?:to\s+perform\s+the\s+movement|to\s+initiate\s+the\s+movement),?\s+"
    r"|(?:attempt|try|be sure|make sure|remember|proceed|start|begin)\s+(?:to|the)\s+"
    r"|(?:begin|start)\s+(?=\w+ing\b)"
    r"|(?:as\s+you\s+|while\s+you\s+)?(?:inhale|exhale|breathe(?:\s+in|\s+out)?)"
    r"(?:\s+(?:and|slowly))?,?\s+"
    r"|focus\s+on\s+|use\s+(?:\w+\s+){1,4}?to\s+"
    r"|allow\s+(?:the|your)\s+\w+\s+to\s+)",
    re.IGNORECASE,
)
_OBJECTS = re.compile(
    r"^(?:on\s+to\s+|onto\s+|on\s+)?(?:the|a|an|one|two|both|your|each|this|that|it|them)?\s*"
    r"(?:\w+\s+)?(?:kettlebells?|bells?|bars?|barbells?|dumbbells?|weights?|plates?|"
    r"handles?|ropes?|balls?|bands?|cables?|ankles?|foot|feet|heels?|hands?|bench|sides?|"
    r"rack|poles?|straps?|towels?|posts?|yoke|wrists?|it|them|horns|attachment|implement|"
    r"sled|belt|partner|knees?|elbows?|toes?|shins?|legs?)\b",
    re.IGNORECASE,
)
_HELD_POSITION = re.compile(
    r"\b(hold|stay|remain|pause)\b[^.]*?\b(position|stretch|pose|plank|here|there|"
    r"contraction|for\s+(?:\w+\s+){0,3}(?:seconds?|minutes?|breaths?))\b"
    r"|\bhold\s*(?:[.,;]|$)|\bfor\s+(?:\d+|a|one|two|three)\s+(?:or more\s+)?"
    r"(?:seconds?|minutes?|minute|breaths?)\b",
    re.IGNORECASE,
)
_TO_THE_START = re.compile(
    r"\b(back\b|to the (start|starting|initial|original) (position|point)|to the start\b)",
    re.IGNORECASE,
)
_STARTING_POSITION = re.compile(
    r"\b(is|be) (the|your) start(ing)? position\b|^to get into (the|your) start(ing)? position\b",
    re.IGNORECASE,
)


def holds_a_position(text: str) -> bool:
    """ "Hold the stretch", "hold for 20 seconds", "stay here": a position held still,
    not an object held in the hands."""
    return bool(_HELD_POSITION.search(text))


def is_starting_position(text: str) -> bool:
    return bool(_STARTING_POSITION.search(text))


def lead_removed(text: str) -> str:
    """The sentence from its main verb: lead clauses and "Begin by ..." phrases gone."""
    text = text.strip()
    for _ in range(4):
        shorter = _LEAD_PHRASE.sub("", _LEAD_CLAUSE.sub("", text)).strip()
        if shorter == text:
            break
        text = shorter
    return text


def _lemma(word: str) -> str:
    if word in VERBS or word in REVERSING:
        return word
    for stem in (word[:-3], word[:-3] + "e", word[:-4], word[:-1], word[:-2]):
        if word.endswith(("ing", "s", "es")) and (stem in VERBS or stem in REVERSING):
            return stem
    return word


def classify_step(title: str, text: str, previous: Kind | None = None) -> Kind | None:
    """A step's kind from its title, unless the title is only the first words of its
    text (imported steps), which is read whole; an empty step does nothing."""
    if not text.strip():
        return None
    first = next(iter(re.split(r"(?<=[.!?])\s+", text.strip())), "")
    words = re.findall(r"[a-z]+", title.lower())
    if words and re.findall(r"[a-z]+", first.lower())[: len(words)] == words:
        return classify(first, previous)
    return classify(title, previous) or classify(first, previous)


def classify(text: str, previous: str | None = None) -> Kind | None:
    """The kind of the sentence's leading verb, or None when it has none we know.
    ``previous``: the kind of the phase before, which "return to the start" reverses."""
    clause = lead_removed(text)
    if pull := _PULL.match(clause):
        return "down" if pull.group(1).lower() == "third" else "up"
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", clause.lower())
    for index, raw in enumerate(words[:6]):
        if raw in FILLERS or (raw.endswith("ly") and raw not in VERBS):
            continue  # "slowly", "externally rotate"
        word = _lemma(raw)
        rest = " ".join(words[index + 1 : index + 9])
        if word in REVERSING or (
            word in ("go", "come", "bring", "move") and _TO_THE_START.search(rest)
        ):
            if re.match(r"(back )?(up|down)\b", rest) and word != "return":
                return "up" if rest.split()[0] == "up" or rest.startswith("back up") else "down"
            return "up" if previous == "down" else "down"
        kind = VERBS.get(word)
        if kind is None:
            return None
        if word == "hold" and _OBJECTS.match(rest) and not holds_a_position(clause):
            return "setup"
        if word in ("stand", "sit") and re.match(r"(back )?up\b(?! (with|straight|tall|in))", rest):
            return "up"
        if word == "step" and re.match(r"(away|under|onto|into|out|up onto)\b", rest):
            return "setup"
        if word == "continue":
            return _CONTINUED.get(rest.split(" ")[0], "transition") if rest else "transition"
        if re.match(r"(?:\w+ ){0,2}?hips back\b", rest) and word in (
            "push",
            "sit",
            "send",
            "drive",
        ):
            return "down"
        if word == "pull" and re.match(r"(?:\w+ ){0,2}?yourself (down|under|below)\b", rest):
            return "down"  # pulling yourself under the bar is the drop into the catch
        if word == "squeeze" and re.match(r"(?:\w+ ){0,3}?together\b", rest):
            return "up"  # squeezing the shoulder blades together is the movement
        then = re.search(r"\band (\w+)", rest)
        moved = VERBS.get(_lemma(then.group(1))) if then else None
        if word == "squeeze" and moved in ("up", "down"):
            return moved  # "squeeze the plates together and extend your arms"
        if word == "jump" and re.match(r"(?:\w+ ){0,3}?(together|in)\b(?! place)", rest):
            return "down"
        if word == "bend" and "slightly" in words[: index + 6]:
            return "setup"
        particle = _PARTICLE.match(rest)
        if kind in ("up", "down") and particle and word not in _DIRECTED:
            return "up" if particle.group(1) == "up" else "down"
        return kind
    return None
