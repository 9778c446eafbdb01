"""jekyll-archives-v2 0.0.5: year/month/day and attribute archives per collection.

Every expected file below was written by real Jekyll 4.3.1 with jekyll-archives-v2
0.0.5 (the version al-folio's oracle runs) from the same sources. The gem loads
ActiveSupport, so ``x == blank`` is true for nil there (``index.html``).
"""

from __future__ import annotations

from fixtures_collections import POSTS_AND_BOOKS
from site_files import build_files

from liquidsite.plugins.archives_v2 import singularize

FILES = {
    **POSTS_AND_BOOKS,
    '_config.yml': (
        'title: Fixture\n'
        'permalink: /blog/:year/:title/\n'
        'collections:\n'
        '  books:\n'
        '    output: true\n'
        'plugins: [jekyll-archives-v2]\n'
        'jekyll-archives:\n'
        '  posts:\n'
        '    enabled: [year, month, day, tags, categories]\n'
        '    layouts:\n'
        '      year: archive-year\n'
        '    permalinks:\n'
        '      year: "/blog/:year/"\n'
        '      tags: "/blog/:type/:name/"\n'
        '      categories: "/blog/:type/:name/"\n'
        '  books:\n'
        '    enabled: [year, tags]\n'
        '    slug_mode: raw\n'
        'time: 2026-01-01 12:00:00 +0000\n'
    ),
    '_layouts/archive-year.html': (
        'YEAR {{ page.date | date: "%Y" }} {{ page.documents.size }} {% for d in page.doc'
        'uments %}{{ d.title }};{% endfor %}\n'
        'archives:{% for a in site.archives %} {{ a.url }}{% endfor %}\n'
    ),
    '_layouts/archive.html': (
        '---\n'
        'layout: default\n'
        '---\n'
        'A:{{ page.type }}|{{ page.title }}|{{ page.date }}|{{ page.collection_name }}|{{'
        ' page.name }}|{{ page.path }}|{{ page.url }}|{{ page.permalink }}|{{ page.layout'
        ' }}|{{ page.dir }}|{{ page.content }}|\n'
        '{% for d in page.documents %}- {{ d.title }} {{ d.url }} {{ d.date | date: "%F" }}\n'
        '{% endfor %}\n'
    ),
    'index.html': (
        '---\n'
        '---\n'
        '{% if page.nothing == blank %}blank-is-activesupport{% endif %}\n'
    ),
}

