"""Text folding shared by the corpus steps: words, headline cores, stable hashes."""
from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

WORD = re.compile(r"[^\W_]+")
# ASCII letters and digits lower-cased, everything else a space: what WORD finds, for ASCII text.
ASCII_FOLD = bytes(ord(c.lower()) if c.isalnum() else 32 for c in map(chr, range(128))) + bytes(128)
# A headline tail names the outlet or section: "... - Reuters", "... | Hosted", "... — BBC News".
TAIL = re.compile(r"\s+(?:[|–—]|-|::)\s+(?:[^|–—]{1,40})$")
# Punctuation that pages set outside ASCII (curly quotes, dashes, ellipsis, no-break and thin spaces):
# folding leaves no word in it, so a text of ASCII and these alone is blanked and takes the fast path.
SEPARATORS = tuple(c for c in "“”‘’„‚«»‹›—–‑―…•·′″\u00a0\u2002\u2003\u2009\u200a\u200b\u202f"
                   if WORD.findall(unicodedata.normalize("NFKC", f"a{c}b").casefold()) == ["a", "b"])


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("’", "'")


def words(text: str) -> list[str]:
    """Lower-case words, split at any punctuation: "Aliyev's" gives "aliyev" and "s" (a stopword).

    This runs over every lead and headline: ASCII text (most of it, once its curly quotes and dashes
    are blanked) takes a byte translation and a split, several times faster than the normalisation
    and regular expression the rest takes.
    """
    text = _blanked(text)
    if text.isascii():
        return text.encode("ascii").translate(ASCII_FOLD).decode("ascii").split()
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_bytes(text: str) -> list[bytes]:
    """The words of words(text), each in UTF-8: what body fingerprints and shingle hashes take,
    made for ASCII text without a str per word (the bodies of an archive hold millions of words)."""
    text = _blanked(text)
    if text.isascii():
        return text.encode("ascii").translate(ASCII_FOLD).split()
    return " ".join(WORD.findall(unicodedata.normalize("NFKC", text).casefold())).encode("utf-8").split()


def _blanked(text: str) -> str:
    if not text.isascii():
        for separator in SEPARATORS:
            if separator in text:
                text = text.replace(separator, " ")
    return text


def headline_core(headline: str) -> str:
    """The headline without the outlet or section tail a site appends (at most two tails)."""
    core = headline.strip()
    for _ in range(2):
        shorter = TAIL.sub("", core)
        if shorter == core or len(shorter.split()) < 3:
            break
        core = shorter
    return core


def headline_tail(headline: str) -> str | None:
    core = headline_core(headline)
    rest = headline.strip()[len(core):].strip(" |–—-:")
    return rest.split(" | ")[0].strip() or None if rest else None


def digest_id(*parts: str, size: int = 12) -> str:
    """A stable id from content: the same parts give the same id on every run and machine."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def word_hash(word: str) -> int:
    """A 32-bit hash that does not change between processes (Python's hash() does)."""
    return zlib.crc32(word.encode("utf-8"))
