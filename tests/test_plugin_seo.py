"""jekyll-seo-tag 2.8.0 built in; expected output observed from Jekyll 4.3.1 with the gem."""

from __future__ import annotations

from conftest import golden_tree

SEO = {
    '_config.yml': (
        "title: Ann's Lab\n"
        'description: We study *things* & stuff\n'
        'url: https://example.org\n'
        'baseurl: /lab\n'
        'author: ann\n'
        'lang: en-GB\n'
        'twitter:\n'
        "  username: '@annlab'\n"
        '  card: summary\n'
        'facebook:\n'
        '  admins: ann.fb\n'
        '  app_id: 123\n'
        'logo: /img/logo one.png\n'
        'social:\n'
        '  name: Ann Org\n'
        '  links: [https://twitter.com/annlab, https://github.com/ann]\n'
        'webmaster_verifications:\n'
        '  google: g123\n'
        '  bing: b456\n'
        'plugins: [jekyll-seo-tag]\n'
        'timezone: UTC\n'
        'time: 2024-06-01 12:00:00 +0000\n'
    ),
    '_data/authors.yml': (
        'ann:\n'
        '  name: Ann Author\n'
        '  twitter: ann_t\n'
        '  url: https://ann.example.org\n'
    ),
    '_layouts/default.html': (
        '<head>\n'
        '{% seo %}</head>\n'
        '{{ content }}'
    ),
    '_layouts/notitle.html': '<head>{% seo title=false %}</head>\n',
    'index.html': (
        '---\n'
        'layout: default\n'
        '---\n'
        'home\n'
    ),
    'about.md': (
        '---\n'
        'layout: notitle\n'
        'title: About me\n'
        '---\n'
        'about\n'
    ),
    '_posts/2024-02-03-a-post.md': (
        '---\n'
        'layout: default\n'
        'title: "A & B\'s <x>"\n'
        'description: Short *desc*\n'
        'last_modified_at: 2024-03-01\n'
        'author:\n'
        '  name: Bob\n'
        "  twitter: '@bobby'\n"
        '  type: Person\n'
        '  url: https://bob.example.org\n'
        'image:\n'
        '  path: /img/post pic.png\n'
        '  height: 100\n'
        '  width: 200\n'
        '  alt: A picture\n'
        'twitter:\n'
        '  card: summary_large_image\n'
        '---\n'
        'Post body with "quotes".\n'
    ),
    '_posts/2024-04-05-plain.md': (
        '---\n'
        'layout: default\n'
        'authors: [Carol]\n'
        'image: https://cdn.example.org/x.png\n'
        '---\n'
        'First paragraph of the plain post.\n'
        '\n'
        'Second.\n'
    ),
    'other.md': (
        '---\n'
        'layout: default\n'
        'title: Other\n'
        'canonical_url: https://canon.example.org/other\n'
        'locale: fr-FR\n'
        'seo:\n'
        '  type: CreativeWork\n'
        '  name: Other Name\n'
        '  links: [https://x.example.org]\n'
        '  date_modified: 2024-05-05\n'
        '---\n'
        'other\n'
    ),
}

SEO_EXPECTED = golden_tree("seo/full")

SEO_BARE = {
    '_config.yml': 'plugins: [jekyll-seo-tag]\n',
    'index.html': (
        '---\n'
        '---\n'
        '{% seo %}'
    ),
    'page.md': (
        '---\n'
        'title: Just a page\n'
        '---\n'
        '{% seo %}\n'
    ),
}

SEO_BARE_EXPECTED = golden_tree("seo/bare")



def test_seo_tag_on_home_about_posts_and_pages_with_full_site_metadata(build_site):
    built = build_site(SEO)
    assert built.code == 0, built.log
    assert built.files == SEO_EXPECTED


def test_seo_tag_with_no_site_metadata(build_site):
    built = build_site(SEO_BARE)
    assert built.code == 0, built.log
    assert built.files == SEO_BARE_EXPECTED


SEO_EDGE = {
    '_config.yml': (
        "title: ''\n"
        'name: Named Site\n'
        'tagline: A *tag* line\n'
        'description: Desc\n'
        'twitter: plainstring\n'
        'logo: https://cdn.example.org/logo.png\n'
        'google_site_verification: gsv\n'
        "url: ''\n"
        'locale: de-DE\n'
        'author:\n'
        '  name: Org Inc\n'
        '  type: Organization\n'
        "  twitter: '@org'\n"
        'plugins: [jekyll-seo-tag]\n'
        'timezone: UTC\n'
        'time: 2024-06-01 12:00:00 +0000\n'
    ),
    'index.md': (
        '---\n'
        'title: Named Site\n'
        '---\n'
        '{% seo %}\n'
    ),
    'about/index.html': (
        '---\n'
        'author: Zed\n'
        'image:\n'
        '  twitter: tw.png\n'
        '  alt: Alt "text"\n'
        '---\n'
        '{% seo title=FALSE %}'
    ),
    'bad-author.html': (
        '---\n'
        'title: "<em>Bad</em> author"\n'
        'author:\n'
        '  name: Thing\n'
        '  type: Robot\n'
        '  url: https://r.example.org\n'
        '---\n'
        '{% seo %}'
    ),
    '_posts/2024-03-03-excerpted.md': (
        '---\n'
        '---\n'
        'First *para* with [link](/x).\n'
        '\n'
        'Second.\n'
        '\n'
        '{% seo %}\n'
    ),
}

SEO_EDGE_EXPECTED = golden_tree("seo/edge")


def test_site_name_tagline_organisation_author_image_without_path_and_post_excerpt(build_site):
    built = build_site(SEO_EDGE)
    assert built.code == 0, built.log
    assert built.files == SEO_EDGE_EXPECTED


MINIMA_HEAD = {
    '_config.yml': (
        'title: Blog\n'
        'author:\n'
        '  name: A\n'
        '  email: a@x.org\n'
        'url: http://x.org\n'
        'plugins: [jekyll-feed, jekyll-seo-tag]\n'
        'time: 2024-06-01 12:00:00 +0000\n'
        'timezone: UTC\n'
    ),
    '_layouts/default.html': (
        '<head>\n'
        '  {%- seo -%}\n'
        '  {%- feed_meta -%}\n'
        '  <x>\n'
        '</head>{{ content }}\n'
    ),
    'index.md': (
        '---\n'
        'layout: default\n'
        '---\n'
        'Home\n'
    ),
    '_posts/2024-01-01-hello.md': (
        '---\n'
        'layout: default\n'
        'title: Hello\n'
        '---\n'
        'Hi\n'
    ),
}

MINIMA_HEAD_EXPECTED = golden_tree("seo/minima_head")


def test_whitespace_control_around_seo_and_feed_meta_as_in_minima(build_site):
    built = build_site(MINIMA_HEAD)
    assert built.code == 0, built.log
    assert built.files == MINIMA_HEAD_EXPECTED