EXPECTED = {
    'blog/2023/index.html': (
        'YEAR 2023 3 Post 3;Post 2;Post 1;\n'
        'archives: /blog/2023/ /posts/2023/03/ /posts/2023/03/02/ /posts/2023/01/ /posts/'
        '2023/01/20/ /posts/2023/01/05/ /blog/2024/ /posts/2024/07/ /posts/2024/07/30/ /p'
        'osts/2024/02/ /posts/2024/02/11/ /blog/2025/ /posts/2025/01/ /posts/2025/01/01/ '
        '/blog/tag/alpha/ /blog/tag/beta-gamma/ /blog/tag/even/ /blog/category/main/ /blo'
        'g/category/third/ /books/2024/ /books/tag/novel/ /books/tag/top-100/\n'
    ),
    'blog/2023/post-1/index.html': '<p>Body 1</p>\n',
    'blog/2023/post-2/index.html': '<p>Body 2</p>\n',
    'blog/2023/post-3/index.html': '<p>Body 3</p>\n',
    'blog/2024/index.html': (
        'YEAR 2024 3 Post 6;Post 5;Post 4;\n'
        'archives: /blog/2023/ /posts/2023/03/ /posts/2023/03/02/ /posts/2023/01/ /posts/'
        '2023/01/20/ /posts/2023/01/05/ /blog/2024/ /posts/2024/07/ /posts/2024/07/30/ /p'
        'osts/2024/02/ /posts/2024/02/11/ /blog/2025/ /posts/2025/01/ /posts/2025/01/01/ '
        '/blog/tag/alpha/ /blog/tag/beta-gamma/ /blog/tag/even/ /blog/category/main/ /blo'
        'g/category/third/ /books/2024/ /books/tag/novel/ /books/tag/top-100/\n'
    ),
    'blog/2024/post-4/index.html': '<p>Body 4</p>\n',
    'blog/2024/post-5/index.html': '<p>Body 5</p>\n',
    'blog/2024/post-6/index.html': '<p>Body 6</p>\n',
    'blog/2025/index.html': (
        'YEAR 2025 1 Post 7;\n'
        'archives: /blog/2023/ /posts/2023/03/ /posts/2023/03/02/ /posts/2023/01/ /posts/'
        '2023/01/20/ /posts/2023/01/05/ /blog/2024/ /posts/2024/07/ /posts/2024/07/30/ /p'
        'osts/2024/02/ /posts/2024/02/11/ /blog/2025/ /posts/2025/01/ /posts/2025/01/01/ '
        '/blog/tag/alpha/ /blog/tag/beta-gamma/ /blog/tag/even/ /blog/category/main/ /blo'
        'g/category/third/ /books/2024/ /books/tag/novel/ /books/tag/top-100/\n'
    ),
    'blog/2025/post-7/index.html': '<p>Body 7</p>\n',
    'blog/category/main/index.html': (
        '<title>main</title>\n'
        'A:categories|main||posts|index|blog/category/main/index.html|/blog/category/main/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'blog/category/third/index.html': (
        '<title>Third</title>\n'
        'A:categories|Third||posts|index|blog/category/third/index.html|/blog/category/third/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '\n'
        '\n'
    ),
    'blog/tag/alpha/index.html': (
        '<title>Alpha</title>\n'
        'A:tags|Alpha||posts|index|blog/tag/alpha/index.html|/blog/tag/alpha/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'blog/tag/beta-gamma/index.html': (
        '<title>beta gamma</title>\n'
        'A:tags|beta gamma||posts|index|blog/tag/beta-gamma/index.html|/blog/tag/beta-gamma/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'blog/tag/even/index.html': (
        '<title>Even</title>\n'
        'A:tags|Even||posts|index|blog/tag/even/index.html|/blog/tag/even/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '\n'
        '\n'
    ),
    'books/2024/index.html': (
        '<title></title>\n'
        'A:year||2024-01-01|books|index|books/2024/index.html|/books/2024/||archive|||\n'
        '- Book three /books/three/ 2024-02-15\n'
        '- Book two /books/two/ 2024-02-10\n'
        '- Book one /books/one/ 2024-01-10\n'
        '\n'
        '\n'
    ),
    'books/one/index.html': '<p>one</p>\n',
    'books/tag/novel/index.html': (
        '<title>novel</title>\n'
        'A:tags|novel||books|index|books/tag/novel/index.html|/books/tag/novel/||archive|||\n'
        '- Book three /books/three/ 2024-02-15\n'
        '- Book one /books/one/ 2024-01-10\n'
        '\n'
        '\n'
    ),
    'books/tag/top-100/index.html': (
        '<title>Top 100</title>\n'
        'A:tags|Top 100||books|index|books/tag/top-100/index.html|/books/tag/top-100/||archive|||\n'
        '- Book two /books/two/ 2024-02-10\n'
        '\n'
        '\n'
    ),
    'books/three/index.html': '<p>three</p>\n',
    'books/two/index.html': '<p>two</p>\n',
    'index.html': 'blank-is-activesupport\n',
    'posts/2023/01/05/index.html': (
        '<title></title>\n'
        'A:day||2023-01-05|posts|index|posts/2023/01/05/index.html|/posts/2023/01/05/||archive|||\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/2023/01/20/index.html': (
        '<title></title>\n'
        'A:day||2023-01-20|posts|index|posts/2023/01/20/index.html|/posts/2023/01/20/||archive|||\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '\n'
        '\n'
    ),
    'posts/2023/01/index.html': (
        '<title></title>\n'
        'A:month||2023-01-01|posts|index|posts/2023/01/index.html|/posts/2023/01/||archive|||\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/2023/03/02/index.html': (
        '<title></title>\n'
        'A:day||2023-03-02|posts|index|posts/2023/03/02/index.html|/posts/2023/03/02/||archive|||\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '\n'
        '\n'
    ),
    'posts/2023/03/index.html': (
        '<title></title>\n'
        'A:month||2023-03-01|posts|index|posts/2023/03/index.html|/posts/2023/03/||archive|||\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '\n'
        '\n'
    ),
    'posts/2024/02/11/index.html': (
        '<title></title>\n'
        'A:day||2024-02-11|posts|index|posts/2024/02/11/index.html|/posts/2024/02/11/||archive|||\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '\n'
        '\n'
    ),
    'posts/2024/02/index.html': (
        '<title></title>\n'
        'A:month||2024-02-01|posts|index|posts/2024/02/index.html|/posts/2024/02/||archive|||\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '\n'
        '\n'
    ),
    'posts/2024/07/30/index.html': (
        '<title></title>\n'
        'A:day||2024-07-30|posts|index|posts/2024/07/30/index.html|/posts/2024/07/30/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '\n'
        '\n'
    ),
    'posts/2024/07/index.html': (
        '<title></title>\n'
        'A:month||2024-07-01|posts|index|posts/2024/07/index.html|/posts/2024/07/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '\n'
        '\n'
    ),
    'posts/2025/01/01/index.html': (
        '<title></title>\n'
        'A:day||2025-01-01|posts|index|posts/2025/01/01/index.html|/posts/2025/01/01/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '\n'
        '\n'
    ),
    'posts/2025/01/index.html': (
        '<title></title>\n'
        'A:month||2025-01-01|posts|index|posts/2025/01/index.html|/posts/2025/01/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '\n'
        '\n'
    ),
}


def test_archives_match_the_gem(tmp_path):
    assert build_files(tmp_path, FILES) == EXPECTED


def test_types_are_singular_in_permalinks():
    assert [singularize(w) for w in ("tags", "categories", "year", "people", "series", "boxes")] == [
        "tag", "category", "year", "person", "series", "box"]


# `enabled: true`/`all`: every date archive, and one per attribute that holds a list in some document
ALL_FILES = {
    **POSTS_AND_BOOKS,
    '_books/four.md': (
        '---\n'
        'title: Book four\n'
        'tags: [Zed]\n'
        'authors: [Ann, Bob]\n'
        '---\n'
        'four\n'
    ),
    '_config.yml': (
        'title: Fixture\n'
        'permalink: /blog/:year/:title/\n'
        'collections:\n'
        '  books:\n'
        '    output: true\n'
        'plugins: [jekyll-archives-v2]\n'
        'jekyll-archives:\n'
        '  posts:\n'
        '    enabled: all\n'
        '    layout: archive\n'
        '  books:\n'
        '    enabled: true\n'
        '    permalinks:\n'
        '      day: "/b/:year-:month-:day.html"\n'
        'time: 2026-01-01 12:00:00 +0000\n'
    ),
    '_layouts/archive-year.html': (
        'YEAR {{ page.date | date: "%Y" }} {{ page.documents.size }} {% for d in page.doc'
        'uments %}{{ d.title }};{% endfor %}\n'
        'archives:{% for a in site.archives %} {{ a.url }}{% endfor %}\n'
    ),
    '_layouts/archive.html': (
        '---\n'
        'layout: default\n'
        '---\n'
        'A:{{ page.type }}|{{ page.title }}|{{ page.date }}|{{ page.collection_name }}|{{'
        ' page.name }}|{{ page.path }}|{{ page.url }}|{{ page.permalink }}|{{ page.layout'
        ' }}|{{ page.dir }}|{{ page.content }}|\n'
        '{% for d in page.documents %}- {{ d.title }} {{ d.url }} {{ d.date | date: "%F" }}\n'
        '{% endfor %}\n'
    ),
    'index.html': (
        '---\n'
        '---\n'
        '{% if page.nothing == blank %}blank-is-activesupport{% endif %}\n'
    ),
}

ALL_EXPECTED = {
    'b/2024-01-10.html': (
        '<title></title>\n'
        'A:day||2024-01-10|books|2024-01-10|b/2024-01-10.html|/b/2024-01-10.html||archive|||\n'
        '- Book one /books/one/ 2024-01-10\n'
        '\n'
        '\n'
    ),
    'b/2024-02-10.html': (
        '<title></title>\n'
        'A:day||2024-02-10|books|2024-02-10|b/2024-02-10.html|/b/2024-02-10.html||archive|||\n'
        '- Book two /books/two/ 2024-02-10\n'
        '\n'
        '\n'
    ),
    'b/2024-02-15.html': (
        '<title></title>\n'
        'A:day||2024-02-15|books|2024-02-15|b/2024-02-15.html|/b/2024-02-15.html||archive|||\n'
        '- Book three /books/three/ 2024-02-15\n'
        '\n'
        '\n'
    ),
    'b/2026-01-01.html': (
        '<title></title>\n'
        'A:day||2026-01-01|books|2026-01-01|b/2026-01-01.html|/b/2026-01-01.html||archive|||\n'
        '- Book four /books/four/ 2026-01-01\n'
        '\n'
        '\n'
    ),
    'blog/2023/post-1/index.html': '<p>Body 1</p>\n',
    'blog/2023/post-2/index.html': '<p>Body 2</p>\n',
    'blog/2023/post-3/index.html': '<p>Body 3</p>\n',
    'blog/2024/post-4/index.html': '<p>Body 4</p>\n',
    'blog/2024/post-5/index.html': '<p>Body 5</p>\n',
    'blog/2024/post-6/index.html': '<p>Body 6</p>\n',
    'blog/2025/post-7/index.html': '<p>Body 7</p>\n',
    'books/2024/01/index.html': (
        '<title></title>\n'
        'A:month||2024-01-01|books|index|books/2024/01/index.html|/books/2024/01/||archive|||\n'
        '- Book one /books/one/ 2024-01-10\n'
        '\n'
        '\n'
    ),
    'books/2024/02/index.html': (
        '<title></title>\n'
        'A:month||2024-02-01|books|index|books/2024/02/index.html|/books/2024/02/||archive|||\n'
        '- Book three /books/three/ 2024-02-15\n'
        '- Book two /books/two/ 2024-02-10\n'
        '\n'
        '\n'
    ),
    'books/2024/index.html': (
        '<title></title>\n'
        'A:year||2024-01-01|books|index|books/2024/index.html|/books/2024/||archive|||\n'
        '- Book three /books/three/ 2024-02-15\n'
        '- Book two /books/two/ 2024-02-10\n'
        '- Book one /books/one/ 2024-01-10\n'
        '\n'
        '\n'
    ),
    'books/2026/01/index.html': (
        '<title></title>\n'
        'A:month||2026-01-01|books|index|books/2026/01/index.html|/books/2026/01/||archive|||\n'
        '- Book four /books/four/ 2026-01-01\n'
        '\n'
        '\n'
    ),
    'books/2026/index.html': (
        '<title></title>\n'
        'A:year||2026-01-01|books|index|books/2026/index.html|/books/2026/||archive|||\n'
        '- Book four /books/four/ 2026-01-01\n'
        '\n'
        '\n'
    ),
    'books/author/ann/index.html': (
        '<title>Ann</title>\n'
        'A:authors|Ann||books|index|books/author/ann/index.html|/books/author/ann/||archive|||\n'
        '- Book four /books/four/ 2026-01-01\n'
        '\n'
        '\n'
    ),
    'books/author/bob/index.html': (
        '<title>Bob</title>\n'
        'A:authors|Bob||books|index|books/author/bob/index.html|/books/author/bob/||archive|||\n'
        '- Book four /books/four/ 2026-01-01\n'
        '\n'
        '\n'
    ),
    'books/four/index.html': '<p>four</p>\n',
    'books/one/index.html': '<p>one</p>\n',
    'books/tag/novel/index.html': (
        '<title>novel</title>\n'
        'A:tags|novel||books|index|books/tag/novel/index.html|/books/tag/novel/||archive|||\n'
        '- Book three /books/three/ 2024-02-15\n'
        '- Book one /books/one/ 2024-01-10\n'
        '\n'
        '\n'
    ),
    'books/tag/top-100/index.html': (
        '<title>Top 100</title>\n'
        'A:tags|Top 100||books|index|books/tag/top-100/index.html|/books/tag/top-100/||archive|||\n'
        '- Book two /books/two/ 2024-02-10\n'
        '\n'
        '\n'
    ),
    'books/tag/zed/index.html': (
        '<title>Zed</title>\n'
        'A:tags|Zed||books|index|books/tag/zed/index.html|/books/tag/zed/||archive|||\n'
        '- Book four /books/four/ 2026-01-01\n'
        '\n'
        '\n'
    ),
    'books/three/index.html': '<p>three</p>\n',
    'books/two/index.html': '<p>two</p>\n',
    'index.html': 'blank-is-activesupport\n',
    'posts/2023/01/05/index.html': (
        '<title></title>\n'
        'A:day||2023-01-05|posts|index|posts/2023/01/05/index.html|/posts/2023/01/05/||archive|||\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/2023/01/20/index.html': (
        '<title></title>\n'
        'A:day||2023-01-20|posts|index|posts/2023/01/20/index.html|/posts/2023/01/20/||archive|||\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '\n'
        '\n'
    ),
    'posts/2023/01/index.html': (
        '<title></title>\n'
        'A:month||2023-01-01|posts|index|posts/2023/01/index.html|/posts/2023/01/||archive|||\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/2023/03/02/index.html': (
        '<title></title>\n'
        'A:day||2023-03-02|posts|index|posts/2023/03/02/index.html|/posts/2023/03/02/||archive|||\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '\n'
        '\n'
    ),
    'posts/2023/03/index.html': (
        '<title></title>\n'
        'A:month||2023-03-01|posts|index|posts/2023/03/index.html|/posts/2023/03/||archive|||\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '\n'
        '\n'
    ),
    'posts/2023/index.html': (
        '<title></title>\n'
        'A:year||2023-01-01|posts|index|posts/2023/index.html|/posts/2023/||archive|||\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/2024/02/11/index.html': (
        '<title></title>\n'
        'A:day||2024-02-11|posts|index|posts/2024/02/11/index.html|/posts/2024/02/11/||archive|||\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '\n'
        '\n'
    ),
    'posts/2024/02/index.html': (
        '<title></title>\n'
        'A:month||2024-02-01|posts|index|posts/2024/02/index.html|/posts/2024/02/||archive|||\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '\n'
        '\n'
    ),
    'posts/2024/07/30/index.html': (
        '<title></title>\n'
        'A:day||2024-07-30|posts|index|posts/2024/07/30/index.html|/posts/2024/07/30/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '\n'
        '\n'
    ),
    'posts/2024/07/index.html': (
        '<title></title>\n'
        'A:month||2024-07-01|posts|index|posts/2024/07/index.html|/posts/2024/07/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '\n'
        '\n'
    ),
    'posts/2024/index.html': (
        '<title></title>\n'
        'A:year||2024-01-01|posts|index|posts/2024/index.html|/posts/2024/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '\n'
        '\n'
    ),
    'posts/2025/01/01/index.html': (
        '<title></title>\n'
        'A:day||2025-01-01|posts|index|posts/2025/01/01/index.html|/posts/2025/01/01/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '\n'
        '\n'
    ),
    'posts/2025/01/index.html': (
        '<title></title>\n'
        'A:month||2025-01-01|posts|index|posts/2025/01/index.html|/posts/2025/01/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '\n'
        '\n'
    ),
    'posts/2025/index.html': (
        '<title></title>\n'
        'A:year||2025-01-01|posts|index|posts/2025/index.html|/posts/2025/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '\n'
        '\n'
    ),
    'posts/category/main/index.html': (
        '<title>main</title>\n'
        'A:categories|main||posts|index|posts/category/main/index.html|/posts/category/main/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/category/third/index.html': (
        '<title>Third</title>\n'
        'A:categories|Third||posts|index|posts/category/third/index.html|/posts/category/'
        'third/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '\n'
        '\n'
    ),
    'posts/tag/alpha/index.html': (
        '<title>Alpha</title>\n'
        'A:tags|Alpha||posts|index|posts/tag/alpha/index.html|/posts/tag/alpha/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/tag/beta-gamma/index.html': (
        '<title>beta gamma</title>\n'
        'A:tags|beta gamma||posts|index|posts/tag/beta-gamma/index.html|/posts/tag/beta-g'
        'amma/||archive|||\n'
        '- Post 7 /blog/2025/post-7/ 2025-01-01\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 5 /blog/2024/post-5/ 2024-02-11\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 3 /blog/2023/post-3/ 2023-03-02\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '- Post 1 /blog/2023/post-1/ 2023-01-05\n'
        '\n'
        '\n'
    ),
    'posts/tag/even/index.html': (
        '<title>Even</title>\n'
        'A:tags|Even||posts|index|posts/tag/even/index.html|/posts/tag/even/||archive|||\n'
        '- Post 6 /blog/2024/post-6/ 2024-07-30\n'
        '- Post 4 /blog/2024/post-4/ 2024-02-11\n'
        '- Post 2 /blog/2023/post-2/ 2023-01-20\n'
        '\n'
        '\n'
    ),
}


def test_everything_enabled_matches_the_gem(tmp_path):
    assert build_files(tmp_path, ALL_FILES) == ALL_EXPECTED
