"""Train the loader's line labeller (src/digest/loader/labeller.crfsuite) from labelled pages.

    .venv/bin/python training/train_labeller.py            # train on the training split, report both
    .venv/bin/python training/train_labeller.py --report   # only report the shipped model's line accuracy

Training data, all from ../shared (read, never copied): the training sites of pages/ (split.yaml
holds the development sites out) in all three dump forms, labelled by aligning their truth to the
lines (labels.py); the hand-checked corpus, the seeds and the loader tests' pages of furniture forms
(tests/loader/pages), labelled by the rules' own reading, which reads them right. Deterministic: the same data gives the same model file. About a minute on two cores.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pycrfsuite
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

from labels import Sequence, from_rules, from_truth  # noqa: E402

from digest.loader import labeller  # noqa: E402
from digest.loader.features import VOCABULARY, first_word, line_features, reach, vocabulary  # noqa: E402
from digest.loader.patterns import patterns  # noqa: E402
from digest.loader.record import read_layout  # noqa: E402
from digest.loader.text import decode  # noqa: E402

FORMS = ("w3m", "lynx", "scraper")
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def development_sites() -> set[str]:
    return set(yaml.safe_load((ROOT / "training" / "split.yaml").read_text(encoding="utf-8"))["development"])


def _layout(path: Path):
    return read_layout(decode(path.read_bytes(), str(path)), patterns())[1]


def _within(seq: Sequence, window: range) -> Sequence:
    """The labels of the lines the model reads (features.reach), the cut moved with them."""
    return Sequence(seq.labels[window.start : window.stop], max(0, min(seq.cut, window.stop) - window.start))


def page_sequences(shared: Path, part: str) -> list[tuple[str, list[list[str]], Sequence]]:
    """(name, features, labels) of every page of the split's part, in every form."""
    pats = patterns()
    dev = development_sites()
    truth = yaml.safe_load((shared / "pages" / "truth.yaml").read_text(encoding="utf-8"))
    out = []
    for entry in truth:
        if (entry["site"] in dev) != (part == "development"):
            continue
        for form in FORMS:
            path = shared / "pages" / "dumps" / form / f"{entry['stem']}.txt"
            layout = _layout(path)
            labelled = from_truth(layout, entry, pats)
            if labelled:
                out.append((f"{form}/{entry['stem']}", line_features(layout, pats), _within(labelled, reach(layout))))
    return out


def _rule_read_pages(shared: Path) -> list[tuple[Path, str | None]]:
    """The hand-checked corpus, the seeds, and the loader tests' own pages of furniture forms."""
    pages = []
    for truth_file in (shared / "corpus" / "truth.yaml", shared / "seeds" / "truth.yaml"):
        for entry in yaml.safe_load(truth_file.read_text(encoding="utf-8")):
            pages.append((truth_file.parent / entry["file"], entry.get("headline")))
    for case in sorted((ROOT / "tests" / "loader" / "pages").glob("*.yaml")):
        entry = yaml.safe_load(case.read_text(encoding="utf-8"))
        if "error" not in entry:
            pages.append((case.with_suffix(".txt"), entry.get("headline")))
    return pages


def rule_sequences(shared: Path) -> list[tuple[str, list[list[str]], Sequence]]:
    pats = patterns()
    out = []
    for path, headline in _rule_read_pages(shared):
        layout = _layout(path)
        labelled = from_rules(layout, headline, pats)
        if labelled:
            out.append((path.name, line_features(layout, pats), _within(labelled, reach(layout))))
    return out


def train(data: list[tuple[str, list[list[str]], Sequence]], model: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for _, features, seq in data:
        if seq.cut:
            trainer.append(features[: seq.cut], seq.labels[: seq.cut])
    trainer.set_params(PARAMS)
    trainer.train(str(model))


def report(name: str, data: list[tuple[str, list[list[str]], Sequence]], model: Path) -> None:
    """Per-label precision and recall of the lines, against the derived labels."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    hit, got, want = Counter(), Counter(), Counter()
    for _, features, seq in data:
        predicted = tagger.tag(features[: seq.cut]) if seq.cut else []
        for p, g in zip(predicted, seq.labels[: seq.cut]):
            got[p] += 1
            want[g] += 1
            hit[p] += p == g
    print(f"{name}: {len(data)} pages")
    for label, title in labeller.LABEL_NAMES.items():
        p = hit[label] / got[label] if got[label] else 0.0
        r = hit[label] / want[label] if want[label] else 0.0
        print(f"  {title:9} P {p:.3f}  R {r:.3f}  ({want[label]} lines)")


MIN_VOCABULARY_SITES = 4  # a first word on this many training sites is furniture's vocabulary, not one site's


def write_vocabulary(shared: Path) -> None:
    """The opening words of short lines that several training sites share (features.vocabulary)."""
    dev = development_sites()
    truth = yaml.safe_load((shared / "pages" / "truth.yaml").read_text(encoding="utf-8"))
    sites: dict[str, set[str]] = {}
    for entry in truth:
        if entry["site"] in dev:
            continue
        for form in FORMS:
            layout = _layout(shared / "pages" / "dumps" / form / f"{entry['stem']}.txt")
            for line in layout.lines:
                if (word := first_word(line.text)):
                    sites.setdefault(word, set()).add(entry["site"])
    words = sorted(w for w, found in sites.items() if len(found) >= MIN_VOCABULARY_SITES)
    VOCABULARY.write_text("\n".join(words) + "\n", encoding="utf-8")
    vocabulary.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=labeller.MODEL)
    parser.add_argument("--report", action="store_true", help="report the model as it is; do not train")
    args = parser.parse_args()
    if not args.report:
        write_vocabulary(args.shared)
    training = page_sequences(args.shared, "training") + rule_sequences(args.shared)
    development = page_sequences(args.shared, "development")
    if not args.report:
        train(training, args.model)
        print(f"wrote {args.model} ({args.model.stat().st_size:,} bytes)")
    report("training", training, args.model)
    report("development", development, args.model)


if __name__ == "__main__":
    main()
