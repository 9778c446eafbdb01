"""Bad input: clear messages naming file and line, Jekyll's exit status, nothing lost."""

from __future__ import annotations


def test_broken_config_stops_the_build_naming_file_and_line(build_site):
    built = build_site({"_config.yml": "title: [\n", "index.html": "---\n---\nx\n"})
    assert built.code == 1
    assert "_config.yml" in built.log and "line 2 column 1" in built.log
    assert "Traceback" not in built.log
    assert not built.dest.exists()


def test_yaml_error_in_front_matter_names_file_and_line_and_skips_it(build_site):
    built = build_site({
        "_posts/2020-01-01-broken.md": "---\ntitle: [\n---\nbody\n",
        "good.html": "---\n---\ngood\n",
    })
    assert built.code == 0
    assert "Error: YAML Exception reading" in built.log
    assert "_posts/2020-01-01-broken.md" in built.log and "line 3 column 1" in built.log
    assert sorted(built.files) == ["good.html"]


def test_strict_front_matter_makes_yaml_errors_fatal(build_site):
    built = build_site({"page.html": "---\ntitle: [\n---\nbody\n"}, "--strict_front_matter")
    assert built.code == 1
    assert "page.html" in built.log


def test_destination_containing_the_source_is_refused_before_deleting(build_site, tmp_path):
    (tmp_path / "keep.txt").write_text("precious")
    built = build_site({"index.html": "---\n---\nx\n"}, "-d", "..")
    assert built.code == 1
    assert "Destination directory cannot be or contain the Source directory." in built.log
    assert (tmp_path / "keep.txt").read_text() == "precious"


def test_missing_config_file_given_on_the_command_line_is_fatal(build_site):
    built = build_site({"index.html": "---\n---\nx\n"}, "--config", "nope.yml")
    assert built.code == 1
    assert "could not be found" in built.log


def test_config_files_merge_left_to_right(build_site):
    built = build_site({
        "a.yml": "title: A\nauthor: first\n",
        "b.yml": "title: B\n",
        "index.html": "---\n---\n{{ site.title }} {{ site.author }}\n",
    }, "--config", "a.yml,b.yml")
    assert built.code == 0, built.log
    assert built.read("index.html") == "B first\n"
    assert "Configuration file: " in built.log and "a.yml" in built.log


def test_unknown_permalink_placeholder_names_the_document(build_site):
    built = build_site({"_posts/2020-01-01-a.md": "---\npermalink: /:nonsense/\n---\nx\n"})
    assert built.code == 1
    assert "The URL template doesn't have nonsense keys. Check your permalink template!" in built.log
    assert "_posts/2020-01-01-a.md" in built.log and "Traceback" not in built.log
