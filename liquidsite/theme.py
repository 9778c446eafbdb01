"""Gem-based and remote themes, found without Ruby (Jekyll's ``Theme``, jekyll-remote-theme).

Jekyll asks RubyGems where ``theme: minima`` is installed. liquidsite looks for the
gem's directory where RubyGems and Bundler put gems (``GEM_HOME``, ``GEM_PATH``, the
site's ``vendor/bundle``, the user and system gem directories), at the version
``Gemfile.lock`` pins when it pins one. Failing that, and for ``remote_theme:``, it
downloads the theme's GitHub repository archive once into a cache folder shared by all
sites (``$LIQUIDSITE_CACHE_DIR`` or ``~/.cache/liquidsite``), and builds offline from
that copy afterwards.
"""

from __future__ import annotations

import glob
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from .lazy_re import lazy_pattern
from . import net
from .errors import FatalError
from .log import logger

#: Where repository archives come from; tests point it at a server on 127.0.0.1.
ARCHIVE_URL_ENV = "LIQUIDSITE_GITHUB_ARCHIVE_URL"
DEFAULT_ARCHIVE_URL = "https://codeload.github.com"
DOWNLOAD_TIMEOUT = 30.0
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024

#: Gem themes whose repository is not named after the gem: gem -> GitHub owner/repo.
GEM_REPOSITORIES = {
    "minima": "jekyll/minima",
    "minimal-mistakes-jekyll": "mmistakes/minimal-mistakes",
    "jekyll-theme-chirpy": "cotes2020/jekyll-theme-chirpy",
    "just-the-docs": "just-the-docs/just-the-docs",
    "beautiful-jekyll-theme": "daattali/beautiful-jekyll",
    "jekyll-theme-hydejack": "hydecorp/hydejack",
    "jekyll-text-theme": "kitian616/jekyll-TeXt-theme",
    "jekyll-theme-so-simple": "mmistakes/so-simple-theme",
    "jekyll-theme-basically-basic": "mmistakes/jekyll-theme-basically-basic",
    "al-folio": "alshedivat/al-folio",
    "jekyll-theme-primer": "pages-themes/primer",
}
#: GitHub Pages' themes (``jekyll-theme-cayman`` is ``pages-themes/cayman``).
PAGES_THEMES = frozenset(
    "architect cayman dinky hacker leap-day merlot midnight minimal modernist primer slate tactile time-machine".split()
)
_GEM_DIR = lazy_pattern(r"^(?P<name>.+)-(?P<version>\d[\w.]*)$")
_REMOTE = lazy_pattern(r"\A(?:https?://github\.com/)?(?P<owner>[a-z0-9-]+)/(?P<repo>[a-z0-9._-]+)(?:@(?P<ref>[a-z0-9._-]+))?\Z")


@dataclass(frozen=True)
class Theme:
    """A theme's files: ``_layouts``, ``_includes``, ``_sass``, ``assets`` and ``_data`` under *root*."""

    name: str
    root: str
    version: str = ""
    #: the gems its gemspec requires at run time, which Jekyll requires with the theme
    dependencies: tuple[str, ...] = ()

    def path_for(self, folder: str) -> Optional[str]:
        """*folder* of the theme if it is a directory that resolves inside the theme (Jekyll's rule)."""
        path = os.path.realpath(os.path.join(self.root, folder))
        root = os.path.realpath(self.root)
        if os.path.commonpath([path, root]) != root or not os.path.isdir(path):
            return None
        return path

    @property
    def includes_path(self) -> Optional[str]:
        return self.path_for("_includes")

    @property
    def layouts_path(self) -> Optional[str]:
        return self.path_for("_layouts")

    @property
    def sass_path(self) -> Optional[str]:
        return self.path_for("_sass")

    @property
    def assets_path(self) -> Optional[str]:
        return self.path_for("assets")

    @property
    def data_path(self) -> Optional[str]:
        return self.path_for("_data")


