"""Benchmark resumeconv against the other resume tools, side by side, in one run.

    bash bench/run.sh [--runs N] [--only KEYS] [--no-memory]

Installs the peers into ``bench/.work/`` (git-ignored; npm and PyPI only), converts the
seed page to JSON Resume with our tool, feeds that same JSON to every tool, and runs every
command N times, round-robin (one run of each command per round, so that a busy machine
slows all tools alike), after one warm-up round. It reports the median wall time, the CPU
time (user + system of the command and the children it waited for, from ``wait4``) and, in
separate runs, the peak memory of the whole process tree (sum of RSS of the command and
its children sampled from /proc every 2 ms: Chromium's helpers and pandoc count), and for
every command that writes a resume, how much of the resume's content the output holds
(``bench/content.py``). The PDF batch is distinct generated resumes
(``bench/generate_resumes.py``); the floors get exactly what our exporters hand to pandoc
and Typst (``bench/dump_floors.py``). Writes ``bench/results.md`` and prints it. Not part
of CI.

Python runs as installed (byte-code cached): ``PYTHONDONTWRITEBYTECODE`` is removed from
the commands' environment and ``resumeconv/`` is compiled once before measuring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import content  # bench/content.py (the script's folder is on sys.path)

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".work"
OUT = WORK / "out"
NPM = WORK / "npm"
RENDERCV = WORK / "rendercv-venv"
VENV = WORK / "venv"  # a regular install of this checkout, made by bench/run.sh
OURS = VENV / "bin" / "resumeconv"
PYTHON = VENV / "bin" / "python"
#: The user's own CV page, read from ../shared (a real person's CV is not copied into the
#: repo); the bundled example page of our own when ../shared is absent.
SEED_PAGE = ROOT.parent / "shared" / "seed" / "cv.md"
if not SEED_PAGE.is_file():
    SEED_PAGE = ROOT / "fixtures" / "example" / "cv.md"
SAMPLE = ROOT.parent / "shared" / "jsonresume" / "sample.resume.json"
CHROMIUM = "/usr/bin/chromium"

# Peer versions, pinned so that runs compare like with like.
NPM_PEERS = {
    "resumed": ["resumed@6.1.0", "jsonresume-theme-even@0.26.1", "puppeteer@24.43.1"],
    # resume-cli 3.1.2 needs a CommonJS theme: even 0.22.1 is the last without ESM deps.
    "resume-cli": ["resume-cli@3.1.2", "jsonresume-theme-even@0.22.1"],
    "hackmyresume": ["hackmyresume@1.8.0"],
}
RENDERCV_SPEC = ["rendercv[full]==2.3", "click"]

BATCH_FILES = 200  # validate batch
LOOP_FILES = 50  # resumed validates one file per call: a loop over this many
PAGE_COPIES = 400  # CV pages through import + validate
PDF_DOCS = 300  # PDFs on 2 workers: distinct documents (bench/generate_resumes.py)


@dataclass
class Case:
    key: str
    tool: str
    task: str
    argv: list[str]
    cwd: Path = ROOT
    env: dict[str, str] = field(default_factory=dict)
    runs: int | None = None
    per: int = 1  # files handled by one run (for per-file times and throughput)
    note: str = ""
    vs: str | None = None  # our case to compare with
    outputs: list[str] = field(default_factory=list)  # files (or globs) the command writes
    sources: Path | None = None  # a batch: the JSON of output X is sources / X.stem.json
    content: str | None = None  # share of the resume's words in the output (bench/content.py)
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    median: float | None = None
    cpu: float | None = None
    spread: tuple[float, float] | None = None
    peak_mib: float | None = None
    error: str | None = None


# ------------------------------------------------------------------------------ setup


def run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(argv, check=True, **kwargs)


def install_peers() -> None:
    """npm peers and RenderCV into bench/.work (once; delete the folder to reinstall)."""
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    for name, specs in NPM_PEERS.items():
        folder = NPM / name
        marker = folder / ".installed"
        if marker.exists() and marker.read_text() == " ".join(specs):
            continue
        folder.mkdir(parents=True, exist_ok=True)
        print(f"bench: npm install {' '.join(specs)}", file=sys.stderr)
        run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *specs],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        marker.write_text(" ".join(specs))
    marker = RENDERCV / ".installed"
    if not (marker.exists() and marker.read_text() == " ".join(RENDERCV_SPEC)):
        print(f"bench: pip install {' '.join(RENDERCV_SPEC)} (throw-away venv)", file=sys.stderr)
        run([sys.executable, "-m", "venv", "--clear", str(RENDERCV)])
        run([str(RENDERCV / "bin" / "pip"), "install", "-q", *RENDERCV_SPEC])
        marker.write_text(" ".join(RENDERCV_SPEC))


def prepare_content() -> dict[str, str]:
    """The resume every tool gets, plus the floors' equivalent documents and batches."""
    if OUT.exists():  # no output of an earlier run may be taken for this one's
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    info: dict[str, str] = {}
    seed_json = WORK / "seed.json"
    proc = subprocess.run(
        [str(OURS), "convert", str(SEED_PAGE), "-o", str(seed_json)],
        capture_output=True,
        text=True,
    )
    if proc.returncode == 0:
        info["content"] = (
            f"{SEED_PAGE.relative_to(ROOT.parent)} converted by resumeconv to JSON Resume"
        )
    else:
        shutil.copyfile(SAMPLE, seed_json)
        first = (proc.stderr.strip().splitlines() or ["?"])[0]
        info["content"] = (
            "shared/jsonresume/sample.resume.json (the seed page could not be converted yet: "
            f"{first})"
        )
    info["seed_json"] = str(seed_json)
    # RenderCV reads its own YAML schema.
    run(
        [
            str(PYTHON),
            str(BENCH / "jsonresume_to_rendercv.py"),
            str(seed_json),
            str(WORK / "rendercv.yaml"),
        ]
    )
    # The floors' inputs: what our exporters hand to pandoc (the JSON AST) and to Typst.
    floors = json.loads(
        run(
            [
                str(PYTHON),
                str(BENCH / "dump_floors.py"),
                str(seed_json),
                str(WORK / "floor-ast.json"),
                str(WORK / "floor-data.json"),
            ],
            capture_output=True,
            text=True,
        ).stdout
    )
    info.update(
        pandoc=floors["pandoc"],
        reference=floors["reference"],
        epoch=floors["epoch"],
        template=floors["template"],
    )
    info["fonts"] = json.dumps(floors["fonts"])
    # Batches: copies of the JSON (validate) and of the seed page (import + validate);
    # distinct documents for the PDFs, since Typst caches repeated work.
    _copies(seed_json, WORK / "batch-json", BATCH_FILES, ".json")
    _copies(SEED_PAGE, WORK / "batch-pages", PAGE_COPIES, ".md")
    if (WORK / "batch-pdf").exists():
        shutil.rmtree(WORK / "batch-pdf")
    run([str(PYTHON), str(BENCH / "generate_resumes.py"), str(WORK / "batch-pdf"), str(PDF_DOCS)])
    return info


