"""Fixture sites for the build tests (written for this project; outputs observed from Jekyll 4.3.1)."""

LISTING = (
    "---\n---\n"
    "pages:{% for p in site.pages %} {{ p.url }}{% endfor %}\n"
    "static:{% for s in site.static_files %} {{ s.path }}{% endfor %}\n"
    "posts:{% for p in site.posts %} {{ p.url }}{% endfor %}\n"
)

ENTRY_FILTERING = {
    "_config.yml": "exclude:\n  - secret.txt\n  - \"drafts/*\"\ninclude:\n  - _keep.txt\n  - .well-known\n",
    "index.html": LISTING,
    "about.md": "---\ntitle: About\n---\nabout\n",
    "sub/page.html": "---\n---\nsub page\n",
    "plain.txt": "plain\n",
    "css/site.css": "body{}\n",
    ".hidden.txt": "hidden\n",
    "_private.txt": "private\n",
    "#scratch.txt": "scratch\n",
    "backup.txt~": "backup\n",
    "secret.txt": "secret\n",
    "drafts/notes.txt": "notes\n",
    "_keep.txt": "kept\n",
    ".well-known/security.txt": "contact\n",
    "node_modules/lib.js": "x\n",
    "Gemfile": "source 'x'\n",
    "vendor/bundle/gem.rb": "x\n",
}

POST = "---\ntitle: Hello World\ncategories: [Big News, tech]\n---\nbody\n"
PERMALINK_SITE = {
    "_posts/2024-03-05-hello-world.md": POST,
    "about.md": "---\n---\nabout\n",
    "docs/guide.html": "---\n---\nguide\n",
    "feed.xml": "---\n---\n<feed/>\n",
    "index.html": LISTING,
}

PUBLISHING = {
    "index.html": LISTING,
    "_posts/2020-01-01-past.md": "---\n---\npast\n",
    "_posts/2099-01-01-future.md": "---\n---\nfuture\n",
    "_posts/2020-02-02-hidden.md": "---\npublished: false\n---\nhidden\n",
    "_posts/2020-03-03-timed.md": "---\ndate: 2020-03-03 10:30:00 +0500\n---\ntimed\n",
    "_drafts/idea.md": "---\ndate: 2021-05-06\n---\nidea\n",
    "_posts/notes/2020-04-04-in-subdir.md": "---\n---\nsub\n",
    "tech/_posts/2020-05-05-categorized.md": "---\n---\ncat\n",
}

COLLECTIONS = {
    "_config.yml": (
        "collections:\n"
        "  projects:\n    output: true\n    permalink: /work/:path/\n"
        "  notes:\n    output: false\n"
        "  papers:\n    output: true\n    sort_by: rank\n"
    ),
    "_projects/alpha.md": "---\ntitle: Alpha\n---\nalpha {{ page.collection }} {{ page.url }}\n",
    "_projects/nested/beta.html": "---\n---\nbeta {{ page.path }}\n",
    "_projects/logo.txt": "static in collection\n",
    "_notes/n1.md": "---\n---\nnote\n",
    "_papers/b.md": "---\nrank: 2\n---\nb\n",
    "_papers/a.md": "---\nrank: 1\n---\na\n",
    "_papers/c.md": "---\n---\nc\n",
    "index.html": (
        "---\n---\n"
        "{% for c in site.collections %}{{ c.label }}:{{ c.output }}:{{ c.docs.size }} {% endfor %}\n"
        "papers:{% for p in site.papers %} {{ p.url }}{% endfor %}\n"
        "notes:{% for n in site.notes %} {{ n.url }}{% endfor %}\n"
        "static:{% for s in site.static_files %} {{ s.path }}{% endfor %}\n"
    ),
}

DATA = {
    "_data/members.yml": "- name: Ada\n  role: lead\n- name: Grace\n  role: student\n",
    "_data/people/ada.json": "{\"name\": \"Ada\", \"langs\": [\"python\", \"ruby\"]}\n",
    "_data/table.csv": "name,year\nalpha,2020\nbeta,2021\n",
    "_data/table2.tsv": "name\tyear\ngamma\t2022\n",
    "_data/my data-file.yml": "value: 42\n",
    "index.html": (
        "---\n---\n"
        "{% for m in site.data.members %}{{ m.name }}={{ m.role }};{% endfor %}\n"
        "{{ site.data.people.ada.name }} {{ site.data.people.ada.langs | join: ',' }}\n"
        "{% for r in site.data.table %}{{ r.name }}/{{ r.year }};{% endfor %}\n"
        "{% for r in site.data.table2 %}{{ r.name }}/{{ r.year }};{% endfor %}\n"
        "{{ site.data.my_data-file.value }}\n"
    ),
}

DEFAULTS = {
    "_config.yml": (
        "defaults:\n"
        "  - scope:\n      path: \"\"\n    values:\n      layout: base\n      author: everyone\n"
        "  - scope:\n      path: \"projects\"\n    values:\n      author: projects-dir\n"
        "  - scope:\n      path: \"\"\n      type: posts\n    values:\n      author: post-author\n"
        "  - scope:\n      path: \"projects/*.html\"\n    values:\n      kind: globbed\n"
    ),
    "_layouts/base.html": "[{{ page.author }}|{{ page.kind }}] {{ content }}",
    "index.html": "---\n---\nhome",
    "projects/one.html": "---\n---\none",
    "projects/two.md": "---\nauthor: own\n---\ntwo\n",
    "_posts/2021-01-01-post.html": "---\n---\npost",
}

EXCERPTS = {
    "_posts/2022-01-01-first.md": "---\n---\nFirst paragraph.\n\nSecond paragraph.\n",
    "_posts/2022-01-02-custom.md": "---\nexcerpt_separator: <!--more-->\n---\nUp to here<!--more-->and not this.\n",
    "_posts/2022-01-03-given.md": "---\nexcerpt: Given by hand\n---\nBody.\n",
    "index.html": "---\n---\n{% for p in site.posts %}[{{ p.excerpt }}]{% endfor %}\n",
}

LAYOUTS = {
    "_layouts/base.html": "---\ntheme: dark\n---\n<base theme={{ layout.theme }} side={{ layout.side }}>{{ content "
                          "}}</base>\n",
    "_layouts/post.html": "---\nlayout: base\nside: left\n---\n<post title={{ page.title }}>{{ content }}</post>",
    "_posts/2023-06-07-entry.md": "---\nlayout: post\ntitle: Entry\n---\nText\n",
    "page.html": "---\nlayout: post\ntitle: Page\n---\nPage body",
    "none.html": "---\nlayout: none\n---\nno layout",
    "missing.html": "---\nlayout: nowhere\n---\nmissing layout",
}
