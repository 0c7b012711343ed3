"""Distinct JSON Resume documents for the PDF batch, deterministic (seeded).

Typst caches repeated work within a process (layout of identical content, decoded fonts),
so a batch of copies of one document flatters whoever compiles it. Every document here
differs: its name, how many entries of each section it has, every text and its length.
Document ``i`` depends only on ``SEED`` and ``i``.

usage: python generate_resumes.py FOLDER COUNT
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261127

_SYLLABLE_TEXT = (
    "ka ri mo sa len dor va ni to ber gha lu quin es ar ta mi ro sel vik an da jo "
    "fe li na ho us tor pe la ci ma zu er od ia ko ul am be re"
)
_WORD_TEXT = (
    "design build lead team data system cloud storage network model training service "
    "latency throughput cache cluster pipeline research analysis report client product "
    "release testing quality budget customer platform mobile backend frontend database "
    "security compliance migration schedule workshop mentor course paper review grant "
    "survey method result accuracy experiment prototype deploy monitor scale cost energy "
    "sensor robot vision language speech search ranking index query stream batch kernel "
    "driver compiler runtime memory scheduler protocol interface hardware firmware audit "
    "contract logistics supply inventory finance marketing campaign content editorial "
    "museum archive library curriculum student patient clinic laboratory field site"
)
_SYLLABLES = _SYLLABLE_TEXT.split()
_WORDS = _WORD_TEXT.split()
_DEGREES = ("B.S.", "B.A.", "M.S.", "M.A.", "Ph.D.", "MBA", "B.Eng.", "M.Eng.")
_LEVELS = ("Native", "Fluent", "Professional", "Intermediate", "Basic")
_CITIES = ("Lyon", "Osaka", "Porto", "Denver", "Tartu", "Recife", "Pune", "Leeds", "Graz")


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def _sentence(rng: random.Random, lo: int, hi: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.5:  # a made-up name or a number, so that texts differ in kind too
        words.insert(rng.randrange(len(words)), _name(rng, rng.randint(2, 3)))
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 95)}%")
    return " ".join(words).capitalize() + "."


def _date(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02}"


def resume(i: int) -> dict:
    rng = random.Random(f"{SEED}:{i}")
    first, last = _name(rng, rng.randint(1, 3)), _name(rng, rng.randint(2, 4))
    year = rng.randint(2004, 2018)
    doc: dict = {
        "basics": {
            "name": f"{first} {last}",
            "label": _sentence(rng, 2, 5).rstrip("."),
            "email": f"{first.lower()}.{last.lower()}@example.org",
            "summary": " ".join(_sentence(rng, 6, 18) for _ in range(rng.randint(1, 4))),
            "location": {
                "city": rng.choice(_CITIES),
                "countryCode": rng.choice(("FR", "JP", "US")),
            },
        },
        "work": [],
        "education": [],
        "skills": [],
        "languages": [],
        "projects": [],
    }
    for n in range(rng.randint(1, 6)):
        start = year + 2 * n
        entry = {
            "name": f"{_name(rng, 3)} {rng.choice(('Labs', 'Inc.', 'GmbH', 'University'))}",
            "position": _sentence(rng, 1, 3).rstrip("."),
            "startDate": _date(rng, start),
            "summary": _sentence(rng, 4, 20),
            "highlights": [_sentence(rng, 5, 30) for _ in range(rng.randint(0, 5))],
        }
        if n or rng.random() < 0.5:
            entry["endDate"] = _date(rng, start + 1)
        doc["work"].append(entry)
    for n in range(rng.randint(1, 3)):
        doc["education"].append(
            {
                "institution": f"University of {_name(rng, 3)}",
                "area": _sentence(rng, 1, 4).rstrip("."),
                "studyType": rng.choice(_DEGREES),
                "startDate": str(year - 4 - 2 * n),
                "endDate": str(year - 2 * n),
            }
        )
    for _ in range(rng.randint(1, 4)):
        doc["skills"].append(
            {
                "name": _sentence(rng, 1, 3).rstrip("."),
                "keywords": [rng.choice(_WORDS) for _ in range(rng.randint(2, 8))],
            }
        )
    for _ in range(rng.randint(1, 3)):
        doc["languages"].append({"language": _name(rng, 2), "fluency": rng.choice(_LEVELS)})
    for _ in range(rng.randint(0, 4)):
        doc["projects"].append(
            {
                "name": _sentence(rng, 2, 6).rstrip("."),
                "description": _sentence(rng, 5, 25),
                "highlights": [_sentence(rng, 5, 20) for _ in range(rng.randint(0, 3))],
                "startDate": _date(rng, year + rng.randint(0, 8)),
            }
        )
    return {k: v for k, v in doc.items() if v}


def main() -> None:
    folder, count = Path(sys.argv[1]), int(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = json.dumps(resume(i), ensure_ascii=False, indent=2)
        (folder / f"cv{i:04}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
