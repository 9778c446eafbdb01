"""Imports point one way: no import cycle in the package, the model never imports the site.

The graph is read from the source (``tests/import_graph.py``); run that file to
see the strongly connected components when one of these fails.
"""

from __future__ import annotations

from import_graph import AT_IMPORT, IN_FUNCTION, cycles, import_graph, union

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
