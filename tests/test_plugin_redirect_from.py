"""jekyll-redirect-from 0.16.0 built in; expected output observed from Jekyll 4.3.1 with the gem."""

from __future__ import annotations

REDIRECT = {
    '_config.yml': (
        'url: https://example.org\n'
        'baseurl: /b\n'
        'plugins: [jekyll-redirect-from]\n'
        'collections:\n'
        '  notes:\n'
        '    output: true\n'
    ),
    'about.md': (
        '---\n'
        'title: About\n'
        'redirect_from:\n'
        '  - /old-about/\n'
        '  - legacy.html\n'
        '---\n'
        'About\n'
    ),
    'gone.md': (
        '---\n'
        'title: Gone\n'
        'layout: page\n'
        'redirect_to: https://elsewhere.example.org/x\n'
        '---\n'
        'Gone body\n'
    ),
    'moved.html': (
        '---\n'
        'redirect_to: /about/\n'
        '---\n'
        'moved\n'
    ),
    '_posts/2024-01-02-post.md': (
        '---\n'
        'redirect_from: /2024/old-post.html\n'
        '---\n'
        'post\n'
    ),
    '_notes/n1.md': (
        '---\n'
        'redirect_from: [/n/1/]\n'
        '---\n'
        'note\n'
    ),
    '_layouts/page.html': '<main>{{ content }}</main>\n',
}

REDIRECT_EXPECTED = {
    '2024/01/02/post.html': '<p>post</p>\n',
    '2024/old-post.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="https://example.org/b/2024/01/02/post.html">\n'
        '  <script>location="https://example.org/b/2024/01/02/post.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=https://example.org/b/2024/01/02/post.html"'
        '>\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="https://example.org/b/2024/01/02/post.html">Click here if you are not redirec'
        'ted.</a>\n'
        '</html>\n'
    ),
    'about.html': '<p>About</p>\n',
    'gone.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="https://elsewhere.example.org/x">\n'
        '  <script>location="https://elsewhere.example.org/x"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=https://elsewhere.example.org/x">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="https://elsewhere.example.org/x">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'legacy.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="https://example.org/b/about.html">\n'
        '  <script>location="https://example.org/b/about.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=https://example.org/b/about.html">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="https://example.org/b/about.html">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'moved.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="https://example.org/b/about/">\n'
        '  <script>location="https://example.org/b/about/"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=https://example.org/b/about/">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="https://example.org/b/about/">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'n/1/index.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="https://example.org/b/notes/n1.html">\n'
        '  <script>location="https://example.org/b/notes/n1.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=https://example.org/b/notes/n1.html">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="https://example.org/b/notes/n1.html">Click here if you are not redirected.</a'
        '>\n'
        '</html>\n'
    ),
    'notes/n1.html': '<p>note</p>\n',
    'old-about/index.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="https://example.org/b/about.html">\n'
        '  <script>location="https://example.org/b/about.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=https://example.org/b/about.html">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="https://example.org/b/about.html">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'redirects.json': (
        '{"/2024/old-post.html":"https://example.org/b/2024/01/02/post.html","/n/1/":"https://exa'
        'mple.org/b/notes/n1.html","/old-about/":"https://example.org/b/about.html","/legacy.html'
        '":"https://example.org/b/about.html","/gone.html":"https://elsewhere.example.org/x","/mo'
        'ved.html":"https://example.org/b/about/"}'
    ),
}



def test_redirect_pages_redirect_to_and_redirects_json(build_site):
    built = build_site(REDIRECT)
    assert built.code == 0, built.log
    assert built.files == REDIRECT_EXPECTED


def test_the_sites_own_redirect_layout_and_no_json(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-redirect-from]\nredirect_from:\n  json: false\n",
        "_layouts/redirect.html": "<p>Moved to {{ page.redirect.to }} from {{ page.redirect.from }}</p>\n",
        "index.md": "---\nredirect_from: /home/\n---\nhi\n",
    })
    assert built.code == 0, built.log
    assert built.files == {"home/index.html": "<p>Moved to / from /home/</p>\n", "index.html": "<p>hi</p>\n"}


REDIRECT_EDGE = {
    '_config.yml': 'plugins: [jekyll-redirect-from]\n',
    'redirects.json': '{"mine": true}\n',
    'sub/page.md': (
        '---\n'
        'redirect_from: [old, /older/, null]\n'
        'redirect_to: [null, http://x.example.org/]\n'
        '---\n'
        'p\n'
    ),
    'other.md': (
        '---\n'
        "redirect_from: 'https://example.org/ext'\n"
        '---\n'
        'o\n'
    ),
}

REDIRECT_EDGE_EXPECTED = {
    'https:/example.org/ext.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="/other.html">\n'
        '  <script>location="/other.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=/other.html">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="/other.html">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'old.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="/sub/page.html">\n'
        '  <script>location="/sub/page.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=/sub/page.html">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="/sub/page.html">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'older/index.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="/sub/page.html">\n'
        '  <script>location="/sub/page.html"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=/sub/page.html">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="/sub/page.html">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
    'other.html': '<p>o</p>\n',
    'redirects.json': '{"mine": true}\n',
    'sub/page.html': (
        '<!DOCTYPE html>\n'
        '<html lang="en-US">\n'
        '  <meta charset="utf-8">\n'
        '  <title>Redirecting&hellip;</title>\n'
        '  <link rel="canonical" href="http://x.example.org/">\n'
        '  <script>location="http://x.example.org/"</script>\n'
        '  <meta http-equiv="refresh" content="0; url=http://x.example.org/">\n'
        '  <meta name="robots" content="noindex">\n'
        '  <h1>Redirecting&hellip;</h1>\n'
        '  <a href="http://x.example.org/">Click here if you are not redirected.</a>\n'
        '</html>\n'
    ),
}


def test_relative_and_absolute_sources_first_target_and_the_sites_own_json(build_site):
    built = build_site(REDIRECT_EDGE)
    assert built.code == 0, built.log
    assert built.files == REDIRECT_EDGE_EXPECTED


def test_a_redirect_onto_an_existing_page_is_not_a_conflict(build_site) -> None:
    """Jekyll's Doctor exempts redirect pages; the redirect, written last, wins (observed)."""
    built = build_site({
        "_config.yml": "plugins: [jekyll-redirect-from]\n",
        "deals.html": "---\npermalink: /deals/\nredirect_from:\n  - /offers/\n---\n",
        "offers.html": "---\npermalink: /offers/\n---\nHurry!\n",
    })
    assert built.code == 0, built.log
    assert "Conflict" not in built.log
    assert built.read("offers/index.html").startswith('<!DOCTYPE html>\n<html lang="en-US">\n')
    assert "Hurry!" not in built.read("offers/index.html")
