"""Imports point one way: no import cycle in the package, the model never imports the site.

The graph is read from the source (``tests/import_graph.py``); run that file to
see the strongly connected components when one of these fails. The last tests guard start-up
without timing it: what a fresh interpreter imports and compiles for ``--version`` and for the
build path (``liquidsite.site``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from import_graph import AT_IMPORT, IN_FUNCTION, ROOT, cycles, import_graph, union

GRAPHS = import_graph()
#: The site model: what ``Site`` owns and Liquid renders. It reaches the site through ``siteview.SiteView``.
MODEL_PREFIXES = ("liquidsite.documents", "liquidsite.collection", "liquidsite.liquid")


def test_no_cycle_among_imports_run_at_import_time() -> None:
    assert cycles(GRAPHS[AT_IMPORT]) == []


def test_no_cycle_even_counting_imports_inside_functions() -> None:
    assert cycles(union(GRAPHS[AT_IMPORT], GRAPHS[IN_FUNCTION])) == []


def test_the_model_reaches_the_site_through_siteview_only() -> None:
    every_import = union(*GRAPHS.values())  # `if TYPE_CHECKING:` imports too
    importers = sorted(module for module, imported in every_import.items()
                       if module.startswith(MODEL_PREFIXES) and "liquidsite.site" in imported)
    assert importers == []


def test_cli_imports_serve_and_not_the_other_way() -> None:
    every_import = union(*GRAPHS.values())
    assert "liquidsite.serve" in every_import["liquidsite.cli"]
    assert not any("liquidsite.cli" in every_import[module] for module in every_import
                   if module.startswith("liquidsite.serve"))


def test_the_site_and_the_model_share_no_cycle_even_through_annotations() -> None:
    every_import = union(*GRAPHS.values())
    for component in cycles(every_import):
        if "liquidsite.site" in component:
            assert [m for m in component if m.startswith(MODEL_PREFIXES) or m == "liquidsite.siteview"] == []


def _fresh(code: str) -> dict[str, list[str]]:
    """Run *code* in a fresh interpreter after noting its modules; it prints a JSON object that
    the result extends with ``new_modules``, those it imported."""
    prelude = "import json, sys\n_before = set(sys.modules)\n"
    epilogue = "\nresult['new_modules'] = sorted(set(sys.modules) - _before)\nprint(json.dumps(result))\n"
    done = subprocess.run([sys.executable, "-c", prelude + code + epilogue], capture_output=True, text=True,
                          check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


def test_version_imports_no_build_path_module() -> None:
    found = _fresh("from liquidsite import cli\ntry:\n    cli.main(['--version'])\nexcept SystemExit:\n    pass\n"
                   "result = {}")
    ours = {m for m in found["new_modules"] if m.startswith("liquidsite")}
    assert ours <= {"liquidsite", "liquidsite.cli", "liquidsite.log", "liquidsite.serve_flags", "liquidsite.lazy_re"}
    heavy = {"liquid", "yaml", "dataclasses", "traceback", "subprocess", "json", "difflib", "html.parser"}
    assert heavy.isdisjoint(found["new_modules"])


def test_the_command_line_of_a_build_leaves_the_tools_out() -> None:
    found = _fresh("from liquidsite import cli\ncli._parser(tools_used=[]).parse_args(['build'])\nresult = {}")
    assert {"liquidsite.diff", "liquidsite.check"}.isdisjoint(found["new_modules"])


#: Modules a build loads when it needs them, never by importing the build path.
LAZY_MODULES = (
    "liquidsite.markdown.parser", "liquidsite.markdown.converter", "liquidsite.markdown.gfm",
    "liquidsite.markdown.patterns", "liquidsite.markdown.entities", "liquidsite.highlight", "liquidsite.serve",
    "liquidsite.diff", "liquidsite.check", "liquidsite.cli", "sass", "pygments",
    "uuid", "email.utils", "csv", "xml.etree", "urllib.request", "http.client",
)


def test_the_build_path_imports_nothing_lazy_and_compiles_no_lazy_pattern() -> None:
    found = _fresh("""
import liquidsite.site
from liquidsite.lazy_re import LazyPattern

def compiled(value):
    try:
        object.__getattribute__(value, "match")
    except AttributeError:
        return False
    return True

names = set()
for name, module in list(sys.modules.items()):
    if name.startswith("liquidsite"):
        for key, value in vars(module).items():
            holders = [value] + (list(vars(value).values()) if isinstance(value, type) else [])
            names.update(f"{name}.{key}" for held in holders if isinstance(held, LazyPattern) and compiled(held))
result = {"compiled_lazy_patterns": sorted(names)}
""")
    assert found["compiled_lazy_patterns"] == []
    loaded = set(found["new_modules"])
    assert [m for m in LAZY_MODULES if m in loaded] == []
    plugin_modules = {m for m in loaded if m.startswith("liquidsite.plugins.")}
    assert plugin_modules <= {"liquidsite.plugins.base", "liquidsite.plugins.ruby"}
