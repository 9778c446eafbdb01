"""jekyll-paginate-v2 3.0.0: pagination of posts and collections, filters, trails, autopages.

Every expected file below was written by real Jekyll 4.3.1 with Debian 12's
ruby-jekyll-paginate-v2 3.0.0 from the same sources. Note what the gem does that a
reader would not guess: the copies are named ``.html`` (no extension to Ruby), so
Markdown templates are never converted, and Jekyll's Liquid cache (keyed by that
path) makes ``cats/`` render the *blog's* template with its own paginator.
"""

from __future__ import annotations

from fixtures_collections import POSTS_AND_BOOKS
from site_files import build_files

from liquidsite.plugins.paginate_v2 import Pager

FILES = {
    **POSTS_AND_BOOKS,
    '_config.yml': (
        'title: Fixture\n'
        'url: https://example.org\n'
        'baseurl: /base\n'
        'permalink: /blog/:year/:title/\n'
        'collections:\n'
        '  books:\n'
        '    output: true\n'
        'plugins: [jekyll-paginate-v2]\n'
        'pagination:\n'
        '  enabled: true\n'
        '  per_page: 2\n'
        'autopages:\n'
        '  enabled: true\n'
        '  categories:\n'
        '    enabled: false\n'
        '  collections:\n'
        '    enabled: false\n'
        '  tags:\n'
        '    layouts: [autopage_tags.html]\n'
        '    permalink: /tags/:tag\n'
        '    slugify:\n'
        '      mode: default\n'
        'time: 2026-01-01 12:00:00 +0000\n'
    ),
    '_layouts/autopage_tags.html': (
        '---\n'
        'layout: default\n'
        'extra: yes\n'
        '---\n'
        'AUTO {{ page.title }} {{ page.autopages.display_name }} {{ page.url }} {{ page.e'
        'xtra }} {{ paginator.page }}/{{ paginator.total_pages }} {% for p in paginator.p'
        'osts %}{{ p.title }};{% endfor %} [{{ content }}]\n'
    ),
    'blog/index.html': (
        '---\n'
        'title: Blog\n'
        'permalink: /blog/\n'
        'pagination:\n'
        '  enabled: true\n'
        '  per_page: 3\n'
        '  permalink: /page/:num/\n'
        '  sort_field: title\n'
        '  sort_reverse: true\n'
        '  trail:\n'
        '    before: 1\n'
        '    after: 1\n'
        '---\n'
        'P:{{ paginator.page }}/{{ paginator.total_pages }} {{ paginator.total_posts }} p'
        'p={{ paginator.per_page }} path={{ paginator.page_path }} prev={{ paginator.prev'
        'ious_page }}:{{ paginator.previous_page_path }} next={{ paginator.next_page }}:{'
        '{ paginator.next_page_path }} first={{ paginator.first_page }}:{{ paginator.firs'
        't_page_path }} last={{ paginator.last_page }}:{{ paginator.last_page_path }}\n'
        '{% for p in paginator.posts %}* {{ p.title }}\n'
        '{% endfor %}trail:{% for t in paginator.page_trail %} {{ t.num }}={{ t.path }}={'
        '{ t.title }}{% endfor %}\n'
        'page: {{ page.title }} {{ page.url }} {{ page.path }} {{ page.name }} {{ page.pe'
        'rmalink }} {{ page.autogen }} {{ page.pagination_info.curr_page }}/{{ page.pagin'
        'ation_info.total_pages }} {{ page.dir }}\n'
        '*markdown stays*\n'
    ),
    'books.html': (
        '---\n'
        'title: Books list\n'
        'pagination:\n'
        '  enabled: true\n'
        '  collection: books\n'
        '  per_page: 1\n'
        '  title: ":title (:num of :max)"\n'
        '  indexpage: "list"\n'
        '  extension: htm\n'
        '---\n'
        'B {{ paginator.page }} {% for p in paginator.posts %}{{ p.title }}{% endfor %} {'
        '{ page.url }} {{ page.title }} {{ paginator.page_path }} {{ paginator.next_page_'
        'path }} {{ paginator.previous_page_path }} {{ paginator.first_page_path }} {{ pa'
        'ginator.last_page_path }}\n'
    ),
    'cats/index.md': (
        '---\n'
        'title: Cats\n'
        'pagination:\n'
        '  enabled: true\n'
        '  category: main\n'
        '  tag: alpha\n'
        '  limit: 2\n'
        '---\n'
        'C {{ paginator.page }} {{ paginator.total_pages }} {% for p in paginator.posts %'
        '}{{ p.title }},{% endfor %} {{ page.url }} {{ paginator.next_page_path }} {{ pag'
        'inator.previous_page_path }} {{ page.title }}\n'
        '\n'
        '*md*\n'
    ),
}

