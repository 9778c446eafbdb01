"""Python plugins in ``_plugins/``: filters, tags, blocks, generators and hooks (liquidsite's API)."""

from __future__ import annotations

PLUGIN = '''
def register(api):
    @api.filter("shout")
    def shout(value, suffix="!"):
        return f"{value}{suffix}".upper()

    @api.tag("build_year")
    def build_year(markup, context):
        return f"{context.site.time.year}:{markup}:{context.get('page')['title']}"

    @api.block("box")
    def box(markup, body, context):
        return f'<div class="{markup}">{body.strip()}</div>'

    @api.generator(priority="high")
    def count_words(site):
        for post in site.posts.docs:
            post.data["words"] = len(post.content.split())

    @api.hook("posts", "post_render")
    def sign(post):
        post.output += "<!-- signed -->\\n"

    @api.hook("pages", "pre_render")
    def greet(page, payload):
        page.data["greeting"] = "hello from a hook"

    @api.hook("documents", "post_convert")
    def emphasise(doc):
        doc.content = doc.content.replace("two", "<em>two</em>")

    @api.hook("site", "post_write")
    def done(site):
        with open(site.in_dest_dir("hooked.txt"), "w") as handle:
            handle.write(f"{len(site.pages)} pages\\n")
'''

SITE = {
    "_config.yml": "time: 2021-05-01\n",
    "_plugins/extras.py": PLUGIN,
    "_plugins/legacy.rb": "raise 'never run'\n",
    "_layouts/post.html": "<article>{{ content }}</article>\n",
    "index.html": (
        "---\ntitle: Home\n---\n"
        '{{ "hi" | shout }} {{ "x" | shout: "?" }}\n'
        "{% build_year abc %}\n"
        "{% box note %} {{ page.greeting }} {% endbox %}\n"
        "{% for p in site.posts %}{{ p.title }}={{ p.words }}{% endfor %}\n"
    ),
    "_posts/2021-01-01-first.md": "---\ntitle: First\nlayout: post\n---\none two three\n",
}


def test_filter_tag_block_generator_and_hooks(build_site):
    built = build_site(SITE)
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        "HI! X?\n2021:abc:Home\n<div class=\"note\">hello from a hook</div>\nFirst=3\n"
    )
    assert built.read("2021/01/01/first.html") == (
        "<article><p>one <em>two</em> three</p>\n</article>\n<!-- signed -->\n"
    )
    assert built.read("hooked.txt") == "1 pages\n"
    assert built.log.count("Plugins: Skipping _plugins/legacy.rb: Ruby plugins cannot run in liquidsite.") == 1


def test_safe_mode_skips_site_plugins(build_site):
    site = dict(SITE, **{"index.html": "---\n---\n{{ 'hi' | shout }}|{{ page.greeting }}\n"})
    built = build_site(site, "--safe")
    assert built.code == 0, built.log
    assert built.read("index.html") == "hi|\n"
    assert "legacy.rb" not in built.log
    assert not (built.dest / "hooked.txt").exists()


