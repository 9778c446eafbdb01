"""jekyll-github-metadata 2.16: ``site.github`` without the network.

The repository comes from ``$PAGES_REPO_NWO``, then ``repository:`` in the
config, then (in development and test) the ``origin`` remote of the git
repository in the working directory. Values follow the gem as it runs with
``PAGES_DISABLE_NETWORK``: everything derived from the repository name and
the ``PAGES_*`` environment variables is computed as the gem does; what only
the GitHub API knows is empty (``nil``, ``false`` or ``[]``, as the gem
returns then). Like the gem, it falls back on the repository for
``site.title``, and in production for ``site.url`` and ``site.baseurl``.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Optional

from ..errors import FatalError
from ..liquid.drops import Drop
from ..log import logger
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..hooks import Hooks
    from ..site import Site

_PAGES_DEFAULTS = {
    "PAGES_ENV": "development",
    "PAGES_API_URL": "https://api.github.com",
    "PAGES_HELP_URL": "https://docs.github.com",
    "PAGES_GITHUB_HOSTNAME": "github.com",
    "PAGES_PAGES_HOSTNAME": "github.io",
    "SSL": "false",
    "SUBDOMAIN_ISOLATION": "false",
}
_OWNER_FIELDS = (
    "avatar_url", "bio", "blog", "collaborators", "company", "created_at", "description", "email",
    "followers", "following", "has_organization_projects", "has_repository_projects", "hireable",
    "html_url", "id", "is_verified", "location", "login", "name", "node_id", "public_gists",
    "public_repos", "type", "updated_at",
)
NO_REPOSITORY = (
    "No repo name found. Specify using PAGES_REPO_NWO environment variables, 'repository' in your "
    "configuration, or set up an 'origin' git remote pointing to your github.com repository."
)


def _env_var(key: str, fallback: Optional[str] = None) -> str:
    value = os.environ.get(key, "")
    if value:
        return value
    return fallback if fallback is not None else _PAGES_DEFAULTS[key]


def _trim_slash(url: str) -> str:
    return url[:-1] if url.endswith("/") else url


class Pages:
    """The gem's ``Pages``: which GitHub instance the build is for, from the environment."""

    @property
    def env(self) -> str:
        return _env_var("PAGES_ENV", os.environ.get("JEKYLL_ENV") or None)

    @property
    def test(self) -> bool:
        return self.env == "test"

    @property
    def dotcom(self) -> bool:
        return self.env == "dotcom"

    @property
    def enterprise(self) -> bool:
        return self.env == "enterprise"

    @property
    def scheme(self) -> str:
        return "https" if _env_var("SSL") == "true" or self.test else "http"

    @property
    def custom_domains_enabled(self) -> bool:
        return self.dotcom or self.test

    @property
    def github_hostname(self) -> str:
        return _trim_slash(_env_var("PAGES_GITHUB_HOSTNAME", os.environ.get("GITHUB_HOSTNAME") or None))

    @property
    def pages_hostname(self) -> str:
        fallback = os.environ.get("PAGES_HOSTNAME") or ("localhost:4000" if self.env == "development" else None)
        return _trim_slash(_env_var("PAGES_PAGES_HOSTNAME", fallback))

    @property
    def github_url(self) -> str:
        if self.dotcom or self.github_hostname == "github.com":
            return "https://github.com"
        return f"{self.scheme}://{self.github_hostname}"

    @property
    def api_url(self) -> str:
        return _trim_slash(_env_var("PAGES_API_URL", os.environ.get("API_URL") or None))

    @property
    def help_url(self) -> str:
        return _trim_slash(_env_var("PAGES_HELP_URL", os.environ.get("HELP_URL") or None))


def _git(*args: str) -> str:
    """Output of a git command in the working directory, "" when git or the repository is missing."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def nwo_from_git_remote(pages: Pages) -> Optional[str]:
    """``owner/name`` from the ``origin`` remote's URL."""
    urls = [
        re.sub(r"\Aorigin\t(.*) \([a-z]+\)", r"\1", line)
        for line in _git("remote", "--verbose").strip().split("\n")
        if line.startswith("origin\t")
    ]
    url = urls[0] if urls else ""
    if url.endswith(".git"):
        url = url[:-4]
    match = re.search(re.escape(pages.github_hostname) + r"(:|/)([\w-]+)/([\w.-]+)", url, re.ASCII)
    return f"{match.group(2)}/{match.group(3)}" if match else None


