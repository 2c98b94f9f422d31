"""Build benchmark: digest against Pelican and Hugo on the same number of stories, in one run.

    python benchmarks/build_bench.py                 # 2,000 and 10,000 dumps
    python benchmarks/build_bench.py --sizes 200     # a quick smoke run
    python benchmarks/build_bench.py --repeat 3      # each rebuild timed three times: the median

For each size it generates dumps and times, for digest: a cold build,
a rebuild with no change, a rebuild after editing one dump, after adding ten dated anywhere in the
archive, and after adding ten dated after it (how archives grow); peak memory of each
(the build and its worker processes). Pelican (`pip install pelican`) and Hugo (Debian's `hugo`)
build the same stories (as the loader reads them) as Markdown posts, alone and followed by Pagefind
over their output: a searchable Hugo or Pelican site is what a digest site is compared with. A tool
that is not installed is reported and skipped. The dumps are real pages' layouts around recombined
real text (benchmarks/realistic.py, reading ../shared) unless `--dumps synthetic` or ../shared is
absent (benchmarks/synth.py: light dumps that overstate the speed on a real archive). The loader's
dumps a second on the real pages are printed beside the build timings.
Timings on a shared machine are noisy: compare the ratios printed in one run, not figures across runs.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.errors import DumpError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realistic
import synth
from loader_bench import first_pass

Generate = Callable[..., list[Path]]

HUGO_LAYOUT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>"""
HUGO_SINGLE = '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}'
HUGO_LIST = '{{ define "main" }}<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'


# A child of this process starts with this process's peak memory as its own (Linux keeps the
# high-water mark across exec, and the benchmark holds the real pages' layouts), so every command
# starts from a small launcher, whose children's peak is their own; it writes that peak to a file.
LAUNCHER = ("import os, sys; pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ); "
            "_, status, usage = os.wait4(pid, 0); open(sys.argv[1], 'w').write(str(usage.ru_maxrss)); "
            "sys.exit(os.waitstatus_to_exitcode(status))")


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of a command and the processes it waited for."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as peak:
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-I", "-c", LAUNCHER, peak.name, *cmd], cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):  # 1: built, with some dumps reported
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.decode()[-2000:]}")
        return elapsed, int(peak.read() or 0) / 1024


def settle(output: Path, seconds: float = 120) -> None:
    """Wait until digest's background removal of the previous site (a process of its own, started
    as a build ends) is done, so each timing starts on a quiet machine, as a user's next build
    after an edit would; back to back, the removal takes the second core from the next build."""
    deadline = time.monotonic() + seconds
    while any(output.parent.glob(f".{output.name}.*-digest")) and time.monotonic() < deadline:
        time.sleep(0.1)


def story_of(dump: Path) -> tuple[str, list[str]]:
    """The headline and body the loader reads: the same stories for every tool."""
    from digest.loader import load_dump

    record = load_dump(dump.name, dump.read_bytes())
    return record.headline, list(record.body)


def markdown_posts(dumps: list[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, dump in enumerate(dumps):
        try:
            title, prose = story_of(dump)
        except DumpError as error:  # a dump digest refuses is no post for the others either
            print(f"  left out of the other tools' posts: {error}")
            continue
        day = 1 + i % 28
        front = f"Title: {title}\nDate: 2025-04-{day:02d} 10:{i % 60:02d}\nSlug: {dump.stem}\nCategory: news\n\n"
        (folder / f"{dump.stem}.md").write_text(front + "\n\n".join(prose) + "\n", encoding="utf-8")


def hugo_site(posts: Path, site: Path) -> None:
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "baseof.html").write_text(HUGO_LAYOUT)
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "bench"\npaginate = 20\n')
    content = site / "content" / "posts"
    content.mkdir(parents=True)
    for post in sorted(posts.glob("*.md")):
        head, body = post.read_text().split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        title = meta["Title"].replace('"', "'")
        front = f'---\ntitle: "{title}"\ndate: {meta["Date"].replace(" ", "T")}:00Z\n---\n\n'
        (content / post.name).write_text(front + body)


def pelican_site(posts: Path, site: Path) -> None:
    shutil.copytree(posts, site / "content")
    (site / "pelicanconf.py").write_text('SITENAME = "bench"\nSITEURL = ""\nTIMEZONE = "UTC"\nDEFAULT_PAGINATION = 20\n'
                                         "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n")


def edit(text: str) -> str:
    """One dump's text changed as an editor would: a sentence added to its longest line."""
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda i: (len(lines[i]), -i))
    lines[longest] += " Officials later confirmed the figures."
    return "\n".join(lines)