def cache_dir() -> str:
    """The download cache shared by every site of this user."""
    explicit = os.environ.get("LIQUIDSITE_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "liquidsite")


def locked_version(source: str, gem: str) -> Optional[str]:
    """The version of *gem* that the site's ``Gemfile.lock`` pins, if any."""
    try:
        with open(os.path.join(source, "Gemfile.lock"), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    found = re.search(rf"^    {re.escape(gem)} \(([^)]+)\)$", text, re.M)
    return found.group(1).split("-")[0] if found else None


def gem_directories(source: str) -> list[str]:
    """Where RubyGems and Bundler install gems, most specific first."""
    home = os.path.expanduser("~")
    roots = [os.environ.get("GEM_HOME", "")] + os.environ.get("GEM_PATH", "").split(os.pathsep)
    dirs = [os.path.join(root, "gems") for root in roots if root]
    patterns = [
        os.path.join(source, "vendor", "bundle", "ruby", "*", "gems"),
        os.path.join(home, ".gem", "ruby", "*", "gems"),
        os.path.join(home, ".local", "share", "gem", "ruby", "*", "gems"),
        "/var/lib/gems/*/gems",
        "/usr/local/lib/ruby/gems/*/gems",
        "/usr/lib/ruby/gems/*/gems",
        "/usr/share/rubygems-integration/all/gems",
    ]
    for pattern in patterns:
        dirs.extend(sorted(glob.glob(pattern), reverse=True))
    return [d for d in dict.fromkeys(dirs) if os.path.isdir(d)]


def _version_key(version: str) -> tuple[Any, ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[.]", version))


def installed_gem(source: str, gem: str, version: Optional[str]) -> Optional[Theme]:
    """The installed copy of *gem* (the pinned *version* if given, else the newest)."""
    found: list[tuple[str, str]] = []
    for directory in gem_directories(source):
        for entry in os.listdir(directory):
            match = _GEM_DIR.match(entry)
            if match and match.group("name") == gem:
                found.append((match.group("version"), os.path.join(directory, entry)))
    if version is not None:
        found = [item for item in found if item[0] == version]
    if not found:
        return None
    best_version, root = max(found, key=lambda item: _version_key(item[0]))
    spec = os.path.join(os.path.dirname(os.path.dirname(root)), "specifications", f"{gem}-{best_version}.gemspec")
    return Theme(gem, os.path.realpath(root), best_version, runtime_dependencies(spec, gem))


def runtime_dependencies(gemspec: str, gem: str) -> tuple[str, ...]:
    """The runtime dependencies a gemspec declares, Jekyll left out.

    An installed gemspec (RubyGems' generated form) lists them twice, as
    ``add_runtime_dependency`` and in a fallback branch as ``add_dependency``; a
    repository's own gemspec uses either spelling.
    """
    try:
        with open(gemspec, encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return ()
    kind = "add_runtime_dependency" if "add_runtime_dependency" in text else "add_dependency"
    found = re.finditer(rf"\.{kind}[ (]\s*(?:%q<([^>]+)>|[\"']([^\"']+)[\"'])", text)
    names = [match.group(1) or match.group(2) for match in found]
    return tuple(name for name in dict.fromkeys(names) if name not in ("jekyll", gem))


def gem_repository(gem: str) -> Optional[str]:
    """The GitHub repository a gem theme is published from, where known."""
    if gem in GEM_REPOSITORIES:
        return GEM_REPOSITORIES[gem]
    if gem.startswith("jekyll-theme-") and gem[len("jekyll-theme-"):] in PAGES_THEMES:
        return f"pages-themes/{gem[len('jekyll-theme-'):]}"
    return None


def download(owner: str, repo: str, ref: str, offline: bool = False) -> str:
    """The extracted archive of *owner/repo* at *ref*: from the cache, else downloaded into it.

    Raises OSError (with the URL) when it is neither cached nor downloadable.
    """
    target = os.path.join(cache_dir(), "themes", f"{owner}+{repo}@{ref.replace('/', '+')}")
    if os.path.isdir(target):
        return target
    base = os.environ.get(ARCHIVE_URL_ENV, DEFAULT_ARCHIVE_URL).rstrip("/")
    url = f"{base}/{owner}/{repo}/zip/{ref}"
    if offline:
        raise OSError(f"not downloading {url} with --offline")
    import zipfile

    try:
        response = net.get(url, timeout=DOWNLOAD_TIMEOUT, limit=MAX_ARCHIVE_BYTES)
        if not response.ok:
            raise OSError(f"HTTP {response.status}")
        archive = zipfile.ZipFile(io.BytesIO(response.body))
    except (OSError, zipfile.BadZipFile) as err:
        raise OSError(f"could not download {url}: {err}") from err
    os.makedirs(os.path.dirname(target), exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".download-", dir=os.path.dirname(target))
    try:
        for member in archive.infolist():
            parts = member.filename.split("/")[1:]  # drop GitHub's "repo-ref/" folder
            if not parts or not parts[-1] or ".." in parts or member.filename.startswith("/"):
                continue
            path = os.path.join(staging, *parts)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with archive.open(member) as src, open(path, "wb") as dst:
                shutil.copyfileobj(src, dst)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def resolve(config: dict[str, Any]) -> Optional[Theme]:
    """The site's theme: ``remote_theme`` (with jekyll-remote-theme enabled) or the gem of ``theme``.

    A remote theme that can be neither found in the cache nor downloaded stops the build,
    as jekyll-remote-theme does; a gem theme that cannot be found is reported in a warning
    and the site builds without it (Jekyll stops: it cannot install gems on its own either).
    """
    source = str(config["source"])
    plugins = [str(p) for p in config.get("plugins") or []]
    remote = config.get("remote_theme")
    if remote and "jekyll-remote-theme" in plugins:
        theme = _remote_theme(str(remote), bool(config.get("offline")))
        if theme is not None:
            config["theme"] = theme.name
        return theme
    name = config.get("theme")
    if name is None:
        return None
    if not isinstance(name, str):
        logger.warn("Theme:", f"value of 'theme' in config should be String to use gem-based themes, "
                              f"but got {type(name).__name__}")
        return None
    name = name.lower().strip()
    version = locked_version(source, name)
    found = installed_gem(source, name, version)
    if found is not None:
        return found
    repository = gem_repository(name)
    if repository is not None:
        owner, repo = repository.split("/")
        ref = f"v{version}" if version else "HEAD"
        try:
            root = download(owner, repo, ref, bool(config.get("offline")))
            return Theme(name, root, version or "", runtime_dependencies(os.path.join(root, f"{name}.gemspec"), name))
        except OSError as err:
            logger.warn("Theme:", f"{err}")
    logger.warn("Theme:", f"The {name} theme could not be found (no installed gem, cached or downloadable copy): "
                          "the site is built without its layouts, includes, Sass and assets.")
    return None


def _remote_theme(spec: str, offline: bool) -> Optional[Theme]:
    """jekyll-remote-theme's ``OWNER/REPO[@REF]`` (lower-cased; the ref defaults to ``master``)."""
    match = _REMOTE.match(spec.lower().strip())
    if match is None:
        logger.error("Remote Theme:", f"{spec.lower().strip()!r} is not a valid remote theme")
        return None
    owner, repo, ref = match.group("owner"), match.group("repo"), match.group("ref") or "master"
    logger.info("Remote Theme:", f"Using theme {owner}/{repo}")
    try:
        root = download(owner, repo, ref, offline)
    except OSError as err:
        raise FatalError(f"Remote theme {owner}/{repo}@{ref} is neither cached nor downloadable: {err}") from err
    gemspecs = [os.path.join(root, f"{name}.gemspec") for name in (repo, f"jekyll-theme-{repo}")]
    gemspec = next((path for path in gemspecs if os.path.isfile(path)), "")
    return Theme(repo, root, dependencies=runtime_dependencies(gemspec, repo) if gemspec else ())


def merge_theme_config(config: dict[str, Any], theme: Theme, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The theme's ``_config.yml`` under the site's (Jekyll's ``load_theme_configuration``)."""
    from .utils import deep_merge
    from .yamlio import load

    path = os.path.join(theme.root, "_config.yml")
    if config.get("ignore_theme_config") is True or not os.path.isfile(path) or os.path.islink(path):
        return config
    with open(path, encoding="utf-8") as handle:
        theme_config = load(handle.read(), path)
    if not isinstance(theme_config, dict):
        return config
    logger.info("Theme Config file:", path)
    theme_config = {key: value for key, value in theme_config.items() if key not in defaults}
    return deep_merge(theme_config, config)
