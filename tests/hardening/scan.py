"""Reading built pages as a browser would: what runs, what links where, what text shows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "content"}


@dataclass
class Scan(HTMLParser):
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[tuple[dict[str, str], str]] = field(default_factory=list)  # (attributes, raw text)
    text: list[str] = field(default_factory=list)
    _script: dict[str, str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)
        else:
            self.text.append(data)

    @property
    def plain(self) -> str:
        return "".join(self.text)


def scan(html: str) -> Scan:
    parser = Scan()
    parser.feed(html)
    parser.close()
    return parser


def dangers(page: Scan) -> list[str]:
    """Everything in a page that would run code or leave the site, beyond the theme's own scripts."""
    found = []
    for tag, attributes in page.tags:
        found += [f"<{tag} {name}=...>" for name in attributes if name.startswith("on")]
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES and re.match(r"\s*(javascript:|vbscript:|data:text/html)", value, re.I):
                found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "base"):
            found.append(f"<{tag}>")
        if tag == "img" and attributes.get("src", "").strip() in ("x", ""):
            found.append("<img src=x>")
    for attributes, text in page.scripts:
        if attributes.get("type") == "application/ld+json":
            if re.search(r"</|<!--", text):
                found.append("JSON-LD that could close its <script>")
        elif "src" not in attributes or re.match(r"[a-z]+:|//", attributes["src"], re.I) or text.strip():
            found.append(f"a script that is not the site's own file: {attributes} {text[:60]!r}")
    return found


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets a page leave out; the theme closes them, but a parser need not.
OPTIONAL_END = {"p", "li", "dt", "dd", "option", "tr", "td", "th"}


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.seen.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.seen.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open[-1] != tag and self.open[-1] in OPTIONAL_END:
            self.open.pop()
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}>")
        else:
            self.open.pop()


def structure_errors(html: str) -> list[str]:
    """Why a page is not a well-formed HTML document: a doctype, one html, head and body, a main,
    every element closed in order."""
    parser = _Structure()
    parser.feed(html)
    parser.close()
    errors = list(parser.errors)
    if not html.startswith("<!DOCTYPE html>"):
        errors.append("no doctype")
    for tag in ("html", "head", "body", "main", "title"):
        if parser.seen.count(tag) != 1:
            errors.append(f"{parser.seen.count(tag)} <{tag}> elements")
    if [t for t in parser.open if t not in OPTIONAL_END]:
        errors.append(f"left open: {parser.open}")
    return errors
