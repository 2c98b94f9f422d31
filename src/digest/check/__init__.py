"""`digest check`: lint dumps without building the site."""
from digest.check.findings import ERROR, WARNING, Finding
from digest.check.lint import check_dumps

__all__ = ["ERROR", "WARNING", "Finding", "check_dumps"]
