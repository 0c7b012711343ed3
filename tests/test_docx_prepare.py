"""pandoc started ahead of time (formats' ``prepare`` hook) gives the same DOCX."""

from __future__ import annotations

import resumeconv
from resumeconv.exporters import docx
from resumeconv.formats import WriteOptions, by_name

from conftest import SEED


def test_prepared_pandoc_is_used_and_gives_the_same_bytes() -> None:
    resume = resumeconv.load(SEED)
    plain = resumeconv.render(resume, "docx")
    by_name("docx").prepare_writer(WriteOptions())
    assert len(docx._waiting) == 1
    prepared = resumeconv.render(resume, "docx")
    assert docx._waiting == {}  # the waiting process was consumed
    assert prepared == plain


def test_unused_prepared_pandoc_does_not_block_a_letter_render() -> None:
    resume = resumeconv.load(SEED)
    by_name("docx").prepare_writer(WriteOptions(paper="a4"))
    letter = resumeconv.render(resume, "docx", paper="letter")
    assert letter[:2] == b"PK"
    assert len(docx._waiting) == 1  # the A4 one still waits; it ends with its stdin
    proc = docx._waiting.popitem()[1]
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
