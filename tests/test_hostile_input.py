"""Hostile and broken input through the command line: one clear line, exit 2, nothing written.

Each case runs ``resumeconv convert`` (in this process, through ``cli.main``; a few through
the installed console script) and checks what a person sees: the exit status, a short
stderr whose lines start with ``resumeconv:`` and name the file (with line and column
where the problem has one), no traceback and no "internal error", and an output folder
exactly as it was before (no output file, no temporary file).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from resumeconv import cli
from resumeconv.sources import MAX_INPUT_BYTES

from conftest import REPO

ROOT = REPO
EXE = ROOT / ".venv" / "bin" / "resumeconv"
EXAMPLE = ROOT / "fixtures" / "example" / "cv.md"

MARKER = "resumeconv-hostile-marker"


def _billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghi"
    for i in range(1, len(names)):
        refs = ",".join([f"*{names[i - 1]}"] * 9)
        lines.append(f"{names[i]}: &{names[i]} [{refs}]")
    return "\n".join(lines) + "\n"


def _deep_block_yaml(levels: int) -> str:
    return "".join("  " * i + "k:\n" for i in range(levels))


# name, bytes, words the message must contain, location it must give ("" when none)
CASES: list[tuple[str, bytes, str, str]] = [
    ("latin1.md", "# CV\n\n* Café in München\n".encode("latin-1"), "not valid UTF-8", ":3:6:"),
    ("latin1.json", '{"basics": {"name": "Zoë"}}'.encode("latin-1"), "not valid UTF-8", ":1:24:"),
    ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", ""),
    ("nul.json", b'{"basics": {"name": "A\x00"}}', "binary", ""),
    ("empty.md", b"", "empty", ""),
    ("blank.yaml", b"  \n\n\t \r\n", "empty", ""),
    ("bomb.yaml", _billion_laughs().encode(), "alias bomb", r":\d+:\d+:"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested deeper than 64", ":1:65:"),
    ("deepobj.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested deeper", ":1:321:"),
    ("deepflow.yaml", b"[" * 100_000 + b"]" * 100_000, "nesting depth", r":1:\d+:"),
    ("deepblock.yaml", _deep_block_yaml(700).encode(), "nested deeper than 64", r":65:\d+:"),
    ("dup.json", b'{\n  "basics": {},\n  "basics": {}\n}\n', "duplicate key 'basics'", ":3:3:"),
    ("dup.yaml", b"basics:\n  name: A\n  name: B\n", "duplicate key 'name'", ":3:3:"),
    (
        "frontmatter.md",
        b'---\nlayout: archive\ntitle: "CV\n---\n\n# Education\n\n* PhD, 2020\n',
        "YAML syntax error",
        r":\d+:\d+:",
    ),
    ("comma.json", b'{\n  "basics": {\n    "name": "A",,\n  }\n}\n', "found ','", ":3:17:"),
    ("unclosed.json", b'{\n  "basics": {\n    "name": "A"\n', "end of the file", ":4:1:"),
    ("colon.json", b'{\n  "basics" {"name": "A"}\n}\n', "':' after the key", ":2:12:"),
    ("quote.json", b'{\n  "basics": {"name": "A}\n}\n', "closing double quote missing", ":2:25:"),
    ("tab.yaml", b"basics:\n\tname: A\n", "indent with spaces, not tabs", ":2:1:"),
    ("huge.json", b'{"basics": {"name": 1e999}}', "number is too large", ":1:21:"),
    ("list.json", b"[1, 2]\n", "not a list", ":1:1:"),
    (
        "tag.yaml",
        f"basics:\n  name: !!python/object/apply:os.system ['touch {MARKER}']\n".encode(),
        "not allowed",
        ":2:9:",
    ),
    (
        "tag.md",
        f"---\ntitle: !!python/object/apply:os.system ['touch {MARKER}']\n---\n# CV\n".encode(),
        "not allowed",
        ":2:8:",
    ),
    (
        "newobj.yaml",
        f"!!python/object/new:subprocess.Popen [['touch', '{MARKER}']]\n".encode(),
        "not allowed",
        ":1:1:",
    ),
]


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main([*args, "--no-progress"])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_error(err: str, name: str, words: str, where: str = "") -> None:
    """A few lines, each ``resumeconv: ...``; the first names the file and the problem."""
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= 3, err
    assert all(line.startswith("resumeconv: ") for line in lines), err
    assert name in lines[0], err
    assert words in lines[0], err
    if where:
        assert re.search(re.escape(name) + where, lines[0]), (where, err)
    assert "Traceback" not in err
    assert "internal error" not in err


@pytest.mark.parametrize(("name", "data", "words", "where"), CASES, ids=[c[0] for c in CASES])
def test_convert_refuses_with_one_located_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes,
    words: str,
    where: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run_cli(["convert", str(src), "-o", "out/", "-t", "html,json,md"], capsys)
    assert code == 2, err
    assert_one_clear_error(err, str(src), words, where)
    assert list(out.iterdir()) == []
    assert not (tmp_path / MARKER).exists()
    assert src.read_bytes() == data


@pytest.mark.parametrize(("name", "data", "words", "where"), CASES, ids=[c[0] for c in CASES])
def test_validate_says_unreadable_with_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes,
    words: str,
    where: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(data)
    code, out, err = run_cli(["validate", name], capsys)
    assert code == 2, out + err
    assert "Traceback" not in out + err
    assert "internal error" not in out + err
    first = out.strip().splitlines()[0]
    assert first.startswith(name) and words in first, out
    if where:
        assert re.match(re.escape(name) + where, first), (where, out)
    assert f"{name}: unreadable" in out
    assert not (tmp_path / MARKER).exists()


def test_validate_exit_1_for_a_readable_invalid_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "basics": {"name": 5}\n}\n')
    code, out, _ = run_cli(["validate", str(bad)], capsys)
    assert code == 1
    assert f"{bad}:2:" in out


def test_yaml_tag_is_never_executed_even_as_a_whole_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The payload goes through the library too: still an InputError, and no marker file."""
    import resumeconv
    from resumeconv.errors import InputError

    monkeypatch.chdir(tmp_path)
    for payload in (
        f"!!python/object/apply:os.system ['touch {MARKER}']",
        f"basics: !!python/object/apply:subprocess.call [['touch', '{MARKER}']]",
        f"- !!python/name:os.system\n- !!python/object/apply:os.system ['touch {MARKER}']",
    ):
        with pytest.raises(InputError, match="not allowed"):
            resumeconv.load(payload.encode(), format="yaml")
    assert not (tmp_path / MARKER).exists()