def _copies(sources: Path | list[Path], folder: Path, n: int, ext: str) -> None:
    srcs = sources if isinstance(sources, list) else [sources]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for i in range(n):
        shutil.copyfile(srcs[i % len(srcs)], folder / f"cv{i:04}{ext}")


# ------------------------------------------------------------------------------ cases


def cases(info: dict[str, str]) -> list[Case]:
    seed = info["seed_json"]
    schema = str(ROOT / "resumeconv" / "schemas" / "jsonresume-1.2.1.schema.json")
    o = OUT
    rc = str(OURS)
    resumed = str(NPM / "resumed" / "node_modules" / ".bin" / "resumed")
    rcli = str(NPM / "resume-cli" / "node_modules" / ".bin" / "resume")
    hmr = str(NPM / "hackmyresume" / "node_modules" / ".bin" / "hackmyresume")
    rendercv = str(RENDERCV / "bin" / "rendercv")
    rcv_yaml = str(WORK / "rendercv.yaml")
    chrome = {"PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    fonts = json.loads(info["fonts"])
    n_pages, n_json, n_pdf = PAGE_COPIES, BATCH_FILES, PDF_DOCS
    loop = " ".join(f"{WORK}/batch-json/cv{i:04}.json" for i in range(LOOP_FILES))
    resumed_loop = f"for f in {loop}; do {resumed} validate $f >/dev/null || exit 1; done"
    return [
        # ours
        Case(
            "ours-html",
            "resumeconv",
            "HTML",
            [rc, "convert", seed, "-o", f"{o}/ours.html"],
            outputs=[f"{o}/ours.html"],
        ),
        Case(
            "ours-pdf",
            "resumeconv",
            "PDF",
            [rc, "convert", seed, "-o", f"{o}/ours.pdf"],
            outputs=[f"{o}/ours.pdf"],
        ),
        Case(
            "ours-docx",
            "resumeconv",
            "DOCX",
            [rc, "convert", seed, "-o", f"{o}/ours.docx"],
            outputs=[f"{o}/ours.docx"],
        ),
        Case(
            "ours-md",
            "resumeconv",
            "Markdown",
            [rc, "convert", seed, "-o", f"{o}/ours.md"],
            outputs=[f"{o}/ours.md"],
        ),
        Case("ours-validate", "resumeconv", "validate", [rc, "validate", seed]),
        Case(
            "ours-all4",
            "resumeconv",
            "seed page → html,md,docx,pdf (one command)",
            [rc, "convert", str(SEED_PAGE), "-o", f"{o}/all4/", "-t", "html,md,docx,pdf"],
            outputs=[f"{o}/all4/*.html", f"{o}/all4/*.md", f"{o}/all4/*.docx", f"{o}/all4/*.pdf"],
        ),
        Case("ours-version", "resumeconv", "--version (cold start)", [rc, "--version"]),
        Case(
            "ours-validate-batch",
            "resumeconv",
            f"validate, batch of {n_json} (-j 2), per file",
            [rc, "validate", f"{WORK}/batch-json", "-j", "2", "--no-progress"],
            per=n_json,
        ),
        Case(
            "ours-pages",
            "resumeconv",
            f"import+validate {n_pages} CV pages (-j 2), per file",
            [rc, "validate", f"{WORK}/batch-pages", "-j", "2", "--no-progress"],
            per=n_pages,
        ),
        Case(
            "ours-pdf-batch",
            "resumeconv",
            f"{n_pdf} PDFs of {n_pdf} distinct resumes (-j 2), per file",
            [
                rc,
                "convert",
                f"{WORK}/batch-pdf",
                "-o",
                f"{o}/pdfs/",
                "-t",
                "pdf",
                "-j",
                "2",
                "--no-progress",
            ],
            per=n_pdf,
            runs=5,
            outputs=[f"{o}/pdfs/*.pdf"],
            sources=WORK / "batch-pdf",
        ),
        # resumed
        Case(
            "resumed-html",
            "resumed 6.1.0",
            "HTML",
            [resumed, "render", seed, "-o", f"{o}/resumed.html", "-t", "jsonresume-theme-even"],
            cwd=NPM / "resumed",
            vs="ours-html",
            outputs=[f"{o}/resumed.html"],
        ),
        Case(
            "resumed-pdf",
            "resumed 6.1.0",
            "PDF",
            [
                resumed,
                "export",
                seed,
                "-o",
                f"{o}/resumed.pdf",
                "-t",
                "jsonresume-theme-even",
                "--puppeteer-arg=--no-sandbox",
            ],
            cwd=NPM / "resumed",
            env=chrome,
            note="puppeteer 24 + Debian chromium",
            vs="ours-pdf",
            outputs=[f"{o}/resumed.pdf"],
        ),
        Case(
            "resumed-validate",
            "resumed 6.1.0",
            "validate",
            [resumed, "validate", seed],
            vs="ours-validate",
        ),
        Case(
            "resumed-validate-batch",
            "resumed 6.1.0",
            f"validate, {LOOP_FILES} files (one call per file), per file",
            ["bash", "-c", resumed_loop],
            cwd=NPM / "resumed",
            per=LOOP_FILES,
            runs=5,
            note="resumed validates one file per call",
            vs="ours-validate-batch",
        ),
        # resume-cli
        Case(
            "resume-cli-html",
            "resume-cli 3.1.2",
            "HTML",
            [rcli, "export", f"{o}/resume-cli.html", "--resume", seed, "--theme", "even"],
            cwd=NPM / "resume-cli",
            note="theme even 0.22.1 (last CommonJS one)",
            vs="ours-html",
            outputs=[f"{o}/resume-cli.html"],
        ),
        Case(
            "resume-cli-validate",
            "resume-cli 3.1.2",
            "validate",
            [rcli, "validate", "--resume", seed],
            cwd=NPM / "resume-cli",
            vs="ours-validate",
        ),
        # HackMyResume
        Case(
            "hmr-html",
            "HackMyResume 1.8.0",
            "HTML",
            [hmr, "build", seed, "TO", f"{o}/hmr/cv.html"],
            vs="ours-html",
            outputs=[f"{o}/hmr/cv.html"],
        ),
        Case(
            "hmr-md",
            "HackMyResume 1.8.0",
            "Markdown",
            [hmr, "build", seed, "TO", f"{o}/hmr/cv.md"],
            vs="ours-md",
            outputs=[f"{o}/hmr/cv.md"],
        ),
        Case(
            "hmr-doc",
            "HackMyResume 1.8.0",
            "DOCX (its .doc: Word 2003 XML)",
            [hmr, "build", seed, "TO", f"{o}/hmr/cv.doc"],
            vs="ours-docx",
            outputs=[f"{o}/hmr/cv.doc"],
        ),
        # RenderCV
        Case(
            "rendercv-typ",
            "RenderCV 2.3",
            "PDF, stopped before compiling: its Typst source only",
            [
                rendercv,
                "render",
                rcv_yaml,
                "-o",
                f"{o}/rcv-typ",
                "-nomd",
                "-nohtml",
                "-nopdf",
                "-nopng",
            ],
            note=(
                "a lower bound on its PDF wall time: its PDF cannot be made offline (every "
                "template imports the Typst package @preview/fontawesome:0.5.0, which Typst "
                "downloads when compiling). Content counted in the Typst source"
            ),
            vs="ours-pdf",
            outputs=[f"{o}/rcv-typ/*.typ"],
        ),
        Case(
            "rendercv-md",
            "RenderCV 2.3",
            "Markdown (+ its Typst source)",
            [rendercv, "render", rcv_yaml, "-o", f"{o}/rcv-md", "-nopdf", "-nopng", "-nohtml"],
            vs="ours-md",
            outputs=[f"{o}/rcv-md/*.md"],
        ),
        Case(
            "rendercv-html",
            "RenderCV 2.3",
            "HTML (+ Markdown, Typst source)",
            [rendercv, "render", rcv_yaml, "-o", f"{o}/rcv-html", "-nopdf", "-nopng"],
            vs="ours-html",
            outputs=[f"{o}/rcv-html/*.html"],
        ),
        # floors
        Case(
            "floor-pandoc",
            "pandoc (bare)",
            "DOCX from our own document tree (the JSON AST our exporter pipes to pandoc)",
            [
                info["pandoc"],
                "--sandbox",
                "-f",
                "json",
                "-t",
                "docx",
                "--reference-doc",
                info["reference"],
                str(WORK / "floor-ast.json"),
                "-o",
                f"{o}/floor.docx",
            ],
            env={"SOURCE_DATE_EPOCH": info["epoch"], "LANG": "C.UTF-8"},
            note="pandoc binary of pypandoc-binary, the same arguments as our exporter",
            vs="ours-docx",
            outputs=[f"{o}/floor.docx"],
        ),
        Case(
            "floor-typst",
            "Typst (bare)",
            "PDF: one compile of the same document",
            [
                str(PYTHON),
                str(BENCH / "floor_typst.py"),
                info["template"],
                str(WORK / "floor-data.json"),
                f"{o}/floor.pdf",
                *fonts,
            ],
            note="python -c 'typst.compile(...)': the typst wheel has no CLI",
            vs="ours-pdf",
            outputs=[f"{o}/floor.pdf"],
        ),
        Case(
            "floor-validate",
            "libraries (bare)",
            "validate floor: Python + argparse, dataclasses, typing, pathlib, json + "
            "jsonschema-rs checking the same document (no resumeconv code)",
            [str(PYTHON), str(BENCH / "floor_libraries.py"), "validate", schema, seed],
            note="bench/floor_libraries.py",
            vs="ours-validate",
        ),
        Case(
            "floor-html",
            "libraries (bare)",
            "HTML floor: the same + Jinja2's sandbox rendering one line (no resumeconv code)",
            [str(PYTHON), str(BENCH / "floor_libraries.py"), "html", schema, seed],
            note="bench/floor_libraries.py",
            vs="ours-html",
        ),
    ]


# ------------------------------------------------------------------------------ measuring


def environment(case: Case) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **case.env}


