"""``liquidsite new``: a starter site (a small academic homepage with a GitHub Pages workflow) or, with
``--blank``, Jekyll's empty scaffolding."""

from __future__ import annotations

import datetime as dt
import os

from . import pages_workflow

BLANK_FILES = {
    "_config.yml": "title: My site\nbaseurl: \"\"\nurl: \"\"\n",
    "_layouts/default.html": (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
        "  <title>{{ page.title | default: site.title }}</title>\n"
        "  <link rel=\"stylesheet\" href=\"{{ '/assets/css/main.css' | relative_url }}\">\n"
        "</head>\n<body>\n{{ content }}\n</body>\n</html>\n"
    ),
    "_sass/main.scss": "body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 48rem; }\n",
    "assets/css/main.scss": "---\n---\n@import \"main\";\n",
    "index.md": "---\nlayout: default\ntitle: Home\n---\n\n# Hello\n",
}
BLANK_DIRS = ("_data", "_drafts", "_includes", "_posts")

STARTER_FILES = {
    **BLANK_FILES,
    "_config.yml": (
        "title: \"Your Name\"\ndescription: \"Researcher in a field of your choice.\"\n"
        "baseurl: \"\"\nurl: \"\"\nauthor:\n  name: \"Your Name\"\n  email: \"you@example.org\"\n"
        "plugins:\n  - jekyll-feed\n  - jekyll-sitemap\n"
    ),
    "index.md": (
        "---\nlayout: default\ntitle: Home\n---\n\nI am a researcher. Edit `index.md` to write about your work.\n\n"
        "# 🔥 News\n\n{% for post in site.posts %}- *{{ post.date | date: \"%Y.%m\" }}* "
        "[{{ post.title }}]({{ post.url | relative_url }})\n{% endfor %}\n"
    ),
    ".gitignore": "_site\n.sass-cache\n.jekyll-cache\n.jekyll-metadata\n",
    pages_workflow.PATH: pages_workflow.WORKFLOW,
}


def _welcome_post(today: dt.date) -> tuple[str, str]:
    name = f"_posts/{today:%Y-%m-%d}-welcome.md"
    return name, "---\nlayout: default\ntitle: \"Welcome\"\n---\n\nYour first post. Posts live in `_posts`.\n"


def create(path: str, blank: bool = False, force: bool = False) -> None:
    """Write a new site at *path*; refuse a non-empty directory unless *force*."""
    if os.path.isdir(path) and os.listdir(path) and not force:
        from .errors import LiquidsiteError

        raise LiquidsiteError(
            f"Conflict: {os.path.abspath(path)} exists and is not empty. "
            "Ensure FORCE flag is used if you would like to proceed and overwrite any files."
        )
    files = dict(BLANK_FILES if blank else STARTER_FILES)
    if blank:
        for directory in BLANK_DIRS:
            os.makedirs(os.path.join(path, directory), exist_ok=True)
    else:
        name, text = _welcome_post(dt.date.today())
        files[name] = text
    for name, text in files.items():
        target = os.path.join(path, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
