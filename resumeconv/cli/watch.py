"""Watching what a run reads, for ``serve`` and ``convert --watch``: one batch per change.

What matters is what the import reads: the input, and for a CV page the files of its site
(``_config.yml``, collection documents: ``report.read_files`` once it has parsed), every
file of the site's ``_name/`` folders (a new publication counts too) and a ``--theme``
folder. Folders are watched one by one, not recursively, so that a site's ``_site/``,
images or ``.git`` cost nothing; outputs written next to the input are not in the set, so
a rebuild never triggers itself. The watcher is watchfiles (inotify on Linux).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from resumeconv import api

#: Most folders of a site or theme watched (a site's collections are bounded at 5,000
#: documents by the reader; past this the rest of the tree is not watched).
MAX_FOLDERS = 2_000

#: How long the watcher waits for a change before it yields an empty batch (ms): the
#: first such batch says the watcher is running (see :meth:`Watcher.changes`).
_TIMEOUT_MS = 500


@dataclass(frozen=True, slots=True)
class Targets:
    """The files and folder trees whose change means a rebuild."""

    files: frozenset[str]
    """Absolute paths (as written and resolved) of the inputs and the files they read."""
    trees: tuple[str, ...]
    """Absolute folders any file inside which matters (site ``_name/`` folders, a theme)."""
    ignored: frozenset[str] = frozenset()
    """Absolute paths that never matter: the outputs a rebuild writes (``convert --watch
    -o _pages/cv.html`` must not rebuild on its own output)."""

    def matters(self, path: str) -> bool:
        """Whether a change of ``path`` means a rebuild (editor back-ups and dot-files
        inside a tree do not)."""
        absolute = os.path.abspath(path)
        if absolute in self.ignored:
            return False
        if absolute in self.files or os.path.realpath(absolute) in self.files:
            return True
        name = os.path.basename(absolute)
        if name.startswith(".") or name.endswith("~"):
            return False
        return any(absolute.startswith(tree + os.sep) for tree in self.trees)

    def folders(self) -> list[str]:
        """Every folder to watch: those of the files, and each folder of the trees."""
        found = {os.path.dirname(f) for f in self.files}
        for tree in self.trees:
            for folder, subfolders, _ in os.walk(tree):
                subfolders[:] = sorted(s for s in subfolders if not s.startswith("."))
                found.add(folder)
                if len(found) >= MAX_FOLDERS:
                    break
        return sorted(f for f in found if os.path.isdir(f))

    def signature(self) -> dict[str, tuple[int, int, int] | None]:
        """What each file is now (inode, size, mtime): a change made before the watcher
        ran shows as a different signature."""
        out: dict[str, tuple[int, int, int] | None] = {}
        for path in self.files:
            try:
                st = os.stat(path)
            except OSError:
                out[path] = None
            else:
                out[path] = (st.st_ino, st.st_size, st.st_mtime_ns)
        return out


def targets(
    inputs: Iterable[str],
    *,
    read: Iterable[str] = (),
    site: str | None = None,
    theme: str | None = None,
    folders: Iterable[str] = (),
    outputs: Iterable[str] = (),
) -> Targets:
    """What a run over ``inputs`` depends on; ``read`` are the files its imports read,
    ``folders`` input folders (a new CV page in one is a change), ``outputs`` what it
    writes."""
    files: set[str] = set()
    trees: set[str] = set()
    for path in [*inputs, *read]:
        if path == "-":
            continue
        files.add(os.path.abspath(path))
        files.add(os.path.realpath(path))
    for page in inputs:
        if page == "-" or os.path.splitext(page)[1].lower() not in (".md", ".markdown"):
            continue
        root = api.site_root(page, site)
        if root is None:
            continue
        config = root / "_config.yml"
        files.update({os.path.abspath(config), os.path.realpath(config)})
        for entry in sorted(os.listdir(root)) if root.is_dir() else []:
            if entry.startswith("_") and entry != "_site" and (root / entry).is_dir():
                trees.add(os.path.abspath(root / entry))
    if theme is not None:
        trees.add(os.path.abspath(theme))
    trees.update(os.path.abspath(f) for f in folders)
    ignored = {os.path.abspath(out) for out in outputs if out != "-"}
    return Targets(frozenset(files - ignored), tuple(sorted(trees)), frozenset(ignored))


def describe(targets: Targets) -> str:
    """``3 files and 2 folders``: what a watch covers, for its first line."""
    files = {os.path.realpath(f) for f in targets.files if os.path.exists(f)}
    text = f"{len(files)} file{'s' if len(files) != 1 else ''}"
    if targets.trees:
        text += f" and {len(targets.trees)} folder{'s' if len(targets.trees) != 1 else ''}"
    return text


class Watcher:
    """Yields the changed paths that matter, one list per batch of changes, until Ctrl-C
    (KeyboardInterrupt); :attr:`targets` may be replaced between batches."""

    def __init__(self, initial: Targets, before: dict[str, Any] | None = None) -> None:
        self.targets = initial
        self._baseline: dict[str, Any] = {}
        self.update(initial, before)

    def update(self, targets: Targets, before: dict[str, Any] | None = None) -> None:
        """What the last build read; ``before`` is :meth:`Targets.signature` taken before
        that build, so that an edit made while it ran is seen when the watcher starts."""
        self.targets = targets
        self._baseline = {**targets.signature(), **(before or {})}

    def changes(self, ready: Callable[[], None] | None = None) -> Iterator[list[str]]:
        """Batches of changed paths; ``ready()`` is called once the watcher first runs. A
        change made between the build and that moment is not lost: the files' signatures
        are compared then."""
        import watchfiles

        def relevant(change: watchfiles.Change, path: str) -> bool:
            return self.targets.matters(path)

        while True:
            watching, before = self.targets, self._baseline
            folders = watching.folders()
            started = False
            for batch in watchfiles.watch(
                *folders,
                watch_filter=relevant,
                recursive=False,
                debounce=400,
                rust_timeout=_TIMEOUT_MS,
                yield_on_timeout=True,
                ignore_permission_denied=True,
            ):
                missed: set[str] = set()
                if not started:  # the watcher runs now: what changed before it did?
                    started = True
                    if ready is not None:
                        ready()
                        ready = None
                    now = watching.signature()
                    missed = {path for path, sig in now.items() if before.get(path) != sig}
                paths = missed | {path for _, path in batch}
                if not paths:
                    continue
                yield sorted(paths)
                if self.targets.folders() != folders:
                    break  # new folders to watch (a new collection, a moved theme)
