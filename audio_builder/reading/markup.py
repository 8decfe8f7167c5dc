"""Documents written in another markup, as markdown: a LaTeX handout (a lab sheet, a
paper's methods), a forum post in BBCode, a wiki page in Confluence's markup ("h2.",
"# step") or MediaWiki's ("== Technique =="), notes kept in org-mode ("* TODO", a
:PROPERTIES: drawer) or in a notes app (Logseq's or Obsidian's "sets:: 5" fields,
"[[links]]"), an app's record pasted as JSON and a numbered list kept in a
code block (a checklist, a man page), a Word file through pandoc (its tracked changes
accepted, its comments left out). Their lists become lists, their sections headings, bold and
italics stay; figures, comments, a preamble, templates, macros, drawers' marks and the
tags of colour, size and links go, leaving their words."""

from __future__ import annotations

import json
import re

_LATEX = re.compile(
    r"\\begin\{document\}|\\begin\{(enumerate|itemize)\}.*?\\item\b.*?\\end\{\1\}", re.DOTALL
)
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_FLOAT = re.compile(r"\\begin\{(figure|table)\*?\}.*?\\end\{\1\*?\}", re.DOTALL)
_PREAMBLE = re.compile(
    r"\\(?:documentclass|usepackage|title|author|date|label|caption)(?:\[[^\]]*\])?"
    r"(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})?|\\maketitle"
)
_SECTION = re.compile(r"\\((?:sub)*)section\*?\{([^{}]*)\}")
_PARAGRAPH = re.compile(r"\\paragraph\*?\{([^{}]*)\}")
_LATEX_LIST = re.compile(r"\\begin\{(enumerate|itemize)\}(.*?)\\end\{\1\}", re.DOTALL)
_LATEX_STYLED = re.compile(r"\\(textbf|emph|textit)\{([^{}]*)\}")
_UNITS = re.compile(r"\\SI\{([^{}]*)\}\{\\(second|minute|kilogram|metre|meter)\}")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?")
_SYMBOLS = {
    r"$\times$": "x",
    r"\times": "x",
    r"^\circ": "°",
    r"\,": " ",
    r"\%": "%",
    r"\&": "&",
    "~": " ",
    "$": "",
}

_BB_TAGS = r"list|\*|b|i|u|s|quote|url|color|colour|size|font|img|code|center|spoiler"
_BBCODE = re.compile(r"\[/(?:list|b|i|u|quote|url|color|size)\]", re.IGNORECASE)
_BB_LIST = re.compile(r"\[list(=[^\]]*)?\](.*?)\[/list\]", re.IGNORECASE | re.DOTALL)
_BB_QUOTE = re.compile(r"\[quote(?:=[^\]]*)?\](.*?)\[/quote\]", re.IGNORECASE | re.DOTALL)
_BB_STYLED = re.compile(r"\[(b|i|u)\](.*?)\[/\1\]", re.IGNORECASE | re.DOTALL)
_BB_TAG = re.compile(rf"\[/?(?:{_BB_TAGS})(?:=[^\]]*)?\]", re.IGNORECASE)


