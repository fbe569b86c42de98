"""pybtex's plugins found once per build, not once per citation.

sphinxcontrib-bibtex asks pybtex for a plugin (the plain-text backend, the citation style) while
it resolves each citation, and pybtex answers by scanning every installed package's entry points,
about 15 ms a time: with some 230 citations in the book, several seconds of every build. pybtex
checks plugins registered at run time (`pybtex.plugin.register_plugin`) before that scan, so
registering the installed ones once, at setup, gives the same classes without it.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from pybtex.plugin import PluginGroupNotFound, register_plugin

GROUP_PREFIX = "pybtex."


def register_installed_plugins() -> int:
    """Register every installed pybtex plugin (first one wins, as in pybtex's own lookup);
    returns how many. A plugin that fails to load is left to pybtex's lookup, which reports it
    when it is asked for."""
    registered = 0
    installed = entry_points()  # one scan of the installed packages
    for group in sorted(g for g in installed.groups if g.startswith(GROUP_PREFIX)):
        seen: set[str] = set()
        for point in installed.select(group=group):  # pybtex's own lookup, in its order
            if point.name in seen:
                continue
            seen.add(point.name)
            try:
                register_plugin(group, point.name, point.load(), force=True)
            except (ImportError, AttributeError, PluginGroupNotFound, ValueError):
                continue
            registered += 1
    return registered
