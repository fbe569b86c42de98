"""The book's citations resolve with pybtex's plugins registered once, not looked up each time."""

import pybtex.plugin
import pytest

from leadership_lab.site import bibtex_plugins

USED = [  # what sphinxcontrib-bibtex asks for while it resolves a citation and writes the list
    ("pybtex.backends", "plaintext"),
    ("pybtex.style.formatting", "unsrt"),
    ("pybtex.style.formatting", "plain"),
    ("pybtex.style.labels", "number"),
    ("pybtex.style.sorting", "none"),
]


def test_each_plugin_is_the_class_pybtex_finds_and_needs_no_entry_point_scan(monkeypatch):
    before = {key: pybtex.plugin.find_plugin(*key) for key in USED}
    assert bibtex_plugins.register_installed_plugins() >= len(USED)

    def no_scan(**_):
        raise AssertionError("scanned the installed packages' entry points")

    monkeypatch.setattr(pybtex.plugin, "entry_points", no_scan)
    assert {key: pybtex.plugin.find_plugin(*key) for key in USED} == before
    with pytest.raises(AssertionError, match="scanned"):  # an unknown name still looks it up
        pybtex.plugin.find_plugin("pybtex.backends", "no-such-backend")
