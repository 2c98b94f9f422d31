"""What `digest check` reports: one finding names a dump, a line where it can, and a problem."""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int | None
    level: str  # ERROR: the build skips the dump; WARNING: it is built, but something is missing or odd
    check: str  # a short stable name tools can filter on: "no-date", "duplicate", ...
    message: str

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.check, self.message)
