"""What a page's template looked up beyond the page's own data, so a rebuild can tell, without
rendering, whether the page would come out the same.

A page's key covers its own data. What else it shows comes from lookups in the catalogue, the
routes and the plan (a story's "Part of" event, a speaker's person page, a term's name, whether
a source has a page). While a page renders, those objects are wrapped: every lookup is written
down as a path from its root ("catalog", ("attr", "events"), ("item", "e-42"), ("attr", "title"))
with a digest of what it answered. The next build asks the same questions of its own catalogue;
a page whose key and answers are unchanged is unchanged. Because it watches what templates
actually read, a site's own templates are tracked as well as the default theme.

An answer that is a record (an event, a person) is not digested whole: it is wrapped in turn, so
a story page that shows an event's title does not change when the event gains a story.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import Any

from digest.site.views import StoryView

Lookup = tuple  # (root name, step, step, ...); a step is ("attr", name), ("item", key), ("call", args), ...
MISSING = "missing"
PLAIN = (str, int, float, bool, type(None))


class Answers:
    """Digests of looked-up values, the same way when recording and when asking again. A story
    counts by its record's digest, a list or other value by its whole value."""

    def __init__(self, story_digests: dict[str, str], deep: Callable[[Any], str]) -> None:
        self.story_digests = story_digests
        self.deep = deep  # a whole value's digest: lists of stories, the plan's navigation

    def digest(self, value: Any) -> str:
        if isinstance(value, PLAIN):
            return "v" + repr(value)
        if isinstance(value, Whole):
            return "w" + self.deep(value.value)
        if isinstance(value, StoryView):
            return f"s{self.story_digests.get(value.story.id)}{value.path}{value.day}"
        if _wrapped(value):
            return "o" + type(value).__name__  # its parts are looked up, and digested, one by one
        if isinstance(value, (list, tuple)) and all(isinstance(item, (*PLAIN, StoryView)) for item in value):
            return "l" + hashlib.sha256("\0".join(map(self.digest, value)).encode("utf-8", "surrogatepass")).hexdigest()
        return "d" + self.deep(value)


def _wrapped(value: Any) -> bool:
    """Values handed to the template behind a recording wrapper rather than as they are."""
    return (isinstance(value, dict) or (dataclasses.is_dataclass(value) and not isinstance(value, (type, StoryView)))
            or (callable(value) and not isinstance(value, type)))


class Whole:
    """A wrapped value asked for as a whole, to compare or hash it: the answer is the digest of all
    of it, since equality reads every field."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Recorder:
    """The lookups of the page being rendered: encoded path -> digest of the answer.

    One recorder serves every page a process renders, and its wrappers remember each answer: the
    plan does not change while the site renders, so a question thousands of pages ask (the
    navigation, an event's title) is answered, digested and encoded once, and each page only notes it.
    """

    def __init__(self, answers: Answers, roots: dict[str, Any]) -> None:
        self.answers = answers
        self.seen: dict[str | None, str] = {}  # None: a lookup JSON cannot write down
        self.roots = {name: Tracked(value, (name,), self) for name, value in roots.items()}

    def start(self) -> dict[str, Any]:
        """Begin a page: its lookups are noted afresh. Returns the wrapped roots to render it with."""
        self.seen = {}
        return self.roots


class Tracked:
    """A catalogue, route table, record or method that notes every question a template asks it."""

    __slots__ = ("_target", "_path", "_recorder", "_answered")

    def __init__(self, target: Any, path: Lookup, recorder: Recorder) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_recorder", recorder)
        object.__setattr__(self, "_answered", {})  # step -> (encoded path, digest, value or error)

    def _ask(self, step: tuple, answer: Callable[[], Any]) -> Any:
        try:
            known = self._answered.get(step)
        except TypeError:  # an argument that cannot be a key (a wrapped dict): answered afresh
            known = self._answer(step, answer)
        if known is None:
            known = self._answered[step] = self._answer(step, answer)
        text, digest, value = known
        self._recorder.seen[text] = digest
        if digest is MISSING:
            raise value.with_traceback(None)
        return value

    def _answer(self, step: tuple, answer: Callable[[], Any]) -> tuple[str | None, str, Any]:
        path = self._path + (step,)
        try:
            value = answer()
        except (AttributeError, LookupError, TypeError) as error:
            return encode_path(path), MISSING, error
        wrapped = Tracked(value, path, self._recorder) if _wrapped(value) else value
        return encode_path(path), self._recorder.answers.digest(value), wrapped

    def __getattr__(self, name: str) -> Any:
        if name.startswith(("__", "jinja_")):  # Python's and Jinja's own probes, not the template's questions
            return getattr(self._target, name)
        return self._ask(("attr", name), lambda: getattr(self._target, name))

    def __getitem__(self, key: Any) -> Any:
        return self._ask(("item", key), lambda: self._target[key])

    def __call__(self, *args: Any) -> Any:
        return self._ask(("call", args), lambda: self._target(*args))

    def __contains__(self, key: Any) -> bool:
        return self._ask(("in", key), lambda: key in self._target)

    def __bool__(self) -> bool:
        return self._ask(("bool",), lambda: bool(self._target))

    def __len__(self) -> int:
        return self._ask(("len",), lambda: len(self._target))

    def __iter__(self):
        return iter(self._ask(("all",), lambda: list(self._target)))

    def __str__(self) -> str:
        return self._ask(("str",), lambda: str(self._target))

    # A record reached through the catalogue equals the same record on the page: a theme compares
    # values, not wrappers. The answer depends on the whole record, so the whole is noted.
    def _whole(self) -> Any:
        return self._ask(("whole",), lambda: Whole(self._target)).value

    def __eq__(self, other: object) -> bool:
        return self._whole() == (other._whole() if isinstance(other, Tracked) else other)

    def __hash__(self) -> int:
        return hash(self._whole())


def ask_again(path: Lookup, roots: dict[str, Any], answers: Answers) -> str:
    """The digest the lookup at `path` answers now, as `Recorder` would note it."""
    value = roots[path[0]]
    try:
        for step in path[1:]:
            kind = step[0]
            if kind == "attr":
                value = getattr(value, step[1])
            elif kind == "item":
                value = value[step[1]]
            elif kind == "call":
                value = value(*step[1])
            elif kind == "in":
                value = step[1] in value
            elif kind == "whole":
                value = Whole(value)
            else:
                value = {"bool": bool, "len": len, "all": list, "str": str}[kind](value)
    except (AttributeError, LookupError, TypeError):
        return MISSING
    return answers.digest(value)


# In the manifest a path is its JSON text: tuples become lists there and come back as tuples.

def encode_path(path: Lookup) -> str | None:
    """None when the path holds a value JSON cannot carry (the page is then always rendered)."""
    try:
        return json.dumps(path, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return None


def decode_path(text: str) -> Lookup:
    return _tuples(json.loads(text))


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


Recorded = tuple[tuple[str, ...], tuple[str, ...]]  # a page's lookups, encoded and sorted, and their answers


def recorded(seen: dict[str | None, str]) -> Recorded | None:
    """A page's lookups as the manifest keeps them; None if one cannot be written down."""
    if None in seen:
        return None
    encoded = sorted(seen.items())
    return tuple(text for text, _ in encoded), tuple(answer for _, answer in encoded)  # type: ignore[misc]
