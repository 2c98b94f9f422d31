"""Errors a user can act on: each names the file, and the line where that helps."""
from __future__ import annotations

import re

# What a terminal acts on rather than shows: C0 and C1 controls (an escape sequence clears the
# screen or sets the title, a carriage return overwrites the line), direction overrides that
# reorder a name, and lone surrogates (a file name that is not UTF-8), which cannot be printed.
_BEYOND_C0 = "\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_ANYWHERE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_BEYOND_C0}]")
_RAW_IN_JSON = re.compile(f"[{_BEYOND_C0}]")  # json.dumps escapes C0 itself


def shown(text: str, lines: bool = False) -> str:
    """Text from a file or its name as a terminal can show it: what it would act on as escapes
    ("\\x1b[2J"); with `lines`, a message's own line breaks and tabs are kept."""
    return (_BUT_LINES if lines else _ANYWHERE).sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown_json(text: str) -> str:
    """JSON output as a terminal can show it: json.dumps leaves C1 controls, direction overrides
    and lone surrogates raw (ensure_ascii=False); as \\u escapes they are the same JSON."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class DigestError(Exception):
    """An error the user caused and can fix; shown without a traceback."""


class DumpError(DigestError):
    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{shown(path)}:{line}" if line else shown(path)
        super().__init__(f"{where}: {shown(reason, lines=True)}")


class ConfigError(DigestError):
    pass


class TemplateError(DigestError):
    pass


class OutputError(DigestError):
    pass
