"""Other ways of writing a list, rewritten as markdown before the document is parsed:
HTML from a blog (``<ol><li>``, ``<h3>``, ``<p>``), "Step 1:" paragraphs, lettered
items ("a) ...", "(b) ...") and definition lists ("Term" then ": what to do").
Everything else is left as written."""

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
_DEFINITION = re.compile(
    r"^([^\s:>#|\-*][^\n]*)\n((?:[ \t]*\n)?(?::[ \t]+[^\n]+\n?)+)", re.MULTILINE
)


def as_markdown(body: str) -> str:
    """The body with the lists it writes in other ways turned into markdown lists."""
    if _BLOCK_HTML.search(body):
        body = _from_html(body)
    body = _NUMBERED_STEP.sub(lambda m: f"{m[1]}. ", body)
    body = _lettered(body)
    body = _NUMBERED_AFTER_TEXT.sub("\n\n", body)
    return _DEFINITION.sub(_definition, body)


def _from_html(body: str) -> str:
    body = _HEADING.sub(lambda m: f"\n\n{'#' * int(m[1])} {_one_line(m[2])}\n\n", body)
    body = _HTML_LIST.sub(_html_list, body)
    return _PARAGRAPH.sub(lambda m: f"\n\n{_one_line(m[2])}\n\n", body)


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
