"""Live reload over Server-Sent Events: the browser script, its injection, the event broker.

The server tells browsers which destination files a build changed; each page
reloads only if its own file changed, swaps changed stylesheets in place, and
shows an overlay while the build is broken (reloading once it is fixed). A page
connects with the build generation it was served at, so a rebuild that lands
between serving and connecting still reaches it, and a page served by an earlier
run of the server reloads when it reconnects to a new one.
"""

from __future__ import annotations

import json
import queue
import re
import threading
import uuid
from typing import Any, Optional

#: Where browsers connect for events (outside any baseurl, never a site path).
EVENTS_PATH = "/__liquidsite/livereload"

_HEAD_TAG = re.compile(rb"<head(?:\s[^>]*)?>", re.I)
_BODY_END = re.compile(rb"</body\s*>", re.I)

_CLIENT = """
(function () {
  if (!window.EventSource || window.__liquidsiteLiveReload) return;
  window.__liquidsiteLiveReload = true;
  var GENERATION = %(generation)d, INSTANCE = %(instance)s;
  var EVENTS = %(events)s;
  var OVERLAY_ID = "liquidsite-error-overlay";
  function here() {
    var path = decodeURI(location.pathname);
    var candidates = [path];
    if (path.slice(-1) === "/") candidates.push(path + "index.html");
    else candidates.push(path + ".html", path + "/index.html");
    return candidates;
  }
  function pathOf(url) {
    try { return decodeURI(new URL(url, location.href).pathname); } catch (e) { return null; }
  }
  function swapStylesheet(link) {
    var fresh = link.cloneNode(false);
    var base = link.href.replace(/[?&]livereload=\\d+$/, "");
    fresh.href = base + (base.indexOf("?") < 0 ? "?" : "&") + "livereload=" + Date.now();
    fresh.onload = fresh.onerror = function () { if (link.parentNode) link.parentNode.removeChild(link); };
    link.parentNode.insertBefore(fresh, link.nextSibling);
  }
  function references(path) {
    var nodes = document.querySelectorAll("[src],[href]");
    for (var i = 0; i < nodes.length; i++) {
      var url = nodes[i].getAttribute("src") || nodes[i].getAttribute("href");
      if (url && pathOf(url) === path) return true;
    }
    return false;
  }
  function showError(error) {
    var box = document.getElementById(OVERLAY_ID);
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY_ID;
      box.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(24,24,27,.94);color:#fafafa;font:14px/1.5 ui-monospace,monospace;padding:2rem");
      (document.body || document.documentElement).appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("div");
    title.setAttribute("style", "color:#f87171;font-weight:bold;font-size:16px;margin-bottom:1rem");
    title.textContent = "Build failed" + (error.location ? " \\u2014 " + error.location : "");
    var message = document.createElement("pre");
    message.setAttribute("style", "white-space:pre-wrap;margin:0");
    message.textContent = error.message;
    var hint = document.createElement("div");
    hint.setAttribute("style", "color:#a1a1aa;margin-top:1rem");
    hint.textContent = "The last good version of the site is still served. Fix the error and save: this page reloads.";
    box.appendChild(title); box.appendChild(message); box.appendChild(hint);
  }
  function onBuild(data) {
    if (document.getElementById(OVERLAY_ID)) { location.reload(); return; }
    var mine = here(), reload = false, sheets = [];
    data.changed.forEach(function (path) {
      if (mine.indexOf(path) >= 0) reload = true;
      else if (/\\.css$/i.test(path)) sheets.push(path);
      else if (!/\\.html?$/i.test(path) && references(path)) reload = true;
    });
    if (reload) { location.reload(); return; }
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (sheets.indexOf(pathOf(links[i].href)) >= 0) swapStylesheet(links[i]);
    }
  }
  var source = new EventSource(EVENTS + "?generation=" + GENERATION);
  source.addEventListener("hello", function (event) {
    if (JSON.parse(event.data).instance !== INSTANCE) location.reload();  // a restarted server
  });
  source.addEventListener("build", function (event) { onBuild(JSON.parse(event.data)); });
  source.addEventListener("failure", function (event) { showError(JSON.parse(event.data)); });
})();
"""


def client_script(generation: int, instance: str) -> bytes:
    """The ``<script>`` element served into every HTML page."""
    code = _CLIENT % {"generation": generation, "instance": json.dumps(instance), "events": json.dumps(EVENTS_PATH)}
    return b'<script data-liquidsite-livereload="">' + code.encode("utf-8") + b"</script>"


def inject(html: bytes, script: bytes) -> bytes:
    """*html* with *script* right after ``<head>``, else before ``</body>``, else at the end."""
    head = _HEAD_TAG.search(html)
    if head is not None:
        return html[: head.end()] + script + html[head.end():]
    body_end = None
    for body_end in _BODY_END.finditer(html):  # noqa: B007 - the last match is the one wanted
        pass
    if body_end is not None:
        return html[: body_end.start()] + script + html[body_end.start():]
    return html + script


class Broker:
    """The build state browsers subscribe to: a generation counter, changed paths, the failure."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.instance = uuid.uuid4().hex  # pages served by an earlier run of the server reload
        self.generation = 0
        self.changed_at: dict[str, int] = {}
        self.failure: Optional[dict[str, Any]] = None
        self.subscribers: list[queue.Queue[Optional[bytes]]] = []

    def built(self, changed: list[str]) -> None:
        """A successful build changed these served paths (baseurl included)."""
        with self.lock:
            was_failing = self.failure is not None
            self.failure = None
            if not changed and not was_failing:
                return
            self.generation += 1
            for path in changed:
                self.changed_at[path] = self.generation
            self._publish("build", {"generation": self.generation, "changed": changed})

    def failed(self, message: str, location: str) -> None:
        with self.lock:
            self.failure = {"message": message, "location": location}
            self._publish("failure", self.failure)

    def subscribe(self, generation: int) -> "queue.Queue[Optional[bytes]]":
        """A queue of encoded events for one browser, primed with what it missed."""
        events: queue.Queue[Optional[bytes]] = queue.Queue()
        with self.lock:
            self.subscribers.append(events)
            events.put(_encode("hello", {"instance": self.instance}))
            missed = [p for p, g in self.changed_at.items() if g > generation]
            if missed:
                events.put(_encode("build", {"generation": self.generation, "changed": missed}))
            if self.failure is not None:
                events.put(_encode("failure", self.failure))
        return events

    def unsubscribe(self, events: "queue.Queue[Optional[bytes]]") -> None:
        with self.lock:
            if events in self.subscribers:
                self.subscribers.remove(events)

    def close(self) -> None:
        """End every open event stream (server shutdown)."""
        with self.lock:
            for events in self.subscribers:
                events.put(None)
            self.subscribers.clear()

    def _publish(self, event: str, data: dict[str, Any]) -> None:
        encoded = _encode(event, data)
        for events in self.subscribers:
            events.put(encoded)


def _encode(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode("utf-8")
