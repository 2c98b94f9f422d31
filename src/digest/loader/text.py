"""Bytes to clean text: decode in whatever encoding the scraper saved, repair, normalise what is noise.

Curly quotes and dashes are kept: the quote finder needs to tell opening from closing marks.
"""
from __future__ import annotations

import codecs
import html
import re
import unicodedata
from html.entities import html5

import ftfy
from charset_normalizer import from_bytes

from digest.errors import DumpError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ODD_SPACES = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_RUNS = re.compile(" {2,}")
_INVISIBLES = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_IRREGULAR = re.compile("[\t\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BINARY_SIGNS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# A share of control characters (NUL, C1) and undecodable bytes this high means a binary file.
MAX_CONTROL_SHARE = 0.02
# Latin text in UTF-16 has a NUL in nearly every pair of bytes, always the same one of the two: a
# share this high at one place of the pair reads as UTF-16 saved without its byte order mark.
UTF16_NUL_SHARE = 0.3
# ftfy keeps quotes curly only when told: uncurling would lose which mark opens a quotation.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization=None, max_decode_length=1_000_000)
# UTF-8 read as cp1252 or Latin-1 leaves a lead byte's letter (Â-ô) before a continuation byte's
# character; only text with such a pair is worth ftfy's (much slower) repair.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# An entity as HTML writes it, semicolon and all: "R&D", "AT&T" and "&copy2019" are text.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
REPAIR_SPAN = 5_000  # characters ftfy repairs at once: a long paragraph, far longer than any mojibake
DETECT_BYTES = 200_000  # charset detection reads a prefix: its cost must not grow with the dump
# No news page is this long: such a file is a log, an archive or a scrape gone wrong, and loading it
# would hold the build for seconds per megabyte.
MAX_DUMP_BYTES = 32_000_000


def decode(data: bytes, path: str) -> str:
    if not data or data.isspace():  # without copying the dump
        raise DumpError(path, "the file is empty")
    if len(data) > MAX_DUMP_BYTES:
        raise DumpError(path, f"too large for a news page: {len(data) / 1e6:.1f} MB (the limit is "
                              f"{MAX_DUMP_BYTES / 1e6:.0f} MB)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_order(data[:DETECT_BYTES]) if data.find(b"\x00", 0, DETECT_BYTES) >= 0 else None
    if utf16:
        text = data.decode(utf16, errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text = _decode_other(data, path, error)
    sample = text[:DETECT_BYTES]
    if len(_BINARY_SIGNS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise DumpError(path, "not text: too many control or NUL bytes (a binary file?)")
    return text


def _utf16_order(sample: bytes) -> str | None:
    """UTF-16 saved without its byte order mark: Latin text puts a NUL in one byte of nearly every
    pair, always the same one; a binary file or a NUL-padded one has NULs in both."""
    pairs = len(sample) // 2
    first, second = sample[0::2].count(0), sample[1::2].count(0)
    if max(first, second) < UTF16_NUL_SHARE * pairs or min(first, second) > MAX_CONTROL_SHARE * pairs:
        return None
    return "utf-16-be" if first > second else "utf-16-le"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
MAX_STRAY_BYTES = 8  # a UTF-8 dump with this few bad bytes is UTF-8 with damage, not another encoding
MIN_GOOD_PER_STRAY = 10  # ... when it holds this many good multi-byte characters for each bad byte


def _mostly_utf8(data: bytes) -> bool:
    """A UTF-8 dump with a few stray bytes (a lynx dump of a Japanese page cut mid-character): its
    many good multi-byte characters say UTF-8, where cp1252 or Latin-1 text would fail on each
    accented letter and hold no multi-byte character at all."""
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())  # a U+FFFD saved as such is no stray byte
    if not 0 < stray <= MAX_STRAY_BYTES:
        return False
    return len(_NON_ASCII.findall(text)) - stray >= MIN_GOOD_PER_STRAY * stray


def _decode_other(data: bytes, path: str, error: UnicodeDecodeError) -> str:
    if error.start >= len(data) - 3 or _mostly_utf8(data):  # cut off inside its last character, or a few stray bytes
        return data.decode("utf-8", errors="replace")
    best = from_bytes(data[:DETECT_BYTES]).best()
    if best is None or best.encoding is None:
        raise DumpError(path, "not text: no character encoding fits its bytes (a binary file?)")
    return data.decode(best.encoding, errors="replace")


def normalise(text: str) -> str:
    """Mojibake repaired, NFC, LF line ends, spaces folded, no invisible or control characters.
    Leading indentation is kept: text browsers indent paragraphs and set headings flush left."""
    return "\n".join([fold_spaces(line) for line in normalise_characters(text).split("\n")])


def normalise_characters(text: str) -> str:
    """normalise() but for the spaces inside each line, which the loader folds in its own pass over
    the lines (blocks.py). Whole-text passes only where a cheap test says they are needed: this
    runs on every byte."""
    if "&" in text:  # before the character passes: "&nbsp;" is a space, "&shy;" an invisible
        text = decode_entities(text)
    if not text.isascii():
        if _MOJIBAKE_HINT.search(text):
            text = "\n".join(_repair(line) if _MOJIBAKE_HINT.search(line) else line for line in text.split("\n"))
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _IRREGULAR.search(text):  # most dumps have none: one search instead of three passes
        for invisible in _INVISIBLES:
            if invisible in text:
                text = text.replace(invisible, "")
        text = _CONTROL.sub("", _ODD_SPACES.sub(" ", text))
    return text


def decode_entities(text: str) -> str:
    """HTML entities that a scraper stripping tags left undecoded made characters: "&rsquo;",
    "&#8217;", "&#x2019;". Only a well-formed one, with its semicolon, and only a known name: the
    entity is exactly one (html.unescape also reads "&copy2019" as "©2019")."""
    return _ENTITY.sub(_entity_character, text)


def _entity_character(match: re.Match[str]) -> str:
    entity = match.group()
    if entity[1] == "#":
        return html.unescape(entity)  # the HTML rules: "&#146;" is cp1252's ’, "&#0;" U+FFFD
    return html5.get(entity[1:], entity)


def _repair(line: str) -> str:
    """ftfy on the stretches that show mojibake, never on a whole long line: it costs about 1.5 s a
    megabyte, and a scraper's page with no line breaks is one line. ftfy fixes a line at a time
    anyway; a long line is cut at spaces, which no mojibake sequence holds."""
    if len(line) <= REPAIR_SPAN:
        return ftfy.fix_text(line, _FTFY)
    pieces, start = [], 0
    while start < len(line):
        end = start + REPAIR_SPAN
        if end < len(line):
            space = line.rfind(" ", start + 1, end)
            end = space if space > start else end
        piece = line[start:end]
        pieces.append(ftfy.fix_text(piece, _FTFY) if _MOJIBAKE_HINT.search(piece) else piece)
        start = end
    return "".join(pieces)


def cut_long_lines(text: str, limit: int) -> str:
    """Lines longer than `limit` cut to it, before the repairs: the loader drops what lies beyond
    anyway, and ftfy reads a megabyte line slowly (most dumps are shorter than one such line)."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    if max(map(len, lines)) <= limit:
        return text
    return "\n".join(line[:limit] for line in lines)


def fold_spaces(line: str) -> str:
    """Trailing spaces dropped, runs of spaces after the indentation made one."""
    line = line.rstrip(" ")
    if "  " not in line:
        return line
    body = line.lstrip(" ")
    return line[: len(line) - len(body)] + fold_inner(body)


def fold_inner(body: str) -> str:
    """Runs of spaces inside a line without its indentation made one."""
    return _RUNS.sub(" ", body) if "  " in body else body