_WIKI_HEADING = re.compile(r"^h([1-6])\.[ \t]+", re.MULTILINE)
_WIKI_ITEM = re.compile(r"^([#*]+)[ \t]+(?=\S)", re.MULTILINE)
_WIKI_MACRO = re.compile(r"^[ \t]*\{[a-z]+(?::[^}\n]*)?\}[ \t]*$", re.MULTILINE)  # {info}
_WIKI_LINK = re.compile(r"\[([^|\]\n]+)\|[^\]\n]+\]")  # [Desk Reset #3|Desk Reset 3]
_MEDIAWIKI_HEADING = re.compile(r"^(={2,6})[ \t]*([^=\n]+?)[ \t]*\1[ \t]*$", re.MULTILINE)
_MEDIAWIKI_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")  # {{Infobox ...}}, innermost first
_MEDIAWIKI_REF = re.compile(r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref>", re.DOTALL)
_MEDIAWIKI_LINK = re.compile(r"\[\[(?:[^|\]\n]*\|)?([^\]\n]*)\]\]")  # [[a|the words]]
_NOTE_FIELD = re.compile(  # a notes app's "sets:: 5" (Logseq, Obsidian), "[reps:: 12]"
    r"^([ \t]*(?:(?:[-*+>]|\d{1,2}[.)])[ \t]+)?)"
    r"\**([^\W\d_][\w -]{0,30}?)\**::[ \t]+(\S[^\n]*?)[ \t]*$"
    r"|[\[(]([^\W\d_][\w -]{0,30}?)::[ \t]+([^\]\)\n]+?)[ \t]*[\])](?!\()",
    re.MULTILINE,
)
_NOTE_LINK = re.compile(r"(!?)\[\[(?:[^|\]\n]*\|)?([^\]\n]*)\]\](?!\()")  # not "[[1]](#fn1)"
_NOTE_APP_FIELD = re.compile(  # the app's own: "id:: 65f1c2a0-...", "collapsed:: true"
    r"^[ \t]*(?:id|collapsed|heading|background-color)::[^\n]*\n?", re.MULTILINE
)
_ORG_SETTING = re.compile(r"^#\+([A-Z_]+):[ \t]*([^\n]*)$", re.MULTILINE)  # #+TITLE: ...
_ORG_HEADING = re.compile(
    r"^(\*+)[ \t]+(?:(?:TODO|DONE|NEXT|WAITING)[ \t]+)?(.*?)(?:[ \t]+:[\w:@]+:)?[ \t]*$",
    re.MULTILINE,
)
_ORG_DRAWER = re.compile(r"^[ \t]*:(?:[A-Z]+):[ \t]*$", re.MULTILINE)  # :PROPERTIES:, :END:
_ORG_PROPERTY = re.compile(r"^[ \t]*:([A-Z_]+):[ \t]+(\S[^\n]*)$", re.MULTILINE)
_ORG_STAMP = re.compile(r"^[ \t]*(?:SCHEDULED|DEADLINE|CLOSED|CLOCK):[^\n]*$", re.MULTILINE)
_ORG_LINK = re.compile(r"\[\[[^\]]*\]\[([^\]]*)\]\]")  # [[file:x.org][the words]]
# a Word file through pandoc: "[words]{.insertion author=...}", a comment's "[...]{.comment-start}"
_PANDOC_SPAN = re.compile(r"\[([^\[\]]*)\]\{((?:[.#]|[\w-]+=)[^{}\n]*)\}")
_STRUCK = re.compile(r"[.](?:deletion|comment-start|comment-end)\b")  # not what it says now


def markdown_list(items: list[str], numbered: bool) -> str:
    """Items as a markdown list, each on one line, set apart from the text around it."""
    mark = "1." if numbered else "-"
    lines = [" ".join(item.split()) for item in items]
    return "\n\n" + "\n".join(f"{mark} {line}" for line in lines if line) + "\n\n"


def from_pandoc_spans(body: str) -> str:
    """A Word file's text as pandoc writes it, with tracked changes and comments: what
    was inserted stays, what was deleted and the reviewers' comments go, and other
    spans ("[words]{.underline}") keep their words."""
    return _PANDOC_SPAN.sub(lambda m: "" if _STRUCK.match(m[2]) else m[1], body)


def is_latex(body: str) -> bool:
    """A LaTeX document, or a LaTeX list with its items."""
    return bool(_LATEX.search(body))


def from_latex(body: str) -> str:
    """The body's LaTeX as markdown."""
    body = _FLOAT.sub("", _COMMENT.sub("", body))
    body = _PREAMBLE.sub("", body)
    body = _SECTION.sub(lambda m: f"\n\n{'#' * (2 + len(m[1]) // 3)} {m[2]}\n\n", body)
    body = _PARAGRAPH.sub(lambda m: f"\n\n**{m[1].strip()}** ", body)
    body = _LATEX_LIST.sub(
        lambda m: markdown_list(m[2].split("\\item")[1:], m[1] == "enumerate"), body
    )
    body = _LATEX_STYLED.sub(lambda m: f"**{m[2]}**" if m[1] == "textbf" else f"*{m[2]}*", body)
    body = _UNITS.sub(lambda m: f"{m[1]} {m[2]}s", body)
    body = re.sub(r"\\ang\{([^{}]*)\}", r"\1°", body)
    for symbol, text in _SYMBOLS.items():
        body = body.replace(symbol, text)
    body = body.replace("---", "—").replace("\\\\", "\n")
    body = re.sub(r"\\(?:begin|end)\{[^{}]*\}", "", body)  # what is left: \begin{center}
    return re.sub(r"[{}]", "", _COMMAND.sub("", body))


def is_bbcode(body: str) -> bool:
    """A forum post in BBCode: it closes a tag ("[/list]", "[/b]")."""
    return bool(_BBCODE.search(body))


def from_bbcode(body: str) -> str:
    """The body's BBCode as markdown."""
    body = _BB_QUOTE.sub(lambda m: "\n\n" + _quoted(m[1]) + "\n\n", body)
    body = _BB_LIST.sub(lambda m: markdown_list(re.split(r"\[\*\]", m[2])[1:], bool(m[1])), body)
    body = _BB_STYLED.sub(lambda m: f"**{m[2]}**" if m[1].lower() == "b" else f"*{m[2]}*", body)
    return _BB_TAG.sub("", body)


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.strip().splitlines())


