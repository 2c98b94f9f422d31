"""Split ../shared/pages by site into a training part and a development part, once.

Whole sites go to one part, so the development figures say how the loader reads sites it was not
trained on. Sites are taken largest first, then by the SHA-1 of their name, and each joins the part
that keeps the four strata (full/partial truth x news/not) nearest 2/3 training, 1/3 development.
The result is committed as split.yaml: rerunning this script must reproduce it.
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

DEV_SHARE = 1 / 3


def stratum(entry: dict) -> tuple[str, bool]:
    return entry.get("truth", "partial"), bool(entry.get("news"))


def split(truth: list[dict]) -> list[str]:
    sites: dict[str, list[dict]] = defaultdict(list)
    for entry in truth:
        sites[entry["site"]].append(entry)
    order = sorted(sites, key=lambda s: (-len(sites[s]), hashlib.sha1(s.encode()).hexdigest()))
    totals = Counter(stratum(e) for e in truth)
    dev: Counter = Counter()
    seen: Counter = Counter()
    chosen: list[str] = []
    for site in order:
        counts = Counter(stratum(e) for e in sites[site])
        # join development when that brings its share of these strata nearer the target
        gap_if_dev = sum(abs((dev[k] + n) - DEV_SHARE * (seen[k] + n)) for k, n in counts.items())
        gap_if_train = sum(abs(dev[k] - DEV_SHARE * (seen[k] + n)) for k, n in counts.items())
        if gap_if_dev < gap_if_train:
            chosen.append(site)
            dev.update(counts)
        seen.update(counts)
    assert sum(totals.values()) == sum(seen.values())
    return sorted(chosen)


def main() -> None:
    pages = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/pages")
    truth = yaml.safe_load((pages / "truth.yaml").read_text(encoding="utf-8"))
    dev = split(truth)
    header = ("# Sites of ../shared/pages held out of training: the loader's labeller is tuned on the\n"
              "# other sites and chosen on these. Made by training/make_split.py; never edit by hand.\n")
    out = Path(__file__).with_name("split.yaml")
    out.write_text(header + yaml.safe_dump({"development": dev}, sort_keys=False), encoding="utf-8")
    n = sum(e["site"] in set(dev) for e in truth)
    print(f"{len(dev)} development sites, {n} of {len(truth)} pages")


if __name__ == "__main__":
    main()