# --------------------------------------------------------------------------- sizes, paths


def test_fifty_megabytes_is_refused_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as fh:  # sparse: instant to make, reads as zero bytes
        fh.truncate(50 * 1024 * 1024)
    code, _, err = run_cli(["convert", str(big), "-o", str(tmp_path / "big.html")], capsys)
    assert code == 2
    assert_one_clear_error(err, str(big), "50 MiB, over the 1 MiB limit")
    assert not (tmp_path / "big.html").exists()


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    """The limit is the documented 1 MiB: a file of exactly that size is still a resume."""
    import resumeconv

    filler = " " * (MAX_INPUT_BYTES - 40)
    doc = f'{{"basics": {{"name": "A"}}{filler}}}'
    data = doc.encode()[:MAX_INPUT_BYTES]
    data = data[: MAX_INPUT_BYTES - 1] + b"}" if len(data) == MAX_INPUT_BYTES else data
    assert len(data) <= MAX_INPUT_BYTES
    assert resumeconv.load(data, format="json").basics.name == "A"
    with pytest.raises(resumeconv.ResumeconvError, match="1 MiB limit"):
        resumeconv.load(data + b" " * (MAX_INPUT_BYTES + 1 - len(data)), format="json")


def test_files_at_and_over_the_limit_and_a_file_that_grows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A regular file is read at its size (no 1 MiB buffer): the limit still holds at the
    exact byte, and a file that grew after its size was taken is read whole."""
    import os

    import resumeconv
    from resumeconv import sources

    doc = b'{"basics": {"name": "A"}}'
    at_limit = tmp_path / "at.json"
    at_limit.write_bytes(doc + b" " * (MAX_INPUT_BYTES - len(doc)))
    assert resumeconv.load(at_limit).basics.name == "A"
    over = tmp_path / "over.json"
    over.write_bytes(doc + b" " * (MAX_INPUT_BYTES + 1 - len(doc)))
    with pytest.raises(resumeconv.ResumeconvError, match="1 MiB limit"):
        resumeconv.load(over)

    grown = tmp_path / "grown.json"
    grown.write_bytes(doc + b" " * 5000)
    real_fstat = os.fstat

    class Smaller:  # the size the file had before it grew
        def __init__(self, st: os.stat_result) -> None:
            self.st_size = 10

    monkeypatch.setattr(sources.os, "fstat", lambda fd: Smaller(real_fstat(fd)))
    assert sources.read_source(grown).text == (doc + b" " * 5000).decode()


def test_folder_without_resumes_as_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cv.md"  # a folder that looks like a file
    folder.mkdir()
    (folder / "notes.txt").write_text("not a resume")
    code, _, err = run_cli(["convert", str(folder), "-o", str(tmp_path / "x.html")], capsys)
    assert code == 2
    assert_one_clear_error(err, str(folder), "folder has no CV page or resume file")
    assert not (tmp_path / "x.html").exists()


def test_folder_as_input_to_the_library(tmp_path: Path) -> None:
    import resumeconv

    with pytest.raises(resumeconv.ResumeconvError, match="is a folder"):
        resumeconv.load(tmp_path)


def test_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.md"
    code, _, err = run_cli(["convert", str(missing), "-o", str(tmp_path / "x.html")], capsys)
    assert code == 2
    assert_one_clear_error(err, str(missing), "no such file")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("/dev/null/cv.json", "is a file, not a folder"),  # fails for root too
        ("/dev/null/sub/cv.json", "does not exist"),
        ("/proc/cv.json", "cannot write"),
    ],
)
def test_unwritable_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str, words: str
) -> None:
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {"name": "A"}}')
    code, _, err = run_cli(["convert", str(src), "-o", output], capsys)
    assert code == 2, err
    assert_one_clear_error(err, output, words)
    assert not Path(output).exists()


def test_unwritable_output_folder_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {"name": "A"}}')
    code, _, err = run_cli(["convert", str(src), "-o", "/dev/null/out/", "-t", "html"], capsys)
    assert code == 2
    assert_one_clear_error(err, "/dev/null/out/", "cannot create the output folder")


def test_one_bad_output_means_no_output_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paths are checked before rendering: the good output is not written either."""
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {"name": "A"}}')
    good = tmp_path / "cv.html"
    code, _, err = run_cli(
        ["convert", str(src), "-o", str(good), "-o", "/dev/null/cv.yaml"], capsys
    )
    assert code == 2, err
    assert not good.exists()