def find_nwo(config: Mapping[str, Any], pages: Pages) -> Optional[str]:
    """``$PAGES_REPO_NWO``, the config's ``repository``, then the origin remote (development/test)."""
    if os.environ.get("PAGES_REPO_NWO"):
        return os.environ["PAGES_REPO_NWO"]
    repository = config.get("repository")
    if isinstance(repository, str) and "/" in repository:
        return repository
    if os.environ.get("JEKYLL_ENV", "development") in ("development", "test"):
        return nwo_from_git_remote(pages)
    return None


class Repository:
    """What the gem derives from ``owner/name`` alone (no API answers)."""

    def __init__(self, nwo: str, pages: Pages) -> None:
        self.nwo = nwo
        self.owner = nwo.split("/")[0]
        self.name = nwo.split("/")[-1]
        self.pages = pages

    @property
    def owner_url(self) -> str:
        return f"{self.pages.github_url}/{self.owner}"

    @property
    def repository_url(self) -> str:
        return f"{self.owner_url}/{self.name}"

    @property
    def default_user_domain(self) -> str:
        if not self.pages.enterprise and self.owner == "github":
            return f"{self.owner}.{self.pages.github_hostname}".lower()
        if self.pages.enterprise:
            return self.pages.pages_hostname.lower()
        return f"{self.owner}.{self.pages.pages_hostname}".lower()

    @property
    def user_page(self) -> bool:
        if self.pages.enterprise:
            return self.name.lower() == f"{self.owner.lower()}.{self.pages.github_hostname}"
        return self.name.lower() in (self.default_user_domain, f"{self.owner}.github.com".lower())

    @property
    def git_ref(self) -> str:
        return "master" if self.user_page else "gh-pages"

    @property
    def domain(self) -> str:
        if not self.pages.custom_domains_enabled:
            return self.pages.github_hostname
        return self.default_user_domain

    @property
    def url_scheme(self) -> str:
        if self.pages.enterprise:
            return self.pages.scheme
        if self.owner == "github" and self.domain.endswith(".github.com"):
            return "https"
        return "http"

    @property
    def html_url(self) -> str:
        pages = self.pages
        if not pages.custom_domains_enabled:
            path = self.owner if self.user_page else self.nwo
            if _env_var("SUBDOMAIN_ISOLATION") == "true":
                url = f"{pages.scheme}://{pages.pages_hostname}/{path}"
            else:
                url = f"{pages.github_url}/pages/{path}"
        elif self.user_page:
            url = f"{self.url_scheme}://{self.domain}"
        else:
            url = f"{self.url_scheme}://{self.domain}/{self.name}"
        return url[:-1] if url.endswith("/") else url

    @property
    def url_without_path(self) -> str:
        match = re.match(r"\A([a-z][a-z0-9+.-]*://[^/?#]*)", self.html_url, re.I)
        return match.group(1) if match else self.html_url

    @property
    def baseurl(self) -> str:
        rest = self.html_url[len(self.url_without_path):]
        return rest.split("?")[0].split("#")[0]


def build_revision() -> str:
    return os.environ.get("JEKYLL_BUILD_REVISION") or _git("rev-parse", "HEAD").strip()


