"""The search index: Pagefind (its binary ships in the pagefind PyPI package) run over the pages.

It runs on a scratch copy of the rendered HTML, before the site is written, so the index lands in
the same atomic write as the pages. Without the binary the site still builds, with a warning, and
the search page says search is unavailable.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from digest.site.search_order import stable_bundle

SEARCH_FOLDER = "pagefind"
TIMEOUT_SECONDS = 600


def pagefind_binary() -> Path | None:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return found if found is not None and found.is_file() else None


def is_indexed(path: str, data: bytes) -> bool:
    """Pages whose text goes into the index (stories mark their body); Pagefind skips the rest."""
    return path.endswith(".html") and b"data-pagefind-body" in data


def search_index(pages: dict[str, bytes], binary: Path | None) -> tuple[dict[str, bytes], str | None]:
    """(files of the index, None) or ({}, a warning saying why there is no search)."""
    if binary is None:
        return {}, "search index not built: the Pagefind binary is missing (pip install 'pagefind[bin]')"
    with tempfile.TemporaryDirectory(prefix="digest-search-") as scratch:
        root = Path(scratch) / "site"
        for path, data in pages.items():
            if is_indexed(path, data):
                (root / path).parent.mkdir(parents=True, exist_ok=True)
                (root / path).write_bytes(data)
        try:
            run = subprocess.run([str(binary), "--site", str(root), "--output-subdir", SEARCH_FOLDER,
                                  "--keep-index-url"],
                                 capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as error:
            return {}, f"search index not built: Pagefind could not run ({error})"
        if run.returncode != 0:
            return {}, f"search index not built: Pagefind failed: {(run.stderr or run.stdout).strip()[-500:]}"
        out = root / SEARCH_FOLDER
        bundle = {f"{SEARCH_FOLDER}/{p.relative_to(out).as_posix()}": p.read_bytes()
                  for p in sorted(out.rglob("*")) if p.is_file()}
        return stable_bundle(bundle, SEARCH_FOLDER), None