def from_notes(body: str) -> str:
    """A notes app's page (Logseq, Obsidian, Roam) as plain markdown: its fields as
    labeled sentences ("sets:: 5" -> "Sets: 5.", "[reps:: 12]" -> "Reps: 12"; its
    "title:: ..." a heading, the app's own "id:: ..." left out), its links as their words
    ("[[Kettlebell swing]]", "[[page|the words]]") and its embedded images left out."""
    body = _NOTE_FIELD.sub(_note_field, _NOTE_APP_FIELD.sub("", body))
    return _NOTE_LINK.sub(lambda m: "" if m[1] else m[2], body)


def _note_field(match: re.Match[str]) -> str:
    if not match[2]:  # in a sentence
        return f"{match[4][0].upper()}{match[4][1:]}: {match[5]}"
    key, value = match[2], match[3]
    if key.lower() == "title":
        return f"# {value}"
    said = value if value[-1] in ".!?" else f"{value}."
    return f"{match[1]}{key[0].upper()}{key[1:]}: {said}"


def is_wiki(body: str) -> bool:
    """A Confluence page: headings written "h1.", "h2." ..."""
    return len(_WIKI_HEADING.findall(body)) > 1


def from_wiki(body: str) -> str:
    """The page's wiki markup as markdown: "# step" is a numbered item, "*" a bullet
    (nested by doubling), "h2." a heading; macros such as {info} go, links keep their
    words."""

    body = _WIKI_ITEM.sub(_wiki_item, _WIKI_MACRO.sub("", body))
    body = _WIKI_HEADING.sub(lambda m: "#" * int(m[1]) + " ", body)
    return _WIKI_LINK.sub(r"\1", body)


def is_mediawiki(body: str) -> bool:
    """A wiki article in MediaWiki's markup: "== Technique ==" and bold in triple quotes
    or [[links]]."""
    return bool(_MEDIAWIKI_HEADING.search(body)) and ("'''" in body or "[[" in body)


def from_mediawiki(body: str) -> str:
    """The article as markdown: its headings and lists as markdown's, templates and
    references gone, links their words, bold and italics (three and two quotes) kept."""
    while _MEDIAWIKI_TEMPLATE.search(body):
        body = _MEDIAWIKI_TEMPLATE.sub("", body)
    body = _MEDIAWIKI_REF.sub("", body)
    body = _WIKI_ITEM.sub(_wiki_item, body)
    body = _MEDIAWIKI_HEADING.sub(lambda m: "#" * len(m[1]) + f" {m[2]}", body)
    body = body.replace("'''", "**").replace("''", "*")
    return _MEDIAWIKI_LINK.sub(r"\1", body)


def _wiki_item(match: re.Match) -> str:
    """A wiki's "#" (numbered) or "*" item as markdown's, nested by doubling ("##")."""
    marks = match[1]
    return "   " * (len(marks) - 1) + ("1. " if marks[-1] == "#" else "- ")


