"""Other ways of writing a list, rewritten as markdown before the document is parsed:
HTML from a blog (``<ol><li>``, ``<h3>``, ``<p>``), rows pasted from a spreadsheet
(tab-separated), "Step 1:" paragraphs, lettered items ("a) ...", "(b) ..."), bullets
pasted from a word processor ("•"), counted lines ("1-2   rise ...") and definition
lists ("Term" then ": what to do"). Everything else is left as written."""

from __future__ import annotations

import re

_BLOCK_HTML = re.compile(r"<(?:ol|ul|li|p|h[1-6])\b", re.IGNORECASE)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_LIST = re.compile(r"<(ol|ul)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?:</li\s*>|(?=<li\b)|$)", re.IGNORECASE | re.DOTALL)
_PARAGRAPH = re.compile(r"<(p|div)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_NUMBERED_STEP = re.compile(  # "Step 1: Stand ...", "**Step 2 —** Hinge ..."
    r"^[ \t]*(?:\*\*|__)?step[ \t]+(\d{1,2})[ \t]*(?:[:.)—–-][ \t]*)?(?:\*\*|__)?[ \t]*(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)
# "4. Hold ..." right under a line of text (a list broken by a page break) starts a list
_NUMBERED_AFTER_TEXT = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\d{1,2}[.)][ \t]+\S)")
_LETTERED = re.compile(r"^[ \t]*(?:\(([a-z])\)|([a-z])[.)])[ \t]+(?=\S)", re.MULTILINE)
_BULLET = re.compile(r"^([ \t]*)[•◦▪‣●○■➤►▶✓✔☐☑][ \t]+(?=\S)", re.MULTILINE)
_COUNTED = re.compile(
    r"^[ \t]*\d{1,2}(?:[ \t]*[–-][ \t]*\d{1,2})?(?:\t+|[ \t]{2,})(?=\S)", re.MULTILINE
)
_TAB_ROWS = re.compile(r"(?:^[^\n]*\t[^\n]*\t[^\n]*(?:\n|$)){2,}", re.MULTILINE)
_DEFINITION = re.compile(
    r"^([^\s:>#|\-*][^\n]*)\n((?:[ \t]*\n)?(?::[ \t]+[^\n]+\n?)+)", re.MULTILINE
)


def as_markdown(body: str) -> str:
    """The body with the lists it writes in other ways turned into markdown lists."""
    if _BLOCK_HTML.search(body):
        body = _from_html(body)
    body = _TAB_ROWS.sub(_table, body)
    body = _BULLET.sub(r"\1- ", body)
    if len(_COUNTED.findall(body)) > 1:
        body = _COUNTED.sub("- ", body)
    body = _NUMBERED_STEP.sub(lambda m: f"{m[1]}. ", body)
    body = _lettered(body)
    body = _NUMBERED_AFTER_TEXT.sub("\n\n", body)
    return _DEFINITION.sub(_definition, body)


def _from_html(body: str) -> str:
    body = _HEADING.sub(lambda m: f"\n\n{'#' * int(m[1])} {_one_line(m[2])}\n\n", body)
    body = _HTML_LIST.sub(_html_list, body)
    return _PARAGRAPH.sub(lambda m: f"\n\n{_one_line(m[2])}\n\n", body)


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


def _markdown_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join((row + [""] * width)[:width]) + " |" for row in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def _html_list(match: re.Match[str]) -> str:
    marker = "1." if match[1].lower() == "ol" else "-"
    items = [_one_line(item) for item in _HTML_ITEM.findall(match[2])]
    return "\n\n" + "\n".join(f"{marker} {item}" for item in items if item) + "\n\n"


def _one_line(text: str) -> str:
    return " ".join(re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE).split())


def _lettered(body: str) -> str:
    """Lettered items become numbered ones when they run a, b, c ... from "a"."""
    run: list[re.Match[str]] = []
    for match in _LETTERED.finditer(body):
        if (match[1] or match[2]) != chr(ord("a") + len(run)):
            break
        run.append(match)
    if len(run) < 2:
        return body
    for match in reversed(run):
        body = body[: match.start()] + "1. " + body[match.end() :]
    return body


def _definition(match: re.Match[str]) -> str:
    """ "Lockout" then ":   Straighten the arms" -> "- **Lockout:** Straighten the arms"."""
    term = match[1].strip().rstrip(":")
    meanings = [line.lstrip(":").strip() for line in match[2].splitlines() if line.strip()]
    return f"- **{term}:** {'; '.join(meanings)}\n"
