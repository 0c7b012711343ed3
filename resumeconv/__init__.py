"""resumeconv: turn the CV you keep (academicpages Markdown, JSON Resume, YAML) into
HTML, DOCX, Markdown and PDF, and check it in CI.

>>> import resumeconv
>>> resume = resumeconv.load("fixtures/example/cv.md")
>>> resume.education[0].institution
'Shanghai Jiao Tong University'
"""

__version__ = "0.1.0"

from resumeconv.api import convert, convert_bytes, dump, load, render, validate
from resumeconv.errors import ResumeconvError
from resumeconv.model import Resume
from resumeconv.validation.issues import Issue

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
]
