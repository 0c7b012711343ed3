"""Repairing real-world JSON Resume files: what ``resumeconv fix`` does, as a library.

Files that other tools accepted often fail the schema: ``"Mar-2022"`` dates, ``"Present"``
end dates, ``"github.com/x"`` URLs, empty strings, old field names, highlights written as
objects. :func:`repair` applies small named rules (:mod:`resumeconv.repair.rules`) to the
parsed document, each returning the :class:`Change` it made, and lists what it could not
fix as :class:`Unfixed`. No rule drops a value that means something: a value no rule can
place stays where it was (and is listed). What each rule does is in docs/fix.md.
"""

from __future__ import annotations

from typing import Any

from resumeconv.repair.changes import REMOVED, Change, Context, Fixed, Unfixed

__all__ = ["REMOVED", "Change", "Context", "Fixed", "Unfixed", "repair"]


def repair(
    document: dict[str, Any], positions: dict[str, tuple[int, int]]
) -> tuple[list[Change], Context]:
    """Apply every rule to ``document`` in place: the changes made, and the context, which
    holds what is left (``unfixed``) and the input positions under the new names."""
    from resumeconv.repair.rules import RULES

    context = Context(dict(positions))
    changes: list[Change] = []
    for rule in RULES:
        changes += rule(document, context)
    return changes, context
