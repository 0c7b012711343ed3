"""How a run is stopped from outside: SIGTERM unwinds like Ctrl-C (KeyboardInterrupt).

Its own module so that the long-running commands (``serve``, ``convert --watch``), which
stop with exit status 0 either way, can tell a stop from an error without importing the
CLI's entry module.
"""

from __future__ import annotations

from resumeconv import api


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like Ctrl-C, so that no temporary file is left behind."""


def on_sigterm(signum: int, frame: object) -> None:
    """The SIGTERM handler: temporary files first (no ``finally`` may run), then unwind."""
    api.remove_temporaries()
    raise Terminated


#: What a user's request to stop raises. watchfiles turns any signal that arrives while
#: it waits into KeyboardInterrupt, so a watcher sees SIGTERM as that too.
STOP = (KeyboardInterrupt, Terminated)
