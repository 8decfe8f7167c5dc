"""A LaTeX handout (a lab sheet, a paper's methods) as markdown: its sections become
headings, its ``enumerate`` and ``itemize`` lists become lists, bold and italics stay,
figures, tables, comments and the preamble go, and the rest is left as its words."""

from __future__ import annotations

import re

_LATEX = re.compile(r"\\begin\{(?:enumerate|itemize|document)\}|\\(?:sub)*section\*?\{")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_FLOAT = re.compile(r"\\begin\{(figure|table)\*?\}.*?\\end\{\1\*?\}", re.DOTALL)
_PREAMBLE = re.compile(
    r"\\(?:documentclass|usepackage|title|author|date|label|caption)(?:\[[^\]]*\])?"
    r"(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})?|\\maketitle"
)
_SECTION = re.compile(r"\\((?:sub)*)section\*?\{([^{}]*)\}")
_PARAGRAPH = re.compile(r"\\paragraph\*?\{([^{}]*)\}")
_LIST = re.compile(r"\\begin\{(enumerate|itemize)\}(.*?)\\end\{\1\}", re.DOTALL)
_STYLED = re.compile(r"\\(textbf|emph|textit)\{([^{}]*)\}")
_UNITS = re.compile(r"\\SI\{([^{}]*)\}\{\\(second|minute|kilogram|metre|meter)\}")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?")
_SYMBOLS = {r"$\times$": "x", r"\times": "x", r"\,": " ", r"\%": "%", r"\&": "&", "~": " "}


def is_latex(body: str) -> bool:
    return bool(_LATEX.search(body))


def from_latex(body: str) -> str:
    """The body's LaTeX as markdown."""
    body = _FLOAT.sub("", _COMMENT.sub("", body))
    body = _PREAMBLE.sub("", body)
    body = _SECTION.sub(lambda m: f"\n\n{'#' * (2 + len(m[1]) // 3)} {m[2]}\n\n", body)
    body = _PARAGRAPH.sub(lambda m: f"\n\n**{m[1].strip()}** ", body)
    body = _LIST.sub(_list, body)
    body = _STYLED.sub(lambda m: f"**{m[2]}**" if m[1] == "textbf" else f"*{m[2]}*", body)
    body = _UNITS.sub(lambda m: f"{m[1]} {m[2]}s", body)
    body = re.sub(r"\\ang\{([^{}]*)\}", r"\1°", body)
    for symbol, text in _SYMBOLS.items():
        body = body.replace(symbol, text)
    body = body.replace("---", "—").replace("\\\\", "\n")
    body = re.sub(r"\\(?:begin|end)\{[^{}]*\}", "", body)  # what is left: \begin{center}
    return re.sub(r"[{}]", "", _COMMAND.sub("", body))


def _list(match: re.Match) -> str:
    """An enumerate or itemize list, one line per item."""
    mark = "1." if match[1] == "enumerate" else "-"
    items = [" ".join(item.split()) for item in match[2].split("\\item")[1:]]
    return "\n\n" + "\n".join(f"{mark} {item}" for item in items) + "\n\n"
