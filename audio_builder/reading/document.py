"""Parse an exercise document (YAML front matter + markdown) into an ``Exercise``.

The header is read with python-frontmatter, the body with mistune's AST; everything
that reaches the listener is reduced to speakable plain text. The title and description
stay as written (markup removed), for tags and feeds; the coach makes them speakable.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import frontmatter
import mistune
import yaml

from audio_builder.catalog import catalog
from audio_builder.errors import DocumentError, SettingsError
from audio_builder.languages import DEFAULT_LANGUAGE, parse_language
from audio_builder.reading.language import written_in
from audio_builder.reading.layout import PICTOGRAPHS, PLAIN_LABEL, as_markdown, numbered_parts
from audio_builder.reading.markup import field_line, from_notes
from audio_builder.reading.prescription import unspoken
from audio_builder.reading.spoken import speakable, whitespace, whole_sentences
from audio_builder.reading.titles import choose_title
from audio_builder.reading.verbs import classify, classify_step
from audio_builder.reading.vocabulary import WORD, vocabulary
from audio_builder.settings import PARSERS, parse_settings

HOWTO_MARKER = re.compile(r"<!--\s*howto\s*-->", re.IGNORECASE)
NAME_KEYS = ("name", "display_name", "exercise")  # an app's export names it its own way
SECTIONS = (  # the parts of a document, named in each language's catalog
    "equipment",
    "starting position",
    "execution",
    "common mistakes",
    "variations",
    "tip",
    "programming",
    "notes",
)
DOCUMENT_SUFFIXES = (".md",)  # what an exercise document is named
_ASIDES = ("common mistakes", "variations")  # parts whose lists are not the steps
MAX_DOCUMENT_BYTES = 512 * 1024
MAX_STEPS = 40
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")

_markdown = mistune.create_markdown(renderer=None, plugins=["table"])


@dataclass(frozen=True)
class Item:
    """A list entry like ``**Arching the back:** Keep a neutral spine``."""

    label: str
    text: str

    @property
    def whole(self) -> str:
        """The entry as one text: "Arching the back: Keep a neutral spine"."""
        if self.label and self.text:
            return f"{self.label}: {self.text}"
        return self.label or self.text


@dataclass(frozen=True)
class Step:
    """One howto step: a short title and what to do."""

    title: str
    text: str


@dataclass(frozen=True)
class Exercise:
    title: str
    slug: str
    description: str
    source: Path
    steps: tuple[Step, ...]
    equipment: tuple[str, ...] = ()
    starting_position: tuple[Item, ...] = ()
    set_up_first: bool = False  # the steps leave the starting position unsaid (not a howto)
    execution: tuple[Item, ...] = ()
    mistakes: tuple[Item, ...] = ()
    variations: tuple[Item, ...] = ()
    tips: tuple[str, ...] = ()
    programming: tuple[Item, ...] = ()  # sets, reps and times written apart from the steps
    notes: tuple[Item, ...] = ()  # about the exercise (Notes, Purpose, a list's opening line)
    settings: dict[str, Any] = field(default_factory=dict)
    video: str = ""
    lang: str | None = None  # front matter ``lang``; None: the run's language


def parse_file(path: Path, language: str = DEFAULT_LANGUAGE) -> Exercise:
    """Read and parse one exercise file; every problem is a ``DocumentError`` naming it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse(raw, path, language)