def digest_rows(work: Path, count: int, generate: Generate, repeat: int = 1) -> list[tuple[str, float, float]]:
    """digest's rows. Each rebuild is timed `repeat` times (its change made, timed, undone and built
    again untimed), and the row gives the median time and the highest peak memory."""
    site = work / "digest"
    dumps = generate(site / "content", count)
    digest = [sys.executable, "-m", "digest", "build", str(site), "-q"]

    def timed(*extra: str) -> tuple[float, float]:
        measured = run([*digest, *extra])
        settle(site / "build")
        return measured

    def rebuilt(label: str, change: Callable[[], None], undo: Callable[[], None]) -> tuple[str, float, float]:
        runs = []
        for _ in range(repeat):
            change()
            runs.append(timed())
            undo()
            timed()
        return label, statistics.median(seconds for seconds, _ in runs), max(mb for _, mb in runs)

    rows = [("digest cold build", *timed("--clean"))]
    rows += floor_rows(site / "build", work / "floors")
    rows += [rebuilt(label, change, undo) for label, change, undo in rebuilds(site, work, dumps, generate)]
    return rows


Change = Callable[[], None]


def rebuilds(site: Path, work: Path, dumps: list[Path], generate: Generate = synth.generate) -> list[tuple[str, Change, Change]]:
    """The rebuilds measured after a cold build, each a change to the content and its undoing
    (tests/test_benchmark.py runs the same ones and counts the pages each renders)."""
    edited = dumps[len(dumps) // 2]
    text = edited.read_text()
    added = copies(generate(work / "extra", 10, seed=99), site / "content", "added")
    # how archives grow: the next day's news, dated after everything in them
    newer = copies(generate(work / "news", 10, seed=98, years=(2026,)), site / "content", "news")
    return [
        ("digest rebuild, no change", lambda: None, lambda: None),
        ("digest rebuild, 1 dump edited",
         lambda: edited.write_text(edit(text)),
         lambda: edited.write_text(text)),
        ("digest rebuild, 10 dumps added", added.put, added.remove),
        ("digest rebuild, 10 newer dumps added", newer.put, newer.remove),
    ]


@dataclass(frozen=True)
class Copies:
    """Dumps to put into a content folder under new names, and take out again."""

    pairs: tuple[tuple[Path, Path], ...]

    def put(self) -> None:
        for source, target in self.pairs:
            shutil.copy(source, target)

    def remove(self) -> None:
        for _, target in self.pairs:
            target.unlink()


def copies(dumps: list[Path], content: Path, prefix: str) -> Copies:
    return Copies(tuple((dump, content / f"{prefix}-{i}.txt") for i, dump in enumerate(sorted(dumps))))


def floor_rows(built: Path, scratch: Path) -> list[tuple[str, float, float]]:
    """What a build of this design spends at least, timed alone on the cold build's output: Pagefind
    indexing every story page (a cold build indexes them all; a rebuild, the shards it touched),
    and the mirror of the previous site that every rebuild with work makes before its swap."""
    from digest.output.search import pagefind_binary
    rows = []
    binary = pagefind_binary()
    if binary is not None:
        site = scratch / "search" / "site"
        shutil.copytree(built / "stories", site / "stories", copy_function=os.link)
        config = {"site": str(site), "output_path": str(scratch / "search" / "bundle"), "keep_index_url": True}
        (scratch / "search" / "pagefind.json").write_text(json.dumps(config))
        rows.append(("floor: pagefind alone, every story", *run([str(binary)], cwd=scratch / "search")))
    (scratch / "mirror").mkdir(parents=True)
    mirror = importlib.util.find_spec("digest.output.mirror").origin  # run as the build runs it, by its file
    rows.append(("floor: mirror of the site alone", *run([sys.executable, "-I", str(mirror), str(built), str(scratch / "mirror")])))
    shutil.rmtree(scratch)
    return rows


def with_search(label: str, build: tuple[float, float], site: Path, scratch: Path) -> list[tuple[str, float, float]]:
    """The tool's build row, and the same build followed by Pagefind over its output, timed together."""
    from digest.output.search import pagefind_binary

    rows = [(f"{label} cold build", *build)]
    binary = pagefind_binary()
    if binary is not None:
        seconds, mb = run([str(binary), "--site", str(site), "--output-path", str(scratch / f"{label}-pagefind")])
        rows.append((f"{label} + pagefind cold build", build[0] + seconds, max(build[1], mb)))
    return rows


def other_rows(work: Path) -> list[tuple[str, float, float]]:
    dumps = sorted((work / "digest" / "content").glob("0*.txt"))
    markdown_posts(dumps, work / "posts")
    rows = []
    if shutil.which("hugo"):
        hugo_site(work / "posts", work / "hugo")
        built = run(["hugo", "--quiet", "-s", str(work / "hugo")])
        rows += with_search("hugo", built, work / "hugo" / "public", work)
    else:
        print("hugo not installed (apt-get install hugo): skipped")
    pelican = shutil.which("pelican") or str(Path(sys.executable).parent / "pelican")
    if Path(pelican).exists():
        pelican_site(work / "posts", work / "pelican")
        site = work / "pelican"
        built = run([pelican, str(site / "content"), "-o", str(site / "out"), "-s", str(site / "pelicanconf.py"), "-q"])
        rows += with_search("pelican", built, site / "out", work)
    else:
        print("pelican not installed (pip install pelican): skipped")
    return rows


def loader_rate() -> str:
    """The loader's dumps a second (CPU, first pass) on the real pages, beside the build's figures."""
    pages = sorted((realistic.SHARED / "pages" / "dumps").glob("*/*.txt"))
    if not pages:
        return "loader on real pages: ../shared absent, skipped"
    rate = first_pass([(str(p), p.read_bytes()) for p in pages])
    return f"loader on {len(pages)} real pages: {rate:,.0f} dumps/s (CPU, first pass)"


def report(count: int, rows: list[tuple[str, float, float]]) -> None:
    print(f"\n{count:,} dumps")
    print(f"  {'step':<40}{'seconds':>9}{'peak MB':>9}")
    for name, seconds, mb in rows:
        print(f"  {name:<40}{seconds:>9.2f}{mb:>9.0f}")
    times = {name: seconds for name, seconds, _ in rows}
    cold = times["digest cold build"]
    for other in ("hugo cold build", "hugo + pagefind cold build", "pelican cold build", "pelican + pagefind cold build"):
        if other in times:
            print(f"  {other.removesuffix(' cold build')} / digest cold: {times[other] / cold:.2f}x")
    if count >= 10000:
        print(f"  targets at {count:,} dumps (issue 23):")
        for label, met in targets(rows):
            print(f"    {'met    ' if met else 'not met'}  {label}")


def targets(rows: list[tuple[str, float, float]]) -> list[tuple[str, bool]]:
    times = {name: seconds for name, seconds, _ in rows}
    peak = max(mb for name, _, mb in rows if name.startswith("digest"))
    cold = times["digest cold build"]
    checks = [("rebuild with no change <= 0.25 s", times["digest rebuild, no change"] <= 0.25),
              ("one edited dump <= 1 s", times["digest rebuild, 1 dump edited"] <= 1),
              ("ten added dumps <= 2 s", times["digest rebuild, 10 dumps added"] <= 2),
              ("ten newer dumps <= 1 s", times["digest rebuild, 10 newer dumps added"] <= 1),
              ("peak memory <= 400 MB", peak <= 400)]
    if "hugo + pagefind cold build" in times:
        checks.append(("cold build no slower than Hugo + Pagefind", cold <= times["hugo + pagefind cold build"]))
    if "pelican + pagefind cold build" in times:
        checks.append(("cold build 2x faster than Pelican + Pagefind", times["pelican + pagefind cold build"] >= 2 * cold))
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument("--repeat", type=int, default=1, help="time each rebuild this many times: the median is shown")
    parser.add_argument("--dumps", choices=("realistic", "synthetic"), default="realistic",
                        help="real pages' layouts around real text (needs ../shared), or light synthetic dumps")
    args = parser.parse_args()
    if args.dumps == "realistic" and not realistic.available():
        print("../shared is absent: synthetic dumps, which overstate the speed on a real archive")
        args.dumps = "synthetic"
    generate: Generate = realistic.generate if args.dumps == "realistic" else synth.generate
    print(f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.dumps} dumps")
    print(loader_rate())
    for count in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"digest-bench-{count}-"))
        try:
            report(count, digest_rows(work, count, generate, args.repeat) + other_rows(work))
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
