"""Lists of line forms (regular expressions from patterns.yaml) tested as one, fast.

Most lines match no form, so the test is built to say "no" cheaply. A form anchored at the line
start is matched once, at the start, in one union with the others. A form that may match anywhere
is gated by a piece of plain text it cannot match without ("Read More", " | ", "©"): a substring
test costs a fraction of a regular-expression search, which tries every alternative at every
character. The gate is read from the form itself, so the YAML stays plain regular expressions.
"""
from __future__ import annotations

import re

_SPECIAL = frozenset(".^$*+?{}[]|()\\")
_QUANTIFIERS = frozenset("?*+{")


def _skip_class(form: str, i: int) -> int:
    """Index just past the character class that opens at form[i] ("[")."""
    i += 1
    if form[i : i + 1] == "^":
        i += 1
    if form[i : i + 1] == "]":
        i += 1
    while i < len(form) and form[i] != "]":
        i += 2 if form[i] == "\\" else 1
    return i + 1


def _skip_quantifier(form: str, i: int) -> int:
    """Index just past the quantifier at form[i] ("?", "*", "+", "{m,n}", and a lazy "?")."""
    i = form.index("}", i) + 1 if form[i] == "{" and "}" in form[i:] else i + 1
    return i + 1 if form[i : i + 1] in ("?", "+") else i


def required_text(form: str) -> str:
    """The longest run of plain characters every match of `form` holds: outside groups, character
    classes and quantified atoms. '' when there is none, or when case or alternatives make one
    unsafe (an '(?i' flag, a top-level '|')."""
    if "(?i" in form:
        return ""
    best, run, depth, i = "", "", 0, 0
    while i < len(form):
        ch, literal = form[i], None
        if ch == "\\":
            escaped = form[i + 1 : i + 2]
            literal = escaped if escaped and not escaped.isalnum() else None  # \b, \s, \d: no text
            i += 2
        elif ch == "[":
            i = _skip_class(form, i)
        elif ch in _QUANTIFIERS:
            i = _skip_quantifier(form, i)
        elif ch == "|" and depth == 0:
            return ""
        else:
            depth += (ch == "(") - (ch == ")")
            literal = None if ch in _SPECIAL else ch
            i += 1
        if literal is not None and depth == 0 and form[i : i + 1] not in _QUANTIFIERS:
            run += literal
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


def _starts_plainly(form: str) -> bool:
    """The form (after "^") does not open with a character class ("[A-Z][\\w ]+ writers?", "\\w+"):
    it fails at once on most lines, so it can share one union with the others. One that opens with
    a class may scan the whole line first, and is better gated."""
    return not (form[:1] in ("[", ".") or (form[:1] == "\\" and form[1:2].isalnum()))


def _anchored(form: str) -> bool:
    """Every match of the form starts at the line start: it opens with "^" and has no top-level
    "|" ("^a|b" matches "b" anywhere)."""
    if not form.startswith("^"):
        return False
    depth, i = 0, 1
    while i < len(form):
        ch = form[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _skip_class(form, i)
            continue
        if ch == "|" and depth == 0:
            return False
        depth += (ch == "(") - (ch == ")")
        i += 1
    return True


class Gated:
    """One regular expression behind its gate: the plain text every match holds."""

    def __init__(self, form: str) -> None:
        self.gate = required_text(form)
        self.pattern = re.compile(form)

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.gate in text else None

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.gate in text else None


MEMO_LINES = 8192  # answers kept per list: a page tests a line against one list several times, menus repeat


class Forms:
    """A list of regular expressions as one yes-or-no test of a line. The answer for a line is kept:
    several stages ask about the same line, and a dictionary look-up costs a fraction of the test."""

    def __init__(self, forms: list[str]) -> None:
        anchored = [f for f in forms if _anchored(f) and (_starts_plainly(f[1:]) or not required_text(f))]
        self._start = re.compile("|".join(f"(?:{f[1:]})" for f in anchored)) if anchored else None
        at_start = set(anchored)
        by_gate: dict[str, list[str]] = {}  # forms that share a gate share one search
        for form in forms:
            if form not in at_start:  # the form itself, not its tail: "xabc" is not "^abc"
                by_gate.setdefault(required_text(form), []).append(form)
        ungated = by_gate.pop("", [])
        self._gated = tuple((gate, re.compile("|".join(f"(?:{f})" for f in group))) for gate, group in by_gate.items())
        self._ungated = re.compile("|".join(f"(?:{f})" for f in ungated)) if ungated else None
        self._answers: dict[str, bool] = {}

    def search(self, text: str) -> bool:
        found = self._answers.get(text)
        if found is None:
            if len(self._answers) >= MEMO_LINES:
                self._answers.clear()  # cheaper than tracking use, and the memory stays bounded
            found = self._answers[text] = self._test(text)
        return found

    def _test(self, text: str) -> bool:
        if self._start is not None and self._start.match(text):
            return True
        for gate, form in self._gated:
            if gate in text and form.search(text):
                return True
        return bool(self._ungated is not None and self._ungated.search(text))
