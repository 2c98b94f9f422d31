"""Realistic synthetic dumps for benchmarks and scale tests, the same for the same seed.

Each dump looks like a scraped news page: navigation, a headline (or none: the dump starts with its
dateline), a dateline, body paragraphs with direct and reported quotes, credit lines, and related
blocks printed twice under "Related articles" and "Popular". Some dumps are exact copies and some
near copies (another site's furniture, a headline tail, a paragraph cut) of earlier ones.
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

PLACES = [("BAKU", "Azerbaijan"), ("BERLIN", "Germany"), ("NAIROBI", "Kenya"), ("LIMA", "Peru"),
          ("OSLO", "Norway"), ("HANOI", "Vietnam"), ("ACCRA", "Ghana"), ("QUITO", "Ecuador"),
          ("TBILISI", "Georgia"), ("MANILA", "Philippines"), ("DAKAR", "Senegal"), ("RIGA", "Latvia")]
FIRST = ["Anna", "Omar", "Lena", "Tomas", "Aiko", "Kwame", "Sofia", "Ravi", "Ines", "Pavel", "Mei", "Jonas"]
LAST = ["Berg", "Haddad", "Novak", "Silva", "Tanaka", "Mensah", "Rossi", "Iyer", "Duarte", "Volkov", "Chen", "Lind"]
ROLES = ["Foreign Minister", "Prime Minister", "political analyst", "Central Bank Governor", "Energy Minister",
         "opposition leader", "Defense Minister", "Trade Minister"]
TOPICS = ["grain exports", "a new pipeline", "port expansion", "visa rules", "power grid upgrades", "rail links",
          "fishing quotas", "water treaties", "customs reform", "solar farms", "flood defences", "wheat prices"]
VERBS = ["said", "added", "noted", "stressed", "told reporters"]
OUTLETS = ["Trend", "Daily Ledger", "Coast Herald", "Metro Wire", "Capital Post"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FURNITURE = ["Home", "News", "World", "Business", "Sport", "Opinion", "Subscribe", "Sign in"]

def person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)


NOUNS = ("budget tariff harbour pipeline treaty election court ministry council farmers workers engineers "
         "students prices loans exports imports bridge railway airport reservoir drought harvest vaccine clinic "
         "school police protest strike union bank market currency inflation reform audit contract tender satellite "
         "festival museum stadium ferry highway refinery mine forest coastline border garrison embassy summit").split()
VERBS = ("approved rejected delayed funded questioned expanded reviewed blocked welcomed criticised announced "
         "postponed doubled halved inspected suspended restored challenged endorsed finalised").split()
ADJECTIVES = ("regional national provisional costly ambitious overdue contested emergency annual bilateral "
              "municipal coastal northern southern rural urban temporary revised").split()


def sentence(rng: random.Random) -> str:
    """A plausible news sentence from a wide vocabulary, so unrelated stories share few shingles."""
    a, b, c = rng.sample(NOUNS, 3)
    return (f"The {rng.choice(ADJECTIVES)} {a} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {b} "
            f"after {rng.randint(2, 90)} days of talks over the {c}.")


def paragraphs(rng: random.Random, city: str, topic: str, speakers: list[tuple[str, str]]) -> list[str]:
    out = []
    for i in range(rng.randint(5, 12)):
        name, role = speakers[i % len(speakers)]
        kind = rng.random()
        if kind < 0.3:
            said = rng.choice(["said", "added", "noted", "stressed"])
            out.append(f"“{sentence(rng)} {sentence(rng)[:-1]},” {name.split()[-1]} {said}.")
        elif kind < 0.45:
            out.append(f"{role[0].upper()}{role[1:]} {name} said that the plan for {topic} would be ready "
                       f"before the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} review.")
        else:
            out.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) + f" Officials in {city.title()} followed the talks.")
    return out


def related_block(rng: random.Random) -> list[str]:
    title = f"{rng.choice(LAST)} pledges support for {rng.choice(TOPICS)}"
    summary = " ".join(sentence(rng) for _ in range(4))
    block = ["Editor's choice", "News", title, "", title, "", summary, ""]
    return ["Related articles", "", *block, "Popular", "", *block]


YEARS = (2023, 2024, 2025)


def dump(rng: random.Random, index: int, years: tuple[int, ...] = YEARS) -> str:
    city, country = rng.choice(PLACES)
    topic = rng.choice(TOPICS)
    month, day, year = rng.randrange(12), rng.randint(1, 28), rng.choice(years)
    speakers = [person(rng) for _ in range(rng.randint(1, 3))]
    outlet = rng.choice(OUTLETS)
    headline = f"{country} and partners agree on {topic} ({index})"
    body = paragraphs(rng, city, topic, speakers)
    body[0] = f"{city}, {country}, {MONTHS[month]} {day}. {speakers[0][0]} {rng.choice(['met', 'hosted'])} " \
              f"delegations for talks on {topic}, {outlet} reports. " + body[0]
    lines = [" ".join(rng.sample(FURNITURE, 4)), ""]
    if rng.random() > 0.15:
        lines += [f"{headline} - {outlet}", ""]
    lines += [p + "\n" for p in body]
    lines += [f"Source: {outlet}. Photo: Delegations in {city.title()}, {MONTHS[month]} {day}, {year}. (Agency/Staff)", ""]
    lines += related_block(rng)
    return "\n".join(lines) + "\n"


def near_copy(rng: random.Random, text: str) -> str:
    """Another site's copy: other furniture, another headline tail, one paragraph cut."""
    lines = text.split("\n")
    lines[0] = " ".join(rng.sample(FURNITURE, 5))
    lines = [l.replace(" - ", " | ", 1) if i < 4 else l for i, l in enumerate(lines)]
    prose = [i for i, l in enumerate(lines) if len(l.split()) > 20 and not l.startswith(("Source:", "Editor"))]
    if len(prose) > 3:
        del lines[prose[-2]]
    return "\n".join(lines)


def generate(folder: Path, count: int, seed: int = 7, years: tuple[int, ...] = YEARS) -> list[Path]:
    """Write `count` dumps into `folder`, dated in `years`; about 3% exact and 5% near copies of earlier ones."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    texts: list[str] = []
    for i in range(count):
        roll = rng.random()
        if texts and roll < 0.03:
            text = rng.choice(texts)
        elif texts and roll < 0.08:
            text = near_copy(rng, rng.choice(texts))
        else:
            text = dump(rng, i, years)
        texts.append(text)
        written.append(write_dump(folder, i, text))
    return written


def write_dump(folder: Path, index: int, text: str) -> Path:
    """The index-th dump of a generated archive, named so that path order is generation order."""
    path = folder / f"{index:06d}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main(make: Callable[..., list[Path]] = generate, description: str = __doc__) -> None:
    """FOLDER COUNT [--seed N]: the command line of this generator and of benchmarks/realistic.py."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make(args.folder, args.count, args.seed)


if __name__ == "__main__":
    main()