def test_site_generator_runs_before_pagination(build_site):
    plugin = (
        "def register(api):\n"
        "    @api.generator()\n"
        "    def hide_drafty(site):\n"
        "        for post in site.posts.docs:\n"
        "            post.data['hidden'] = 'wip' in post.data.get('tags', [])\n"
    )
    built = build_site({
        "_config.yml": "paginate: 1\nplugins: [jekyll-paginate]\n",
        "_plugins/hide.py": plugin,
        "index.html": "---\n---\n{{ paginator.total_posts }}\n",
        "_posts/2021-01-01-a.md": "---\ntags: [wip]\n---\na\n",
        "_posts/2021-01-02-b.md": "---\n---\nb\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "1\n"
    assert not (built.dest / "page2").exists()


def test_plugin_errors_name_file_and_line(build_site, tmp_path):
    built = build_site({
        "_plugins/broken.py": "def register(api)\n    pass\n",
        "index.html": "---\n---\nx\n",
    })
    assert built.code == 1
    assert "Error: _plugins/broken.py (line 1): SyntaxError: expected ':'" in built.log
    assert "Traceback" not in built.log


def test_failing_filter_names_plugin_line(build_site):
    built = build_site({
        "_plugins/boom.py": "def register(api):\n    @api.filter()\n    def boom(v):\n        return 1 / 0\n",
        "index.html": "---\n---\n{{ 1 | boom }}\n",
    })
    assert built.code == 1
    assert "_plugins/boom.py (line 4): filter 'boom' failed: ZeroDivisionError: division by zero" in built.log
    assert "Traceback" not in built.log


def test_unknown_hook_event_is_reported(build_site):
    built = build_site({
        "_plugins/bad.py": "def register(api):\n    api.hook('posts', 'post_frobnicate')(print)\n",
        "index.html": "---\n---\nx\n",
    })
    assert built.code == 1
    assert (
        "_plugins/bad.py: Invalid hook. posts supports only the following hooks "
        "post_init, pre_render, post_convert, post_render, post_write"
    ) in built.log


def test_hook_priority_then_registration_order():
    from liquidsite.hooks import Hooks

    calls: list[str] = []
    hooks = Hooks()
    hooks.register("site", "post_read", lambda site: calls.append("normal-1"))
    hooks.register("site", "post_read", lambda site: calls.append("low"), priority="low")
    hooks.register(["site"], "post_read", lambda site: calls.append("high"), priority="high")
    hooks.register("site", "post_read", lambda site: calls.append("normal-2"))
    hooks.trigger("site", "post_read", None)
    assert calls == ["high", "normal-1", "normal-2", "low"]


HOOK_LOGGER = '''
import os

LOG = []


def register(api):
    for event in ("after_init", "after_reset", "post_read", "pre_render", "post_render", "post_write"):
        def site_hook(site, *rest, event=event):
            LOG.append(f"site {event}")
            if event == "post_write":
                with open(os.path.join(site.source, "events.txt"), "w") as handle:
                    handle.write("\\n".join(LOG) + "\\n")
        api.hook("site", event)(site_hook)
    for owner in ("pages", "posts", "documents", "notes"):
        for event in ("post_init", "pre_render", "post_convert", "post_render", "post_write"):
            def item_hook(item, *rest, owner=owner, event=event):
                LOG.append(f"{owner} {event} {item.relative_path}")
            api.hook(owner, event)(item_hook)
'''

# The same logger written as a Ruby plugin, run by Jekyll 4.3.1 on the same site:
JEKYLL_HOOK_ORDER = """\
site after_init
site after_reset
posts post_init _posts/2020-01-01-p.md
documents post_init _posts/2020-01-01-p.md
pages post_init index.md
notes post_init _notes/n.md
documents post_init _notes/n.md
site post_read
site pre_render
posts pre_render _posts/2020-01-01-p.md
documents pre_render _posts/2020-01-01-p.md
posts post_convert _posts/2020-01-01-p.md
documents post_convert _posts/2020-01-01-p.md
posts post_render _posts/2020-01-01-p.md
documents post_render _posts/2020-01-01-p.md
notes pre_render _notes/n.md
documents pre_render _notes/n.md
notes post_convert _notes/n.md
documents post_convert _notes/n.md
notes post_render _notes/n.md
documents post_render _notes/n.md
pages pre_render index.md
pages post_convert index.md
pages post_render index.md
site post_render
pages post_write index.md
posts post_write _posts/2020-01-01-p.md
documents post_write _posts/2020-01-01-p.md
notes post_write _notes/n.md
documents post_write _notes/n.md
site post_write
"""


def test_hook_events_fire_in_jekylls_order(build_site):
    built = build_site({
        "_config.yml": "collections:\n  notes:\n    output: true\n",
        "_plugins/log.py": HOOK_LOGGER,
        "index.md": "---\n---\nindex\n",
        "_posts/2020-01-01-p.md": "---\n---\npost\n",
        "_notes/n.md": "---\n---\nnote\n",
    })
    assert built.code == 0, built.log
    assert (built.source / "events.txt").read_text() == JEKYLL_HOOK_ORDER


def test_plugins_leave_no_bytecode_and_helpers_only_warn(build_site):
    built = build_site({
        "_plugins/a.py": "def register(api):\n    api.filter('twice')(lambda v: f'{v}{v}')\n",
        "_plugins/helpers.py": "CONSTANT = 1\n",
        "index.html": "---\n---\n{{ 'ab' | twice }}\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "abab\n"
    assert "Plugins: _plugins/helpers.py defines no register(api): nothing registered." in built.log
    assert not (built.source / "_plugins" / "__pycache__").exists()


def test_a_plugin_liquidsite_lacks_is_named_and_the_build_goes_on(build_site) -> None:
    built = build_site({"_config.yml": "plugins: [jekyll-spaceship, jekyll-feed]\n", "index.html": "---\n---\nhi\n"})
    assert built.code == 0, built.log
    assert "Plugin Warning: 'jekyll-spaceship' is not built into liquidsite; the site is built without it." in built.log
    assert "jekyll-feed' is not" not in built.log
    assert "feed.xml" in built.files


def test_library_gems_in_plugins_are_not_named_as_missing(build_site) -> None:
    # bulma-clean-theme lists kramdown-parser-gfm, mzlogin's blog rouge: Jekyll requires them, silently
    # (observed: Jekyll 4.3.1 builds this site with no warning); liquidsite has both built in
    built = build_site({"_config.yml": "plugins: [kramdown-parser-gfm, rouge, kramdown]\n",
                        "index.md": "---\n---\n```ruby\nx = 1\n```\n"})
    assert built.code == 0, built.log
    assert "Plugin Warning" not in built.log
    assert '<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>' in built.read("index.html")
