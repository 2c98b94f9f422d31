"""Errors a user can act on: each names the file, and the line where that helps."""
from __future__ import annotations


class DigestError(Exception):
    """An error the user caused and can fix; shown without a traceback."""


class DumpError(DigestError):
    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class ConfigError(DigestError):
    pass


class TemplateError(DigestError):
    pass


class OutputError(DigestError):
    pass