EXPECTED = {
    'blog/2023/post-1/index.html': '<p>Body 1</p>\n',
    'blog/2023/post-2/index.html': '<p>Body 2</p>\n',
    'blog/2023/post-3/index.html': '<p>Body 3</p>\n',
    'blog/2024/post-4/index.html': '<p>Body 4</p>\n',
    'blog/2024/post-5/index.html': '<p>Body 5</p>\n',
    'blog/2024/post-6/index.html': '<p>Body 6</p>\n',
    'blog/2025/post-7/index.html': '<p>Body 7</p>\n',
    'blog/index.html': (
        'P:1/3 7 pp=3 path=/blog/index.html prev=: next=2:/blog/page/2/ first=1:/blog/ la'
        'st=3:/blog/page/3/\n'
        '* Post 7\n'
        '* Post 6\n'
        '* Post 5\n'
        'trail: 1=/blog/index.html=Blog 2=/blog/page/2/index.html=Blog - page 2 3=/blog/p'
        'age/3/index.html=Blog - page 3\n'
        'page: Blog /blog/index.html .html .html /blog/index.html  1/3 /blog/\n'
        '*markdown stays*\n'
    ),
    'blog/page/2/index.html': (
        'P:2/3 7 pp=3 path=/blog/page/2/index.html prev=1:/blog/ next=3:/blog/page/3/ fir'
        'st=1:/blog/ last=3:/blog/page/3/\n'
        '* Post 4\n'
        '* Post 3\n'
        '* Post 2\n'
        'trail: 1=/blog/index.html=Blog 2=/blog/page/2/index.html=Blog - page 2 3=/blog/p'
        'age/3/index.html=Blog - page 3\n'
        'page: Blog - page 2 /blog/page/2/index.html .html .html /blog/page/2/index.html '
        'jekyll-paginate-v2 2/3 /blog/page/2/\n'
        '*markdown stays*\n'
    ),
    'blog/page/3/index.html': (
        'P:3/3 7 pp=3 path=/blog/page/3/index.html prev=2:/blog/page/2/ next=: first=1:/b'
        'log/ last=3:/blog/page/3/\n'
        '* Post 1\n'
        'trail: 1=/blog/index.html=Blog 2=/blog/page/2/index.html=Blog - page 2 3=/blog/p'
        'age/3/index.html=Blog - page 3\n'
        'page: Blog - page 3 /blog/page/3/index.html .html .html /blog/page/3/index.html '
        'jekyll-paginate-v2 3/3 /blog/page/3/\n'
        '*markdown stays*\n'
    ),
    'books/list.htm': (
        'B 1 Book one /books/list.htm Books list /books/list.htm /books/page2/list.htm  /'
        'books/list.htm /books/page3/list.htm\n'
    ),
    'books/one/index.html': '<p>one</p>\n',
    'books/page2/list.htm': (
        'B 2 Book two /books/page2/list.htm Books list (2 of 3) /books/page2/list.htm /bo'
        'oks/page3/list.htm /books/list.htm /books/list.htm /books/page3/list.htm\n'
    ),
    'books/page3/list.htm': (
        'B 3 Book three /books/page3/list.htm Books list (3 of 3) /books/page3/list.htm  '
        '/books/page2/list.htm /books/list.htm /books/page3/list.htm\n'
    ),
    'books/three/index.html': '<p>three</p>\n',
    'books/two/index.html': '<p>two</p>\n',
    'cats/index.html': (
        'P:1/2 5 pp=2 path=/cats/index.html prev=: next=2:/cats/page2/ first=1:/cats/ last=2:/cats/page2/\n'
        '* Post 1\n'
        '* Post 2\n'
        'trail:\n'
        'page: Cats /cats/index.html .html .html   1/2 /cats/\n'
        '*markdown stays*\n'
    ),
    'cats/page2/index.html': (
        'P:2/2 5 pp=2 path=/cats/page2/index.html prev=1:/cats/ next=: first=1:/cats/ last=2:/cats/page2/\n'
        '* Post 4\n'
        '* Post 5\n'
        'trail:\n'
        'page: Cats - page 2 /cats/page2/index.html .html .html  jekyll-paginate-v2 2/2 /cats/page2/\n'
        '*markdown stays*\n'
    ),
    'tags/alpha/index.html': (
        '<title>Posts tagged with alpha</title>\n'
        'AUTO Posts tagged with alpha Alpha /tags/alpha/index.html true 1/4 Post 1;Post 2; []\n'
        '\n'
    ),
    'tags/alpha/page2/index.html': (
        '<title>Posts tagged with alpha - page 2</title>\n'
        'AUTO Posts tagged with alpha - page 2 Alpha /tags/alpha/page2/index.html true 2/'
        '4 Post 3;Post 4; []\n'
        '\n'
    ),
    'tags/alpha/page3/index.html': (
        '<title>Posts tagged with alpha - page 3</title>\n'
        'AUTO Posts tagged with alpha - page 3 Alpha /tags/alpha/page3/index.html true 3/'
        '4 Post 5;Post 6; []\n'
        '\n'
    ),
    'tags/alpha/page4/index.html': (
        '<title>Posts tagged with alpha - page 4</title>\n'
        'AUTO Posts tagged with alpha - page 4 Alpha /tags/alpha/page4/index.html true 4/4 Post 7; []\n'
        '\n'
    ),
    'tags/beta-gamma/index.html': (
        '<title>Posts tagged with beta-gamma</title>\n'
        'AUTO Posts tagged with beta-gamma beta gamma /tags/beta-gamma/index.html true 1/'
        '4 Post 1;Post 2; []\n'
        '\n'
    ),
    'tags/beta-gamma/page2/index.html': (
        '<title>Posts tagged with beta-gamma - page 2</title>\n'
        'AUTO Posts tagged with beta-gamma - page 2 beta gamma /tags/beta-gamma/page2/ind'
        'ex.html true 2/4 Post 3;Post 4; []\n'
        '\n'
    ),
    'tags/beta-gamma/page3/index.html': (
        '<title>Posts tagged with beta-gamma - page 3</title>\n'
        'AUTO Posts tagged with beta-gamma - page 3 beta gamma /tags/beta-gamma/page3/ind'
        'ex.html true 3/4 Post 5;Post 6; []\n'
        '\n'
    ),
    'tags/beta-gamma/page4/index.html': (
        '<title>Posts tagged with beta-gamma - page 4</title>\n'
        'AUTO Posts tagged with beta-gamma - page 4 beta gamma /tags/beta-gamma/page4/ind'
        'ex.html true 4/4 Post 7; []\n'
        '\n'
    ),
    'tags/even/index.html': (
        '<title>Posts tagged with even</title>\n'
        'AUTO Posts tagged with even Even /tags/even/index.html true 1/2 Post 2;Post 4; []\n'
        '\n'
    ),
    'tags/even/page2/index.html': (
        '<title>Posts tagged with even - page 2</title>\n'
        'AUTO Posts tagged with even - page 2 Even /tags/even/page2/index.html true 2/2 Post 6; []\n'
        '\n'
    ),
    'tags/novel/index.html': (
        '<title>Posts tagged with novel</title>\n'
        'AUTO Posts tagged with novel novel /tags/novel/index.html true 1/1  []\n'
        '\n'
    ),
    'tags/top-100/index.html': (
        '<title>Posts tagged with top-100</title>\n'
        'AUTO Posts tagged with top-100 Top 100 /tags/top-100/index.html true 1/1  []\n'
        '\n'
    ),
}


