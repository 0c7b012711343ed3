"""``python -m resumeconv`` runs the command line."""

from resumeconv.cli import entry_point

entry_point()
