"""The few lines of script ``serve`` adds to the page it serves, and its error page.

Only the served copy gets them: ``convert`` writes the exporter's bytes untouched. The
built-in theme forbids every script with its Content-Security-Policy (``default-src
'none'``), so the served copy's policy lets through exactly one script, ours, by a nonce
made for that response, and fetches to its own server (``connect-src 'self'``); a script
in the resume's data still cannot run. The page is read with the standard library's
HTML parser to find the policy and ``</body>``.
"""

from __future__ import annotations

import html
import secrets
from html.parser import HTMLParser

#: The long-poll endpoint: ``GET CHANGES?after=N`` answers ``{"version": M}`` once the
#: page is no longer version N (or after a while, with M == N: ask again).
CHANGES = "/__resumeconv/changes"

_SCRIPT = """<script nonce="{nonce}">
(function () {{
  var version = {version};
  document.documentElement.setAttribute("data-resumeconv-live", String(version));
  function poll() {{
    fetch("{changes}?after=" + version, {{cache: "no-store"}})
      .then(function (r) {{ return r.json(); }})
      .then(function (d) {{ if (d.version !== version) location.reload(); else poll(); }},
            function () {{ setTimeout(poll, 1000); }});
  }}
  poll();
}})();
</script>
"""


class _Finder(HTMLParser):
    """Where the page's policy ``<meta>`` tags and its last ``</body>`` are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policies: list[tuple[tuple[int, int], str, str]] = []
        self.body_end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            tag_text = self.get_starttag_text() or ""
            self.policies.append((self.getpos(), tag_text, values.get("content", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "body":
            self.body_end = self.getpos()


def _offsets(text: str) -> list[int]:
    starts = [0]
    for i, char in enumerate(text):
        if char == "\n":
            starts.append(i + 1)
    return starts


def allow_script(policy: str, nonce: str) -> str:
    """``policy`` with our script (by nonce) and its fetches to this server allowed, and
    nothing else loosened: a directive that falls back to ``default-src`` gets
    ``default-src``'s sources plus ours."""
    directives: dict[str, list[str]] = {}  # in order; the first of a name counts (CSP)
    for part in policy.split(";"):
        words = part.split()
        if words and words[0].lower() not in directives:
            directives[words[0].lower()] = words[1:]
    nonce_source = f"'nonce-{nonce}'"
    for name, source in (("script-src", nonce_source), ("connect-src", "'self'")):
        if name in directives:
            directives[name] = _plus(directives[name], source)
        elif "default-src" in directives:
            directives[name] = _plus(directives["default-src"], source)
    if "script-src-elem" in directives:
        directives["script-src-elem"] = _plus(directives["script-src-elem"], nonce_source)
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def _plus(sources: list[str], source: str) -> list[str]:
    """``sources`` with ``source`` added (``'none'`` goes: it cannot stand beside one)."""
    kept = [s for s in sources if s.lower() != "'none'"]
    return kept if source in kept else [*kept, source]


def inject(page: bytes, version: int) -> bytes:
    """The page as served: our script before ``</body>`` (or at the end), allowed by the
    page's own policy."""
    text = page.decode("utf-8", errors="replace")
    finder = _Finder()
    finder.feed(text)
    finder.close()
    starts = _offsets(text)
    nonce = secrets.token_urlsafe(16)
    script = _SCRIPT.format(nonce=nonce, version=version, changes=CHANGES)
    edits: list[tuple[int, int, str]] = []
    for (line, col), tag, policy in finder.policies:
        start = starts[line - 1] + col
        if text.startswith(tag, start):
            new = allow_script(html.unescape(policy), nonce)
            edits.append((start, start + len(tag), _with_content(tag, new)))
    at = starts[finder.body_end[0] - 1] + finder.body_end[1] if finder.body_end else -1
    if at >= 0 and text.startswith("</", at):
        edits.append((at, at, script))
    else:
        edits.append((len(text), len(text), script))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text.encode("utf-8")


def _with_content(tag: str, policy: str) -> str:
    """A policy ``<meta>`` tag with the new ``content`` (it has no other attribute that
    matters)."""
    return (
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{html.escape(policy, quote=True)}"' + (" />" if tag.endswith("/>") else ">")
    )


def error_page(title: str, message: str, version: int) -> bytes:
    """What ``serve`` shows while the input cannot be read: the error, with its file:line,
    until the next good save reloads the page."""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>resumeconv: {html.escape(title)}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 48rem; }}
pre {{ background: #fdecea; border-left: 4px solid #c62828; padding: 1rem;
       white-space: pre-wrap; overflow-wrap: anywhere; }}
</style>
</head>
<body>
<h1>{html.escape(title)} cannot be shown</h1>
<pre>{html.escape(message)}</pre>
<p>Fix it and save: this page reloads by itself.</p>
</body>
</html>
"""
    return inject(page.encode("utf-8"), version)
