"""Posts and books shared by the jekyll-paginate-v2 and jekyll-archives-v2 fixture sites."""

POSTS_AND_BOOKS = {
    '_books/one.md': (
        '---\n'
        'title: Book one\n'
        'date: 2024-01-10\n'
        'tags: [novel]\n'
        '---\n'
        'one\n'
    ),
    '_books/three.md': (
        '---\n'
        'title: Book three\n'
        'date: 2024-02-15\n'
        'tags: [novel]\n'
        '---\n'
        'three\n'
    ),
    '_books/two.md': (
        '---\n'
        'title: Book two\n'
        'date: 2024-02-10\n'
        'tags: [Top 100]\n'
        '---\n'
        'two\n'
    ),
    '_layouts/default.html': (
        '<title>{{ page.title }}</title>\n'
        '{{ content }}\n'
    ),
    '_posts/2023-01-05-post-1.md': (
        '---\n'
        'title: Post 1\n'
        'tags: [Alpha, "beta gamma"]\n'
        'categories: main\n'
        '\n'
        '---\n'
        'Body 1\n'
    ),
    '_posts/2023-01-20-post-2.md': (
        '---\n'
        'title: Post 2\n'
        'tags: [Alpha, "beta gamma", Even]\n'
        'categories: main\n'
        '\n'
        '---\n'
        'Body 2\n'
    ),
    '_posts/2023-03-02-post-3.md': (
        '---\n'
        'title: Post 3\n'
        'tags: [Alpha, "beta gamma"]\n'
        'categories: Third\n'
        '\n'
        '---\n'
        'Body 3\n'
    ),
    '_posts/2024-02-11-post-4.md': (
        '---\n'
        'title: Post 4\n'
        'tags: [Alpha, "beta gamma", Even]\n'
        'categories: main\n'
        '\n'
        '---\n'
        'Body 4\n'
    ),
    '_posts/2024-02-11-post-5.md': (
        '---\n'
        'title: Post 5\n'
        'tags: [Alpha, "beta gamma"]\n'
        'categories: main\n'
        '\n'
        '---\n'
        'Body 5\n'
    ),
    '_posts/2024-07-30-post-6.md': (
        '---\n'
        'title: Post 6\n'
        'tags: [Alpha, "beta gamma", Even]\n'
        'categories: Third\n'
        '\n'
        '---\n'
        'Body 6\n'
    ),
    '_posts/2025-01-01-post-7.md': (
        '---\n'
        'title: Post 7\n'
        'tags: [Alpha, "beta gamma"]\n'
        'categories: main\n'
        '\n'
        '---\n'
        'Body 7\n'
    ),
}
