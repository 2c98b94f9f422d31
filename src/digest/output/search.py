"""The search index: Pagefind (its binary ships in the pagefind PyPI package), one bundle a shard.

Pagefind can only index a whole set of pages at once, and takes about a millisecond a story; one
index over an archive would be rebuilt whole for every edited story. So stories are split into
shards by fixed windows of calendar days (see `plan_shards`), each indexed into its own bundle
under pagefind/<first day>/, and the search page merges them in the browser. A build indexes again
only the shards whose pages changed, in parallel; the rest are taken from the previous site.
pagefind/shards.json lists the bundles, newest first. The first is the primary bundle the page
loads Pagefind's script, worker and WebAssembly from (the merged ones only lend their index), so
only it keeps those files; no bundle keeps Pagefind's own UI, which the search page does without.

Pagefind runs on links to the staged pages, before the site is swapped in, so the index lands in
the same atomic swap as the pages. Without the binary the site still builds, with a warning, and
the search page says search is unavailable.
"""
from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path

from digest.hashing import digest_of
from digest.output.mirror import link_or_copy
from digest.output.search_order import stable_bundle

SEARCH_FOLDER = "pagefind"
SHARDS_FILE = f"{SEARCH_FOLDER}/shards.json"
# What the page loads from the primary bundle: Pagefind's search script, its worker and WebAssembly.
RUNTIME = re.compile(r"pagefind\.js|pagefind-worker\.js|wasm\.[a-z0-9_-]+\.pagefind")
# What Pagefind writes into every bundle for the page itself, and that no one loads.
PAGE_FILES = re.compile(r"pagefind-(?:component-|modular-)?ui\.(?:js|css)|pagefind-highlight\.js")
SHARD_STORIES = 250  # what a shard aims to hold: about a quarter of a second of Pagefind
MAX_SHARDS = 48  # what a search merges in the browser at most; a larger archive gets larger shards
UNDATED = "undated"
TIMEOUT_SECONDS = 600


class PagefindError(Exception):
    pass


@dataclass(frozen=True)
class Shard:
    name: str  # its folder under pagefind/: the first day of its window ("2025-04-01"), or "undated"
    pages: tuple[str, ...]  # the story pages it indexes, in path order


