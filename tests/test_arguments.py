"""The fast command-line reader agrees with argparse on everything it accepts."""

from __future__ import annotations

import contextlib
import io
import random

import pytest

from resumeconv import arguments

PARSER = arguments.build_parser("0")

COMMON = [
    ["convert", "cv.md", "-o", "cv.pdf"],
    ["convert", "cv.md", "-o", "out/", "-t", "html,md,docx,pdf"],
    ["convert", "a.md", "b.md", "-o", "out/", "-t", "pdf", "-j", "2", "--no-progress"],
    ["convert", "-", "-f", "json", "-o", "-", "-t", "yaml"],
    ["convert", "cv.md", "--output=x.html", "--paper=letter", "--locale", "zh", "--strict"],
    ["convert", "cv.md", "-o", "x.md", "--flavor", "plain", "--check", "--site", "site"],
    ["validate", "cv.md"],
    ["validate", "cv.md", "resume.json", "--format", "github", "--schema-version", "1.0.0"],
    ["validate", "folder", "-j", "2", "--no-progress", "--jobs=3"],
    ["formats"],
]


def _argparse(argv: list[str]) -> dict | None:
    """argparse's reading, or None when it refuses (it prints and exits)."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return vars(PARSER.parse_args(argv))
        except SystemExit:
            return None


@pytest.mark.parametrize("argv", COMMON, ids=" ".join)
def test_common_command_lines_are_read_without_argparse(argv: list[str]) -> None:
    fast = arguments.read_fast(argv)
    assert fast is not None
    assert vars(fast) == _argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["convert", "--help"],
        ["convert", "cv.md", "--report"],  # optional value: argparse decides
        ["convert", "cv.md", "--stric"],  # abbreviation: argparse resolves it
        ["convert", "cv.md", "-o"],  # missing value: argparse's error
        ["convert", "cv.md", "--paper", "a5"],  # bad choice: argparse's error
        ["validate", "cv.md", "-j", "two"],
        ["convert", "a.md", "-o", "x", "b.md"],  # two runs of inputs: argparse's error
        ["validate"],
        ["frobnicate"],
        [],
    ],
    ids=lambda argv: " ".join(argv) or "<empty>",
)
def test_help_and_mistakes_are_left_to_argparse(argv: list[str]) -> None:
    assert arguments.read_fast(argv) is None


WORDS = [
    "cv.md", "b.json", "-", "--", "-o", "--output", "--output=o.pdf", "-t", "pdf,html", "-f",
    "json", "--from=yaml", "--site", "--report", "--report=json", "--strict", "--strict=1",
    "--check", "--locale", "zh", "--paper", "letter", "a5", "--theme", "--flavor", "plain",
    "-j", "2", "-2", "--jobs=x", "--no-progress", "--format", "github", "--schema-version",
    "1.0.0", "-h", "-x", "--stri", "-j3", "out/",
]  # fmt: skip


def test_fast_reader_never_disagrees_with_argparse() -> None:
    """20,000 random command lines: whatever the fast reader accepts, argparse reads alike."""
    rng = random.Random(5)
    accepted = 0
    for _ in range(20_000):
        argv = [rng.choice(["convert", "validate", "formats"])]
        argv += [rng.choice(WORDS) for _ in range(rng.randint(0, 7))]
        fast = arguments.read_fast(argv)
        if fast is None:
            continue
        accepted += 1
        assert vars(fast) == _argparse(argv), argv
    assert accepted > 500  # the comparison really ran