def parse(raw: bytes, source: Path, language: str = DEFAULT_LANGUAGE) -> Exercise:
    """Parse the bytes of an exercise document that came from ``source``; its text is
    made speakable in its own ``lang``, else in ``language``."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            f"{source}: too long ({len(raw) // 1024} KiB); an exercise document may be "
            f"at most {MAX_DOCUMENT_BYTES // 1024} KiB"
        )
    text = _decode(raw, source)
    if not text.strip():
        raise DocumentError(f"{source}: empty file; write an exercise document (see seeds/)")
    metadata, body = _split_front_matter(text, source)
    try:
        settings = parse_settings(metadata)
        lang = parse_language(metadata["lang"]) if "lang" in metadata else written_in(body)
    except SettingsError as exc:
        raise DocumentError(f"{source}: front matter: {exc}") from None
    if not body.strip():
        raise DocumentError(
            f"{source}: only front matter, no body; add the steps after the closing '---'"
        )
    blocks = _markdown(_without_boilerplate(as_markdown(body), lang or language))
    sections, howto, heading, lead = _read_body(blocks, lang or language)
    steps = howto or tuple(_step(i) for i in sections.get("execution", ()))
    steps = steps or _steps_without_marker(blocks, lang or language)
    if not steps:
        where = "under '<!-- howto -->'" if howto is not None else "in the document"
        raise DocumentError(
            f"{source}: no steps {where}; add '### Step title' headings after a "
            "'<!-- howto -->' line, or a numbered list under '### Execution'"
        )
    if len(steps) > MAX_STEPS:
        raise DocumentError(
            f"{source}: too many steps ({len(steps)}); an exercise may have at most "
            f"{MAX_STEPS} — split it into several exercises"
        )
    sections = _with_named_lists(sections, blocks, steps, lang or language)
    description = whitespace(_plain_value(metadata.get("description", "")))
    programming = sections.get("programming", ())
    if description and lead:  # an opening paragraph beside the description may prescribe
        programming = (Item("", speakable(lead, lang or language)), *programming)
    description = description or lead
    programming = (*_dose_fields(metadata, lang or language), *programming)
    written = whitespace(_plain_value(metadata.get("title", "")))
    fields = [from_notes(whitespace(_plain_value(metadata.get(key)))) for key in NAME_KEYS]
    lines = _header_lines(blocks, lang or language)
    title = choose_title(written, heading, description, [*fields, *lines], source, lang or language)
    return Exercise(
        title=title,
        slug=_slug(metadata, title, source),
        description=description,
        source=source,
        steps=steps,
        equipment=tuple(item.whole for item in sections.get("equipment", ())),
        starting_position=sections.get("starting position", ()),
        set_up_first=howto is None,
        execution=sections.get("execution", ()),
        mistakes=sections.get("common mistakes", ()),
        variations=sections.get("variations", ()),
        tips=tuple(item.whole for item in sections.get("tip", ())),
        programming=programming,
        notes=sections.get("notes", ()),
        settings=settings,
        video=_plain_value(metadata.get("video", "")),
        lang=lang,
    )


_ABOUT_THE_PAGE = re.compile(r"\s*\([^()\n]*©[^()\n]*\)|\s*©.*")  # "(cue © PhysioTools)"


def _without_boilerplate(body: str, lang: str) -> str:
    """The body without the page around the exercise: a line that says where it came
    from ("Exported from LiftLog", "Sent from my iPhone", "© 2024 ...", unless a dose
    follows its colon), an aside that does ("(© Coach Dan)"), and a clause that asks
    something of the reader ("..., and drop your time in the comments")."""
    words = catalog(lang)
    source = re.compile(words.text("reading.boilerplate"), re.IGNORECASE)
    asks = words.text("reading.call_to_action")  # a pictograph ends a post's sentence too
    clause = rf"(?:(?!\s(?:and|or|then)\s)[^,;.!?\n(){PICTOGRAPHS}])"
    asking = re.compile(
        rf"\s*\([^()\n]*(?:{asks})[^()\n]*\)"  # "(follow me for part 2!)"
        rf"|(?:(?P<markup>^[ \t]*(?:[*_>#-]+[ \t]*|\d+[.)][ \t]*)?)|(?<=[.!?{PICTOGRAPHS}])[ \t]+"
        rf"|[ \t]*[,;—–][ \t]*|[ \t]+(?:and|or|then)[ \t]+)"
        rf"{clause}*?(?:{asks})[^,;.!?\n(){PICTOGRAPHS}]*[.!?]*",
        re.IGNORECASE,
    )

    def kept(line: str) -> str | None:
        if found := source.search(line):
            dose = line[found.end() :].partition(": ")[2]
            return dose if re.search(r"\d", dose) else None
        said = asking.sub(lambda m: m["markup"] or "", _ABOUT_THE_PAGE.sub("", line))
        return said if re.search(r"\w", said) or not re.search(r"\w", line) else None

    lines = (kept(line) for line in body.split("\n"))
    return "\n".join(line for line in lines if line is not None)


_DOSE_FIELD = re.compile(  # an app's own names for a dose: "rest_seconds", "default_sets"
    r"(?:default_)?(?:sets|reps|rounds|rest|hold|duration|work)(?:_per_side|_each_side)?"
    r"(?:_(?:seconds|secs|sec|s|minutes|mins|min))?",
    re.IGNORECASE,
)


def _dose_fields(metadata: dict[str, Any], lang: str) -> list[Item]:
    """Front matter fields named like a part that prescribes ("dose: 3 x 8-12, rest 90
    s", a "default_dose" block) or like a dose that is not a setting ("rest_seconds: 60",
    "default_sets: 3"): read as their text (the settings are read exactly, apart)."""
    items = []
    for key, value in metadata.items():
        if _section_name(str(key).replace("_", " "), lang) == "programming":
            fields = value.items() if isinstance(value, dict) else [("", value)]
        elif _DOSE_FIELD.fullmatch(str(key)) and key not in PARSERS and value is not None:
            fields = [(key, value)]
        else:
            continue
        said = ", ".join(field_line(str(name), _plain_value(v)) for name, v in fields)
        if said.strip(" ,:"):
            items.append(Item("", speakable(said, lang)))
    return items


_TITLE_STOP = re.compile(
    r"\s+(and|to|with|while|until|so|as|on|onto|into|at|in|from|for|of)\b.*", re.I
)
_TITLE_NOT_LAST = frozenset(
    {"a", "an", "the", "each", "every", "your", "my", "his", "her", "its", "their", "this"}
    | {"that", "these", "those", "or", "but", "between", "through", "toward", "towards"}
    | {"over", "under", "across", "against", "behind", "past", "around", "along", "by", "than"}
)
_TITLE_LABEL = re.compile(  # a step's label before its name: "Stage 1 —", "Slide 2:", "cts 1-2:"
    r"^[^\W\d]+\s+\d+(?:\s*(?:[-–]|to)\s*\d+)?\s*(?::|\s[-–—])\s*(?=[^\W\d])"
)


def short_title(text: str) -> str:
    """A step title from its first words: "Lie down on the floor..." -> "Lie Down", "1.
    Strap in." -> "Strap", "Stay 1 to 2 seconds" -> "Stay"."""
    text = re.sub(r"^\d{1,2}[.)]\s+", "", text)
    text = _TITLE_LABEL.sub("", text, count=1)  # "Stage 1 — Approach the bar": its name
    first = re.split(r"[.,;:!?]|\s[-–—]\s(?!\d)", text, maxsplit=1)[0]
    short = _TITLE_STOP.sub("", first).split()[:4]
    # "Stay 1 to 2 seconds": "Stay", not "Stay 1"; "lower it all the way": "Lower It"
    while short[1:] and not _ends_a_title(short[-1]):
        short.pop()
    return " ".join(word if word.isupper() else word.capitalize() for word in short or ["Step"])


