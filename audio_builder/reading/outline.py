"""A page kept in an outliner (Logseq, Workflowy, Roam, Dynalist): nothing but nested
bullets, short entries over the entries they hold ("- Goblet squat" over "- Execution"
over "- Sit down between your heels"). Such an entry is a heading, so its entries are a
section's list rather than one long item; the app's tasks ("- TODO buy chalk") are no
part of the exercise, and the tags that end an entry ("#strength #hinge") are not said."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audio_builder.reading.vocabulary import instruction_verbs

_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(.*)$")
_TASK = re.compile(r"(?:TODO|DOING|DONE|LATER|NOW|WAITING|CANCELL?ED)\b")
_TAGS = re.compile(r"(?:[ \t]+#[^\W\d_][\w/-]*)+[ \t]*$")
MAX_TITLE_WORDS = 6


@dataclass
class _Entry:
    text: str
    indent: int
    notes: list[str] = field(default_factory=list)  # its lines that are no bullet
    entries: list[_Entry] = field(default_factory=list)

    @property
    def is_title(self) -> bool:
        """A short entry, no sentence, over entries of its own."""
        words = self.text.split()
        return bool(
            self.entries and 0 < len(words) <= MAX_TITLE_WORDS and self.text[-1] not in ".!?"
        )

    @property
    def is_section(self) -> bool:
        """A title that says nothing to do ("Execution", "cues"; not "Keep your chest up"
        over its details)."""
        return self.is_title and self.text.split()[0].lower() not in instruction_verbs()


def is_outline(body: str) -> bool:
    """Every line a bullet or a line of the bullet above it, and a title over a section
    ("- Reverse lunge" over "- Execution"; a list of steps, each over its cues and their
    details, is no outline)."""
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines or not _BULLET.match(lines[0]) or any(line.startswith("#") for line in lines):
        return False
    if any(not _BULLET.match(line) and not line[:1].isspace() for line in lines):
        return False
    titles = (entry for entry in _walk(_entries(lines)) if entry.is_title)
    return any(inner.is_section for title in titles for inner in title.entries)


def from_outline(body: str) -> str:
    """Each title a heading (one level deeper for each level of the outline), its own
    entries listed under it before the titles it holds; entries outside any title first."""
    roots = _entries([line for line in body.splitlines() if line.strip()])
    return "\n".join(_markdown(roots, level=1)).strip() + "\n"


def _entries(lines: list[str]) -> list[_Entry]:
    """The outline's tree: an entry holds the bullets indented under it."""
    root = _Entry("", -1)
    path = [root]
    for line in lines:
        match = _BULLET.match(line)
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if not match:
            path[-1].notes.append(line.strip())
            continue
        while indent <= path[-1].indent:
            path.pop()
        entry = _Entry(_TAGS.sub("", match[2]).strip(), indent)
        if not _TASK.match(entry.text):
            path[-1].entries.append(entry)
        path.append(entry)
    return root.entries


def _walk(entries: list[_Entry]):
    for entry in entries:
        yield entry
        yield from _walk(entry.entries)


def _markdown(entries: list[_Entry], level: int) -> list[str]:
    listed = [entry for entry in entries if not entry.is_title]
    lines = [line for entry in listed for line in _item(entry, depth=0)]
    for title in (entry for entry in entries if entry.is_title):
        lines += ["", f"{'#' * min(level, 6)} {title.text}", "", *title.notes, ""]
        lines += _markdown(title.entries, level + 1)
    return lines


def _item(entry: _Entry, depth: int) -> list[str]:
    indent = "  " * depth
    lines = [f"{indent}- {entry.text}", *(f"{indent}  {note}" for note in entry.notes)]
    return lines + [line for child in entry.entries for line in _item(child, depth + 1)]
