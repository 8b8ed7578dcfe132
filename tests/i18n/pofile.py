"""A minimal reader of gettext catalogues (.po), enough to check them in tests."""

import ast
import re
from dataclasses import dataclass, field

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict = field(default_factory=dict)
    flags: set = field(default_factory=set)
    references: list = field(default_factory=list)
    obsolete: bool = False

    @property
    def is_header(self):
        return self.msgid == "" and self.msgctxt is None

    @property
    def translated(self):
        return bool(self.msgstr) and all(value.strip() for value in self.msgstr.values())

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    def __str__(self):
        context = f"[{self.msgctxt}] " if self.msgctxt else ""
        where = f" ({self.references[0]})" if self.references else ""
        return f"{context}{self.msgid!r}{where}"


def parse(text):
    """The entries of a catalogue written by the gettext tools (one block per entry,
    blocks separated by blank lines), header included, in file order."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry = Entry()
        last = None
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#~"):
                entry.obsolete = True
                line = line[2:].strip()
            elif line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
                continue
            elif line.startswith("#:"):
                entry.references.extend(line[2:].split())
                continue
            elif line.startswith("#"):
                continue
            match = _KEYWORD.match(line)
            if match:
                last = match.group(1)
                _append(entry, last, ast.literal_eval(match.group(2)))
            elif line.startswith('"') and last:
                _append(entry, last, ast.literal_eval(line))
        if last is not None:
            entries.append(entry)
    return entries


def _append(entry, keyword, value):
    if keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + value
    elif keyword == "msgid":
        entry.msgid += value
    elif keyword == "msgid_plural":
        entry.msgid_plural += value
    else:
        index = int(keyword[7:-1]) if "[" in keyword else 0
        entry.msgstr[index] = entry.msgstr.get(index, "") + value
