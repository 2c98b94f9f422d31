"""The characters XML 1.0 may hold. Python text may hold any code point, and a dump may bring
U+FFFE, U+FFFF or a lone surrogate: in a feed or the sitemap one makes the file not well-formed,
and readers reject the whole feed."""
from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_chars(text: str) -> str:
    """The text without the characters XML 1.0 forbids (an escape cannot carry them either)."""
    return _NOT_XML.sub("", text)
