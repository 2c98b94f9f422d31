"""The live-reload script and error panel, added to HTML as it is served; never to the built files."""
from __future__ import annotations

import html
import re

from digest.serve.state import Snapshot

EVENTS_PATH = "/__digest__/events"
# The script and the panel's style are files of the server, not inline: the theme's
# Content-Security-Policy allows only the site's own scripts and styles, and inline ones would be blocked.
ASSETS = {
    # EventSource reconnects by itself when the server restarts; the new server's version differs, so the tab reloads.
    "/__digest__/reload.js": (b"""(() => {
  const shown = document.currentScript.dataset.version;
  const events = new EventSource("/__digest__/events");
  events.onmessage = (event) => { if (event.data !== shown) location.reload(); };
})();
""", "text/javascript; charset=utf-8"),
    "/__digest__/panel.css": (b"""#digest-problems { position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647;
  max-height: 50vh; overflow: auto; margin: 0; padding: .8em 1em; background: #fff4f4; color: #600;
  border-top: 3px solid #c00; font: 13px/1.45 ui-monospace, monospace; white-space: pre-wrap; }
""", "text/css; charset=utf-8"),
}
SCRIPT = '<script id="digest-live-reload" src="/__digest__/reload.js" data-version="{version}"></script>\n'
PANEL = '<link rel="stylesheet" href="/__digest__/panel.css"><div id="digest-problems" role="alert">{text}</div>\n'
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def panel_text(snapshot: Snapshot) -> str:
    if snapshot.failed:
        head = "digest: the last build failed; this is the previous site. Fix this and save:"
    else:
        count = len(snapshot.problems)
        head = f"digest: {count} dump{' was' if count == 1 else 's were'} skipped:"
    return "\n".join([head, *snapshot.problems])


def live_snippet(snapshot: Snapshot) -> bytes:
    script = SCRIPT.format(version=html.escape(str(snapshot.version)))
    panel = PANEL.format(text=html.escape(panel_text(snapshot))) if snapshot.problems else ""
    return (panel + script).encode("utf-8")


def inject(page: bytes, snapshot: Snapshot) -> bytes:
    """The snippet before the last </body>, or at the end of a page that has none."""
    snippet = live_snippet(snapshot)
    ends = list(BODY_END.finditer(page))
    if not ends:
        return page + snippet
    at = ends[-1].start()
    return page[:at] + snippet + page[at:]


def message_page(title: str, snapshot: Snapshot) -> bytes:
    """A page of our own (not found, nothing built yet) that still reloads and shows problems."""
    body = f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>" \
           f"<body><h1>{html.escape(title)}</h1></body></html>"
    return inject(body.encode("utf-8"), snapshot)