def measure_times(all_cases: list[Case], runs: int) -> None:
    """Round-robin: round 0 warms up, then each case runs ``case.runs or runs`` times."""
    rounds = 1 + max((c.runs or runs) for c in all_cases)
    for r in range(rounds):
        print(f"bench: round {r}/{rounds - 1}", file=sys.stderr, flush=True)
        for case in all_cases:
            if case.error is not None or r > (case.runs or runs):
                continue
            wall, cpu, error = run_once(case)
            if error is not None:
                case.error = error
            elif r > 0:
                case.walls.append(wall)
                case.cpus.append(cpu)
    for case in all_cases:
        if case.walls and case.error is None:
            case.median = statistics.median(case.walls)
            case.cpu = statistics.median(case.cpus)
            case.spread = (min(case.walls), max(case.walls))


def run_once(case: Case) -> tuple[float, float, str | None]:
    """Wall and CPU seconds of one run (CPU includes the children it waited for)."""
    with open(WORK / "stderr.txt", "w+b") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            case.argv, cwd=case.cwd, env=environment(case), stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines() or ["?"]
            return wall, 0.0, f"exit {proc.returncode}: {lines[-1][:160]}"
    return wall, usage.ru_utime + usage.ru_stime, None


def measure_memory(case: Case, runs: int = 3) -> None:
    """Median over ``runs`` of the peak summed RSS of the command's process tree."""
    peaks = []
    for _ in range(runs):
        peak = _peak_tree_rss(case.argv, case.cwd, environment(case))
        if peak is None:
            return
        peaks.append(peak)
    case.peak_mib = statistics.median(peaks) / (1024 * 1024)