def test_output_folder_missing_for_a_file_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {"name": "A"}}')
    target = tmp_path / "missing" / "cv.html"
    code, _, err = run_cli(["convert", str(src), "-o", str(target)], capsys)
    assert code == 2
    assert_one_clear_error(err, str(target), "does not exist")
    assert "mkdir -p" in err
    assert not target.parent.exists()


def test_output_folder_given_as_dir_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "cv.json"
    src.write_text('{"basics": {"name": "A"}}')
    code, _, err = run_cli(
        ["convert", str(src), "-o", f"{tmp_path}/new/deeper/", "-t", "html"], capsys
    )
    assert code == 0, err
    assert (tmp_path / "new" / "deeper" / "cv.html").is_file()


def _same_file_outputs(src: Path) -> list[tuple[str, list[str]]]:
    folder = src.parent
    return [
        ("same path", [str(src), "-o", str(src)]),
        ("relative spelling", [str(src), "-o", f"{folder}/./{src.name}"]),
        ("folder target", [str(src), "-o", f"{folder}/", "-t", "md"]),
        ("folder target, several formats", [str(src), "-o", f"{folder}/", "-t", "html,md"]),
        ("symlink", [str(src), "-o", str(folder / "link.md")]),
        ("hard link", [str(src), "-o", str(folder / "hard.md")]),
        # (-t html onto cv.md is refused sooner: the name and the format contradict)
        ("format forced", [str(src), "-o", str(src), "-t", "md"]),
    ]


