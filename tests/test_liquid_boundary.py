"""Importing liquidsite and building a site leave python-liquid's own behaviour as it was.

Jekyll's dialect (``x == blank`` false for every value, ``blank``/``empty`` as
filter arguments, its tags and filters) lives in ``JekyllEnvironment``; a plain
``liquid.Environment`` in the same process must not see any of it. A fresh
interpreter is the only place where "before the import" is observable.
"""

from __future__ import annotations

import pytest

import json
import subprocess
import sys
import textwrap

from conftest import ROOT

# Each probe: (template, variables). Outputs or errors are compared, not asserted to be anything.
PROBES = [
    ('{% if "" == blank %}y{% else %}n{% endif %}', {}),
    ('{% if "  " == blank %}y{% else %}n{% endif %}', {}),
    ("{% if nil == blank %}y{% else %}n{% endif %}", {}),
    ("{% if x == blank %}y{% else %}n{% endif %}", {"x": []}),
    ("{% if x == blank %}y{% else %}n{% endif %}", {"x": {}}),
    ("{% if blank == blank %}y{% else %}n{% endif %}", {}),
    ('{% if "" != blank %}y{% else %}n{% endif %}', {}),
    ('{% unless "" == blank %}y{% endunless %}', {}),
    ('{% case "" %}{% when blank %}y{% else %}n{% endcase %}', {}),
    ("{% if x contains blank %}y{% else %}n{% endif %}", {"x": [""]}),
    ('{% if "" == empty %}y{% else %}n{% endif %}', {}),
    ("{% if x == empty %}y{% else %}n{% endif %}", {"x": []}),
    ('{{ x | where: "a", empty }}', {"x": [{"a": ""}]}),
    ('{{ x | default: blank }}', {}),
    ('{% assign y = x | where: "a", blank %}{{ y }}', {"x": [{"a": ""}]}),
    ('{% echo x | where: "a", empty %}', {"x": [{"a": ""}]}),
    ('{{ "a" "b" }}', {}),
    ('{{ x | join: "," blank }}', {"x": [1, 2]}),
    ("{% foo %}", {}),
    ("{{ 1.0e+21 }}{{ x }}", {"x": [1, [2, 3]]}),
    ("{{ x | jsonify }}{{ x | where_exp: 'i', 'i' }}", {"x": [1]}),
]

SCRIPT = textwrap.dedent("""
    import json, pathlib, sys, tempfile
    import liquid

    def probe():
        results = []
        for template, variables in json.loads(sys.argv[1]):
            try:
                results.append(liquid.Environment().from_string(template).render(**variables))
            except Exception as err:
                results.append(f"{type(err).__name__}: {err}")
        return results

    before = probe()
    from liquidsite.config import load_config
    from liquidsite.site import Site

    source = pathlib.Path(tempfile.mkdtemp())
    (source / "index.html").write_text(
        '---\\n---\\n{% if "" == blank %}y{% endif %}{{ site.pages | where: "x", empty | size }}{% echo 1 %}')
    (source / "post.md").write_text("---\\n---\\n# Hi\\n\\n{% highlight ruby %}x = 1{% endhighlight %}\\n")
    Site(load_config({"source": str(source), "destination": str(source / "_site"), "quiet": True})).process()
    built = (source / "_site" / "index.html").read_text()
    print(json.dumps({"before": before, "after": probe(), "built": built}))
""")


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_importing_liquidsite_and_building_leaves_python_liquid_unchanged() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(PROBES)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["built"] == "21", "the site itself renders Jekyll's dialect (observed in Jekyll 4.3.1)"
    for (template, _), before, after in zip(PROBES, report["before"], report["after"], strict=True):
        assert after == before, template
    assert report["before"][0] == "y", "python-liquid's own blank is equal to an empty string"
