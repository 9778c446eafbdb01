#!/usr/bin/env python3
"""Benchmark: Liquid render time per page through an academicpages-like ``single`` layout chain.

Not a test: it reports numbers. A scratch site gets academicpages' layout
shape (``default`` wrapping ``single``: masthead navigation, author sidebar,
page meta with dates, tag/category lists, share links, related posts) and N
posts; every post is rendered through the chain with the build's one Liquid
renderer, so templates are parsed once and drops are shared, as in a build.

    python benchmarks/liquid_render.py --n 300
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from liquidsite.config import load_config  # noqa: E402
from liquidsite.site import Site  # noqa: E402

DEFAULT = """<!doctype html>
<html lang="{{ site.locale | slice: 0,2 | default: "en" }}" class="no-js">
<head><meta charset="utf-8">
<title>{% if page.title %}{{ page.title | strip_html | strip_newlines | escape }} - {% endif %}{{ site.title | escape }}</title>
<meta name="description" content="{{ page.excerpt | default: site.description | strip_html | normalize_whitespace | truncate: 160 | escape }}">
<link rel="canonical" href="{{ page.url | absolute_url }}">
<link rel="stylesheet" href="{{ '/assets/css/main.css' | relative_url }}">
</head>
<body>
<div class="masthead"><ul class="visible-links">
<li class="masthead__menu-item--lg"><a href="{{ '/' | relative_url }}">{{ site.title }}</a></li>
{% for link in site.data.navigation.main %}{% if link.url contains 'http' %}{% assign domain = '' %}{% else %}{% assign domain = site.url | append: site.baseurl %}{% endif %}
<li class="masthead__menu-item"><a href="{{ domain }}{{ link.url }}">{{ link.title }}</a></li>{% endfor %}
</ul></div>
{{ content }}
<div class="page__footer"><ul class="social-icons">
{% if site.author.github %}<li><a href="https://github.com/{{ site.author.github }}">GitHub</a></li>{% endif %}
<li><a href="{% if site.atom_feed.path %}{{ site.atom_feed.path }}{% else %}{{ '/feed.xml' | relative_url }}{% endif %}">Feed</a></li>
</ul>
<div class="page__footer-copyright">&copy; {{ site.time | date: '%Y' }} {{ site.name | default: site.title }}.</div></div>
</body></html>
"""

SINGLE = """---
layout: default
---
{% assign author = page.author | default: page.authors[0] | default: site.author %}
<div id="main" role="main">
<div class="sidebar sticky">
<div itemscope itemtype="http://schema.org/Person">
{% if author.avatar %}<div class="author__avatar"><img src="{% if author.avatar contains '://' %}{{ author.avatar }}{% else %}{{ author.avatar | prepend: '/images/' | prepend: base_path }}{% endif %}" alt="{{ author.name }}"></div>{% endif %}
<div class="author__content"><h3 class="author__name">{{ author.name }}</h3>{% if author.bio %}<p class="author__bio">{{ author.bio }}</p>{% endif %}</div>
<ul class="author__urls social-icons">
{% if author.location %}<li>{{ author.location }}</li>{% endif %}
{% if author.employer %}<li>{{ author.employer }}</li>{% endif %}
{% if author.email %}<li><a href="mailto:{{ author.email }}">Email</a></li>{% endif %}
{% if author.github %}<li><a href="https://github.com/{{ author.github }}">Github</a></li>{% endif %}
{% if author.googlescholar %}<li><a href="{{ author.googlescholar }}">Google Scholar</a></li>{% endif %}
</ul></div></div>
<article class="page" itemscope itemtype="http://schema.org/CreativeWork">
{% if page.title %}<meta itemprop="headline" content="{{ page.title | markdownify | strip_html | strip_newlines | escape_once }}">{% endif %}
{% if page.excerpt %}<meta itemprop="description" content="{{ page.excerpt | markdownify | strip_html | strip_newlines | escape_once }}">{% endif %}
{% if page.date %}<meta itemprop="datePublished" content="{{ page.date | date: "%B %d, %Y" }}">{% endif %}
<div class="page__inner-wrap"><header>
<h1 class="page__title" itemprop="headline">{{ page.title | markdownify | remove: "<p>" | remove: "</p>" }}</h1>
{% if page.read_time %}<p class="page__meta">{% assign words = content | strip_html | number_of_words %}{% if words < 180 %}less than 1 minute read{% elsif words == 180 %}1 minute read{% else %}{{ words | divided_by: 180 }} minute read{% endif %}</p>{% endif %}
{% if page.modified %}<p class="page__date"><strong>Published:</strong> <time datetime="{{ page.modified | date: "%Y-%m-%d" }}">{{ page.modified | date: "%B %d, %Y" }}</time></p>
{% elsif page.collection == 'posts' %}<p class="page__date"><strong>Published:</strong> <time datetime="{{ page.date | date_to_xmlschema }}">{{ page.date | date: "%B %d, %Y" }}</time></p>{% endif %}
</header>
<section class="page__content" itemprop="text">{{ content }}</section>
<footer class="page__meta">
{% if page.tags.size > 0 %}{% assign tag_hashes = page.tags | sort_natural %}<p class="page__taxonomy"><strong>Tags:</strong>
<span itemprop="keywords">{% for hash in tag_hashes %}{% assign keyValue = hash | split: '#' %}{% capture tag_word %}{{ keyValue[1] | strip_newlines }}{% endcapture %}<a href="{{ tag_word | slugify | prepend: '/tags/#' | relative_url }}" class="page__taxonomy-item" rel="tag">{{ hash }}</a>{% unless forloop.last %}, {% endunless %}{% endfor %}</span></p>{% endif %}
{% if page.categories.size > 0 %}<p class="page__taxonomy"><strong>Categories:</strong>{% for category in page.categories %}<a href="{{ category | slugify | prepend: '/categories/#' | relative_url }}">{{ category }}</a>{% unless forloop.last %}, {% endunless %}{% endfor %}</p>{% endif %}
</footer>
<section class="page__share"><a href="https://twitter.com/intent/tweet?{% if site.twitter.username %}via={{ site.twitter.username | url_encode }}&{% endif %}text={{ page.title | url_encode }}%20{{ base_path }}{{ page.url | url_encode }}">Twitter</a>
<a href="https://www.facebook.com/sharer/sharer.php?u={{ base_path }}{{ page.url }}">Facebook</a></section>
<nav class="pagination">{% if page.previous %}<a href="{{ base_path }}{{ page.previous.url }}" class="pagination--pager">Previous</a>{% endif %}{% if page.next %}<a href="{{ base_path }}{{ page.next.url }}" class="pagination--pager">Next</a>{% endif %}</nav>
</div></article>
<div class="page__related"><h4 class="page__related-title">You May Also Enjoy</h4>
<div class="grid__wrapper">{% for post in site.posts limit:4 %}{% if post.id != page.id %}
<div class="archive__item"><h2 class="archive__item-title"><a href="{{ base_path }}{{ post.url }}">{{ post.title }}</a></h2>
<p class="page__meta"><i class="fa fa-clock-o"></i> {{ post.date | date: "%B %d, %Y" }}</p>
{% if post.excerpt %}<p class="archive__item-excerpt">{{ post.excerpt | markdownify | strip_html | truncate: 160 }}</p>{% endif %}</div>{% endif %}{% endfor %}</div></div>
</div>
"""


def write_site(root: str, count: int) -> None:
    os.makedirs(os.path.join(root, "_layouts"))
    os.makedirs(os.path.join(root, "_posts"))
    os.makedirs(os.path.join(root, "_data"))
    with open(os.path.join(root, "_config.yml"), "w", encoding="utf-8") as handle:
        handle.write("title: Jane Doe\nurl: https://jane.github.io\nbaseurl: ''\ntimezone: UTC\nlocale: en-US\n"
                     "author:\n  name: Jane Doe\n  avatar: profile.png\n  bio: Researcher\n  location: Earth\n"
                     "  employer: University\n  email: jane@example.com\n  github: jane\n"
                     "  googlescholar: https://scholar.google.com/\n"
                     "defaults:\n  - scope: {path: '', type: posts}\n    values: {layout: single, read_time: true}\n")
    with open(os.path.join(root, "_data", "navigation.yml"), "w", encoding="utf-8") as handle:
        handle.write("main:\n" + "".join(f"  - title: Section {i}\n    url: /section-{i}/\n" for i in range(6)))
    with open(os.path.join(root, "_layouts", "default.html"), "w", encoding="utf-8") as handle:
        handle.write(DEFAULT)
    with open(os.path.join(root, "_layouts", "single.html"), "w", encoding="utf-8") as handle:
        handle.write(SINGLE)
    for index in range(count):
        day = 1 + index % 28
        month = 1 + (index // 28) % 12
        with open(os.path.join(root, "_posts", f"2023-{month:02d}-{day:02d}-post-{index}.md"), "w",
                  encoding="utf-8") as handle:
            handle.write(f"---\ntitle: Post {index}\ntags: [alpha, beta, gamma]\ncategories: [research]\n---\n"
                         f"A paragraph about result {index} with *emphasis* and a [link](https://example.com).\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of posts (default 300)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        write_site(root, args.n)
        site = Site(load_config({"source": root, "destination": os.path.join(root, "_site"), "quiet": True}))
        site.read()
        site.generate()
        renderer = site.renderer
        docs = list(site.posts.docs)
        from liquidsite.liquid.drops import DocumentDrop

        payloads = {}
        for doc in docs:
            payloads[doc.relative_path] = renderer.payload(DocumentDrop(doc), None, doc)
            content = renderer.render_liquid(doc.content, payloads[doc.relative_path], doc.relative_path)
            doc.content = renderer.convert(doc, content)
        # Pass 1 is a build's first use (parsing and compiling templates, regex
        # compilation, Markdown caches filling); later passes are the steady per-page
        # cost, reported as the best of five so that a busy machine's noise drops out.
        timings = []
        for _ in range(6):
            started = time.perf_counter()
            for doc in docs:
                renderer.place_in_layouts(doc, doc.content, payloads[doc.relative_path])
            timings.append(time.perf_counter() - started)
        for label, elapsed in (("first pass", timings[0]), ("steady state (best of 5)", min(timings[1:]))):
            print(f"{label}: {len(docs)} pages through single -> default: "
                  f"{elapsed:.3f} s, {elapsed / len(docs) * 1000:.3f} ms/page")

if __name__ == "__main__":
    main()