def _peak_tree_rss(argv: list[str], cwd: Path, env: dict[str, str]) -> int | None:
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.002)
    return peak if proc.returncode == 0 else None


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


# ------------------------------------------------------------------------------ report


def load_average() -> str:
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _interpreter() -> str:
    """Which build of Python ran every Python tool (``bench/run.sh`` picks one)."""
    return os.path.realpath(getattr(sys, "_base_executable", sys.executable))


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{os.cpu_count()} cores (nproc), {cpu}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({_interpreter()}), Node {node}, "
        f"{dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}"
    )


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def measure_content(case: Case, seed_words: Counter[str]) -> None:
    """``case.content``: the share of the resume's words in what the command wrote."""
    if not case.outputs or case.error is not None:
        return
    parts = []
    try:
        for pattern in case.outputs:
            files = sorted(Path(p) for p in glob.glob(pattern))
            if not files:
                parts.append("no output")
                continue
            if case.sources is not None:  # a batch: each output against its own document
                shares = [
                    content.share(content.load(case.sources / f"{f.stem}.json"), f) for f in files
                ]
                parts.append(
                    f"{_pct(statistics.mean(shares))} mean, {_pct(min(shares))} min "
                    f"({len(files)} files)"
                )
                continue
            share = content.share(seed_words, files[0])
            label = f"{files[0].suffix.lstrip('.')} " if len(case.outputs) > 1 else ""
            parts.append(label + _pct(share))
    except (OSError, ValueError, subprocess.CalledProcessError) as exc:
        parts.append(f"? ({type(exc).__name__})")
    case.content = " · ".join(parts)


