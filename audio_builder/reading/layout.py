"""Other ways of writing a list, rewritten as markdown before the document is parsed:
HTML from a blog (``<ol><li>``, ``<h3>``, ``<p>``), LaTeX (``\\item``), a forum's
BBCode (``[list][*]``), AsciiDoc (``== Technique``, ``. Kneel``), rows pasted from a
spreadsheet (tab-separated), exported as CSV or lined up with spaces under a header of
dose columns ("SET   KG   REPS"), "Step 1:" paragraphs, lettered items ("a) ...", "(b) ..."),
bullets pasted from a word processor ("•", "→", "~", "◆"), numbers in code ("`1.`"), in
roman numerals ("i. ... ii. ...") or left to reStructuredText ("#."), counted lines
("1-2   rise ..."), definition lists ("Term" then ": what to do"), an outline ("3.
Procedure", "3.1 Stand ..."), steps numbered inside a sentence ("(1) ... (2) ...",
"Count 1 — ..."), on one line between arrows ("a → b → c"), each led by an emoji or
numbered in keycaps ("1️⃣ ...", a carousel's "Slide 2️⃣ ..."), in brackets ("(1)
Stand") or with no dot ("1 Stand", "2 Reach"); and the posts of a thread ("2/6 ..."),
the turns of a chat ("Coach: ...", "[21:04] <nick> ..."), the speeches of a script, the
cues of captions (SRT, WebVTT) or the lines of a timestamped transcript ("00:21 So
first ...") as paragraphs. Everything else is left as written."""

from __future__ import annotations

import csv
import re

from audio_builder.reading.markup import (
    from_bbcode,
    from_code_lists,
    from_json,
    from_latex,
    from_mediawiki,
    from_notes,
    from_org,
    from_pandoc_spans,
    from_wiki,
    is_bbcode,
    is_latex,
    is_mediawiki,
    is_org,
    is_wiki,
    markdown_list,
)
from audio_builder.reading.outline import from_outline, is_outline

