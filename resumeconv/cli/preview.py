"""The preview server of ``serve``: the last build's page (or its error) over HTTP.

The standard library's ``ThreadingHTTPServer``: one thread per request, so a browser's
long-poll on :data:`livereload.CHANGES` waits without holding up the page. Builds happen
elsewhere (``serve.py``) and :meth:`Preview.publish` their result; every waiting poll
then answers at once, and the page reloads itself.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from resumeconv.api import UsageError
from resumeconv.cli import livereload

#: How long a long-poll waits before answering "no change" (the browser asks again).
POLL_SECONDS = 25.0


class Preview:
    """The page being served, its version (bumped when what is shown changes), and the
    condition the long-polls wait on."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.version = 0
        self._page: bytes | None = None
        self._error: str | None = None
        self._closed = False
        self._changed = threading.Condition()

    def publish(self, page: bytes | None, error: str | None = None) -> bool:
        """Show ``page`` (the exporter's HTML), or ``error`` while there is none; True
        when that differs from what was shown (the browsers are told to reload)."""
        with self._changed:
            if self.version and (page, error) == (self._page, self._error):
                return False
            self._page, self._error = page, error
            self.version += 1
            self._changed.notify_all()
            return True

    def served(self) -> tuple[bytes, int]:
        """The page as sent (with the reload script), and the HTTP status."""
        with self._changed:
            page, error, version = self._page, self._error, self.version
        if error is not None or page is None:
            return livereload.error_page(self.title, error or "not built yet", version), 500
        return livereload.inject(page, version), 200

    def wait(self, after: int, timeout: float) -> int:
        """The version once it is no longer ``after`` (or after ``timeout`` s, or when
        the server closes)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != after or self._closed, timeout)
            return self.version

    def close(self) -> None:
        """Answer every waiting poll now (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "resumeconv"

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                body, status = preview.served()
                self._send(status, "text/html; charset=utf-8", body)
            elif url.path == livereload.CHANGES:
                try:
                    after = int(parse_qs(url.query).get("after", ["-1"])[0])
                except ValueError:
                    after = -1
                version = preview.wait(after, POLL_SECONDS)
                self._send(200, "application/json", json.dumps({"version": version}).encode())
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found: only / is served\n")

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per rebuild is what the terminal shows, not one per request

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


def start(preview: Preview, host: str, port: int) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (0: any free port), serving in a thread of its own.
    A port in use, or a host this machine is not, is one error."""
    cls = _Server6 if ":" in host else _Server
    try:
        server = cls((host, port), _handler(preview))
    except OSError as exc:
        where = f"{host}:{port}"
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"cannot serve on {where}: the port is in use (another server is listening)",
                hint="stop that server, or choose another port with --port N (--port 0: any "
                "free port)",
            ) from None
        if exc.errno == errno.EACCES:
            raise UsageError(
                f"cannot serve on {where}: not allowed to listen on port {port}",
                hint="ports below 1024 need privileges; choose --port 8000 or another",
            ) from None
        raise UsageError(
            f"cannot serve on {where}: {exc.strerror or exc}",
            hint="--host takes an address of this machine, e.g. 127.0.0.1 (the default)",
        ) from None
    threading.Thread(target=server.serve_forever, name="resumeconv-serve", daemon=True).start()
    return server


def url(server: ThreadingHTTPServer) -> str:
    """The address to open in a browser."""
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else str(host)
    return f"http://{shown}:{port}/"


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host`` (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
