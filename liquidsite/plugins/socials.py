"""jekyll-socials 0.0.6: ``{% social_links %}`` writes a link per entry of ``_data/socials.yml``.

Each key the gem knows (``email``, ``github_username``, ``scholar_userid``,
...) becomes ``<a href='URL' title='Key name'>ICON</a>``, its URL made from the
value by the key's template; an entry may override the icon with ``logo:``
(an icon class, or an image URL), and keys the gem does not know need
``logo``, ``title`` and ``url``. Links are joined by one space, in the file's
order. As in the gem, a ``logo`` image given as a site path (no ``://``) is
an error: the gem fails on it with a Ruby ``NameError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, TextIO

from liquid.ast import Node
from liquid.tag import Tag

from ..liquid.ruby import scalar_to_s
from ..liquid.standard_filters import ruby_split
from ..liquid.tag_errors import JekyllTagError
from ..site_plugins import tag_markup
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..liquid.environment import JekyllEnvironment
    from ..site import Site

_ACADEMICONS = {
    "academia_edu": "academia", "acm_id": "acm", "arxiv_id": "arxiv", "cv_pdf": "cv", "dblp_url": "dblp",
    "hal_id": "hal", "ieee_id": "ieee", "inspirehep_id": "inspire", "lattes_id": "lattes", "orcid_id": "orcid",
    "osf_id": "osf", "publons_id": "publons", "research_gate_profile": "researchgate",
    "scholar_userid": "google-scholar", "scopus_id": "scopus", "semanticscholar_id": "semantic-scholar",
}
_FONT_AWESOME = {
    "blogger_url": "fa-brands fa-blogger-b", "bluesky_url": "fa-brands fa-bluesky",
    "discord_id": "fa-brands fa-discord", "email": "fa-solid fa-envelope", "facebook_id": "fa-brands fa-facebook",
    "flickr_id": "fa-brands fa-flickr", "github_username": "fa-brands fa-github",
    "gitlab_username": "fa-brands fa-gitlab", "instagram_id": "fa-brands fa-instagram",
    "kaggle_id": "fa-brands fa-kaggle", "keybase_username": "fa-brands fa-keybase",
    "lastfm_id": "fa-brands fa-lastfm", "letterboxd_id": "fa-brands fa-square-letterboxd",
    "linkedin_username": "fa-brands fa-linkedin", "mastodon_username": "fa-brands fa-mastodon",
    "medium_username": "fa-brands fa-medium", "pinterest_id": "fa-brands fa-pinterest",
    "quora_username": "fa-brands fa-quora", "rss_icon": "fa-solid fa-square-rss",
    "spotify_id": "fa-brands fa-spotify", "stackoverflow_id": "fa-brands fa-stack-overflow",
    "strava_userid": "fa-brands fa-strava", "telegram_username": "fa-brands fa-telegram",
    "unsplash_id": "fa-brands fa-unsplash", "wechat_username": "fa-brands fa-weixin",
    "whatsapp_number": "fa-brands fa-whatsapp", "wikidata_id": "fa-solid fa-barcode",
    "wikipedia_id": "fa-brands fa-wikipedia-w", "work_url": "fa-solid fa-briefcase",
    "x_username": "fa-brands fa-x-twitter", "youtube_id": "fa-brands fa-youtube",
    "zotero_username": "fa-brands fa-zotero",
}
#: key -> the icon the gem writes for it
ICONS: dict[str, str] = {
    **{key: f"<i class='ai ai-{name}'></i>" for key, name in _ACADEMICONS.items()},
    **{key: f"<i class='{classes}'></i>" for key, classes in _FONT_AWESOME.items()},
    "leetcode_id": "<i class='si si-leetcode'></i>",
}
#: key -> the link's URL, ``%s`` standing for the value
URLS: dict[str, str] = {
    "academia_edu": "https://%s.academia.edu/%s", "acm_id": "https://dl.acm.org/profile/%s/",
    "arxiv_id": "https://arxiv.org/a/%s.html", "blogger_url": "%s", "bluesky_url": "%s", "cv_pdf": "%s",
    "dblp_url": "%s", "discord_id": "https://discord.com/users/%s", "email": "mailto:%s",
    "facebook_id": "https://facebook.com/%s", "flickr_id": "https://www.flickr.com/%s",
    "github_username": "https://github.com/%s", "gitlab_username": "https://gitlab.com/%s",
    "hal_id": "https://cv.hal.science/%s", "ieee_id": "https://ieeexplore.ieee.org/author/%s/",
    "inspirehep_id": "https://inspirehep.net/authors/%s", "instagram_id": "https://instagram.com/%s",
    "kaggle_id": "https://www.kaggle.com/%s", "keybase_username": "https://keybase.io/%s",
    "lastfm_id": "https://www.last.fm/user/%s", "lattes_id": "http://lattes.cnpq.br/%s",
    "leetcode_id": "https://leetcode.com/u/%s/", "letterboxd_id": "https://letterboxd.com/%s",
    "linkedin_username": "https://www.linkedin.com/in/%s", "mastodon_username": "https://%s",
    "medium_username": "https://medium.com/@%s", "orcid_id": "https://orcid.org/%s",
    "osf_id": "https://osf.io/%s/", "pinterest_id": "https://www.pinterest.com/%s",
    "publons_id": "https://publons.com/a/%s/", "quora_username": "https://www.quora.com/profile/%s",
    "research_gate_profile": "https://www.researchgate.net/profile/%s/", "rss_icon": "%s",
    "scholar_userid": "https://scholar.google.com/citations?user=%s",
    "scopus_id": "https://www.scopus.com/authid/detail.uri?authorId=%s",
    "semanticscholar_id": "https://www.semanticscholar.org/author/%s", "spotify_id": "https://open.spotify.com/user/%s",
    "stackoverflow_id": "https://stackoverflow.com/users/%s", "strava_userid": "https://www.strava.com/athletes/%s",
    "telegram_username": "https://telegram.me/%s", "unsplash_id": "https://unsplash.com/@%s",
    "wechat_username": "weixin://dl/chat?%s", "whatsapp_number": "https://wa.me/%s",
    "wikidata_id": "https://www.wikidata.org/wiki/%s", "wikipedia_id": "https://wikipedia.org/wiki/User:%s",
    "work_url": "%s", "x_username": "https://twitter.com/%s", "youtube_id": "https://youtube.com/@%s",
    "zotero_username": "https://www.zotero.org/%s",
}
_IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "gif", "webp", "svg")


def _title(key: str) -> str:
    """Ruby's ``key.gsub('_', ' ').capitalize``."""
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:].lower()


