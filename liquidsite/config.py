"""Jekyll's configuration: defaults, config files merged left to right, CLI overrides."""

from __future__ import annotations

import copy
import os
import sys
from typing import Any, Mapping

from .encoding import read_utf8
from .errors import ConfigError
from .log import logger
from .utils import deep_merge, uniq
from . import yamlio

#: Jekyll 4.3's ``Configuration::DEFAULTS`` (source and destination filled in per run).
DEFAULTS: dict[str, Any] = {
    "source": None,
    "destination": None,
    "collections_dir": "",
    "cache_dir": ".jekyll-cache",
    "plugins_dir": "_plugins",
    "layouts_dir": "_layouts",
    "data_dir": "_data",
    "includes_dir": "_includes",
    "collections": {},
    "safe": False,
    "include": [".htaccess"],
    "exclude": [],
    "keep_files": [".git", ".svn"],
    "encoding": "utf-8",
    "markdown_ext": "markdown,mkdown,mkdn,mkd,md",
    "strict_front_matter": False,
    "show_drafts": None,
    "limit_posts": 0,
    "future": False,
    "unpublished": False,
    "whitelist": [],
    "plugins": [],
    "markdown": "kramdown",
    "highlighter": "rouge",
    "lsi": False,
    "excerpt_separator": "\n\n",
    "incremental": False,
    "detach": False,
    "port": "4000",
    "host": "127.0.0.1",
    "baseurl": None,
    "show_dir_listing": False,
    "permalink": "date",
    "paginate_path": "/page:num",
    "timezone": None,
    "quiet": False,
    "verbose": False,
    "defaults": [],
    "liquid": {"error_mode": "warn", "strict_filters": False, "strict_variables": False},
    "kramdown": {
        "auto_ids": True,
        "toc_levels": [1, 2, 3, 4, 5, 6],
        "entity_output": "as_char",
        "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
        "input": "GFM",
        "hard_wrap": False,
        "guess_lang": True,
        "footnote_nr": 1,
        "show_warnings": False,
    },
}

DEFAULT_EXCLUDES = [
    ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
]

STYLE_TO_PERMALINK = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}


def style_to_permalink(style: Any) -> str:
    return STYLE_TO_PERMALINK.get(str(style), str(style))


def _read_config_file(path: str, default_file: bool) -> dict[str, Any]:
    path = os.path.abspath(path)
    try:
        text = read_utf8(path)
    except OSError:
        if default_file:
            logger.warn("Configuration file:", "none")
            return {}
        logger.error("Fatal:", f"The configuration file '{path}' could not be found.")
        raise ConfigError(f"The Configuration file '{path}' could not be found.", path) from None
    if path.lower().endswith(".toml"):
        if sys.version_info < (3, 11):
            raise ConfigError(f"({path}): a TOML configuration file needs Python 3.11 or newer (tomllib)")
        else:
            import tomllib

            try:
                data: Any = tomllib.loads(text)
            except tomllib.TOMLDecodeError as err:
                raise ConfigError(f"({path}): {err}", path) from None
    else:
        try:
            data = yamlio.load(text, path)
        except yamlio.YAMLSyntaxError as err:
            raise ConfigError(str(err), err.path, err.line, err.column) from None
        data = {} if data is None else data
    if not isinstance(data, dict):
        logger.warn("WARNING:", "Error reading configuration. Using defaults (and options).")
        logger.warn("", f"Configuration file: (INVALID) {path}")
        return {}
    logger.info("Configuration file:", path)
    return {str(k): v for k, v in data.items()}


def config_files(source: str, files: str | list[str] | None) -> tuple[list[str], bool]:
    """The config files to read: ``--config a.yml,b.yml`` or the source's ``_config.yml``."""
    if isinstance(files, str):
        files = [f.strip() for f in files.split(",") if f.strip()]
    if files:
        return list(files), False
    for ext in ("yml", "yaml", "toml"):
        candidate = os.path.join(source, f"_config.{ext}")
        if os.path.exists(candidate):
            return [candidate], True
    return [os.path.join(source, "_config.yml")], True


