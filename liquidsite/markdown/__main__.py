"""``python -m liquidsite.markdown``: Markdown on stdin, HTML on stdout.

Options come as JSON in ``$MDCONF_OPTIONS`` (absent: Jekyll's defaults).
"""

from __future__ import annotations

import json
import os
import sys

from . import render


def main() -> None:
    raw = os.environ.get("MDCONF_OPTIONS")
    options = json.loads(raw) if raw else None
    sys.stdout.write(render(sys.stdin.read(), options))


if __name__ == "__main__":
    main()
