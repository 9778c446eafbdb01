"""Network access for the plugins that fetch (feeds, citation counts, JSON data, tweets).

Jekyll's network plugins fetch on every build and stop (or hang) when the
network is away. liquidsite's never do: each URL gets one request bounded by
:data:`TIMEOUT` seconds in total, a successful answer is kept under
``<cache_dir>/liquidsite-net/`` (next to Jekyll's own cache, surviving
configuration changes), and when a request fails, or with ``--offline``
(``offline: true``), the last cached answer is used instead. A plugin left
with neither gets ``None`` and builds its placeholder; each plugin names that
once per build in a warning. A host that refused or could not be resolved is
not asked again in the same build, and after one request that timed out no
host is (a network that swallows packets, or DNS that hangs, costs one
timeout per build, not one per URL).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import threading
import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from . import cache
from .encoding import decode_utf8
from .log import logger

if TYPE_CHECKING:
    from .siteview import SiteView

#: seconds one request may take, connecting and reading included
TIMEOUT = 5.0
#: the most bytes read from one answer
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status code and body (``from_cache`` when it is a stored one)."""

    status: int
    body: bytes
    from_cache: bool = False
    charset: str = "utf-8"

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def utf8_text(self, name: str) -> str:
        """The body of a UTF-8 answer decoded strictly (:class:`InvalidEncodingError` naming *name*,
        the URL, at its first bad byte), as Ruby keeps the bytes and fails where they are used;
        another charset's body as :meth:`text` decodes it."""
        try:
            utf8 = codecs.lookup(self.charset).name == "utf-8"
        except LookupError:
            utf8 = True  # as text() falls back to UTF-8
        return decode_utf8(self.body, name, strip_bom=False) if utf8 else self.text()

    def text(self) -> str:
        """The body decoded as its ``Content-Type`` says (UTF-8 when it does not say, or for a stored one)."""
        try:
            return self.body.decode(self.charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class NetworkError(OSError):
    """The request got no HTTP answer (DNS, refused, reset, or ``timed_out``)."""

    def __init__(self, reason: str, timed_out: bool = False) -> None:
        super().__init__(reason)
        self.timed_out = timed_out


def _request(url: str, headers: dict[str, str], timeout: float, limit: int) -> Response:
    """One GET, or :class:`NetworkError`; run in a worker thread so that DNS cannot outlast the timeout."""
    import urllib.error
    import urllib.request  # with http.client and ssl: loaded by a site's first request, not by every build

    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - http(s) URLs only
            return Response(answer.status, answer.read(limit),
                            charset=answer.headers.get_content_charset() or "utf-8")
    except urllib.error.HTTPError as err:
        return Response(err.code, err.read(limit) if err.fp else b"")
    except (OSError, ValueError) as err:
        reason = getattr(err, "reason", None) or err
        raise NetworkError(str(reason), timed_out=isinstance(reason, TimeoutError)) from err


class Network:
    """One site's fetcher: requests, the answer cache, the per-plugin warnings."""

    def __init__(self, site: "SiteView") -> None:
        self.offline = bool(site.config.get("offline"))
        root = cache.cache_root(site.config, site.source)
        # cache_root is <cache_dir>/Jekyll/Cache; ours sits beside Jekyll's folder
        self.directory = os.path.join(os.path.dirname(os.path.dirname(root)), "liquidsite-net") if root else None
        self.memory: dict[str, Response] = {}
        self.dead_hosts: set[str] = set()
        self.silent = ""  # a host that let a request time out: the network is taken to be away
        self.warned: set[str] = set()

    def carry_over(self, previous: "Network") -> None:
        """Keep *previous*'s answers and warnings (``serve``: a full rebuild asks nothing again,
        while a host that did not answer is tried once more)."""
        self.memory.update(previous.memory)
        self.warned |= previous.warned

    def _path(self, url: str) -> Optional[str]:
        if self.directory is None:
            return None
        return os.path.join(self.directory, hashlib.sha256(url.encode("utf-8")).hexdigest())

    def cached(self, url: str) -> Optional[Response]:
        """The stored answer for *url*, if any."""
        if url in self.memory:
            return self.memory[url]
        path = self._path(url)
        if path is None or not os.path.isfile(path):
            return None
        try:
            with open(path, "rb") as handle:
                body = handle.read()
            charset = "utf-8"
            if os.path.isfile(path + ".charset"):
                with open(path + ".charset", encoding="ascii", errors="replace") as handle:
                    charset = handle.read().strip() or charset
        except OSError:
            return None
        found = Response(200, body, from_cache=True, charset=charset)
        self.memory[url] = found
        return found

    def _store(self, url: str, response: Response) -> None:
        self.memory[url] = response
        path = self._path(url)
        if path is None:
            return
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(tmp, "wb") as handle:
                handle.write(response.body)
            os.replace(tmp, path)
            if response.charset != "utf-8":  # beside the body, for text() of the stored answer
                with open(path + ".charset", "w", encoding="ascii", errors="replace") as handle:
                    handle.write(response.charset)
        except OSError as err:  # a read-only source: the answer serves this build only
            logger.debug("Network:", f"could not cache {url}: {err}")

    def fetch(self, url: str, plugin: str, headers: Optional[dict[str, str]] = None,
              warn: bool = True) -> Optional[Response]:
        """*url*'s answer: fetched (a 2xx one is stored), else the stored one, else None.

        A non-2xx answer is returned as it is (the plugins print their own
        message for it) unless a stored answer exists. ``None`` means nothing
        is known: *plugin* is named once in a warning, unless not *warn* (a
        plugin that words its own, as the gem does).
        """
        if url in self.memory:
            return self.memory[url]
        host = urllib.parse.urlsplit(url).netloc
        reason = "offline" if self.offline else ""
        if not reason and host in self.dead_hosts:
            reason = f"{host} did not answer earlier"
        if not reason and self.silent:
            reason = f"{self.silent} did not answer within {TIMEOUT:g} s"
        if not reason:
            try:
                response = get(url, dict(headers or {}))
            except NetworkError as err:
                self.dead_hosts.add(host)
                if err.timed_out:
                    self.silent = host
                reason = str(err)
            else:
                if response.ok:
                    self._store(url, response)
                    return response
                return self.cached(url) or response
        stored = self.cached(url)
        if not warn:
            return stored
        if stored is not None:
            if not self.offline:
                self.warn_once(plugin, f"{url} could not be fetched ({reason}); using the cached answer.")
            return stored
        self.warn_once(plugin, f"{url} could not be fetched ({reason}) and nothing is cached; "
                               "building without it.")
        return None

    def warn_once(self, plugin: str, message: str) -> None:
        """One warning per plugin and build: the first thing that went without the network."""
        if plugin in self.warned:
            return
        self.warned.add(plugin)
        logger.warn(f"{plugin}:", message)


def get(url: str, headers: Optional[dict[str, str]] = None, timeout: Optional[float] = None,
        limit: int = MAX_BYTES) -> Response:
    """One GET with a hard limit of *timeout* seconds in all (default :data:`TIMEOUT`; a stuck thread
    is left behind), reading at most *limit* bytes; :class:`NetworkError` when no answer comes."""
    seconds = TIMEOUT if timeout is None else timeout
    outcome: list[object] = []

    def work() -> None:
        try:
            outcome.append(_request(url, headers or {}, seconds, limit))
        except NetworkError as err:
            outcome.append(err)

    worker = threading.Thread(target=work, name="liquidsite-net", daemon=True)
    worker.start()
    worker.join(seconds)
    if not outcome:
        raise NetworkError(f"no answer within {seconds:g} s", timed_out=True)
    result = outcome[0]
    if isinstance(result, NetworkError):
        raise result
    assert isinstance(result, Response)
    return result
