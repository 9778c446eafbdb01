"""Sass/SCSS as jekyll-sass-converter 2.2 compiles it; expected output observed from Jekyll 4.3.1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_build, write_tree

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
    env = dict(os.environ, TZ="UTC", PYTHONPATH=str(ROOT), JEKYLL_ENV="production")
    result = subprocess.run(
        [sys.executable, "-m", "liquidsite", "build"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "_site/style.css").read_text() == "a { b: c; }\n"
    assert not (tmp_path / "_site/style.css.map").exists()
    development = run_build(tmp_path)
    assert development.read("style.css") == "a { b: c; }\n\n/*# sourceMappingURL=style.css.map */"


def test_dart_sass_without_the_extra_is_a_clear_error(build_site):
    built = build_site({
        "_config.yml": "sass:\n  implementation: dart-sass\n",
        "style.scss": "---\n---\n@use 'sass:math';\na { width: math.div(10px, 3); }\n",
    })
    assert built.code == 1
    assert "pip install 'liquidsite[dartsass]'" in built.log
    assert "Traceback" not in built.log