@pytest.mark.parametrize("case", range(7))
def test_output_equal_to_input_leaves_input_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: int
) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(EXAMPLE.read_bytes())
    os.utime(src, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    (tmp_path / "link.md").symlink_to(src)
    os.link(src, tmp_path / "hard.md")
    before = _listing(tmp_path)
    label, args = _same_file_outputs(src)[case]
    code, _, err = run_cli(["convert", *args], capsys)
    assert code == 2, (label, err)
    assert "output is the input file" in err, label
    assert "Traceback" not in err
    assert src.read_bytes() == EXAMPLE.read_bytes()
    assert src.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert _listing(tmp_path) == before, label


# --------------------------------------------------------------------------- real binary


@pytest.mark.skipif(not EXE.exists(), reason="console script not installed in .venv")
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b'{\n  "a": 1,\n  "a": 2\n}\n'), "duplicate key"),
        (lambda p: p.open("wb").truncate(50 * 1024 * 1024), "over the 1 MiB limit"),
        (lambda p: p.write_bytes(b"{\x00}\x00"), "binary"),  # UTF-16 without its BOM
    ],
    ids=["duplicate", "50MB", "utf16-without-bom"],
)
def test_console_script_prints_no_traceback(tmp_path: Path, make: Callable, words: str) -> None:
    src = tmp_path / "cv.json"
    make(src)
    out = tmp_path / "cv.html"
    proc = subprocess.run(
        [str(EXE), "convert", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert_one_clear_error(proc.stderr, str(src), words)
    assert proc.stdout == ""
    assert not out.exists()


@pytest.mark.skipif(not EXE.exists(), reason="console script not installed in .venv")
def test_stdin_binary_is_refused(tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(EXE), "convert", "-", "-f", "json", "-o", str(tmp_path / "x.html")],
        input=b"\x89PNG\r\n\x1a\n\x00\x00",
        capture_output=True,
        timeout=120,
        check=False,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert_one_clear_error(err, "<stdin>", "binary")
    assert list(tmp_path.iterdir()) == []


def test_python_dash_m_has_the_same_behaviour(tmp_path: Path) -> None:
    src = tmp_path / "cv.md"
    src.write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "resumeconv", "convert", str(src), "-o", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert_one_clear_error(proc.stderr, str(src), "empty")


def test_endless_device_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cv.html"
    code, _, err = run_cli(["convert", "/dev/zero", "-f", "json", "-o", str(out)], capsys)
    assert code == 2
    assert_one_clear_error(err, "/dev/zero", "input is over the 1 MiB limit")
    assert not out.exists()


def test_symlink_loop_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "cv.md"
    loop.symlink_to("cv.md")
    code, _, err = run_cli(["convert", str(loop), "-o", str(tmp_path / "x.html")], capsys)
    assert code == 2
    assert_one_clear_error(err, str(loop), "Too many levels of symbolic links")


# --------------------------------------------------------------------------- wrong types

WRONG_TYPES = [
    {"basics": "Ada Lovelace"},
    {"basics": {"name": ["Ada"], "profiles": "github"}, "work": 5},
    {"work": {"0": {"name": "A"}}, "education": [1, None, "x"]},
    {"meta": {"x-resumeconv": []}},
    {"meta": {"x-resumeconv": {"sections": [{"section": "work", "items": [0, "1", -1]}]}}},
    {"work": 1.5, "meta": {"x-resumeconv": {"sections": [{"section": "work", "items": [0]}]}}},
    {"skills": [{"keywords": [1, None, {"a": 1}]}], "meta": {"x-resumeconv": {"sections": 3}}},
    # null / scalar items and entries in the layout (fuzz seed 2711: the Markdown writer
    # iterated None)
    {
        "work": [{"name": "A"}],
        "meta": {
            "x-resumeconv": {
                "sections": [
                    {"section": "work", "items": None},
                    {"section": "work", "items": 5},
                    {"section": "work", "items": [True, 0]},
                    {"section": "custom", "title": "Talks", "entries": None},
                    {"section": "custom", "title": "More", "entries": 3},
                ]
            }
        },
    },
]


@pytest.mark.parametrize("document", WRONG_TYPES, ids=[str(i) for i in range(len(WRONG_TYPES))])
@pytest.mark.parametrize("fmt", ["json", "yaml", "rendercv", "markdown", "html", "pdf", "docx"])
def test_wrong_types_render_or_fail_cleanly(document: dict, fmt: str) -> None:
    """A readable but invalid resume (validation reports it) must not crash a writer."""
    import resumeconv

    resume = resumeconv.load(json.dumps(document).encode(), format="json")
    with contextlib.suppress(resumeconv.ResumeconvError):
        assert resumeconv.render(resume, fmt)


# --------------------------------------------------------------------------- known bugs
# Found by the fuzz script and the property tests in code this suite does not own; each is
# a strict xfail, so the test fails (XPASS) as soon as the bug is fixed: then drop the mark.


@pytest.mark.parametrize("page", ["* ,\n", "# Talks\n\n* ,\n", "，\n"])
def test_bullet_of_only_commas(page: str) -> None:
    """Was an IndexError in cvpage/entries.py (found by the fuzz run, now fixed)."""
    import resumeconv

    with contextlib.suppress(resumeconv.ResumeconvError):
        resumeconv.load(page.encode(), format="markdown")


@pytest.mark.parametrize("page", ["<div><![>\n", "# Talks\n\n<frame ><![>\n"])
def test_html_marked_section(page: str) -> None:
    """Was an AssertionError from html.parser in cvpage/blocks.py (fuzz run); now fixed."""
    import resumeconv

    with contextlib.suppress(resumeconv.ResumeconvError):
        resumeconv.load(page.encode(), format="markdown")


@pytest.mark.parametrize(
    "page",
    [
        "*" * 16000 + "a" + "*" * 16000,
        ">" * 30000 + " x\n",
        "- " * 15000 + "x\n",
        "".join("  " * i + "- x\n" for i in range(150)),
        "`e`[[`",
        "## Work\n\n> a quote\n\n* 2020, Engineer\n",
        "## Work\n\n* 2020, Engineer\x0c\n",
    ],
    ids=["inline-16000", "quote-30000", "list-15000", "indent-150", "backticks", "quote", "ff"],
)
def test_deep_or_odd_markdown_imports(page: str) -> None:
    """Deep nesting (markdown-it-py stops at its ``maxNesting``), block quotes, backticks
    and odd white space: the page imports (these once crashed or panicked the Rust port).
    30,000 nested quotes keep their text past markdown-it-py's nesting limit, so that page
    has no CV content: one clean NotAResumeError."""
    import resumeconv
    from resumeconv.errors import NotAResumeError

    if page.startswith(">" * 1000):
        with pytest.raises(NotAResumeError, match="no CV content"):
            resumeconv.load(page.encode(), format="markdown")
        return
    resume = resumeconv.load(page.encode(), format="markdown")
    assert isinstance(resume.to_dict(), dict)
