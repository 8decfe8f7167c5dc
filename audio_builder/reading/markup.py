"""Documents written in another markup, as markdown: a LaTeX handout (a lab sheet, a
paper's methods) and a forum post in BBCode. Their lists become lists, their sections
headings, bold and italics stay; figures, comments, a preamble and the tags of colour,
size and links go, leaving their words."""

from __future__ import annotations

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


def markdown_list(items: list[str], numbered: bool) -> str:
    """Items as a markdown list, each on one line, set apart from the text around it."""
    mark = "1." if numbered else "-"
    lines = [" ".join(item.split()) for item in items]
    return "\n\n" + "\n".join(f"{mark} {line}" for line in lines if line) + "\n\n"


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