def _ends_a_title(word: str) -> bool:
    """A word a title may end on: not a number, a dash, "the" or "through"."""
    return any(c.isalpha() for c in word) and word.lower() not in _TITLE_NOT_LAST


def _step(item: Item) -> Step:
    """A list entry as a step; without a bold label, titled by its first words."""
    return Step(item.label or short_title(item.text), item.text)


def slugify(text: str) -> str:
    """A file-name-safe slug: lower-case ASCII letters, digits and single hyphens
    ("Elevación de talones" -> "elevacion-de-talones", "Fußheben" -> "fussheben")."""
    letters = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    ascii_text = letters.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].strip("-")


def _slug(metadata: dict[str, Any], title: str, source: Path) -> str:
    """The track's file name: front matter ``slug`` (checked), else made from the title."""
    if "slug" not in metadata:
        return slugify(title) or slugify(source.stem) or "exercise"
    slug = metadata["slug"]
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise DocumentError(
            f"{source}: front matter: 'slug' must be lower-case letters, digits and hyphens "
            f"(a file name, no folders), got {slug!r}"
        )
    return slug


def _decode(raw: bytes, source: Path) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{source}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise DocumentError(f"{source}: binary data (NUL bytes), not a markdown document")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(text: str, source: Path) -> tuple[dict[str, Any], str]:
    """The YAML header (safely loaded) and the markdown body."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return {}, text
    try:
        header, body = handler.split(text)
        metadata = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        where, problem = yaml_problem(exc)  # the header starts on line 1
        raise DocumentError(
            f"{source}: front matter{where}: {problem or 'invalid YAML'}; "
            "fix the YAML between the '---' lines"
        ) from None
    except ValueError as exc:
        raise DocumentError(f"{source}: front matter: {exc}") from None
    if metadata is None:
        return {}, body
    if not isinstance(metadata, dict):
        raise DocumentError(
            f"{source}: front matter must be 'key: value' lines, got a {type(metadata).__name__}"
        )
    return metadata, body


def yaml_problem(exc: yaml.YAMLError) -> tuple[str, str | None]:
    """Where a YAML error is (" at line N", or "" when PyYAML cannot say) and what it is."""
    mark = getattr(exc, "problem_mark", None)
    return (f" at line {mark.line + 1}" if mark else ""), getattr(exc, "problem", None)


def _header_lines(blocks: list[dict], lang: str) -> list[str]:
    """The lines of the headings and paragraphs before the steps (a list, the howto
    marker or a part such as "Instructions"): where a document names its exercise."""
    lines = []
    for block in blocks:
        kind = block["type"]
        if kind == "list" or HOWTO_MARKER.search(block.get("raw", "")):
            break
        if kind == "heading" and _section_name(_block_text(block), lang):
            break
        if kind in ("heading", "paragraph"):
            lines += _lines(block) if kind == "paragraph" else [_block_text(block)]
    return [whitespace(line) for line in lines]


def _with_named_lists(
    sections: dict[str, tuple], blocks: list[dict], steps: tuple[Step, ...], lang: str
) -> dict[str, tuple]:
    """The sections, each with the lists right under a line that only names it ("Common
    mistakes:", "**Tips**", "You'll need:"), unless such a list is the steps; they are
    no longer the programming ("Doing 30 reps" is a mistake, not the dose)."""
    told = {step.text for step in steps}
    sections = dict(sections)
    shown = [block for block in blocks if block["type"] != "blank_line"]
    for before, block in pairwise(shown):
        # a line of its own (a heading's list is its section's already)
        name = _part_line(before, lang) if before["type"] == "paragraph" else None
        if block["type"] != "list" or name not in (*_ASIDES, "equipment", "tip"):
            continue
        items = _items(block, lang)
        if told & {step.text for step in _as_steps(items)}:
            continue
        filed = {item.whole for item in items}
        programming = sections.get("programming", ())
        sections["programming"] = tuple(item for item in programming if item.whole not in filed)
        if name in ("equipment", "tip"):
            items = [Item("", item.whole) for item in items]
        sections[name] = (*sections.get(name, ()), *items)
    return sections


def _part_line(block: dict, lang: str) -> str | None:
    """The part a heading or a line of its own names, and nothing more ("Tips:")."""
    if block["type"] not in ("paragraph", "heading"):
        return None
    text = _block_text(block)
    return _section_name(text, lang, whole=True) if len(text.split()) <= 5 else None


def _an_aside(block: dict | None, lang: str) -> bool:
    """Whether a heading or a line of its own only names the mistakes or the variations
    ("Common mistakes:", "**Make it easier**"), whose lists are not the steps (a list
    under "Tips:" or "You'll need:" often is)."""
    return block is not None and _part_line(block, lang) in _ASIDES


def _steps_without_marker(blocks: list[dict], lang: str) -> tuple[Step, ...]:
    """Without a howto or an Execution section: the list (or a table's column of
    instructions) that says what to do, else the first list, else the paragraphs that
    act; a list right under the name of the mistakes or the variations ("Common
    mistakes:") only when there is nothing else."""
    return (
        _list_of_steps(_lists(blocks, lang, asides=False), lang)
        or _acting_paragraphs(blocks, lang)
        or _list_of_steps(_lists(blocks, lang), lang)
    )


def _list_of_steps(lists: list[tuple[list[Item], int | None, bool]], lang: str) -> tuple[Step, ...]:
    """The list that says what to do, else the first."""
    return _acting_list(lists, lang) or (_as_steps(lists[0][0]) if lists else ())


def _acting_list(lists: list[tuple[list[Item], int | None]], lang: str) -> tuple[Step, ...]:
    """The list that most tells the movement (its steps that lift, lower or hold), then
    that most says what to do (not the equipment, the benefits or the faults; not the
    notes on when to stop or progress), the first of equals; one led by a line that
    names the steps ("How to press" after "Setup") if it mostly acts; a numbered list
    broken by a page break goes on where its numbers do."""
    shares = [_acting_share(items, lang) for items, _, _ in lists]
    if not shares or max(shares) < 1 / 3:
        return ()
    named = [i for i, (_, _, names) in enumerate(lists) if names and shares[i] >= 1 / 2]
    ranks = [
        (_moving(items, lang) if share >= 1 / 3 else 0, share)
        for (items, _, _), share in zip(lists, shares, strict=True)
    ]
    first = named[0] if named else ranks.index(max(ranks))
    items, start, _ = lists[first]
    for more, more_start, _ in lists[first + 1 :]:
        if start is not None and more_start == start + len(items):
            items = items + more
    return _as_steps(items)


def _moving(items: list[Item], lang: str) -> int:
    return sum(classify(item.text, None, lang) in ("up", "down", "hold") for item in items)


def _as_steps(items: list[Item]) -> tuple[Step, ...]:
    return tuple(_step(item) for item in items if item.text or item.label)[: MAX_STEPS + 1]


def _step_column(block: dict, lang: str) -> list[Item]:
    """A table's column of instructions (a spreadsheet pasted in), if it has one."""
    names = tuple(catalog(lang).text("sections.step_column"))
    head, *body = block["children"]
    columns = [_inline_text(cell["children"]).lower() for cell in head["children"]]
    rows = [
        [_inline_text(cell["children"]) for cell in row["children"]]
        for part in body
        for row in part["children"]
    ]
    wordy = [
        i
        for i, name in enumerate(columns)
        if name.startswith(names) and any(re.search(r"[^\W\d_]{3}", row[i]) for row in rows)
    ]
    if not wordy:
        return []
    column = max(wordy, key=lambda i: sum(len(row[i]) for row in rows))
    cells = [row[column] for row in rows]
    if len(cells) == 1:  # one row's cell that numbers its steps: "1) Stand tall 2) Hinge"
        cells = numbered_parts(cells[0])[1] or cells
    return [Item("", speakable(cell, lang)) for cell in cells]


def _lists(
    blocks: list[dict], lang: str, asides: bool = True
) -> list[tuple[list[Item], int | None, bool]]:
    """Every list, a quoted one too, and every table's column of instructions (without
    ``asides``, none right under the name of the mistakes or the variations): its items,
    its first number if it is numbered, and whether a short line right before it names
    the steps ("How to press", "Instructions:")."""
    found: list[tuple[list[Item], int | None, bool]] = []
    nested: list[tuple[list[Item], int | None, bool]] = []  # lists in items, after the rest
    before: dict | None = None
    between: list[str] = []  # the paragraphs since the last list
    titled = False  # the last list's steps are titles, each told by a paragraph
    part = False  # under a how-to's "Part 2 of 2": the list goes on from the last
    for block in blocks:
        listed = block["type"] in ("list", "table", "block_quote")
        if listed and not asides and _an_aside(before, lang):  # "Common mistakes:" over it
            between, before = None, block  # a list of another part ends the last for good
            continue
        if found and (way := _way_of_doing(block, lang)):
            if way == "method":
                break  # "Method 2 of 2": another way to do it, not more steps
            part, between, before = True, [], block
            continue
        if block["type"] == "block_quote":
            found += _lists(block["children"], lang)
        elif block["type"] == "table" and (rows := _step_column(block, lang)):
            found.append((rows, None, False))
        elif block["type"] == "list":
            items = _items(block, lang)
            attrs = block.get("attrs", {})
            start = attrs.get("start", 1) if attrs.get("ordered") else None
            last = found[-1] if found else None
            if last and between is not None and _next_stage(last[0], between, items, lang):
                found[-1] = (last[0] + items, last[1], last[2])  # "Coming out" after "Entering"
            elif last and between is not None and (part or _goes_on(last, start)):
                found[-1] = (_told(last[0], between, lang) + items, last[1], last[2])
                titled = all(item.label for item in found[-1][0][: -len(items)])
            else:
                titled = False
                found.append((items, start, _names_the_steps(before, lang)))
            nested += _nested(block, lang)
            between, part = [], False
        elif block["type"] == "paragraph" and between is not None:
            between.append(_block_text(block))
        elif block["type"] == "heading" and between == [] and _stage(_block_text(block), lang):
            between = [_block_text(block)]  # "### Coming out": the next stage's list follows
        elif block["type"] != "blank_line":
            between = None  # a heading or anything else ends a list for good
        if block["type"] != "blank_line":
            before = block
    if titled and between:  # a titled list's last step: its paragraph
        found[-1] = (_told(found[-1][0], between[:1], lang), *found[-1][1:])
    return found + nested


def _nested(block: dict, lang: str) -> list[tuple[list[Item], int | None, bool]]:
    """The lists inside a list's items (a journal's entry "new move from Dev:" over the
    steps of it), each a list of its own."""
    return [
        (_items(inner, lang), None, False)
        for item in block["children"]
        for inner in item.get("children", [])
        if inner["type"] == "list"
    ]


def _way_of_doing(block: dict, lang: str) -> str:
    """ "part" for a how-to's later part ("Part 2 of 2: Doing the Stretch"), "method"
    for its later method ("Method 2 of 2: Adding Weight"); else empty."""
    if block["type"] not in ("heading", "paragraph"):
        return ""
    text = _block_text(block)
    for name in ("part", "method"):
        if (said := vocabulary(lang)[f"how_to_{name}"].match(text)) and int(said[1]) > 1:
            return name
    return ""


def _goes_on(last: tuple[list[Item], int | None, bool], start: int | None) -> bool:
    """Whether a numbered list takes up where the last one stopped ("1. Set up", a
    paragraph, "2. Lower"): the steps are one list, broken by what is said between."""
    items, first, _ = last
    return first is not None and start == first + len(items)


def _next_stage(last: list[Item], between: list[str], items: list[Item], lang: str) -> bool:
    """Whether a list is the next stage of the movement, after the last list: only a
    short line naming the stage ("Coming out", "The lift") between two lists that act.
    A section's name ("Execution" after "Setup") picks its list instead (``_acting_list``)."""
    return (
        len(between) == 1
        and _stage(between[0], lang)
        and _section_name(between[0], lang) is None
        and min(_acting_share(last, lang), _acting_share(items, lang)) >= 1 / 2
    )


def _stage(text: str, lang: str) -> bool:
    return len(text.split()) <= 5 and bool(vocabulary(lang)["stage_label"].search(text))


def _told(items: list[Item], between: list[str], lang: str) -> list[Item]:
    """A list's items with the paragraphs after its last one: a short last item is a
    step's title ("Step 1: Set up") and they tell that step; after a whole instruction
    they are something else (the same step in another language) and are left out."""
    *rest, last = items
    if not between or last.label or len(last.text.split()) > 5 or re.search(r"[.!?]$", last.text):
        return items
    told = speakable(" ".join(between), lang)
    return [*rest, Item(short_title(last.text), f"{last.text}. {told}")]


def _names_the_steps(block: dict | None, lang: str) -> bool:
    if block is None or block["type"] not in ("paragraph", "heading"):
        return False
    text = whitespace(_inline_text(block.get("children", [])))
    return len(text.split()) <= 5 and _section_name(text, lang) == "execution"


def _acting_share(items: list[Item], lang: str) -> float:
    """How much of a list (of two entries or more) tells the body what to do."""
    if len(items) < 2:
        return 0.0
    return sum(bool(classify(item.text, None, lang)) for item in items) / len(items)


def _acting_paragraphs(blocks: list[dict], lang: str) -> tuple[Step, ...]:
    """Without any list, the paragraphs that tell the body what to do are the steps (a
    class script, a poem, an email), up to the first part with another name ("Common
    mistakes"); the opening paragraph describes, unless it is all there is (a note of a
    few lines). A paragraph that walks through the
    movement ("First, ... Then ... Finally, ...") gives a step per stage; a quoted one
    ("> Start standing") is read as any other."""
    paragraphs = []
    for block in _unquoted(blocks):
        if block["type"] == "heading" and paragraphs and block["attrs"]["level"] > 1:
            name = _section_name(_inline_text(block.get("children", [])), lang)
            if name not in (None, "execution", "starting position"):
                break
        if block["type"] == "paragraph":
            paragraphs.append(_said_lines(block, lang))
    in_order = vocabulary(lang)["in_order"]
    opening = paragraphs[:1] if _opens_acting(paragraphs[:1], lang) else []
    acting = (
        _acting_stages(opening + paragraphs[1:], lang)
        or _acting_stages(paragraphs[:1], lang)
        or _acting_sentences(paragraphs, lang)
    )
    titles = (short_title(in_order.sub("", text).lstrip(" ,")) for text in acting)
    return tuple(Step(title, text) for title, text in zip(titles, acting, strict=True))[
        : MAX_STEPS + 1
    ]


def _unquoted(blocks: list[dict]) -> Iterator[dict]:
    for block in blocks:
        if block["type"] == "block_quote":
            yield from _unquoted(block["children"])
        else:
            yield block


def _acting_stages(paragraphs: list[list[str]], lang: str) -> list[str]:
    """The stages of these paragraphs that open by saying what to do."""
    return [
        stage
        for lines in paragraphs
        for text in lines
        if _part_named(text, lang) in (None, "execution", "starting position")
        for stage in _stages(text, lang)
        if (parts := whole_sentences(stage))
        and not (stage.startswith("(") and stage.endswith(")"))  # an aside
        and not stage.endswith("?")  # a question ("So then I just hold it?")
        and not _dose(parts[0], lang)
        and not _opens_with_dose(parts[0], lang)
        and any(classify_step(part, part, None, lang) for part in parts[:2])  # it opens acting
    ]


def _opens_acting(paragraphs: list[list[str]], lang: str) -> bool:
    """The paragraph's first sentence opens on a verb, as said to the listener ("Get onto
    your forearms and toes."): it is a step, not a description ("Squats are the king of
    lifts.", "Rows balance out the pressing.") nor a heading's line ("Sat 14 Sept")."""
    first = next((s for lines in paragraphs for text in lines for s in whole_sentences(text)), "")
    words = re.findall(rf"{WORD}(?:-{WORD})?", first.lower())[:2]
    told = len(words) == 2 and not vocabulary(lang)["told_about"].match(words[1])
    return first.endswith((".", "!")) and told and words[0] in vocabulary(lang).verbs


def _acting_sentences(paragraphs: list[list[str]], lang: str) -> list[str]:
    """Paragraphs that say what to do only after a preamble ("Patients keep asking what
    I do ... A dead hang. Grab a pull-up bar ..."): a step from each sentence that acts;
    a sentence that does not goes with the step before it."""
    steps: list[str] = []
    for sentence in (
        part for lines in paragraphs for text in lines for part in whole_sentences(text)
    ):
        if classify_step(sentence, sentence, None, lang) and not sentence.endswith("?"):
            steps.append(sentence)
        elif steps:
            steps[-1] += f" {sentence}"
    return steps if len(steps) > 1 else []  # one sentence that acts is no walk-through


def _dose(sentence: str, lang: str) -> bool:
    """The sentence only prescribes ("Do 3 rounds of 40 seconds."), and holds nothing."""
    return not unspoken(sentence, lang) and classify_step(sentence, sentence, None, lang) != "hold"


def _opens_with_dose(sentence: str, lang: str) -> bool:
    """The sentence's first clause is a count that only prescribes: "3x10 each arm
    (alternating), 14kg" is the dose line of a jotting, not a step; a count that leads
    into the movement is not."""
    first, *rest = re.split(r"\s*[,;:(]", sentence, maxsplit=1)
    if not (first[:1].isdigit() and _dose(first, lang)):
        return False
    moving = rest and classify_step(rest[0], rest[0], None, lang) in ("up", "down", "hold")
    return not moving  # "5 reps, lowering yourself to the floor ..." is a step


def _said_lines(block: dict, lang: str) -> list[str]:
    """A paragraph's text; its lines one by one when each ends a sentence (a card of
    shouted cues: "STAND TALL like a rocket!", "RUN ON THE SPOT!") or when three or more
    short lines each say what to do (a placard's or a notebook's cue lines)."""
    said = [text for line in _lines(block) if (text := speakable(line, lang))]
    if said and _section_name(said[0], lang, whole=True) == "execution":
        said = said[1:]  # a caption's "how to 👇" over its cue lines
    if len(said) > 1 and all(re.search(r"[.!?]$", text) for text in said):
        return said
    if len(said) > 2 and all(len(text.split()) <= 20 for text in said):
        acting = sum(bool(classify_step(text, text, None, lang)) for text in said)
        if acting >= len(said) - 1:
            return said
    return [speakable(_block_text(block), lang)]


def _lines(block: dict) -> list[str]:
    """A paragraph's text line by line, as it was broken."""
    lines, line = [], []
    for child in block.get("children", []):
        if child["type"] in ("softbreak", "linebreak"):
            lines.append(line)
            line = []
        else:
            line.append(child)
    return [_inline_text(part) for part in [*lines, line]]


def _another_parts(block: dict, lang: str) -> list[Item]:
    """A paragraph under a step that opens on another part's name ("**Tip:** ...",
    "Common faults: ...", "Dose: 3 x 10"): that part's, not the step's to say."""
    items = _filed_items(block, lang) if block["type"] == "paragraph" else []
    named = _part_named(items[0].text, lang) if items else None
    return items if named not in (None, "execution", "starting position") else []


def _part_named(text: str, lang: str, whole: bool = False) -> str | None:
    """The part of the document a paragraph's plain label names ("Dosage: 3 x 10";
    ``whole``: the label is the part's name and no more)."""
    plain = PLAIN_LABEL.match(text)
    return _section_name(plain[1], lang, whole) if plain else None


def _stages(text: str, lang: str) -> list[str]:
    """A paragraph cut where its sentences say the order ("First, ...", "Then ...",
    "Finally, ..."), when it says it twice or more; else the paragraph whole."""
    in_order = vocabulary(lang)["in_order"]
    parts = whole_sentences(text)
    starts = [index for index, sentence in enumerate(parts) if in_order.match(sentence)]
    if len(starts) < 2:
        return [text]
    bounds = [0, *(i for i in starts if i), len(parts)]
    return [" ".join(parts[a:b]) for a, b in pairwise(bounds) if a < b]


def _plain_value(value: Any) -> str:
    """A front matter value as plain text, markup and HTML removed."""
    if value is None or isinstance(value, dict | list):
        return ""
    return _strip_html(str(value)).strip()


def _read_body(
    blocks: list[dict], lang: str
) -> tuple[dict[str, tuple], tuple[Step, ...] | None, str, str]:
    """Return the named sections, the howto steps (None without a marker), the first
    top-level heading (or a heading of no part that opens the document) and the first
    paragraph before any section (a description)."""
    sections: dict[str, list] = {}
    steps: list[Step] | None = None
    current: list | None = None
    heading = ""
    step_title: str | None = None
    step_text: list[str] = []
    lead = ""
    in_section = False
    ended = False  # the howto's steps are over: a part such as "Common mistakes" follows
    step_level = 7  # the level of the howto's step headings, once one is read

    def close_step() -> None:
        if steps is not None and step_title is not None:
            steps.append(Step(step_title, speakable(" ".join(step_text), lang)))

    opening = next((b for b in blocks if b["type"] != "blank_line"), None)
    acting: set[int] = set()  # the headings that may go on a howto's steps at a level above
    for block in blocks:
        kind = block["type"]
        if kind == "block_html" and HOWTO_MARKER.search(block.get("raw", "")):
            steps, current = [], None
            acting = _acting_headings(blocks, lang)
        elif kind == "heading":
            raw = whitespace(_inline_text(block.get("children", [])))
            text = speakable(raw, lang)
            name = _section_name(text, lang)
            level = block["attrs"]["level"]
            read_a_step = bool(steps) or step_title is not None
            ended = ended or (steps is not None and _ends_the_steps(text, name, read_a_step, lang))
            # "## Changelog" after "### Step 5", not "## Post on the hand" after "### Roll"
            ended = ended or (read_a_step and level < step_level and id(block) not in acting)
            if not heading and (level == 1 or (block is opening and name is None)):
                heading = raw
            elif steps is not None and not ended and name != "programming":
                close_step()
                in_section = False
                step_title, step_text = vocabulary(lang)["step_number"].sub("", text), []
                step_level = level if step_level > 6 else step_level  # the first step's
            else:
                close_step()
                step_title = None
                in_section = True
                current = sections.setdefault(name or "notes", [])
                if current is not None and name == "execution":
                    current = _ExecutionItems(current, sections, lang)
        elif steps is not None and step_title is not None and not in_section:
            if aside := _another_parts(block, lang):  # "**Tip:** ..." under the last step
                _file(aside, [], sections, lang)
            else:
                step_text.append(_block_text(block))
        elif current is not None:
            current.extend(_items(block, lang))
        elif not in_section and kind in ("paragraph", "table", "list", "block_quote"):
            # later on ("Do 3 x 10.") or a part's ("Equipment: ...") it is read as such
            if lead or kind != "paragraph" or _another_parts(block, lang):
                quoted = kind == "block_quote"  # a forum's quoted question: after the answer
                part = sections.setdefault("notes" if quoted else "programming", [])
                _file(_filed_items(block, lang), part, sections, lang)
            else:
                lead = whitespace(_block_text(block))
    close_step()
    found = {
        name: tuple(item for item in items if item.text or item.label)
        for name, items in sections.items()
    }
    return (
        found,
        (tuple(s for s in steps if s.title or s.text) if steps is not None else None),
        heading,
        lead,
    )


def _acting_headings(blocks: list[dict], lang: str) -> set[int]:
    """The headings (by id) that say what to do, or whose text opens by saying it (not a
    question's: "How I program it")."""
    shown = [b for b in blocks if b["type"] != "blank_line"]
    acting = set()
    for heading, after in zip(shown, [*shown[1:], None], strict=True):
        if heading["type"] != "heading":
            continue
        title = whitespace(_inline_text(heading.get("children", [])))
        opens = (
            whole_sentences(_block_text(after))[:1]
            if after and after["type"] == "paragraph"
            else []
        )
        asks = re.match(r"(?:how|why|what|when|where|who|which)\b", title, re.IGNORECASE)
        if any(classify_step(text, text, None, lang) for text in [title, *opens]) and not asks:
            acting.add(id(heading))
    return acting


class _ExecutionItems(list):
    """An Execution section's list entries are steps; a paragraph beside them ("Do 3
    rounds.") is programming, one that opens the list ("... is as follows:", "New to
    dumbbells? ...") a note, and an entry labeled with another part's name ("Dosage: 3 x
    10", "Watch for: ...") belongs to that part. With no list, the paragraphs that say
    what to do are the steps."""

    def __init__(self, steps: list, sections: dict[str, list], lang: str) -> None:
        super().__init__()
        self.steps, self.sections, self.lang = steps, sections, lang
        self.leading: list[Item] = []  # paragraphs before any list: steps, unless one opens a list

    def extend(self, items: Any) -> None:  # type: ignore[override]
        items = list(items)
        if not items:
            return
        single = len(items) == 1 and not items[0].label
        if not single and len(self.leading) > 1:  # the steps were said; a list after them
            self.sections.setdefault("notes", []).extend(items)  # is something else
            return
        if not single and self.leading:  # the paragraph led into this list
            del self.steps[:1]
            self.sections.setdefault("notes", []).extend(self.leading)
            self.leading = []
        opening = single and items[0].text.endswith(":")
        aside = self.leading and not _acting_step(items[0].text, self.lang)  # after steps
        if single and (opening or aside or (self.steps and not self.leading)):
            self.sections.setdefault("notes" if opening else "programming", []).extend(items)
            return
        if single:
            self.leading.append(items[0])
        _file(items, self.steps, self.sections, self.lang)


def _acting_step(text: str, lang: str) -> bool:
    """Whether a paragraph says what to do, and is no dose."""
    return bool(classify_step(text, text, None, lang)) and not _dose(text, lang)


def _file(items: list[Item], default: list, sections: dict[str, list], lang: str) -> None:
    """Each entry into ``default``, unless its label, bold or plain, names another part
    of the document ("Dosage: 3 x 10", "Equipment: a bench"): then into that part. An
    entry whose later sentence opens on such a name ("Make it easier: drop to your knees.
    Make it harder: ...") is cut there."""
    for item in (piece for whole in items for piece in _cut_at_labels(whole, lang)):
        plain = None if item.label else PLAIN_LABEL.match(item.text)
        if plain and _section_name(plain[1], lang):
            item = Item(plain[1], item.text[plain.end() :])
        part = _section_name(item.label, lang) if item.label else None
        if part in (None, "execution", "starting position"):
            default.append(item)
        elif part in ("equipment", "tip"):
            sections.setdefault(part, []).append(Item("", item.text))
        else:
            sections.setdefault(part, []).append(item)


def _cut_at_labels(item: Item, lang: str) -> list[Item]:
    """The entry, cut before each later sentence that opens on a part's name and no more
    ("Harder: ...", not "You'll need a soft surface: your bed")."""
    ends = [m.end() for m in re.finditer(r"(?<=[.!?])\s+", item.text)]
    cuts = [end for end in ends if _part_named(item.text[end:], lang, whole=True)]
    pieces = [item.text[a:b].strip() for a, b in pairwise([0, *cuts, len(item.text)])]
    return [Item(item.label, pieces[0]), *(Item("", piece) for piece in pieces[1:])]


_OUTLINE_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+")  # "4.3.2 Performing the exercise"


def _ends_the_steps(heading: str, name: str | None, after_a_step: bool, lang: str) -> bool:
    """Whether a heading (opening the part ``name``) after the howto's first step is
    that part's name, whole: the mistakes, tips, variations or notes ("### Common
    mistakes", "### Coaching notes:"), not a step that starts with such a word ("###
    Avoid arching", "### Safety check")."""
    if not after_a_step or name in (None, "starting position", "execution", "programming"):
        return False
    named = re.sub(r"\s+to avoid:?$", "", heading.strip(), flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", named, flags=re.IGNORECASE)
    return all(_section_name(part, lang, whole=True) for part in parts)


def _section_name(heading: str, lang: str, whole: bool = False) -> str | None:
    """Which part of the document a heading opens, by the names its language gives it
    (``whole``: the heading is such a name and nothing more)."""
    lowered = _OUTLINE_NUMBER.sub("", heading.lower().rstrip(":?").strip())
    for name in SECTIONS:
        pattern = catalog(lang).pattern(f"sections.{name.replace(' ', '_')}", whole=True)
        if (pattern.fullmatch if whole else pattern.match)(lowered):
            return name
    return None


def _items(block: dict, lang: str) -> list[Item]:
    """List entries as items; a table's rows as "Sets: 3, Reps: 10" items; a paragraph
    becomes one item with no label."""
    if block["type"] == "list":
        return [_item(child.get("children", []), lang) for child in block.get("children", [])]
    if block["type"] == "table":
        return _table_items(block, lang)
    text = speakable(_block_text(block), lang)
    return [Item("", text)] if text else []


def _filed_items(block: dict, lang: str) -> list[Item]:
    """A block's items to file by their labels; a paragraph's one a field when it is
    only fields, a line each or set apart ("Equipment: Dumbbells · Primary: Biceps")."""
    if block["type"] == "paragraph":
        pieces = (piece for line in _lines(block) for piece in _FIELD_APART.split(line))
        fields = [text for piece in pieces if (text := speakable(piece, lang))]
        if len(fields) > 1 and all(PLAIN_LABEL.match(field) for field in fields):
            return [Item("", field) for field in fields]
    return _items(block, lang)


_FIELD_APART = re.compile(r"\s+[·•|]\s+")


def _table_items(block: dict, lang: str) -> list[Item]:
    """One item per row, each cell named by its column: "Sets: 3, Reps: 12 to 15"; in a
    table whose columns have no names, by the row's first cell ("| Rest | 2:00 |")."""
    head, *body = block.get("children", [])
    names = [_inline_text(cell.get("children", [])) for cell in head.get("children", [])]
    rows = [
        [_inline_text(cell.get("children", [])) for cell in row.get("children", [])]
        for part in body
        for row in part.get("children", [])
    ]
    if any(names):
        named = [list(zip(names, cells, strict=False)) for cells in rows]
    else:
        named = [[(name, ", ".join(filter(None, cells)))] for name, *cells in rows if any(cells)]
    said = (", ".join(f"{name}: {text}" for name, text in row) for row in named)
    return [
        Item("", speakable(text if text.endswith((".", "!", "?")) else f"{text}.", lang))
        for text in said
    ]


def _item(children: list[dict], lang: str) -> Item:
    """Split a leading bold label off (``**Label:** text``), or a short first line
    over the entry's text (a toggle's title)."""
    first = children[0].get("children", []) if children else []
    parts = [child for child in children if child["type"] != "blank_line"]
    titled = len(parts) > 1 and parts[1]["type"] == "paragraph"  # not over a list
    heading = _block_text(parts[0]).strip() if titled else ""
    if heading and len(heading.split()) <= 5 and not re.search(r"[.!?:;,]$", heading):
        rest = " ".join(_block_text(c) for c in parts[1:])  # the title is said too
        return Item(speakable(heading, lang), speakable(f"{heading}. {rest}", lang))
    if first and first[0]["type"] == "strong":
        label = speakable(_inline_text(first[0].get("children", [])), lang).rstrip(":").strip()
        rest = speakable(
            _inline_text(first[1:]) + " " + " ".join(_block_text(c) for c in children[1:]), lang
        )
        return Item(label, rest.lstrip(": ").strip())
    return Item("", speakable(" ".join(_block_text(c) for c in children), lang))


def _block_text(block: dict) -> str:
    kind = block["type"]
    if kind in ("block_html", "html_block"):
        return _strip_html(block.get("raw", ""))
    if kind in ("block_code", "thematic_break", "blank_line"):
        return ""
    if "children" in block and kind in ("paragraph", "block_text", "heading"):
        return _inline_text(block["children"])
    return " ".join(_block_text(child) for child in block.get("children", []))


def _inline_text(children: list[dict]) -> str:
    parts = []
    for child in children:
        kind = child["type"]
        if kind in ("text", "codespan", "inline_html"):
            parts.append(_strip_html(child.get("raw", "")))
        elif kind in ("softbreak", "linebreak"):
            parts.append(" ")
        elif kind == "image":
            continue
        else:
            parts.append(_inline_text(child.get("children", [])))
    return _remove_markup("".join(parts))  # a tag may straddle two nodes


def _strip_html(text: str) -> str:
    """Plain text: entities decoded first (so "&lt;b&gt;" cannot become a tag), then
    comments (closed or not), scripts, styles and tags removed."""
    return _remove_markup(html.unescape(text))


def _remove_markup(text: str) -> str:
    text = re.sub(r"<!--.*?(-->|$)", " ", text, flags=re.DOTALL)
    text = re.sub(r"<(script|style)\b.*?(</\1\s*>|$)", " ", text, flags=re.DOTALL | re.IGNORECASE)
    return re.sub(r"<[^>]*>", " ", text)