def _pct(share: float) -> str:
    """A share as a percentage; "100 %" only when nothing is missing."""
    if share >= 1:
        return "100 %"
    return f"{min(share * 100, 99.9):.1f} %"


def report(all_cases: list[Case], info: dict[str, str], runs: int) -> str:
    by = {c.key: c for c in all_cases}

    def t(key: str) -> float | None:
        c = by.get(key)
        return None if c is None or c.median is None else c.median / c.per

    def ratio(a: str, b: str) -> float | None:
        x, y = t(a), t(b)
        return None if x is None or y is None or y == 0 else x / y

    lines = [
        "# Benchmark: resumeconv and other resume tools",
        "",
        f"Measured by `bash bench/run.sh` on {machine()}.",
        f"Load average (1/5/15 min) at the start: {info['load_before']}; at the end: "
        f"{load_average()}. Above 2 other work shared the two cores, so wall times are "
        "inflated and the 2-core throughputs cannot show the second core; CPU times are "
        "steadier. Every ratio below compares two rows of this one run.",
        "",
        f"Content: {info['content']}; every tool gets the same JSON Resume document "
        "(RenderCV a YAML translation of it, the floors exactly what our exporters hand to "
        f"pandoc and Typst for it). The PDF batch is {PDF_DOCS} distinct generated resumes "
        "(`bench/generate_resumes.py`, seeded), not copies: Typst caches repeated work.",
        f"Time: median wall time of {runs} runs per command (fewer where marked), all commands "
        "run round-robin after a warm-up round; CPU: user + system time of the command and "
        "its children (median). Memory: peak of the summed RSS of the whole process tree "
        "(Chromium's helpers and pandoc included), median of 3 runs. **ours ÷ this**: "
        "resumeconv's median wall time for the same task over this row's (per file for "
        "batches; 0.25× means ours takes a quarter of the time). **Content rendered**: the "
        "share of the resume's words (every string value of the JSON Resume document but "
        "`meta`, case-folded, counted with repeats; an ISO date counts as its year) found in "
        "the text of the output (`bench/content.py`).",
        "",
        "| tool | task | median wall | min – max | CPU | peak RSS | ours ÷ this "
        "| content rendered |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for c in all_cases:
        per = f" ({fmt_time(c.median / c.per)}/file)" if c.per > 1 and c.median else ""
        spread = f"{fmt_time(c.spread[0])} – {fmt_time(c.spread[1])}" if c.spread else "–"
        peak = f"{c.peak_mib:.0f} MiB" if c.peak_mib else "–"
        r = ratio(c.vs, c.key) if c.vs else None
        speed = f"{r:.2f}×" if r else ""
        runs_note = f" [{c.runs} runs]" if c.runs else ""
        note = f" — {c.note}" if c.note else ""
        shown = c.content or ("–" if not c.outputs else "?")
        if c.error:
            lines.append(f"| {c.tool} | {c.task}{note} | failed: {c.error} | | | | | |")
            continue
        lines.append(
            f"| {c.tool} | {c.task}{note}{runs_note} | {fmt_time(c.median)}{per} | {spread} "
            f"| {fmt_time(c.cpu)} | {peak} | {speed} | {shown} |"
        )
    lines += [
        "",
        "## Targets",
        "",
        'The issue\'s ("One path per job"), as ratios of rows of this run.',
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]

    def target(name: str, value: float | None, ok: bool | None, shown: str) -> None:
        mark = "–" if value is None or ok is None else ("yes" if ok else "**no**")
        lines.append(f"| {name} | {shown if value is not None else 'not measured'} | {mark} |")

    def vs(ours: str, peer: str, goal: float, name: str, extra: str = "") -> None:
        r = ratio(ours, peer)
        shown = f"{r:.2f}× ({fmt_time(t(ours))} vs {fmt_time(t(peer))}){extra}" if r else ""
        target(name, r, r is not None and r <= goal, shown)

    vs(
        "ours-pdf",
        "rendercv-typ",
        0.2,
        "PDF ≤ 0.2× RenderCV's wall time — against RenderCV stopped before compiling (its "
        "Typst source only), a lower bound on its PDF time: RenderCV cannot make its PDF "
        "offline, so this check is conservative",
    )
    vs("ours-html", "resumed-html", 0.5, "HTML ≤ 0.5× resumed's wall time")
    vs("ours-validate", "resumed-validate", 0.5, "validate ≤ 0.5× resumed's wall time")
    a4 = by.get("ours-all4")
    v = a4.median if a4 else None
    target(
        "seed page → html,md,docx,pdf in one command < 0.5 s",
        v,
        v is not None and v < 0.5,
        fmt_time(v),
    )
    p = t("ours-pages")
    c = by["ours-pages"].cpu / by["ours-pages"].per if p and by["ours-pages"].cpu else None
    shown = f"{1 / p:.0f} pages/s ({PAGE_COPIES} CV pages, -j 2)" if p else ""
    if c:  # what two free cores would do: the run's CPU time per file, twice over
        shown += f"; CPU {c * 1000:.1f} ms/page → {2 / c:.0f} pages/s on 2 free cores"
    target(
        "batch import + validate ≥ 200 pages/s on 2 cores", p, p is not None and 1 / p >= 200, shown
    )
    lines += ["", "How far the libraries alone go (the floors' rows over resumed's):", ""]
    lines += ["| floor | ÷ resumed | room left under the 0.5× target |", "|---|---|---|"]
    for floor, peer, task in (
        ("floor-validate", "resumed-validate", "validate"),
        ("floor-html", "resumed-html", "HTML"),
    ):
        r, tp = ratio(floor, peer), t(peer)
        if r is not None and tp is not None:
            room = (0.5 - r) * tp
            lines.append(
                f"| {task}: Python + the prescribed libraries, no resumeconv code | "
                f"{r:.2f}× ({fmt_time(t(floor))} vs {fmt_time(tp)}) | "
                f"{fmt_time(room) if room > 0 else 'none'} for all of resumeconv's own work |"
            )
    lines += ["", "Memory (kept from earlier work; not one of the issue's targets):", ""]
    lines += ["| target | measured | met |", "|---|---|---|"]
    m = a4.peak_mib if a4 else None
    target(
        "seed page → 4 formats < 150 MiB peak (whole process tree)",
        m,
        m is not None and m < 150,
        f"{m:.0f} MiB" if m else "",
    )
    lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command")
    parser.add_argument("--only", help="comma-separated case keys (default: all)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    args = parser.parse_args()
    if not OURS.exists():
        print(f"bench: {OURS} is missing; run bash bench/run.sh", file=sys.stderr)
        return 2
    for tool in ("npm", "node"):
        if shutil.which(tool) is None:
            print(f"bench: {tool} is not installed (apt-get install {tool})", file=sys.stderr)
            return 2
    install_peers()
    info = prepare_content()
    info["load_before"] = load_average()
    all_cases = cases(info)
    if args.only:
        keep = set(args.only.split(","))
        all_cases = [c for c in all_cases if c.key in keep]
    run(
        [str(PYTHON), "-m", "compileall", "-q", str(ROOT / "resumeconv")], stdout=subprocess.DEVNULL
    )
    measure_times(all_cases, args.runs)
    if not args.no_memory:
        for case in all_cases:
            if case.error is None:
                print(f"bench: memory of {case.key}", file=sys.stderr, flush=True)
                measure_memory(case, runs=1 if case.runs else 3)
    seed_words = content.load(Path(info["seed_json"]))
    for case in all_cases:
        measure_content(case, seed_words)
    text = report(all_cases, info, args.runs)
    (BENCH / "results.md").write_text(text, encoding="utf-8")
    (WORK / "results.json").write_text(
        json.dumps(
            [
                {k: str(v) if isinstance(v, Path) else v for k, v in c.__dict__.items()}
                for c in all_cases
            ],
            indent=1,
        )
    )
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