_BLOCK_HTML = re.compile(r"<(?:ol|ul|li|p|h[1-6])\b", re.IGNORECASE)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_LIST = re.compile(r"<(ol|ul)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?:</li\s*>|(?=<li\b)|$)", re.IGNORECASE | re.DOTALL)
_PARAGRAPH = re.compile(  # a <div> that holds no other block (a page's wrapper is not one)
    r"<(p)\b[^>]*>(.*?)</p\s*>|<(div)\b[^>]*>((?:(?!<(?:p|div)\b|\n[ \t]*\n).)*?)</div\s*>",
    re.IGNORECASE | re.DOTALL,
)
_WRAPPER = re.compile(r"</?div\b[^>]*>", re.IGNORECASE)  # left of a page's layout
_TOGGLE = "▸▹▾▿"  # a collapsible entry's mark (Notion)
_NUMBERED_STEP = re.compile(  # "Step 1: Stand ...", "**Step 2 —** Hinge ...", "- Step 3 — Hold"
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?step[ \t]+(\d{1,2})"
    r"[ \t]*(?:[:.)—–-][ \t]*)?(?:\*\*|__)?[ \t]*(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)
_STEP_OVER_TEXT = re.compile(  # an app's "Step 1" (a carousel's "SLIDE 2") over its text
    r"^[ \t]*(?:\*\*|__)?(?:step|(slide))[ \t]+(\d{1,2})[ \t]*[:.]?[ \t]*(?:\*\*|__)?[ \t]*\n"
    r"(?:[ \t]*\n)?[ \t]*(?=[^\W\d])"
    # a slide's heading over its text ("DRIVE"), not the next slide's number
    r"(?(1)(?:((?:[^\W\d][\w'-]*[ \t]*){1,3})\n(?![ \t]*slide\b)(?=[ \t]*[^\W\d]))?)",
    re.IGNORECASE | re.MULTILINE,
)
# "4. Hold ..." right under a line of text (a list broken by a page break) starts a list
_NUMBERED_AFTER_TEXT = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\d{1,2}[.)][ \t]+\S)")
_ROMAN = re.compile(r"^[ \t]*\(?(i{1,3}|iv|vi{0,3}|ix|x)[.)][ \t]+(?=\S)", re.MULTILINE)
_TIMESTAMP_LINE = re.compile(  # "00:21 So first thing, grab the bar": a transcript's line
    r"^[ \t]*[\[(]?(?:\d{1,2}:)?\d{1,2}:\d\d[\])]?[ \t]+"
    r"(?:<[^>\n]{1,30}>[ \t]+)?(?=[^\W\d]|\d{1,2}[.)][ \t])",  # a chat's "[21:04] <nick> 1) ..."
    re.MULTILINE,
)
_SPEAKER_LINE = re.compile(  # a transcript's "Speaker 1  1:09" over what was said then
    r"^[ \t]*[^\W\d][\w.'-]*(?:[ \t]+[\w.'-]+){0,2}[ \t]+((?:\d{1,2}:)?\d{1,2}:\d\d)[ \t]*\n"
    r"(?=[ \t]*(?:[^\W\d][\w'-]*[ \t,]+){3})",
    re.MULTILINE,
)
_TIME_LINE = re.compile(  # a video transcript's "0:13" over the words said then
    r"^[ \t]*((?:\d{1,2}:)?\d{1,2}:\d\d)[ \t]*\n(?=[ \t]*[^\W\d])", re.MULTILINE
)
_LETTERED = re.compile(r"^[ \t]*(?:\(([a-z])\)|([a-z])[.)])[ \t]+(?=\S)", re.MULTILINE)
_BULLET_MARKS = "•◦▪‣●○■□◆◇♦❖➤►▶✓✔☐☑→⇒➔➜➝»·"
_BULLET = (
    re.compile(  # "• Stand", "→ Stand", "~ Stand", ">> Stand", "– Stand", a toggle's "- ▸ Stand"
        rf"^([ \t]*)(?:(?:[-*+][ \t]+[{_TOGGLE}]|[{_BULLET_MARKS}{_TOGGLE}]\uFE0F?|>>|–"
        r"|~(?=[ \t]+[^\W\d]))[ \t]+"
        r"|[・･][ \t]*)(?=\S)",  # Japanese sets its "・" close to the text
        re.MULTILINE,
    )
)
_TITLED_ITEM = re.compile(  # "- ▸ Brace" over "    Press your lower back ...": "Brace. Press"
    r"^([ \t]*)((?:[-*+]|\d{1,2}[.)])[ \t]+)((?:[^\W\d][\w'-]*[ \t]*){1,4})[ \t]*\n"
    r"(?=\1[ \t]{2,}[A-Z])",
    re.MULTILINE,
)
_CODE_NUMBER = re.compile(r"^([ \t]*)`(\d{1,2}[.)])`[ \t]*(?=\S)", re.MULTILINE)  # "`1.` Attach"
_ASCIIDOC_HEADING = re.compile(r"^(={1,6})[ \t]+(?=[^\W\d])", re.MULTILINE)  # "== Technique"
_ASCIIDOC_SECTION = re.compile(r"^==[ \t]+[^\W\d]", re.MULTILINE)
_ASCIIDOC_ITEM = re.compile(r"^([ \t]*)\.[ \t]+(?=\S)", re.MULTILINE)  # ". Kneel down"
_AUTO_NUMBER = re.compile(r"^([ \t]*)#\.[ \t]+(?=\S)", re.MULTILINE)  # reStructuredText's "#. Hold"
_KEYCAP = re.compile(  # "1️⃣ Sit ...", a carousel's "Slide 2️⃣ Hold ..."
    r"^([ \t]*)(?:slide[ \t]+)?(\d)\uFE0F?\u20E3[ \t]*(?=\S)", re.MULTILINE | re.IGNORECASE
)
_COUNTED = re.compile(
    r"^[ \t]*\d{1,2}(?:[ \t]*[–-][ \t]*\d{1,2})?(?:\t+|[ \t]{2,})(?=\S)", re.MULTILINE
)
_PAREN_NUMBER = re.compile(r"^([ \t]*)\((\d{1,2})\)[ \t]+(?=\S)", re.MULTILINE)  # " (1) Stand"
_OCR_ONE = re.compile(  # an OCR's "l." or "I." for the "1." of a list its "2." goes on
    r"^([ \t]*)[lI]\.(?=[ \t]+\S[^\n]*\n(?:[^\n]*\n){0,4}?[ \t]*2\.[ \t])", re.MULTILINE
)
_BARE_NUMBER = re.compile(r"^([ \t]*)(\d{1,2})[ \t]+(?=[A-Z][a-z])", re.MULTILINE)  # "1 Stand ..."
_TAB_ROWS = re.compile(r"(?:^[^\n]*\t[^\n]*\t[^\n]*(?:\n|$)){2,}", re.MULTILINE)
# a line of numbers over a long rule ("-----", "=====") is text, not a heading underlined
_DOSE_OVER_RULE = re.compile(r"^([^\n]*\d[^\n]*)\n([ \t]*(?:-{20,}|={20,})[ \t]*)$", re.MULTILINE)
_DEFINITION = re.compile(
    r"^([^\s:>#|\-*][^\n]*)\n((?:[ \t]*\n)?(?::[ \t]+[^\n]+\n?)+)", re.MULTILINE
)


