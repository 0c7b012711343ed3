"""Fuzz every reader and writer of resumeconv with generated and mutated inputs.

    .venv/bin/python fuzz/run.py                      # 100,000 inputs, all cores
    .venv/bin/python fuzz/run.py --count 300 --jobs 1 --seed 7
    .venv/bin/python fuzz/run.py --seed 7 --replay 1234   # one input again, with traceback

Each input (see ``fuzz/inputs.py``) goes through every reader: JSON and YAML always,
Markdown for every page and for one JSON/YAML text in ``--cross-markdown-every`` (reading
JSON as a page is slow and rarely interesting). Whatever its own reader imports goes
through every text writer (json, yaml, rendercv, markdown, html), and its JSON output is read back
and must give the same model. PDF and DOCX are slower (Typst ~20 ms, pandoc ~200 ms), so
they run on a sample (``--pdf-every``, ``--docx-every``), and one input in ``--site-every``
is also read as a page of a whole Jekyll site (mutated ``_config.yml`` and collection
documents) written to a temp folder.

A failure is any exception that is not a ``ResumeconvError``, a reader that takes longer
than ``--timeout`` seconds, or a JSON round trip that changes the model. Each failure's
input goes to ``fuzz/crashes/`` (git-ignored) with a ``.txt`` that says how to replay it;
the run then exits 1.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import READERS, FuzzInput, Seed, load_seeds, make_input

CRASH_DIR = Path(__file__).resolve().parent / "crashes"
TEXT_WRITERS = ("json", "yaml", "rendercv", "markdown", "html")
_EXT = {"markdown": ".md", "json": ".json", "yaml": ".yaml", "rendercv": ".rcv.yaml"}


class FuzzTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` hides it."""


@dataclass
class Failure:
    index: int
    stage: str
    signature: str
    trace: str
    data: bytes
    format: str
    recipe: str


