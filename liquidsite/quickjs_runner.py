"""terser's bundle in QuickJS, as a process of its own (see :mod:`liquidsite.terserjs`).

Started as a script (``python quickjs_runner.py BUNDLE OPTIONS``), it imports nothing
from liquidsite: it evaluates the bundle file in a QuickJS context (the ``quickjs``
wheel, the optional ``terser`` extra), reads the options file (the JSON terser-ruby
hands ``terser_wrapper``, without the source) and answers one JSON line per request
line read from its standard input, ``{"id", "input", "output"}``: the source read from
*input* is minified and the code written to *output*, answered ``{"id"}``; terser's rejection is answered
``{"id", "error": {message, line, col}}`` and an exception of the engine
``{"id", "fatal": message}``. Several run at once, one per core, each on its own share
of a build's scripts: QuickJS holds the GIL, so threads would not.

terser recurses once per level of the syntax tree (a chain of 500 ``+`` is 500
levels), and QuickJS stops at its stack limit: the work runs on a thread with a
stack of :data:`STACK_BYTES` (reserved, not used, until needed) and QuickJS gets a
limit a little below it.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

MEMORY_LIMIT = 1024 * 1024 * 1024
STACK_BYTES = 256 * 1024 * 1024
_STACK_MARGIN = 1024 * 1024
#: joins the bundle's wrapper with Python: JSON in, JSON out (QuickJS passes strings, not objects)
_GLUE = "\nfunction __liquidsite_terser(options) { return JSON.stringify(terser_wrapper(JSON.parse(options))); }\n"


def _answer(quickjs: Any, function: Any, options: str, request: dict[str, Any]) -> dict[str, Any]:
    with open(request["input"], encoding="utf-8", newline="") as handle:
        source = handle.read()
    try:
        result = json.loads(str(function(options[:-1] + ',"source":' + json.dumps(source) + "}")))
    except quickjs.JSException as err:  # a source nested deeper than the stack allows, or memory
        return {"id": request["id"], "fatal": str(err).splitlines()[0] if str(err) else "QuickJS error"}
    if result.get("error") is not None:
        return {"id": request["id"], "error": result["error"]}
    with open(request["output"], "w", encoding="utf-8", newline="") as out:
        out.write(str(result.get("code", "")))
    return {"id": request["id"]}


def serve(bundle_path: str, options_path: str, stack: int) -> None:
    import quickjs  # type: ignore[import-not-found,import-untyped,unused-ignore]

    context = quickjs.Context()
    context.set_memory_limit(MEMORY_LIMIT)
    if stack:
        context.set_max_stack_size(stack - _STACK_MARGIN)
    with open(bundle_path, encoding="utf-8") as handle:
        context.eval(handle.read() + _GLUE)
    function = context.get("__liquidsite_terser")
    with open(options_path, encoding="utf-8") as handle:
        options = handle.read()
    for line in sys.stdin:
        answer = _answer(quickjs, function, options, json.loads(line))
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def main(arguments: list[str]) -> int:
    failed: list[BaseException] = []

    def run(stack: int) -> None:
        try:
            serve(arguments[0], arguments[1], stack)
        except BaseException as err:  # told to the parent through the status and standard error
            failed.append(err)

    try:
        threading.stack_size(STACK_BYTES)
        thread = threading.Thread(target=run, args=(STACK_BYTES,), name="liquidsite-quickjs")
        thread.start()
    except (ValueError, RuntimeError):  # no room for such a stack here: the default one (QuickJS keeps its own limit)
        threading.stack_size(0)
        thread = threading.Thread(target=run, args=(0,), name="liquidsite-quickjs")
        thread.start()
    thread.join()
    if failed:
        sys.stderr.write(f"{type(failed[0]).__name__}: {failed[0]}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