def window_days(days: set[int], dated: int) -> int:
    """How many calendar days a shard spans: as many as hold SHARD_STORIES at the archive's density
    (stories a day with stories), rounded to a power of two, and more if there would be over
    MAX_SHARDS shards. Powers of two nest, so a wider window is two narrower ones joined; and the
    density moves slowly, so the width changes rarely (each change indexes everything once)."""
    if not dated:
        return 1
    width = 2 ** max(0, round(math.log2(SHARD_STORIES * len(days) / dated)))
    while len({day // width for day in days}) > MAX_SHARDS:
        width *= 2
    return width


def calendar_day(day: str | None) -> date | None:
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:  # "2025-02-30" has the form of a date but is none
        return None


def plan_shards(stories: list[tuple[str, str | None]]) -> tuple[Shard, ...]:
    """(page path, ISO day or None) to shards: fixed windows of calendar days. A window's bounds
    do not depend on the stories in it or near it, so an added or edited story moves its own shard
    only, wherever its date falls. Stories without a full date share one shard."""
    days = {path: calendar_day(day) for path, day in stories}
    dated = [(path, day) for path, day in days.items() if day]
    width = window_days({day.toordinal() for _, day in dated}, len(dated))
    windows: dict[str, list[str]] = {}
    for path, day in dated:
        start = date.fromordinal(day.toordinal() // width * width).isoformat()
        windows.setdefault(start, []).append(path)
    undated = [path for path, day in days.items() if not day]
    if undated:
        windows[UNDATED] = undated
    return tuple(Shard(name, tuple(sorted(pages))) for name, pages in sorted(windows.items()))


def pagefind_binary() -> Path | None:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return found if found is not None and found.is_file() else None


_BODY = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\bdata-pagefind-body\b[^>]*>")
# Matched in the page lower-cased (ASCII only, so every offset holds), which spares the regular
# expression case-folding at each position: half the time, on every story page a build writes.
_READ_ANYWHERE = re.compile(rb'<(?:html\b[^>]*>|title>.*?</title>|h1\b.*?</h1>|img\b[^>]*>)|data-pagefind-[a-z-]+(?:="[^"]*")?',
                            re.S)


def indexed_digest(html: bytes) -> str:
    """A digest of what Pagefind reads of a page: the element marked data-pagefind-body, and what it
    takes from anywhere (the language, the title and first heading, images, data-pagefind-*
    attributes). A story page whose "Part of" line or related links change, as when its event
    gains a story, indexes the same, so its shard is not indexed again. Without the mark Pagefind
    reads the whole page, and so does this."""
    body = _BODY.search(html)
    if body is None:
        return digest_of([html])
    tags = re.compile(rb"<(/?)" + re.escape(body.group(1)) + rb"\b[^>]*>", re.I)
    depth, end = 0, len(html)
    for tag in tags.finditer(html, body.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = tag.end()
            break
    anywhere = (html[m.start():m.end()] for m in _READ_ANYWHERE.finditer(html.lower()))
    return digest_of([html[body.start():end], *anywhere])


@cache  # asked for every shard's key; looking up installed packages takes milliseconds each time
def pagefind_version() -> str:
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return ""


def shard_key(shard: Shard, indexed: dict[str, str], primary: bool = False) -> str:
    """Changes when what Pagefind reads of any of the shard's pages changes, or Pagefind does, or
    the shard becomes or stops being the primary bundle (whose files differ: see bundle_files)."""
    return digest_of([pagefind_version().encode(), shard.name.encode(), b"primary" if primary else b"merged",
                      *(part for path in shard.pages for part in (path.encode(), indexed[path].encode()))])


def shard_site(shard: Shard, site_root: Path) -> Path:
    """A scratch folder beside the staged site, holding links to the shard's pages under site/
    (Pagefind indexes a whole folder; told the pages by a glob instead, it takes a third longer
    matching every file of the site). Named so that the next build clears it away if this one is
    killed. Made in the thread that plans the index: beside a busy thread, each of its system
    calls would wait for the interpreter's lock."""
    scratch = Path(tempfile.mkdtemp(prefix=f"{site_root.name}.", suffix=".search-digest", dir=site_root.parent))
    for path in shard.pages:
        (scratch / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(site_root / path, scratch / "site" / path)
    return scratch


def index_shard(shard: Shard, site_root: Path, binary: Path, scratch: Path | None = None) -> dict[str, bytes]:
    """The shard's bundle, from its pages under `site_root` (the staged site) linked into `scratch`
    (see shard_site), which is removed. Pagefind's settings are in a pagefind.json there, its
    working folder, so no pagefind.yml where the user started the build changes the index."""
    scratch = scratch or shard_site(shard, site_root)
    folder = f"{SEARCH_FOLDER}/{shard.name}"
    try:
        out = scratch / "bundle"
        config = {"site": str(scratch / "site"), "output_path": str(out), "keep_index_url": True}
        (scratch / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        try:
            run = subprocess.run([str(binary)], cwd=scratch, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PagefindError(f"Pagefind could not run ({error})") from None
        if run.returncode != 0:
            raise PagefindError(f"Pagefind failed: {(run.stderr or run.stdout).strip()[-500:]}")
        bundle = {f"{folder}/{p.relative_to(out).as_posix()}": p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return stable_bundle(bundle, folder)


def bundle_files(bundle: dict[str, bytes], primary: bool) -> dict[str, bytes]:
    """What of a shard's bundle the site keeps: its index, and Pagefind's runtime if it is primary."""
    def kept(path: str) -> bool:
        name = path.rsplit("/", 1)[1]
        return not PAGE_FILES.fullmatch(name) and (primary or not RUNTIME.fullmatch(name))
    return {path: data for path, data in bundle.items() if kept(path)}


def search_order(shards: tuple[Shard, ...]) -> list[str]:
    """The bundles as the page lists them: newest first, undated last; the first is primary."""
    dated = sorted((s.name for s in shards if s.name != UNDATED), reverse=True)
    return dated + [s.name for s in shards if s.name == UNDATED]


@dataclass(frozen=True)
class SearchIndex:
    keys: dict[str, str]  # shard name -> key, for the next build's reuse
    indexed: int  # shards indexed by this build; the others were taken from the previous site
    warning: str | None = None


Progress = Callable[[str, int, int], None]
MISSING = "search index not built: the Pagefind binary is missing (pip install 'pagefind[bin]')"


@dataclass(frozen=True)
class SearchPlan:
    """The index as planned: its shards, the key of what each indexes, and the primary bundle."""

    shards: tuple[Shard, ...]
    keys: dict[str, str]  # shard name -> key, for this build's reuse and the next's
    primary: str | None  # the bundle that carries Pagefind's runtime


def plan_search(stories: list[tuple[str, str | None]], indexed: dict[str, str]) -> SearchPlan:
    """Shards of the story pages (path, day), keyed by what Pagefind reads of each page (`indexed`)."""
    shards = plan_shards(stories)
    primary = search_order(shards)[0] if shards else None
    return SearchPlan(shards, {s.name: shard_key(s, indexed, s.name == primary) for s in shards}, primary)


def link_shards(plan: SearchPlan, names: set[str], site_root: Path) -> list[tuple[Shard, Path]]:
    """The scratch sites of the shards named (see shard_site), in this thread."""
    return [(shard, shard_site(shard, site_root)) for shard in plan.shards if shard.name in names]


Started = list[tuple[Shard, Path, Future]]  # each shard, its scratch site and the Pagefind run making its bundle


def start_indexing(linked: list[tuple[Shard, Path]], site_root: Path, binary: Path, pool: Executor) -> Started:
    """Pagefind over each linked shard (the others are kept from the previous site), on `pool`'s
    threads, each waiting on its own Pagefind process: started now, collected by `bundles`."""
    return [(shard, scratch, pool.submit(index_shard, shard, site_root, binary, scratch)) for shard, scratch in linked]


def bundles(plan: SearchPlan, started: Started, progress: Progress | None = None) -> Iterator[dict[str, bytes]]:
    """The files of each shard's bundle as its Pagefind run ends, in order, then the list of
    bundles: so a cold build holds one shard's bundle at a time, not the whole index. Raises
    PagefindError when a run failed; every scratch site is removed either way."""
    try:
        for done, (shard, _, run) in enumerate(started, 1):
            yield bundle_files(run.result(), shard.name == plan.primary)
            if progress:
                progress("indexing search", done, len(started))
    finally:
        for _, scratch, run in started:  # those a failure left unindexed: their runs end first
            run.cancel() or run.exception()
            shutil.rmtree(scratch, ignore_errors=True)
    order = [f"{name}/" for name in search_order(plan.shards)]
    yield {SHARDS_FILE: json.dumps({"bundles": order}, separators=(",", ":")).encode() + b"\n"}