def _field(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, Mapping) else None


def _url(key: str, value: Any, baseurl: str, custom_logo: bool) -> str:
    """The link for a built-in key; with a custom logo the value is the entry's ``value`` (or own-key) field."""
    template = URLS[key]
    if key == "academia_edu":
        return template % (scalar_to_s(_field(value, "organization")), scalar_to_s(_field(value, "username")))
    if key == "rss_icon":
        return template % (baseurl + "/feed.xml")
    if custom_logo and isinstance(value, Mapping):
        value = value.get("value") or value.get(key)
    text = scalar_to_s(value)
    if key == "cv_pdf":
        return text if "://" in text else baseurl + text
    return template % text


def _logo(logo: Any, alt: str) -> str:
    """A custom ``logo:``: an image for an image URL, else an icon with those classes."""
    logo_value = scalar_to_s(logo)
    parts = ruby_split(logo_value, ".")
    extension = parts[-1].lower() if parts else ""
    if extension not in _IMAGE_EXTENSIONS:
        return f"<i class='{logo_value}'></i>"
    if "://" not in logo_value:
        raise JekyllTagError(f"undefined local variable or method `relative_url' (social_links logo {logo_value!r})")
    if extension == "svg":
        return f"<svg><image xlink:href='{logo_value}' /></svg>"
    return f"<img src='{logo_value}' alt='{alt}'>"


def social_link(key: str, value: Any, baseurl: str) -> str:
    if key in ICONS and key in URLS:
        title = _title(key)
        logo = _field(value, "logo")
        icon = _logo(logo, title) if logo else ICONS[key]
        return f"<a href='{_url(key, value, baseurl, bool(logo))}' title='{title}'>{icon}</a>"
    if not isinstance(value, Mapping) or not value.get("logo"):
        raise JekyllTagError(f"undefined method `split' for nil:NilClass (social_links entry '{key}' needs a logo)")
    title = scalar_to_s(value.get("title"))
    return f"<a href='{scalar_to_s(value.get('url'))}' title='{title}'>{_logo(value['logo'], title)}</a>"


def social_links(site: "Site") -> str:
    socials = site.data.get("socials") or {}
    baseurl = scalar_to_s(site.config.get("baseurl"))
    entries = socials.items() if isinstance(socials, Mapping) else []
    return " ".join(social_link(str(key), value, baseurl) for key, value in entries)


class SocialLinksNode(Node):
    __slots__ = ("site",)

    def __init__(self, token: Any, site: "Site") -> None:
        super().__init__(token)
        self.site = site
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        return buffer.write(social_links(self.site))


class SocialLinksTag(Tag):
    name = "social_links"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        token, _markup = tag_markup(stream)
        return SocialLinksNode(token, self.env.site)  # type: ignore[attr-defined]


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(SocialLinksTag)


PLUGIN = BuiltinPlugin("jekyll-socials", register_liquid=register_liquid)