def test_pagination_and_autopages_match_the_gem(tmp_path):
    assert build_files(tmp_path, FILES) == EXPECTED


def test_pager_paths_with_an_index_page_name():
    pager = Pager(1, "/books/", "/books/page:num/", [], 2, 3, "list", ".htm")
    assert (pager.page_path, pager.previous_page_path, pager.next_page_path) == (
        "/books/page2/list.htm", "/books/list.htm", "/books/page3/list.htm")
    assert (pager.first_page_path, pager.last_page_path) == ("/books/list.htm", "/books/page3/list.htm")


# Autopages without pagination: each renders its layout file as its own content; a missing
# layout (``autopage_category.html``) is read as an empty page, with Jekyll's warnings
AUTO_FILES = {
    **POSTS_AND_BOOKS,
    '_config.yml': (
        'title: Auto\n'
        'plugins: [jekyll-paginate-v2]\n'
        'autopages:\n'
        '  enabled: true\n'
        '  tags:\n'
        '    enabled: false\n'
        '  collections:\n'
        '    layouts: [autopage_tags.html]\n'
        'time: 2026-01-01 12:00:00 +0000\n'
    ),
    '_layouts/autopage_tags.html': (
        '---\n'
        'layout: default\n'
        'extra: yes\n'
        '---\n'
        'AUTO {{ page.title }} {{ page.autopages.display_name }} {{ page.url }} {{ page.e'
        'xtra }} {{ paginator.page }}/{{ paginator.total_pages }} {% for p in paginator.p'
        'osts %}{{ p.title }};{% endfor %} [{{ content }}]\n'
    ),
}

