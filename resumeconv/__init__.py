"""resumeconv: turn the CV you keep (academicpages Markdown, JSON Resume, YAML) into
HTML, DOCX, Markdown and PDF, and check it in CI.

>>> import resumeconv
>>> resume = resumeconv.load("fixtures/seed/cv.md")
>>> resume.education[0].institution
'Shanghai Jiao Tong University'

Names are imported lazily so that ``import resumeconv`` (and ``resumeconv --version``)
stays fast.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
__version__ = "0.1.0"

__all__ = [
    "Issue",
    "Resume",
    "ResumeconvError",
    "__version__",
    "convert",
    "convert_bytes",
    "dump",
    "load",
    "render",
    "validate",
    "validate_file",
]

_LAZY = {
    "load": "resumeconv.api",
    "validate": "resumeconv.api",
    "validate_file": "resumeconv.api",
    "dump": "resumeconv.api",
    "render": "resumeconv.api",
    "convert": "resumeconv.api",
    "convert_bytes": "resumeconv.api",
    "Resume": "resumeconv.model",
    "ResumeconvError": "resumeconv.errors",
    "Issue": "resumeconv.validation.issues",
}

if TYPE_CHECKING:
    from resumeconv.api import (
        convert,
        convert_bytes,
        dump,
        load,
        render,
        validate,
        validate_file,
    )
    from resumeconv.errors import ResumeconvError
    from resumeconv.model import Resume
    from resumeconv.validation.issues import Issue


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'resumeconv' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
