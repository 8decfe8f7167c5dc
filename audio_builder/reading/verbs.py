"""What a sentence of a step does: the kind of its leading verb, read the way a trainer
reads an instruction (lead clauses skipped, "hold the bar" told from "hold the
position", "return to the start" as the reverse of the phase before it)."""

from __future__ import annotations

import re

from audio_builder.languages import DEFAULT_LANGUAGE
from audio_builder.reading.spoken import whole_sentences
from audio_builder.reading.vocabulary import WORD, Kind, Vocabulary, vocabulary

_CONTINUED: dict[str, Kind] = {"to": "up", "up": "up", "down": "down"}
_UNTIL = re.compile(  # "until" a position, not until the set is done
    r"until (?!(?:\w+ ){0,4}?(?:reps|repetitions|sets?|done|complete|finished|all|every)\b)"
)
_INFINITIVE = re.compile(r"^to (?=\w+ing\b|\w+ (?:the|your)\b)")  # "continue to lower the bar"
_UNDER = {  # "pull yourself under the bar", "get your body under the barbell"
    "pull": r"(?:\w+ ){0,2}?yourself (?:down|under|below)\b",
    "get": r"(?:\w+ ){0,2}?(?:under|below)\b",
}
_SIT_INTO_IT = r"(?:(?:your |the )?hips )?(?:back |down |back and down )?(?:between|into|until)\b"
_STEP_AND_LOWER = (
    r"(?:a (?:\w+ )?step )?(?:back|forward|out)\b[^.]*?\band (?:lower|drop|sink|bend)\b"
)
_STEP_INTO_PLACE = (
    r"(?:back )?(?:away|under|onto|into|out|up onto|inside|in between|between|up to|behind)\b"
)
_LOWERING = re.compile(  # the verb, not "your lower arm"
    r"(?<!your )(?<!the )\blower(?:ing)?\b(?!\s+(?:arms?|back|body|legs?|abs|half|part|chest))"
)
_BY_DOING = re.compile(r"(?:\w+ ){0,3}?by (\w+ing)\b")  # "recover by driving"
_DOING = {"perform", "do", "make", "execute"}
_SWUNG_BACK = r"(?:\w+ ){0,3}?(?<!the )back\b(?! up| and forth)"  # the backswing, the dip
_BACK_FLAT = (  # "press your lower back into the mat"
    r"(?:your |the )(?:lower |low |upper )?(?:back|spine) (?:\w+ ){0,2}?(?:into|against|flat)\b"
)
_A_MOVE = re.compile(r"(?:a|an)\s+(?:\w+\s+)?(\w+)\b")  # "a short squat"
_HIPS_BACK = re.compile(
    r"(?:\w+ ){0,3}?(?:hips|butt|glutes|knees) (?:back|out)\b"
)  # "push hips back"
_PARTICLE = re.compile(r"(?:\w+ ){0,4}?(down|up)\b")  # "bring the bar down"
_DIRECTED = {"pull", "press", "push", "drive", "lift", "raise", "jump"}  # "pull down" is a pull
# where a new action can begin: "Feel the contraction and slowly lower the weights"
_CLAUSE = re.compile(r",?\s+(?:and|then)\s+|,\s+|;\s*")
# a handout's passive voice: "the leg is raised", "the position is held"
_PASSIVE = re.compile(
    r"^((?:the|your|this|that|each|both|one)\s+(?:[\w-]+\s+){0,3}?)(?:is|are)\s+(?:\w+ly\s+)?(\w+)\b"
)
# the pulls of a clean or snatch: the first two lift the bar, the third pulls under it
_CONTROLLED_DOWN = (  # "control it back", "control the descent", "control the bar down"
    r"(?:(?:it|them|the\s+\w+|your\s+\w+)\s+)?(?:back|down)\b"
    r"|the\s+(?:descent|lowering|negative)\b"
)
_PULL = re.compile(r"^(?:\w+\s+){0,3}?the\s+(first|second|third)\s+pull\b", re.IGNORECASE)


