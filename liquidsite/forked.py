"""Work done in a forked child while this process goes on: Sass beside rendering.

libsass holds the GIL while it compiles, so a thread would not overlap it with
rendering; a forked child does, and inherits the site as read without any
pickling. The child runs one function, writes its result (JSON text, or nothing
when the function raised) to a scratch file and leaves with ``os._exit`` (no
atexit handlers, no flush of the parent's buffered output). What C code writes
to the standard error in the child (libsass's ``@warn`` and ``@debug`` lines) is
kept, and :meth:`Child.result` writes it out when the parent takes the result, at
the point of the build where the work would have run in one process.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import tempfile
from typing import Callable, Optional


def can_fork() -> bool:
    return hasattr(os, "fork")


class Child:
    """One forked computation; :meth:`result` waits for it, :meth:`discard` ends it unused."""

    def __init__(self, work: Callable[[], str]) -> None:
        self._scratch = tempfile.mkdtemp(prefix="liquidsite-forked-")
        self._result = os.path.join(self._scratch, "result")
        self._stderr = os.path.join(self._scratch, "stderr")
        #: what the work wrote to the standard error, once :meth:`result` has taken it
        self.stderr = b""
        sys.stdout.flush()
        sys.stderr.flush()
        self.parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            _run_child(work, self._result, self._stderr)

    def result(self) -> Optional[str]:
        """The work's result (None when it raised, the child died, or this is not the process that
        forked it: a worker process forked later does the work itself), its standard error written out."""
        if os.getpid() != self.parent:
            return None
        _, status = os.waitpid(self.pid, 0)
        try:
            if os.waitstatus_to_exitcode(status) != 0:
                return None
            try:
                with open(self._result, encoding="utf-8") as handle:
                    result = handle.read()
            except FileNotFoundError:  # the work raised: the parent does it again, output and all
                return None
            with open(self._stderr, "rb") as handle:
                captured = handle.read()
            self.stderr = captured
            if captured:
                sys.stderr.flush()
                os.write(2, captured)
            return result
        finally:
            self._remove()

    def discard(self) -> None:
        """End the child (its result no longer wanted) and remove its files."""
        if os.getpid() != self.parent:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self._remove()

    def _remove(self) -> None:
        for path in (self._result, self._stderr):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        try:
            os.rmdir(self._scratch)
        except OSError:
            pass


def _run_child(work: Callable[[], str], result_path: str, stderr_path: str) -> None:
    status = 1
    gc.disable()  # a collection would touch, and so copy, every page of objects shared with the parent
    try:
        descriptor = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(descriptor, 2)
        os.close(descriptor)
        try:
            result = work()
        except BaseException:  # the parent does the work again, and reports what went wrong
            status = 0
        else:
            with open(result_path, "w", encoding="utf-8") as handle:
                handle.write(result)
            status = 0
    finally:
        os._exit(status)