@dataclass
class Tally:
    """What a chunk of inputs did: counters and failures."""

    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    failures: list[Failure] = field(default_factory=list)

    def merge(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.failures.extend(other.failures)


@dataclass
class Settings:
    seed: int
    timeout: int
    pdf_every: int
    docx_every: int
    site_every: int
    cross_markdown_every: int
    writers: tuple[str, ...]


# Set in the parent before the pool forks, so workers share them.
_SEEDS: list[Seed] = []
_SETTINGS: Settings | None = None


def _on_alarm(signum: int, frame: Any) -> None:
    raise FuzzTimeout


def available_writers() -> tuple[str, ...]:
    """Text writers whose module imports (a missing one is reported, not fuzzed)."""
    from resumeconv import formats

    found = []
    for name in TEXT_WRITERS:
        try:
            formats.by_name(name).load_writer()
        except ImportError:
            continue
        found.append(name)
    return tuple(found)


def signature(exc: BaseException) -> str:
    """Exception type and the innermost resumeconv frame: one line per distinct bug."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "resumeconv" in f.filename and "/fuzz/" not in f.filename]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    place = f"{Path(where.filename).name}:{where.lineno} {where.name}" if where else "?"
    return f"{type(exc).__name__} at {place}"


def check_input(inp: FuzzInput, settings: Settings, tally: Tally) -> None:
    """Run one input through every reader, its import through every writer."""
    from resumeconv import api
    from resumeconv.errors import ResumeconvError

    rng = random.Random(f"check:{settings.seed}:{inp.index}")

    def guarded(stage: str, call: Callable[[], Any]) -> tuple[bool, Any]:
        signal.alarm(settings.timeout)
        try:
            return True, call()
        except ResumeconvError:
            tally.counts[f"{stage}: refused"] += 1
            return False, None
        except FuzzTimeout as exc:
            _fail(tally, inp, stage, exc, f"timeout over {settings.timeout} s in {stage}")
        except Exception as exc:
            _fail(tally, inp, stage, exc)
        finally:
            signal.alarm(0)
        return False, None

    for fmt in READERS:
        if fmt == "markdown" != inp.format and rng.randrange(settings.cross_markdown_every):
            continue  # JSON/YAML text read as a page: slow (~20 ms) and rarely interesting
        ok, resume = guarded(f"read {fmt}", lambda f=fmt: api.load(inp.data, format=f))
        if not ok:
            continue
        tally.counts[f"read {fmt}: imported"] += 1
        if fmt == inp.format:
            _write_all(inp, resume, settings, rng, guarded, tally)
            if fmt in ("json", "yaml"):
                _check_fix(inp, guarded, tally)
    if settings.site_every and rng.randrange(settings.site_every) == 0:
        _check_site(inp, rng, guarded, tally)


def _write_all(
    inp: FuzzInput,
    resume: Any,
    settings: Settings,
    rng: random.Random,
    guarded: Callable[[str, Callable[[], Any]], tuple[bool, Any]],
    tally: Tally,
) -> None:
    from resumeconv import api

    options = {
        "locale": rng.choice(["en", "en", "zh", "de", "fr", "es"]),
        "paper": rng.choice(["a4", "letter"]),
        "flavor": rng.choice([None, "academicpages", "plain"]),
    }
    writers = list(settings.writers)
    if settings.pdf_every and rng.randrange(settings.pdf_every) == 0:
        writers.append("pdf")
    if settings.docx_every and rng.randrange(settings.docx_every) == 0:
        writers.append("docx")
    for name in writers:
        ok, data = guarded(f"write {name}", lambda n=name: api.render(resume, n, **options))
        if not ok:
            continue
        tally.counts[f"write {name}: written"] += 1
        if not data:
            _fail(tally, inp, f"write {name}", None, f"{name} writer returned no bytes")
        if name == "json":
            _round_trip(inp, resume, data, guarded, tally)


def _check_fix(
    inp: FuzzInput,
    guarded: Callable[[str, Callable[[], Any]], tuple[bool, Any]],
    tally: Tally,
) -> None:
    """``resumeconv fix`` of a readable JSON/YAML input raises only our errors, and fixing
    its output changes nothing more (docs/fix.md)."""
    from resumeconv import api
    from resumeconv.sources import Source, decode

    name = f"fuzz.{inp.format}"
    source = Source(decode(inp.data, name), name=name)
    ok, fixed = guarded("fix", lambda: api.fix(source, format=inp.format))
    if not ok:
        return
    tally.counts["fix: repaired"] += 1
    if not fixed.changed or any(i.rule == "read" for i in fixed.issues):
        return  # nothing to fix, or nothing left that is a resume (said in its issues)
    ok, again = guarded("fix again", lambda: api.fix(Source(fixed.text, name=name), inp.format))
    if ok and again.changes:
        first = again.changes[0]
        _fail(tally, inp, "fix again", None, f"fix is not idempotent: {first.rule} {first.pointer}")


def _round_trip(
    inp: FuzzInput,
    resume: Any,
    data: bytes,
    guarded: Callable[[str, Callable[[], Any]], tuple[bool, Any]],
    tally: Tally,
) -> None:
    """Our own JSON must read back, to the same model."""
    from resumeconv import api
    from resumeconv.errors import ResumeconvError

    try:
        again = api.load(data, format="json")
    except ResumeconvError as exc:
        _fail(tally, inp, "re-read json output", exc, f"our JSON output is refused: {exc}")
        return
    except Exception as exc:
        _fail(tally, inp, "re-read json output", exc)
        return
    read_back, written = again.to_dict(), resume.to_dict()
    if "$schema" not in written:  # the writer names the official schema first
        read_back.pop("$schema", None)
    if read_back != written:
        _fail(tally, inp, "re-read json output", None, "JSON round trip changed the model")
    else:
        tally.counts["json round trip: equal"] += 1


def _check_site(
    inp: FuzzInput,
    rng: random.Random,
    guarded: Callable[[str, Callable[[], Any]], tuple[bool, Any]],
    tally: Tally,
) -> None:
    """Read the input as ``_pages/cv.md`` of a site with a mutated config and collections."""
    from inputs import TEXT_MUTATORS

    from resumeconv import api

    configs = [s for s in _SEEDS if s.name.endswith("_config.yml")]
    items = [
        s for s in _SEEDS if "/_" in s.name and s.format == "markdown" and "/_pages/" not in s.name
    ]
    pages = [s for s in _SEEDS if s.name.endswith("cv.md")]
    page = inp.data if inp.format == "markdown" else rng.choice(pages).text.encode()
    with tempfile.TemporaryDirectory(prefix="fuzz-site-") as tmp:
        root = Path(tmp)
        config = rng.choice(configs).text if configs else "title: x\n"
        if rng.random() < 0.7:
            config = rng.choice(TEXT_MUTATORS)(config, rng)
        (root / "_config.yml").write_bytes(config.encode("utf-8", "surrogatepass"))
        (root / "_pages").mkdir()
        (root / "_pages" / "cv.md").write_bytes(page)
        for folder in rng.sample(["_publications", "_talks", "_teaching", "_posters"], 2):
            (root / folder).mkdir()
            for k in range(rng.randint(1, 3)):
                text = rng.choice(items).text if items else "---\ntitle: x\n---\n"
                if rng.random() < 0.7:
                    text = rng.choice(TEXT_MUTATORS)(text, rng)
                name = f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{k}-item.md"
                (root / folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        ok, resume = guarded("read site", lambda: api.load(root / "_pages" / "cv.md"))
        if ok:
            tally.counts["read site: imported"] += 1
            guarded("write html", lambda: api.render(resume, "html"))


def _fail(
    tally: Tally, inp: FuzzInput, stage: str, exc: BaseException | None, what: str | None = None
) -> None:
    if exc is not None and what is None:
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        sig = f"{stage}: {signature(exc)}"
    else:
        trace = what or ""
        sig = f"{stage}: {what}"
    tally.failures.append(Failure(inp.index, stage, sig, trace, inp.data, inp.format, inp.recipe))
    tally.counts["failures"] += 1


def run_chunk(indices: range) -> Tally:
    """Worker: check every input of a chunk of indices."""
    assert _SETTINGS is not None
    signal.signal(signal.SIGALRM, _on_alarm)
    tally = Tally()
    for index in indices:
        inp = make_input(_SEEDS, _SETTINGS.seed, index)
        tally.counts[f"input {inp.format}"] += 1
        check_input(inp, _SETTINGS, tally)
    return tally


def chunks(count: int, size: int) -> Iterator[range]:
    for start in range(0, count, size):
        yield range(start, min(count, start + size))


def save_failures(failures: list[Failure], seed: int, per_signature: int = 3) -> list[Path]:
    """Write up to ``per_signature`` inputs of each distinct failure to ``fuzz/crashes/``."""
    CRASH_DIR.mkdir(exist_ok=True)
    seen: collections.Counter[str] = collections.Counter()
    written = []
    for fail in sorted(failures, key=lambda f: f.index):
        seen[fail.signature] += 1
        if seen[fail.signature] > per_signature:
            continue
        digest = hashlib.sha1(fail.data).hexdigest()[:12]
        path = CRASH_DIR / f"crash-{digest}{_EXT.get(fail.format, '.txt')}"
        if path in written:
            continue
        path.write_bytes(fail.data)
        path.with_suffix(path.suffix + ".txt").write_text(
            f"{fail.signature}\nreplay: .venv/bin/python fuzz/run.py --seed {seed} "
            f"--replay {fail.index}\nmade by: {fail.recipe}\n\n{fail.trace}\n",
            encoding="utf-8",
        )
        written.append(path)
    return written


def run(args: argparse.Namespace) -> int:
    global _SEEDS, _SETTINGS
    _SEEDS = load_seeds()
    writers = available_writers()
    missing = [w for w in TEXT_WRITERS if w not in writers]
    _SETTINGS = Settings(
        args.seed,
        args.timeout,
        args.pdf_every,
        args.docx_every,
        args.site_every,
        args.cross_markdown_every,
        writers,
    )
    jobs = args.jobs or len(os.sched_getaffinity(0))
    print(
        f"fuzz: {args.count:,} inputs, seed {args.seed}, {jobs} job(s), {len(_SEEDS)} seed files,"
        f" writers {', '.join(writers)} (+ pdf 1/{args.pdf_every}, docx 1/{args.docx_every}),"
        f" site 1/{args.site_every}",
        flush=True,
    )
    if missing:
        print(f"fuzz: warning: writer(s) not available, not fuzzed: {', '.join(missing)}")
    started = time.perf_counter()
    total = Tally()
    parts = list(chunks(args.count, args.chunk))
    done, next_report = 0, args.count / 20
    if jobs == 1:
        results: Iterator[Tally] = map(run_chunk, parts)
        pool = None
    else:
        pool = multiprocessing.get_context("fork").Pool(jobs)
        results = pool.imap_unordered(run_chunk, parts)
    try:
        for part in results:
            total.merge(part)
            done += sum(total.counts[k] for k in total.counts if k.startswith("input ")) - done
            if not args.quiet and done >= next_report and done < args.count:
                print(
                    f"fuzz: {done:,}/{args.count:,} inputs, {total.counts['failures']} failures,"
                    f" {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
                next_report += args.count / 20
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    elapsed = time.perf_counter() - started
    _print_summary(total, elapsed, args)
    if total.failures:
        for path in save_failures(total.failures, args.seed):
            print(f"fuzz: saved {path}")
        return 1
    return 0


def _print_summary(total: Tally, elapsed: float, args: argparse.Namespace) -> None:
    counts = total.counts
    n = sum(v for k, v in counts.items() if k.startswith("input "))
    for key in sorted(k for k in counts if k != "failures"):
        print(f"  {key:<32} {counts[key]:>9,}")
    signatures = collections.Counter(f.signature for f in total.failures)
    for sig, k in signatures.most_common():
        print(f"  FAIL ×{k}: {sig}")
    rate = n / elapsed if elapsed else 0.0
    print(
        f"fuzz: {n:,} inputs, {len(total.failures)} failure(s), {len(signatures)} distinct,"
        f" {elapsed:.0f} s ({rate:.0f} inputs/s), seed {args.seed}"
    )


def replay(args: argparse.Namespace) -> int:
    """Run one input in this process and print every failure's traceback."""
    global _SEEDS, _SETTINGS
    _SEEDS = load_seeds()
    _SETTINGS = Settings(args.seed, args.timeout, 1, 1, 1, 1, available_writers())
    signal.signal(signal.SIGALRM, _on_alarm)
    inp = make_input(_SEEDS, args.seed, args.replay)
    print(f"input {inp.index} ({inp.format}, {len(inp.data)} bytes): {inp.recipe}")
    tally = Tally()
    check_input(inp, _SETTINGS, tally)
    for fail in tally.failures:
        print(fail.trace)
    print(dict(tally.counts))
    return 1 if tally.failures else 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to run")
    parser.add_argument("--seed", type=int, default=0, help="run seed (inputs depend on it)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: all cores)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds allowed per stage")
    parser.add_argument("--pdf-every", type=int, default=50, help="PDF for 1 import in N")
    parser.add_argument("--docx-every", type=int, default=250, help="DOCX for 1 import in N")
    parser.add_argument("--site-every", type=int, default=25, help="site read for 1 input in N")
    parser.add_argument(
        "--cross-markdown-every",
        type=int,
        default=5,
        help="read 1 JSON/YAML input in N as a Markdown page too (every input: all others)",
    )
    parser.add_argument("--chunk", type=int, default=200, help="inputs per worker task")
    parser.add_argument("--replay", type=int, help="run only input number REPLAY, verbosely")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return replay(args) if args.replay is not None else run(args)


if __name__ == "__main__":
    sys.exit(main())