class GitHubDrop(Drop):
    """``site.github``: the gem's MetadataDrop, with the config's ``github:`` hash on top."""

    def __init__(self, config: Mapping[str, Any], overrides: Mapping[str, Any]) -> None:
        super().__init__()
        self._config = config
        self._overrides = dict(overrides)
        self._pages = Pages()
        self._repository: Optional[Repository] = None

    @property
    def repository(self) -> Repository:
        if self._repository is None:
            nwo = find_nwo(self._config, self._pages)
            if nwo is None:
                raise FatalError(NO_REPOSITORY)
            self._repository = Repository(nwo, self._pages)
        return self._repository

    def _properties(self) -> dict[str, Callable[[], Any]]:
        pages = self._pages
        repo = lambda: self.repository  # noqa: E731 - looked up only when a key needs it
        return {
            "environment": lambda: pages.env,
            "pages_env": lambda: pages.env,
            "hostname": lambda: pages.github_hostname,
            "pages_hostname": lambda: pages.pages_hostname,
            "api_url": lambda: pages.api_url,
            "help_url": lambda: pages.help_url,
            "versions": dict,
            "public_repositories": list,
            "organization_members": lambda: None,
            "build_revision": build_revision,
            "project_title": lambda: repo().name,
            "project_tagline": lambda: None,
            "owner": lambda: dict.fromkeys(_OWNER_FIELDS),
            "owner_name": lambda: repo().owner,
            "owner_display_name": lambda: None,
            "owner_url": lambda: repo().owner_url,
            "owner_gravatar_url": lambda: f"{repo().owner_url}.png",
            "repository_url": lambda: repo().repository_url,
            "repository_nwo": lambda: repo().nwo,
            "repository_name": lambda: repo().name,
            "zip_url": lambda: f"{repo().repository_url}/zipball/{repo().git_ref}",
            "tar_url": lambda: f"{repo().repository_url}/tarball/{repo().git_ref}",
            "clone_url": lambda: f"{repo().repository_url}.git",
            "releases_url": lambda: f"{repo().repository_url}/releases",
            "issues_url": lambda: None,
            "wiki_url": lambda: None,
            "language": lambda: None,
            "is_user_page": lambda: repo().user_page,
            "is_project_page": lambda: not repo().user_page,
            "show_downloads": lambda: None,
            "url": lambda: repo().html_url,
            "baseurl": lambda: repo().baseurl,
            "contributors": lambda: False,
            "releases": lambda: False,
            "latest_release": lambda: False,
            "private": lambda: None,
            "archived": lambda: None,
            "disabled": lambda: None,
            "license": lambda: None,
            "source": lambda: {"branch": repo().git_ref, "path": "/"},
        }

    def __getitem__(self, key: str) -> Any:
        if key in self._overrides:
            return self._overrides[key]
        return super().__getitem__(key)

    def _fallback(self) -> Mapping[str, Any]:
        return self._overrides

    def keys(self) -> list[str]:  # type: ignore[override]
        return sorted(set(super().keys()))


def _truthy(value: Any) -> bool:
    """Ruby's truthiness: only nil and false are false."""
    return value is not None and value is not False


def _after_init(site: "Site") -> None:
    """The gem's title fallback, and in production its ``url``/``baseurl`` fallbacks."""
    config = site.config
    pages = Pages()
    production = os.environ.get("JEKYLL_ENV", "development") == "production"
    needs_url = production or bool(os.environ.get("PAGE_BUILD_ID"))
    if _truthy(config.get("title")) and not needs_url:
        return
    nwo = find_nwo(config, pages)
    if _truthy(config.get("name")) and not _truthy(config.get("title")):
        logger.warn(
            "GitHub Metadata:",
            "site.name is set in _config.yml, but many plugins and themes expect site.title to be "
            "used instead. To avoid potential inconsistency, Jekyll GitHub Metadata will not set "
            "site.title to the repository's name.",
        )
    elif not _truthy(config.get("title")) and nwo is not None:
        repository = Repository(nwo, pages)
        config["title"] = repository.name if not repository.user_page else repository.owner
    if needs_url and nwo is not None:
        repository = Repository(nwo, pages)
        if not _truthy(config.get("url")):
            config["url"] = repository.url_without_path
        if config.get("baseurl") in (None, "/"):
            config["baseurl"] = repository.baseurl


class _Injector:
    """Sets ``site.github`` for the render and puts the config's own value back afterwards."""

    def __init__(self) -> None:
        self.original: dict[int, Any] = {}

    def pre_render(self, site: "Site", payload: Any) -> None:
        original = site.config.get("github")
        self.original[id(site)] = original
        if original is None or isinstance(original, Mapping):
            site.config["github"] = GitHubDrop(site.config, original or {})

    def post_render(self, site: "Site", payload: Any) -> None:
        site.config["github"] = self.original.pop(id(site), None)
        if site.config["github"] is None:
            del site.config["github"]


def register_hooks(hooks: "Hooks") -> None:
    injector = _Injector()
    hooks.register("site", "after_init", _after_init)
    hooks.register("site", "pre_render", injector.pre_render)
    hooks.register("site", "post_render", injector.post_render)


PLUGIN = BuiltinPlugin("jekyll-github-metadata", register_hooks=register_hooks)