def add_default_collections(config: dict[str, Any]) -> dict[str, Any]:
    """Every site has a ``posts`` collection, written, with the site's permalink style."""
    collections = config.get("collections")
    if collections is None:
        return config
    if isinstance(collections, list):
        collections = {str(name): {} for name in collections}
    if not isinstance(collections, dict):
        raise ConfigError("Your `collections` key must be a hash or an array.")
    collections = deep_merge({"posts": {}}, collections)
    posts = dict(collections.get("posts") or {})
    posts["output"] = True
    if config.get("permalink") and not posts.get("permalink"):
        posts["permalink"] = style_to_permalink(config["permalink"])
    collections["posts"] = posts
    config["collections"] = collections
    return config


def _validate(config: dict[str, Any]) -> None:
    for option in ("include", "exclude"):
        if option in config and not isinstance(config[option], list):
            raise ConfigError(f"'{option}' should be set as an array, but was: {config[option]!r}.")
    if "plugins" in config and not isinstance(config["plugins"], list):
        logger.error(
            "",
            "'plugins' should be set as an array of gem-names, but was: "
            f"{config['plugins']!r}. Use 'plugins_dir' instead to set the directory for your "
            "non-gemified Ruby plugins.",
        )
        raise ConfigError(f"'plugins' should be set as an array, but was: {config['plugins']!r}.")


#: CLI flag dest -> Jekyll configuration key.
_OPTION_KEYS = {
    "source": "source", "destination": "destination", "config": "config", "baseurl": "baseurl",
    "drafts": "show_drafts", "future": "future", "unpublished": "unpublished",
    "limit_posts": "limit_posts", "quiet": "quiet", "verbose": "verbose", "profile": "profile",
    "strict_front_matter": "strict_front_matter", "safe": "safe", "incremental": "incremental",
    "disable_disk_cache": "disable_disk_cache", "layouts": "layouts_dir", "plugins": "plugins_dir",
    "lsi": "lsi", "watch": "watch", "force_polling": "force_polling", "offline": "offline",
    "show_dir_listing": "show_dir_listing", "jobs": "jobs",
}


def overrides_from(args: object) -> dict[str, Any]:
    """The configuration overrides parsed command-line *args* ask for (unset flags are left out)."""
    overrides: dict[str, Any] = {}
    for dest, key in _OPTION_KEYS.items():
        value = getattr(args, dest, None)
        if value is not None:
            overrides[key] = value
    return overrides


def load_config(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``Jekyll.configuration(overrides)``: defaults < config files < overrides."""
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    cwd = os.getcwd()
    source = os.path.abspath(str(overrides.get("source") or cwd))
    logger.adjust_verbosity(quiet=bool(overrides.get("quiet")), verbose=bool(overrides.get("verbose")))
    config: dict[str, Any] = {}
    if not overrides.pop("skip_config_files", False):
        files, is_default = config_files(source, overrides.pop("config", None))
        for path in files:
            config = deep_merge(config, _read_config_file(path, is_default))
        _validate(config)
        config = add_default_collections(config)
    config = deep_merge(config, overrides)
    defaults = copy.deepcopy(DEFAULTS)
    defaults["source"] = cwd
    defaults["destination"] = os.path.join(cwd, "_site")
    config = add_default_collections(deep_merge(defaults, config))
    if config.get("exclude") is not None:
        config["exclude"] = uniq(list(config["exclude"]) + DEFAULT_EXCLUDES)
    config["source"] = os.path.abspath(str(config["source"]))
    config["destination"] = os.path.abspath(str(config["destination"]))
    if not os.path.isdir(config["source"]):  # Jekyll builds nothing and exits 0
        raise ConfigError(f"The source directory '{config['source']}' does not exist.")
    logger.adjust_verbosity(quiet=bool(config.get("quiet")), verbose=bool(config.get("verbose")))
    return config