_JSON_BLOCK = re.compile(r"^```json[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_STEP_KEYS = ("instructions", "steps", "directions", "how_to", "method", "cues")
_LEFT_OUT = ("id", "slug", "url", "video", "image", "created_at", "updated_at")


def from_json(body: str) -> str:
    """An app's exercise record pasted as JSON (in a ```json block or as the whole
    body) as markdown: its name a heading, its list of instructions the steps, its tips
    a list, and every other field a line ("Rest: 90 seconds")."""
    whole = body.strip()
    if whole.startswith("{") and whole.endswith("}"):
        return _record(whole) or body
    return _JSON_BLOCK.sub(lambda m: _record(m[1]) or m[0], body)


def _record(text: str) -> str:
    try:
        record = json.loads(text)
    except ValueError:
        return ""
    steps = next((record[k] for k in _STEP_KEYS if isinstance(record, dict) and k in record), None)
    if not (isinstance(steps, list) and all(isinstance(step, str) for step in steps)):
        return ""
    name = record.get("name") or record.get("title") or ""
    parts = [f"# {name}"] if name else []
    for key, value in record.items():
        if key in _STEP_KEYS or key in ("name", "title") or key in _LEFT_OUT:
            continue
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            if key == "equipment":
                parts.append(f"Equipment: {', '.join(value)}")
            else:
                parts.append(f"## {_label(key)}\n\n" + "\n".join(f"- {item}" for item in value))
        elif isinstance(value, dict):
            parts.append(", ".join(field_line(k, v) for k, v in value.items()) + ".")
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            parts.append(field_line(key, value))
    parts.append("## Instructions\n\n" + "\n".join(f"1. {step}" for step in steps))
    return "\n\n" + "\n\n".join(parts) + "\n\n"


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def field_line(name: str, value: object) -> str:
    """An app's field as a line of text: "rest_seconds: 90" -> "rest: 90 seconds",
    "reps_per_side: 10" -> "reps: 10 per side"."""
    if not name:
        return str(value)
    label, side, unit = re.fullmatch(
        r"(.+?)(_per_side|_each_side)?(?:_(seconds|secs|sec|s|minutes|mins|min))?", name
    ).groups()
    side = side.replace("_", " ") if side else ""
    return f"{label.replace('_', ' ')}: {value} {unit or ''}{side}".strip()


_CODE_BLOCK = re.compile(r"^```[ \t]*(?:text|txt|plain)?[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
_NUMBERED_LINE = re.compile(r"^[ \t]*(\d{1,2})[.)][ \t]+\S", re.MULTILINE)


def from_code_lists(body: str) -> str:
    """A code block that numbers its lines from 1 (a laminated checklist, a man page's
    procedure) as text, each line's indent gone, so its list is read."""

    def unfenced(match: re.Match) -> str:
        numbers = [int(n) for n in _NUMBERED_LINE.findall(match[1])]
        if numbers[:2] != [1, 2]:
            return match[0]
        return "\n".join(line.strip() for line in match[1].splitlines()) + "\n"

    return _CODE_BLOCK.sub(unfenced, body)


def is_org(body: str) -> bool:
    """Notes in org-mode: "#+TITLE:" settings, or headings with a TODO state."""
    return bool(_ORG_SETTING.search(body) or re.search(r"^\*+ (?:TODO|DONE) ", body, re.M))


def from_org(body: str) -> str:
    """The notes' org-mode as markdown: "* Heading" a heading (its state and tags
    gone), a drawer's properties lines of their own ("SETS: 3"), "#+TITLE:" the title;
    time stamps and drawers' marks go."""
    body = _ORG_SETTING.sub(lambda m: f"# {m[2]}" if m[1] == "TITLE" else "", body)
    body = _ORG_STAMP.sub("", _ORG_DRAWER.sub("", body))
    body = _ORG_PROPERTY.sub(lambda m: f"\n{m[1].title()}: {m[2]}\n", body)
    body = _ORG_HEADING.sub(lambda m: "\n" + "#" * (len(m[1]) + 1) + f" {m[2]}\n", body)
    return _ORG_LINK.sub(r"\1", body)
