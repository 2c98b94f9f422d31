"""The page's own address, where the dump carries it: a scraping tool's header, a "URL:" or
"Canonical:" line, or, among the links a dump lists (lynx's References, a share box's bare URL),
the one whose path spells the headline. Nothing is guessed: a dump that names no link matching
its headline has no address.

A link's path spelling the headline is what tells the page's own address from the dozens of
other links a page lists (sections, ads, other stories): outlets put a slug of the headline in
an article's URL, and no other link on the page carries that slug.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

_URL = r"https?://[^\s<>\"']+"
_LABELLED = re.compile(rf"^\s*(?:url|canonical(?: url)?|source url|permalink|link)\s*:\s*({_URL})\s*$", re.IGNORECASE)
_LISTED = re.compile(rf"^\s*(?:\d+\.\s+)?({_URL})\s*$")  # lynx's "  12. https://..." or a bare URL line
_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp[34]|css|js)$", re.IGNORECASE)  # a picture or a file, not a page
_WORD = re.compile(r"[^\W_]+")
LABELLED_LINES = 15  # a tool's "URL:" line stands at the top of the dump
MIN_SHARED = 3  # headline words a path must spell: fewer, and a section's URL ("/world/europe") passes
MIN_SHARE = 0.5  # and at least this part of the headline's words of three letters or more


def page_address(text: str, headline: str | None, header_url: str | None = None) -> str | None:
    """The page's own address, or None when the dump does not carry it."""
    if header_url and _is_web(header_url):
        return header_url
    for line in text.split("\n", LABELLED_LINES)[:LABELLED_LINES]:
        if m := _LABELLED.match(line):
            return m.group(1)
    return _spelling_headline(text, headline) if headline else None


def _is_web(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _spelling_headline(text: str, headline: str) -> str | None:
    """The listed link whose path spells most of the headline, and mostly the headline (a long
    path that also holds other words is another story's). Of links that spell it as well, the
    shortest: "/story/" over "/story/feed/" and "/story/amp/"."""
    wanted = {w for w in _words(headline) if len(w) >= 3}
    if len(wanted) < MIN_SHARED:
        return None
    listed = _listed(text)
    # the page's own site is the one most of its links go to: a link elsewhere is a citation
    hosts = Counter(_site(url) for url in listed)
    home = hosts.most_common(1)[0][0] if hosts else None
    ranked = []
    for url in listed:
        path = urlsplit(url).path
        if _site(url) != home or _FILE.search(path):
            continue
        slug = {w for w in _words(unquote(path)) if len(w) >= 3 and not w.isdigit()}
        shared = len(wanted & slug)
        if shared >= max(MIN_SHARED, MIN_SHARE * len(wanted)) and shared >= MIN_SHARE * len(slug):
            ranked.append((-shared, len(url), url))
    return min(ranked)[2].split("#", 1)[0] if ranked else None


def _listed(text: str) -> list[str]:
    """Every link listed alone on a line, and the page address a share link carries in its query
    ("facebook.com/sharer.php?u=https://..."), once each, in order."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        if "http" in line and (m := _LISTED.match(line)):  # a cheap first test: most lines hold no link
            url = m.group(1)
            seen.setdefault(url)
            for _, value in parse_qsl(urlsplit(url).query) if "?" in url else ():
                if value.startswith(("http://", "https://")) and _is_web(value):
                    seen.setdefault(value)
    return list(seen)


@lru_cache(maxsize=1 << 14)  # a page's links are asked twice, and a site's repeat across its pages
def _site(url: str) -> str:
    """The host without "www." or an edition's prefix: edition.cnn.com and www.cnn.com are one site."""
    host = urlsplit(url).hostname
    return ".".join(host.split(".")[-2:]) if host else ""


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]
