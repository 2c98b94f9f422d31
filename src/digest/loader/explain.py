"""Why each line of a dump was read as it was: its label, how sure the model is, what the rules
said of it and the features that weighed most. `digest inspect --explain` prints it."""
from __future__ import annotations

from dataclasses import dataclass

from digest.loader import labeller
from digest.loader.blocks import Line
from digest.loader.classify import Layout
from digest.loader.features import line_features, old_roles, reach
from digest.loader.patterns import patterns
from digest.loader.record import read_layout
from digest.loader.text import decode

TOP_FEATURES = 3


@dataclass(frozen=True, slots=True)
class LineReading:
    number: int  # the dump's line number (a paragraph wrapped over several lines: its first)
    text: str
    label: str  # headline, byline, date, body or other: what the record takes the line for
    probability: float  # the model's probability of the label the model gives it
    rules: str  # the hand-written rules' reading of the line
    reasons: tuple[tuple[str, float], ...]  # the features that weighed most for the model's label


def _record_label(line: Line, model_label: str, layout: Layout) -> str:
    """What the record takes the line for: the body is the record's (the rules' widened by the model),
    the headline the line that prints it; elsewhere the model's label, but "body" off the body is other."""
    if line in layout.body:
        return "body"
    if model_label == labeller.HEADLINE and layout.headline and line.text.endswith(layout.headline):
        return "headline"
    return "other" if model_label == labeller.BODY else labeller.LABEL_NAMES[model_label]


def explain(path: str, data: bytes) -> list[LineReading]:
    pats = patterns()
    meta, layout = read_layout(decode(data, path), pats)
    window = reach(layout)
    features = [[]] * window.start + line_features(layout, pats) + [[]] * (len(layout.lines) - window.stop)
    marginals = labeller.label_lines(layout, pats)
    reading = labeller.relayout(layout, marginals, pats, meta.title if meta else None)
    final = reading.layout
    roles, weights = old_roles(layout), labeller.feature_weights()
    out = []
    for i, line in enumerate(layout.lines):
        model_label = marginals.labels[i]
        label = _record_label(line, model_label, final)
        weighed = sorted(((f, weights.get((f, model_label), 0.0)) for f in features[i]), key=lambda fw: -abs(fw[1]))
        out.append(LineReading(line.number, line.text, label, marginals.p[model_label][i],
                               roles.get(line.number, "-"), tuple(fw for fw in weighed[:TOP_FEATURES] if fw[1])))
    return out
