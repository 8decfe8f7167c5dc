"""A forum post in BBCode as markdown: its ``[list]`` becomes a list, bold and italics
stay, a quoted post becomes a quote, and the other tags (colour, size, links) leave
their words."""

from __future__ import annotations

import re

_BBCODE = re.compile(r"\[(?:list|\*|b|i|quote)\b[^\]]*\]", re.IGNORECASE)
_LIST = re.compile(r"\[list(=1|=a|=i)?\](.*?)\[/list\]", re.IGNORECASE | re.DOTALL)
_QUOTE = re.compile(r"\[quote(?:=[^\]]*)?\](.*?)\[/quote\]", re.IGNORECASE | re.DOTALL)
_STYLED = re.compile(r"\[(b|i|u)\](.*?)\[/\1\]", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"\[/?[a-z*]+(?:=[^\]]*)?\]", re.IGNORECASE)


def is_bbcode(body: str) -> bool:
    return len(_BBCODE.findall(body)) > 1


def from_bbcode(body: str) -> str:
    """The body's BBCode as markdown."""
    body = _QUOTE.sub(lambda m: "\n\n" + _quoted(m[1]) + "\n\n", body)
    body = _LIST.sub(_list, body)
    body = _STYLED.sub(lambda m: f"**{m[2]}**" if m[1].lower() == "b" else f"*{m[2]}*", body)
    return _TAG.sub("", body)


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.strip().splitlines())


def _list(match: re.Match) -> str:
    """A list, one line per ``[*]`` item; numbered when it says so (``[list=1]``)."""
    mark = "1." if match[1] else "-"
    items = [" ".join(item.split()) for item in re.split(r"\[\*\]", match[2])[1:]]
    return "\n\n" + "\n".join(f"{mark} {item}" for item in items if item) + "\n\n"