AUTO_EXPECTED = {
    'category/main/index.html': '',
    'category/third/index.html': '',
    'collection/posts/index.html': (
        '<title>Posts in collection posts</title>\n'
        'AUTO Posts in collection posts  /collection/posts/index.html true /  [AUTO Posts'
        ' in collection posts  /collection/posts/index.html true /  []\n'
        ']\n'
        '\n'
    ),
    'main/2023/01/05/post-1.html': '<p>Body 1</p>\n',
    'main/2023/01/20/post-2.html': '<p>Body 2</p>\n',
    'main/2024/02/11/post-4.html': '<p>Body 4</p>\n',
    'main/2024/02/11/post-5.html': '<p>Body 5</p>\n',
    'main/2025/01/01/post-7.html': '<p>Body 7</p>\n',
    'third/2023/03/02/post-3.html': '<p>Body 3</p>\n',
    'third/2024/07/30/post-6.html': '<p>Body 6</p>\n',
}


def test_autopages_without_pagination_match_the_gem(tmp_path):
    assert build_files(tmp_path, AUTO_FILES) == AUTO_EXPECTED


def test_copies_named_index_render_the_home_page_template(tmp_path):
    """With ``indexpage: index`` the copies are at ``index.html``, the path of the site's home page,
    which Jekyll renders first: its cached template is what the copies render (observed)."""
    posts = {f"_posts/2024-01-0{i}-p{i}.md": f"---\ntitle: P{i}\n---\nx\n" for i in (1, 2, 3)}
    built = build_files(tmp_path, {
        "_config.yml": "title: Coll\nplugins: [jekyll-paginate-v2]\n"
                       "pagination:\n  enabled: true\n  per_page: 2\n  indexpage: index\n",
        "index.html": "---\ntitle: Home\n---\nHOME {{ page.title }} {{ paginator.page }}\n",
        "blog/index.html": "---\ntitle: Blog\npagination:\n  enabled: true\n---\nBLOG {{ page.title }} "
                           "{{ paginator.page }} {% for p in paginator.posts %}{{ p.title }},{% endfor %}\n",
        **posts,
    })
    assert (built["index.html"], built["blog/index.html"], built["blog/page2/index.html"]) == (
        "HOME Home \n", "HOME Blog 1\n", "HOME Blog - page 2 2\n")