def holds_a_position(text: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """ "Hold the stretch", "hold for 20 seconds", "stay here": a position held still,
    not an object held in the hands."""
    return bool(vocabulary(lang)["held_position"].search(text))


def is_starting_position(text: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    return bool(vocabulary(lang)["starting_position"].search(text))


def lead_removed(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The sentence from its main verb: lead clauses and "Begin by ..." phrases gone."""
    words = vocabulary(lang)
    text = text.strip()
    for _ in range(4):
        shorter = words["lead_clause"].sub("", words["lead_phrase"].sub("", text)).strip()
        if shorter == text:
            break
        text = shorter
    return text


def _lemma(word: str, vocab: Vocabulary) -> str:
    """The verb a word is a form of: "lowering", "presses", "paused", "stepped", "drove"."""
    word = vocab["enclitic"].sub("", word)
    if word in vocab.verbs or word in vocab.reversing:
        return word
    if word in vocab.past:
        return vocab.past[word]
    for stem in _stems(word):
        if stem in vocab.verbs or stem in vocab.reversing:
            return stem
    return word


def _stems(word: str) -> tuple[str, ...]:
    """What an ending may leave of a verb: "lowering", "pausing", "stepping"; "stepped",
    "paused", "lowered"; "raises", "presses"; "holds". Only these ("standards" is no
    form of "stand")."""
    if word.endswith("ing"):
        return (word[:-3], word[:-3] + "e", word[:-4])
    if word.endswith("ed"):
        return (word[:-3], word[:-1], word[:-2])
    if word.endswith("es"):
        return (word[:-1], word[:-2])
    return (word[:-1],) if word.endswith("s") else ()


def _active(clause: str, vocab: Vocabulary) -> str:
    """ "The leg is raised to ..." read as "raise the leg to ...", so its verb leads."""
    passive = _PASSIVE.match(clause.lower())
    done = passive and (passive.group(2).endswith("ed") or passive.group(2) in vocab.past)
    if not done or _lemma(passive.group(2), vocab) not in vocab.verbs:
        return clause
    return f"{_lemma(passive.group(2), vocab)} {passive.group(1)}{clause[passive.end() :]}"


def classify_step(
    title: str, text: str, previous: Kind | None = None, lang: str = DEFAULT_LANGUAGE
) -> Kind | None:
    """A step's kind from its title, unless the title is only the first words of its
    text (imported steps), which is read whole; a step whose first words name no action
    we know is read on, clause by clause ("There are three phases ... Next, push");
    once the movement has begun, a set-up title over a moving text ("Stand Tall: drive
    through your heel") is read by its text; an empty step does nothing."""
    if not text.strip():
        return None
    parts = whole_sentences(text)
    words = re.findall(WORD, title.lower())
    if not (words and re.findall(WORD, parts[0].lower())[: len(words)] == words):
        read_on = classify(parts[0], previous, lang) in ("up", "down", "hold")
        if not (previous and read_on and classify(title, previous, lang) == "setup"):
            parts = [title, *parts]  # after the first move, "Stand Tall" may be a phase
    for sentence in parts:
        for clause in (sentence, *_CLAUSE.split(lead_removed(sentence, lang))[1:]):
            if kind := classify(clause, previous, lang):
                return kind
    first = whole_sentences(text)[0]
    if vocabulary(lang)["posture"].match(first) and _only_posed(first, lang):
        return "setup"  # a posture and nothing else: "Standing, dumbbells at your sides"
    return None


def _only_posed(sentence: str, lang: str) -> bool:
    """A short line of a posture and where the body is, telling nothing about it ("Standing,
    most people feel this in the hamstring" tells)."""
    words = re.findall(WORD, sentence.lower())
    return len(words) <= 10 and not any(vocabulary(lang)["told_about"].match(w) for w in words)


def classify(text: str, previous: str | None = None, lang: str = DEFAULT_LANGUAGE) -> Kind | None:
    """The kind of the sentence's leading verb, or None when it has none we know.
    ``previous``: the kind of the phase before, which "return to the start" reverses.
    The verbs are the text's language's; the idioms checked below are English ones."""
    vocab = vocabulary(lang)
    clause = _active(lead_removed(text, lang), vocab)
    if pull := _PULL.match(clause):
        return "down" if pull.group(1).lower() == "third" else "up"
    words = re.findall(rf"{WORD}(?:-{WORD})?", clause.lower())
    for index, raw in enumerate(words[:6]):
        if raw in vocab.fillers or (lang == "en" and raw.endswith("ly") and raw not in vocab.verbs):
            continue  # "slowly", "externally rotate"
        word = _lemma(raw, vocab)
        rest = " ".join(words[index + 1 : index + 9])
        if word in vocab.reversing and (by := _BY_DOING.match(rest)):
            doing = vocab.verbs.get(_lemma(by.group(1), vocab))
            if doing in ("up", "down"):
                return doing  # "recover by driving through the heels", "reverse by extending"
        if word in vocab.reversing or (
            word in ("go", "come", "bring", "move") and vocab["to_the_start"].search(rest)
        ):
            if re.match(r"(back )?(up|down)\b", rest) and word != "return":
                return "up" if rest.split()[0] == "up" or rest.startswith("back up") else "down"
            return "up" if previous == "down" else "down"
        kind = vocab.verbs.get(word)
        if kind is None:
            return None
        if vocab["unrack"].search(rest):
            return "setup"  # "pull the bar out of the rack"
        holding = word in vocab.holding and vocab["objects"].match(rest)
        if holding and not holds_a_position(clause, lang):
            return "setup"
        if word in ("stand", "sit") and re.match(r"(back )?up\b(?! (with|straight|tall|in))", rest):
            return "up"
        if word == "sit" and re.match(_SIT_INTO_IT, rest):
            return "down"  # "sit down between your heels", "sit back into the squat"
        if word in ("step", "take") and re.match(_STEP_AND_LOWER, " ".join(words[index + 1 :])):
            return "down"  # a lunge: "take a big step back and lower your back knee"
        if word == "step" and re.match(_STEP_INTO_PLACE, rest):
            return "setup"
        if word == "continue":
            if previous in ("up", "down") and _UNTIL.match(rest):
                return previous  # "continue until your elbows break 90 degrees"
            then = _lemma(_INFINITIVE.sub("", rest).split(" ")[0], vocab)
            moving = vocab.verbs.get(then) in ("up", "down")  # "continue lifting"
            return _CONTINUED.get(then) or (vocab.verbs[then] if moving else "transition")
        if word == "sweep" and re.match(
            r"(?:your |the )?(?:\w+ )?(?:leg|foot)\b[^.]*\b(?:behind|across)\b", rest
        ):
            return "down"  # a curtsy lunge's "sweep your right leg behind and across"
        if word == "control" and not re.match(_CONTROLLED_DOWN, rest):
            return None  # "control your breathing", "control the tempo": no lowering
        if word == "let" and rest.startswith("go"):
            return "transition"  # "let go of the bar"
        if word == "come" and re.match(r"(?:back |down )?onto\b", rest):
            return "setup"  # "come onto your hands and knees", "come down onto your backs"
        if word in ("push", "sit", "send", "drive") and _HIPS_BACK.match(rest):
            return "down"
        if word in _UNDER and re.match(_UNDER[word], rest):
            return "down"  # pulling yourself (getting) under the bar is the drop into the catch
        if word == "squeeze" and re.match(r"(?:\w+ ){0,3}?together\b(?! (?:for|at)\b)", rest):
            return "up"  # squeezing the shoulder blades together is the movement
        if word == "pull" and re.match(r"(?:all )?the slack\b", rest):
            return "setup"  # "pull the slack out of the bar": tension before the lift
        if word == "walk" and re.match(r"(?:up|over|forward)? ?(?:to|so|until)\b", rest):
            return "setup"  # "walk up to the bar", "walk up so the bar is over mid-foot"
        if word == "go" and rest.startswith("through"):
            return None  # "go through a pedal motion, kicking forward": read on
        if word in _DOING and (named := _A_MOVE.match(rest)):
            kind_named = vocab.verbs.get(named.group(1))
            if kind_named in ("up", "down"):
                return kind_named  # "perform a short squat", "do a quick dip"
        if kind in ("up", "down") and word == "flex" and _LOWERING.search(rest):
            return "down"  # "flex the knees and hips and lower your torso"
        if word == "shift" and re.match(r"(?:your |the )?(?:body ?)?weight\b", rest):
            return None  # "shift your weight onto the right leg and sit down": read on
        then = re.search(r"\band (\w+)", rest)
        moved = vocab.verbs.get(_lemma(then.group(1), vocab)) if then else None
        if word == "squeeze" and moved in ("up", "down"):
            return moved  # "squeeze the plates together and extend your arms"
        if word == "press" and re.match(_BACK_FLAT, rest):
            return "setup"  # "press your lower back into the mat": bracing, not a press
        if word in ("swing", "hike") and re.match(_SWUNG_BACK, rest):
            return "down"  # "swing the kettlebell back between your legs", "swing your arms back"
        if word == "jump" and re.match(r"(?:\w+ ){0,3}?(together|in)\b(?! place)", rest):
            return "down"
        if word == "bend" and "slightly" in words[: index + 6]:
            return "setup"
        particle = _PARTICLE.match(rest)
        if kind in ("up", "down") and particle and word not in _DIRECTED:
            return "up" if particle.group(1) == "up" else "down"
        return kind
    return None