_FILE_HEADER = re.compile(  # a flashcard export's "#separator:tab", "#tags column:4"
    r"\A(?:#(?:separator|html|tags|deck|notetype|guid|columns|if matches)(?: column)?:[^\n]*\n)+"
)
_SKIP_LINK = re.compile(  # a web page's first line, for screen readers: "Skip to content"
    r"^[ \t]*(?:skip to (?:the )?(?:main )?(?:content|navigation)|zum inhalt springen"
    r"|aller au contenu|saltar al contenido|ir al contenido)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_TILDE_RULE = re.compile(r"^[ \t]*~{3,}[ \t]*$", re.MULTILINE)  # a newsletter's "~~~", no code
_TILDE_FENCE = re.compile(r"^[ \t]*~{3,}[ \t]*[^\s~]", re.MULTILINE)  # "~~~text": a real fence
_CAPTION_TIME = re.compile(
    r"^[ \t]*(?:\d+[ \t]*\n)?[ \t]*(?:\d\d:)?\d\d:\d\d[.,]\d{3}[ \t]*-->[^\n]*\n", re.MULTILINE
)
_POST = re.compile(  # "2/6 Lift ...", or "2/6" on a line of its own
    r"^[ \t]*(\d{1,2})/(\d{1,2})\b(?:[ \t:.)-]*(?=\S)|[ \t]*$)", re.MULTILINE
)
_INLINE_NUMBER = re.compile(  # "(1) Stand", "2) Hinge", a drill's "Count 1 — Spring", a
    # bot's "Step 1: ... | Step 2: ...", a pin's "Step 1 lie down ... Step 2 lift ..."
    r"(?:^|(?<=\s))(?:\(?(\d{1,2})\)|counts?[ \t]+(\d{1,2})(?:[ \t]+(?:and|to|&)[ \t]+\d{1,2})?"
    r"[ \t]*[—–:-]|steps?[ \t]+(\d{1,2})(?:[ \t]*[:.—–-]|(?=[ \t]+[^\W\d])))[ \t]+(?=\S)",
    re.IGNORECASE,
)
_COUNT_LINE = re.compile(
    r"^[ \t]*counts?[ \t]+\d{1,2}(?:[ \t]+(?:and|to|&)[ \t]+\d{1,2})?[ \t]*[—–:-][ \t]*(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)
_UNIT_AFTER = r"(?!(?:minutes?|mins?|seconds?|secs?|s|kg|kgs|lbs?|m|km|miles?|%)\b)"
_OUTLINE_POINT = re.compile(rf"^[ \t]*\d+\.\d+\.?[ \t]+{_UNIT_AFTER}(?=\S)", re.MULTILINE)
_OUTLINE_SUBPOINT = re.compile(rf"^[ \t]*\d+\.\d+\.\d+\.?[ \t]+{_UNIT_AFTER}(?=\S)", re.MULTILINE)
_OUTLINE_TITLE = re.compile(  # "3. Procedure" over its points
    r"^[ \t]*\d+\.[ \t]+([^\n]{1,40}?)[ \t]*$(?=\n[ \t]*\d+\.\d+)", re.MULTILINE
)
_SLUGLINE = re.compile(r"^[ \t]*(?:INT\.|EXT\.|FADE IN:)", re.MULTILINE)
_CUE = re.compile(  # "MAYA (CONT'D)" on a line of its own, then what she says
    r"^[ \t]*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,2})(?: \([A-Z.' ]+\))?[ \t]*\n"
    r"((?:[ \t]*\S[^\n]*\n?)+)",
    re.MULTILINE,
)
_OMITTED = re.compile(  # a chat export's stand-in for what it did not export
    r"(?<=: )<?(?:Media|image|video|audio|sticker|GIF|document) omitted>?[ \t]*$", re.I | re.M
)
PICTOGRAPHS = "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"  # emoji, as a class's ranges
_PICTOGRAPH = rf"[{PICTOGRAPHS}][\uFE0F\u200D\U0001F3FB-\U0001F3FF]*"
_TURN = re.compile(  # "Sam: ...", a chat export's "[18:42, 09/04/2024] Sam: ..."
    r"^[ \t]*(?P<stamp>\[[^\]\n]{1,30}\][ \t]*"
    r"|\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d\d(?: ?[AP]M)? - )?"
    r"(?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)"
    # a role or an emoji after the name: "Priya (PT): ...", "Jess 🏃‍♀️: ..."
    rf"(?:[ \t]*\([\w .'-]{{1,15}}\)|[ \t]*(?:{_PICTOGRAPH})+)?[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
_EMOJI_LINES = re.compile(  # three lines or more in a row, each led by an emoji
    rf"(?:^[ \t]*(?:{_PICTOGRAPH})+[ \t]*\S[^\n]*(?:\n|$)){{3,}}", re.MULTILINE
)
PLAIN_LABEL = re.compile(  # "Progressions: tuck → ...", "Progression (when advised): ..."
    r"([^\W\d_][\w' -]{1,30}?)\s*(?:\([^()\n]{1,60}\)\s*)?:\s+"
)
_ARROW = re.compile(r"[ \t]*(?:→|⟶|->|=>|⇒)[ \t]*")
_FIELD_GAP = re.compile(r"(?<=\S)(?: {2,}|\t)(?=[^\W\d_][\w' -]{1,30}:\s)")  # "15    Sets: 3"
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]")  # a step of a list already


def as_markdown(body: str) -> str:
    """The body with the lists it writes in other ways turned into markdown lists."""
    body = _SKIP_LINK.sub("", _FILE_HEADER.sub("", body))
    if not _TILDE_FENCE.search(body):
        body = _TILDE_RULE.sub("\n* * *\n", body)
    body = from_pandoc_spans(from_code_lists(from_json(body)))
    if is_latex(body):
        body = from_latex(body)
    if is_bbcode(body):
        body = from_bbcode(body)
    if is_wiki(body):
        body = from_wiki(body)
    if is_org(body):
        body = from_org(body)
    if is_mediawiki(body):  # before a notes app's links go, which tell it
        body = from_mediawiki(body)
    body = from_notes(body)
    if is_outline(body):
        body = from_outline(body)
    if len(_ASCIIDOC_SECTION.findall(body)) > 1:  # an AsciiDoc page: "== Equipment", ...
        body = _ASCIIDOC_HEADING.sub(lambda m: "#" * len(m[1]) + " ", body)
        body = _ASCIIDOC_ITEM.sub(r"\g<1>1. ", body)
    if _BLOCK_HTML.search(body):
        body = _from_html(body)
    if len(_CAPTION_TIME.findall(body)) > 1:
        body = re.sub(r"^WEBVTT[^\n]*\n", "", _CAPTION_TIME.sub("\n", body))
    if len(_TIMESTAMP_LINE.findall(body)) > 2:
        body = _TIMESTAMP_LINE.sub("\n", body)  # each line of a transcript a paragraph
    body = _times_left_out(body, _SPEAKER_LINE, "\n")  # each speaker's words a paragraph
    body = _times_left_out(body, _TIME_LINE, "")  # the words run on, as they were said
    body = _outline(body)
    body = _DOSE_OVER_RULE.sub("\\1\n\n\\2", body)
    body = _counts(body)
    body = _screenplay(body)
    body = _posts(body)
    body = _turns(body)
    body = _OCR_ONE.sub(r"\g<1>1.", body)
    body = _KEYCAP.sub(r"\1\2. ", body)
    body = _CODE_NUMBER.sub(r"\1\2 ", body)
    body = _AUTO_NUMBER.sub(r"\g<1>1. ", body)
    body = _EMOJI_LINES.sub(_emoji_list, body)
    body = _each_line(body, _inline_list)
    body = _each_line(body, _fields)
    body = _csv_rows(body)
    body = _spaced_columns(body)
    body = _TAB_ROWS.sub(_table, body)
    body = _BULLET.sub(r"\1- ", body)
    if len(_COUNTED.findall(body)) > 1:
        body = _COUNTED.sub("- ", body)
    if [int(m[2]) for m in _PAREN_NUMBER.finditer(body)][:2] == [1, 2]:
        body = _PAREN_NUMBER.sub(r"\1\2. ", body)  # lines numbered "(1)", "(2)" ...
    if [int(m[2]) for m in _BARE_NUMBER.finditer(body)][:3] == [1, 2, 3]:
        body = _BARE_NUMBER.sub(r"\1\2. ", body)  # lines numbered without a dot, 1 2 3 ...
    body = _STEP_OVER_TEXT.sub(lambda m: f"{m[2]}. " + (f"{m[3].strip()}. " if m[3] else ""), body)
    body = _NUMBERED_STEP.sub(lambda m: f"{m[1]}. ", body)
    body = _in_order(body, _ROMAN, _NUMERALS, 3)
    body = _in_order(body, _LETTERED, _LETTERS, 2)
    body = _NUMBERED_AFTER_TEXT.sub("\n\n", body)
    body = _TITLED_ITEM.sub(lambda m: f"{m[1]}{m[2]}{m[3].strip()}. ", body)
    return _DEFINITION.sub(_definition, body)


def _times_left_out(body: str, lines: re.Pattern[str], instead: str) -> str:
    """A transcript's lines of times ("0:13", "Speaker 1  1:09"), two or more at times
    that go on, each over what was said then: they are not read (``instead`` of each)."""
    clocks = [match[1].split(":") for match in lines.finditer(body)]
    times = [(len(parts), tuple(map(int, parts))) for parts in clocks]  # 1:02:03 after 59:00
    if len(times) < 2 or times != sorted(set(times)):
        return body
    return lines.sub(instead, body)


def _counts(body: str) -> str:
    """A drill's "Count 1 — Spring lightly ...": the count said first is dropped, and count
    lines one under the other are a list, a step a count."""
    lines = body.split("\n")
    counted = [bool(_COUNT_LINE.match(line)) for line in lines]
    if sum(counted) < 2:
        return body
    for index, line in enumerate(lines):
        if counted[index]:
            neighbours = counted[max(index - 1, 0) : index] + counted[index + 1 : index + 2]
            lines[index] = _COUNT_LINE.sub("- " if any(neighbours) else "", line)
    return "\n".join(lines)


def _from_html(body: str) -> str:
    body = _HEADING.sub(lambda m: f"\n\n{'#' * int(m[1])} {_one_line(m[2])}\n\n", body)
    body = _HTML_LIST.sub(_html_list, body)
    return _WRAPPER.sub(
        "\n", _PARAGRAPH.sub(lambda m: f"\n\n{_one_line(m[2] or m[4] or '')}\n\n", body)
    )


def _table(match: re.Match[str]) -> str:
    """Tab-separated rows as markdown tables, the first row of each its header; a row
    with one cell filled is a line of text and ends the table before it."""
    parts: list[str | list[list[str]]] = []
    rows: list[list[str]] | None = None
    for line in match[0].splitlines():
        cells = [cell.strip() for cell in line.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        if sum(bool(cell) for cell in cells) > 1:
            if rows is None:
                rows = []
                parts.append(rows)
            rows.append(cells)
        else:
            rows = None
            if said := " ".join(cells).strip():
                parts.append(said)
    tables = (part if isinstance(part, str) else _markdown_table(part) for part in parts)
    return "\n\n" + "\n\n".join(tables) + "\n\n"


_CELL_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_DOSE_COLUMN = re.compile(  # a column of a program sheet or a log: "SETS", "Sets x Reps"
    r"(?:sets?|reps?|rest|tempo|load|weight|kg|lbs?|rpe|hold|time|rounds?|duration)"
    r"(?:\s*[x×/]\s*(?:reps?|time))?",
    re.IGNORECASE,
)


def _csv_rows(body: str) -> str:
    """Rows exported as CSV (a header and two rows or more, each of the same four
    fields or more) as tab-separated rows."""
    lines = body.split("\n")
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].count(",") >= 3:
            end += 1
        rows = list(csv.reader(lines[start:end]))
        if end - start > 2 and len(rows[0]) > 3 and len({len(row) for row in rows}) == 1:
            lines[start:end] = ["\t".join(cell.strip() for cell in row) for row in rows]
        start = max(end, start + 1)
    return "\n".join(lines)


def _spaced_columns(body: str) -> str:
    """Columns a program sheet or a log lines up with spaces ("SET   KG   REPS" over
    "1     12   10") as tab-separated rows: the header names at least two dose columns,
    each row has its cells under the last of them."""
    lines = body.split("\n")
    for start, line in enumerate(lines):
        header = _CELL_GAP.split(line.strip())
        if sum(bool(_DOSE_COLUMN.fullmatch(cell)) for cell in header) < 2 or re.search(
            "[|\t]", line
        ):
            continue
        end = start + 1
        while (
            end < len(lines)
            and len(cells := _CELL_GAP.split(lines[end].strip())) > 1
            and "\t" not in lines[end]
        ):
            if len(cells) > len(header):
                break
            lines[end] = "\t".join([""] * (len(header) - len(cells)) + cells)
            end += 1
        if end > start + 1:
            lines[start] = "\t".join(header)
    return "\n".join(lines)


def _markdown_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join((row + [""] * width)[:width]) + " |" for row in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def _html_list(match: re.Match[str]) -> str:
    items = [_one_line(item) for item in _HTML_ITEM.findall(match[2])]
    return markdown_list(items, match[1].lower() == "ol")


def _one_line(text: str) -> str:
    return " ".join(re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE).split())


_LETTERS = [chr(code) for code in range(ord("a"), ord("z") + 1)]
_NUMERALS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def _in_order(body: str, marks: re.Pattern[str], labels: list[str], shortest: int) -> str:
    """Items marked in order from the first label (a, b, c ...; i, ii, iii ...) become
    numbered ones, when at least ``shortest`` of them run."""
    run: list[re.Match[str]] = []
    for match in marks.finditer(body):
        said = next(group for group in match.groups() if group).lower()
        if len(run) == len(labels) or said != labels[len(run)]:
            break
        run.append(match)
    if len(run) < shortest:
        return body
    for match in reversed(run):
        body = body[: match.start()] + "1. " + body[match.end() :]
    return body


def _definition(match: re.Match[str]) -> str:
    """ "Lockout" then ":   Straighten the arms" -> "- **Lockout:** Straighten the arms"."""
    term = match[1].strip().rstrip(":")
    meanings = [line.lstrip(":").strip() for line in match[2].splitlines() if line.strip()]
    return f"- **{term}:** {'; '.join(meanings)}\n"


def _outline(body: str) -> str:
    """A procedure numbered as an outline ("3. Procedure", "3.1 Stand ...", "3.1.1 ..."):
    its numbered titles as headings, the numbered points under them as lists."""
    if len(_OUTLINE_POINT.findall(body)) < 2 or not _OUTLINE_TITLE.search(body):
        return body
    body = _OUTLINE_TITLE.sub(lambda m: f"\n## {m[1]}\n", body)
    return _OUTLINE_POINT.sub("- ", _OUTLINE_SUBPOINT.sub("  - ", body))


def _screenplay(body: str) -> str:
    """A script (a slugline or "FADE IN:", characters' names over what they say): what
    is said, one paragraph per speech; the stage directions are left out."""
    slugline = _SLUGLINE.search(body)
    if not slugline:
        return body
    after = re.search(r"^#", body[slugline.start() :], re.MULTILINE)
    end = slugline.start() + after.start() if after else len(body)
    script = body[slugline.start() : end]
    if len(_CUE.findall(script)) < 3:
        return body
    speeches = []
    for match in _CUE.finditer(script):
        lines = [line for line in match[2].splitlines() if not line.strip().startswith("(")]
        speeches.append(" ".join(line.strip() for line in lines))
    said = "\n\n".join(speech for speech in speeches if speech)
    return f"{body[: slugline.start()]}\n\n{said}\n\n{body[end:]}"


def _turns(body: str) -> str:
    """A conversation ("Sam: ...", "Coach: ..." on their own lines, a few speakers
    taking turns, one speaking again after another) as one paragraph per turn, the
    speakers' names left out; a list of labels ("Tip: ...", "Rest: ...") is not one. A
    chat export's turns, stamped with their time, are a conversation however many
    speak, and what it left in place of a photo ("<Media omitted>") is left out."""
    found = list(_TURN.finditer(body))
    speakers = [turn["name"] for turn in found]
    turns = [name for i, name in enumerate(speakers) if i == 0 or speakers[i - 1] != name]
    exported = sum(bool(turn["stamp"]) for turn in found) > 2
    talk = len(speakers) > 3 and len(set(speakers)) <= 3 and len(turns) > len(set(turns))
    if not (exported or talk):
        return body
    if exported:
        body = _OMITTED.sub("", body)
    return _TURN.sub("\n", body)


def _emoji_list(match: re.Match[str]) -> str:
    """Lines each led by an emoji ("🦵 Lift one foot ...") as a list."""
    lines = [line for line in match[0].splitlines() if line.strip()]
    items = (re.sub(rf"^[ \t]*(?:{_PICTOGRAPH}[ \t]*)+", "", line) for line in lines)
    return "\n" + "\n".join(f"- {item}" for item in items) + "\n\n"


def _posts(body: str) -> str:
    """A thread's numbered posts ("1/6" ... "6/6") as paragraphs: the ones that say
    what to do are read as the steps."""
    posts = _POST.findall(body)
    totals = {total for _, total in posts}
    numbers = [int(n) for n, _ in posts]
    if len(posts) < 3 or len(totals) != 1 or numbers != list(range(1, len(posts) + 1)):
        return body
    return _POST.sub("\n", body)


def _each_line(body: str, rewrite) -> str:
    """``rewrite`` applied to each line of running text: not to headings, table rows,
    quotes or code."""
    lines, code = [], False
    for line in body.split("\n"):
        code ^= line.lstrip().startswith(("```", "~~~"))
        plain = not code and not re.match(r"[ \t]*(?:[#|>]|```|~~~| {4}|\t)", line)
        lines.append(rewrite(line) if plain else line)
    return "\n".join(lines)


def _fields(line: str) -> str:
    """A row of fields an export spaces apart ("Repetitions: 15    Sets: 3    Hold: 2 s")
    kept apart as "Repetitions: 15, Sets: 3, Hold: 2 s"."""
    if PLAIN_LABEL.match(line.strip()) and _FIELD_GAP.search(line):
        return _FIELD_GAP.sub(", ", line)
    return line


def numbered_parts(text: str) -> tuple[str, list[str]]:
    """The words before a text's steps numbered inside it ("(1) stand ... (2) hinge",
    "Step 1: ... | Step 2: ..."), and the steps, when they run from 1 in order; else the
    text and no steps."""
    marks = list(_INLINE_NUMBER.finditer(text))
    numbers = [int(m[1] or m[2] or m[3]) for m in marks]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)):
        return text, []
    bounds = [m.start() for m in marks[1:]] + [len(text)]
    steps = [text[m.end() : end].strip(" \t|") for m, end in zip(marks, bounds, strict=True)]
    return text[: marks[0].start()].strip(), steps


def _inline_list(line: str) -> str:
    """One line that numbers its steps ("(1) stand ... (2) hinge ...", from 1 in order)
    or runs them between arrows ("stand → hinge → stand up") as a list; the words
    before the first number stay a paragraph. Arrows within a list's step stay in it."""
    lead, items = numbered_parts(line)
    if items:
        return (f"{lead}\n\n" if lead else "\n") + "\n".join(f"1. {i}" for i in items) + "\n"
    parts = _ARROW.split(line)
    labeled = PLAIN_LABEL.match(line.strip())  # "Progressions: a → b", not "Flow (slowly): a → b"
    labeled = labeled and "(" not in labeled[0]
    listed = _LIST_ITEM.match(line)  # "4. Bring it down (shoulder → hip → floor)"
    if (
        len(parts) > 2
        and not labeled
        and not listed
        and all(re.search(r"[^\W\d_]{2}", p) for p in parts)
    ):
        return "\n" + "\n".join(f"1. {part.strip()}" for part in parts) + "\n"
    return line
