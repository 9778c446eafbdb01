"""Which plugins a build enables, as Jekyll 4.3.1 decides (observed with the gems installed)."""

from __future__ import annotations

SITE = {
    "_config.yml": "plugins: [jekyll-sitemap, jekyll-feed]\nwhitelist: [jekyll-feed]\n",
    "index.html": "---\n---\nhi\n",
}


def test_plugins_listed_are_enabled(build_site):
    built = build_site(SITE)
    assert built.code == 0, built.log
    assert sorted(built.files) == ["feed.xml", "index.html", "robots.txt", "sitemap.xml"]


def test_safe_mode_enables_only_whitelisted_plugins(build_site):
    built = build_site(SITE, "--safe")
    assert built.code == 0, built.log
    assert sorted(built.files) == ["feed.xml", "index.html"]


def test_the_jekyll_3_gems_key_is_no_longer_read(build_site):
    built = build_site({"_config.yml": "gems: [jekyll-sitemap]\n", "index.html": "---\n---\nhi\n"})
    assert built.code == 0, built.log
    assert sorted(built.files) == ["index.html"]
