"""Plugins: local rule packs and Python hooks that add rules without touching the core.

``hookspecs`` declares the hooks; ``manager`` finds plugins (app folder, user folder, entry
points) and calls their hooks in isolation (``isolation``); ``national`` is the built-in
national pack, registered as an ordinary plugin. The author's guide is docs/plugins.md.
"""

from planner.plugins.hookspecs import FileFormat, PluginIndicator, hookimpl
from planner.plugins.manager import PluginInfo, Plugins, Problem, find_pack, load_rulebook

__all__ = ["FileFormat", "PluginIndicator", "PluginInfo", "Plugins", "Problem", "find_pack",
           "hookimpl", "load_rulebook"]
