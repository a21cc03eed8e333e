"""Finding plugins and rule packs, and calling their hooks safely.

Where plugins come from, in order (a later one with the same name replaces an earlier one;
the built-in national pack always stays):

- ``plugins/`` beside ``resources/`` in the app (the shipped examples);
- the user plugin folder, ``platformdirs.user_data_dir("community-planner")/plugins``, or the
  folder named by ``PLANNER_PLUGIN_DIR``;
- installed packages declaring a ``planner.plugins`` entry point.

A plugin folder holds rule packs (``*.toml``) and/or a Python plugin (``plugin.py``).
``--safe-mode`` loads none of them: only the built-in national pack.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable

import platformdirs
import pluggy

from planner.errors import RulePackError
from planner.i18n import Msg
from planner.model import Kind, Settings
from planner.plugins import hookspecs, national
from planner.plugins.hookspecs import FileFormat, PluginIndicator
from planner.plugins.isolation import PluginFailure, call_isolated, list_of
from planner.resources import resources_dir
from planner.rules.engine import CheckResult
from planner.rules.outcome import STATUS_LABELS
from planner.rules.pack import RulePack, Rulebook, load_pack

ENTRY_POINT_GROUP = "planner.plugins"
USER_DIR_VARIABLE = "PLANNER_PLUGIN_DIR"
BUILT_IN = "built-in"


def app_plugin_dir() -> Path:
    return resources_dir().parent / "plugins"


def user_plugin_dir() -> Path:
    override = os.environ.get(USER_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("community-planner")) / "plugins"


def plugin_folders() -> list[tuple[str, Path]]:
    """(origin, folder) pairs searched for plugin folders, in order."""
    return [("app", app_plugin_dir()), ("user", user_plugin_dir())]


@dataclass
class PluginInfo:
    """A rule pack or Python plugin found, as ``planner rules list`` shows it."""

    name: str
    version: str
    origin: str  # built-in | app | user | entry point
    source: str  # the file, folder or distribution it came from
    pack: Path | None = None  # its TOML rule pack
    module: Any = None  # its Python plugin (hook implementations)
    error: Msg | None = None  # why it cannot be used

    @property
    def status(self) -> str:
        return "error" if self.error else "ok"

    @property
    def kind(self) -> str:
        """What it is made of: "TOML", "Python", "TOML+Python" or "-" (unreadable)."""
        parts = [w for w, has in (("TOML", self.pack), ("Python", self.module)) if has]
        return "+".join(parts) or "-"


@dataclass(frozen=True)
class Problem:
    """A plugin that was disabled for this run, and why."""

    plugin: str
    reason: Msg

    @property
    def message(self) -> Msg:
        return Msg(f"插件 {self.plugin} 已停用:", f"plugin {self.plugin} disabled: ") + self.reason


@dataclass
class Plugins:
    """The plugins found for one run, with the problems met so far."""

    safe_mode: bool = False
    folders: list[tuple[str, Path]] | None = None  # default: plugin_folders()
    found: dict[str, PluginInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self):
        self.manager = pluggy.PluginManager(hookspecs.PROJECT)
        self.manager.add_hookspecs(hookspecs)
        if not self.safe_mode:
            for origin, folder in self.folders if self.folders is not None else plugin_folders():
                self._scan_folder(origin, folder)
            self._load_entry_points()
        self._add_module(national, "national", "1.0.0", BUILT_IN, "planner")
        for name, paths in self.call("planner_rule_packs", list_of(Path), "a list of Path"):
            info = self.found[name]
            for path in paths:
                self._add_pack(path, info.origin, info.source)
        self.found = {"national": self.found.pop("national"), **self.found}  # listed first
        for info in self.found.values():
            if info.error:
                self.problems.append(Problem(info.name, info.error))

    # -- discovery ------------------------------------------------------------------------
    def _scan_folder(self, origin: str, folder: Path) -> None:
        if not folder.is_dir():
            return
        for child in sorted(folder.iterdir()):
            if child.suffix == ".toml":
                self._add_pack(child, origin, str(child))
            elif child.is_dir():
                for pack in sorted(child.glob("*.toml")):
                    self._add_pack(pack, origin, str(child))
                if (child / "plugin.py").is_file():
                    self._load_file_plugin(child, origin)

    def _add_pack(self, path: Path, origin: str, source: str) -> None:
        try:
            meta = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("pack", {})
            name, version = meta["name"], str(meta["version"])
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as err:
            name = Path(path).parent.name if Path(path).name == "pack.toml" else Path(path).stem
            self._put(PluginInfo(name, "?", origin, str(path), Path(path), error=Msg(
                f"无法读取规则包 {path}:{err}", f"rule pack {path} cannot be read: {err}")))
            return
        self._put(PluginInfo(name, version, origin, source, Path(path)))

    def _load_file_plugin(self, folder: Path, origin: str) -> None:
        module_name = f"planner_plugin_{origin}_{folder.name}"
        try:
            spec = importlib.util.spec_from_file_location(module_name, folder / "plugin.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        except BaseException as err:  # noqa: BLE001 (a broken plugin must not stop the app)
            self._put(PluginInfo(folder.name, "?", origin, str(folder), error=_load_error(err)))
            return
        self._add_module(module, getattr(module, "NAME", folder.name),
                         str(getattr(module, "VERSION", "0")), origin, str(folder))

    def _load_entry_points(self) -> None:
        for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = entry.dist
            source = f"{dist.name} {dist.version}" if dist else entry.value
            try:
                module = entry.load()
            except BaseException as err:  # noqa: BLE001
                self._put(PluginInfo(entry.name, "?", "entry point", source,
                                     error=_load_error(err)))
                continue
            version = str(getattr(module, "VERSION", dist.version if dist else "0"))
            self._add_module(module, entry.name, version, "entry point", source)

    def _add_module(self, module: ModuleType, name: str, version: str, origin: str,
                    source: str) -> None:
        info = PluginInfo(name, version, origin, source, module=module)
        if self.manager.has_plugin(name):
            self.manager.unregister(name=name)
        try:
            self.manager.register(module, name=name)
            unknown = [c.name for c in self.manager.get_hookcallers(module) or []
                       if not c.has_spec()]
            if unknown:
                self.manager.unregister(module)
                raise ValueError(f"unknown hook(s) {unknown}")
        except (ValueError, pluggy.PluginValidationError) as err:
            info.module, info.error = None, _load_error(err)
        self._put(info)

    def _put(self, info: PluginInfo) -> None:
        known = self.found.get(info.name)
        if known is not None and known.source == info.source and not (known.error or info.error):
            # A folder's (or a package's) pack and Python plugin of one name are one plugin,
            # versioned by its pack: that is the version projects record.
            if known.pack and not info.pack:
                info.pack, info.version = known.pack, known.version
            info.module = info.module or known.module
        elif known is not None and known.origin == BUILT_IN:
            return  # the national pack is not replaced by a plugin of the same name
        self.found[info.name] = info

    # -- hooks ----------------------------------------------------------------------------
    def call(self, hook: str, accepts: Callable[[Any], bool], expected: str,
             only: Iterable[str] | None = None, **kwargs: Any) -> list[tuple[str, Any]]:
        """(plugin name, result) of each enabled plugin implementing ``hook`` (of those
        named in ``only``); a plugin whose call fails is disabled and reported."""
        only = None if only is None else set(only)
        results = []
        for impl in getattr(self.manager.hook, hook).get_hookimpls():
            name = impl.plugin_name
            if only is not None and name not in only or not self.manager.has_plugin(name):
                continue
            try:
                value = call_isolated(impl.function, {k: kwargs[k] for k in impl.argnames},
                                      lambda v: v is None or accepts(v), expected)
            except PluginFailure as failure:
                self.disable(name, Msg(f"{hook} ", f"{hook} ") + failure.reason)
                continue
            if value is not None:
                results.append((name, value))
        return results

    def disable(self, name: str, reason: Msg) -> None:
        if self.manager.has_plugin(name):
            self.manager.unregister(name=name)
        self.problems.append(Problem(name, reason))

    def file_formats(self) -> dict[str, FileFormat]:
        """Suffix -> format, from every plugin found."""
        formats = self.call("planner_file_formats", list_of(FileFormat), "a list of FileFormat")
        return {f.suffix.lower(): f for _, found in formats for f in found}

    # -- rulebooks ------------------------------------------------------------------------
    def rulebook(self, names: Iterable[str] = (), *, strict: bool = True) -> Rulebook:
        """The national pack followed by the packs and plugins named (names or ``.toml``
        paths). A name nothing answers to raises RulePackError when ``strict``; a named
        plugin that cannot be used is reported in ``problems`` and left out."""
        packs = [load_pack(self.found["national"].pack)]
        active: list[str] = []
        for name in dict.fromkeys(n for n in names if n != "national"):
            path = Path(name)
            explicit = path.suffix == ".toml" and path.is_file()
            if self.safe_mode:
                self.problems.append(Problem(name, Msg("安全模式下不加载第三方插件",
                                                       "safe mode loads no third-party plugins")))
                continue
            if not explicit and name not in self.found:
                self._unknown(name, strict)
                continue
            try:
                candidates = [load_pack(path)] if explicit else self._packs_of(name)
            except RulePackError as err:
                if explicit:
                    raise
                self.problems.append(Problem(name, err.msg))
                continue
            for pack in candidates:
                try:
                    Rulebook(packs + [pack])
                except RulePackError as err:
                    if explicit:
                        raise
                    self.problems.append(Problem(name, err.msg))
                    break
                packs.append(pack)
            else:
                if not explicit and self.found.get(name) and self.found[name].module:
                    active.append(name)
        return Rulebook(packs, plugins=ActivePlugins(self, active))

    def _unknown(self, name: str, strict: bool) -> None:
        known = ", ".join(sorted(self.found))
        message = Msg(f"找不到规则包 {name!r}(可用:{known})",
                      f"unknown rule pack {name!r} (known: {known})")
        if strict:
            raise RulePackError(message)
        self.problems.append(Problem(name, message))

    def _packs_of(self, name: str) -> list[RulePack]:
        info = self.found[name]
        if info.error or not self.manager.has_plugin(name) and info.pack is None:
            return []  # reported when found
        packs = [load_pack(info.pack)] if info.pack else []
        if info.module is not None:
            kinds = [kind for _, found in self.call("planner_kinds", list_of(Kind),
                                                    "a list of Kind", only=[name])
                     for kind in found]
            if not self.manager.has_plugin(name):
                return []  # its kinds hook failed: disabled and reported
            if kinds or not packs:
                packs.append(RulePack(name, info.version, Msg(name, name), None, {},
                                      {k.id: k for k in kinds}, {}, None, ()))
        return packs

    def pack_path(self, name: str) -> Path:
        """The TOML file of the pack called ``name``."""
        info = self.found.get(name)
        if info is None or info.pack is None:
            known = ", ".join(sorted(n for n, i in self.found.items() if i.pack))
            raise RulePackError(Msg(f"找不到规则包 {name!r}(可用:{known})",
                                    f"unknown rule pack {name!r} (known: {known})"))
        return info.pack

    def version_warnings(self, settings: Settings) -> list[Msg]:
        """What differs between the packs a project was saved with and those found."""
        warnings = []
        for name, version in settings.rule_versions.items():
            info = self.found.get(name)
            if info is None or info.error:
                warnings.append(Msg(f"项目使用的规则包 {name} {version} 未安装",
                                    f"the project uses rule pack {name} {version}, "
                                    "which is not installed"))
            elif info.version != str(version):
                warnings.append(Msg(
                    f"规则包 {name} 为 {info.version} 版,项目保存时为 {version} 版:检查结果可能不同",
                    f"rule pack {name} is version {info.version}, the project was saved with "
                    f"{version}: findings may differ"))
        return warnings


@dataclass
class ActivePlugins:
    """The Python plugins a rulebook uses: what evaluation asks of them."""

    plugins: Plugins
    names: list[str]

    @property
    def problems(self) -> list[Problem]:
        return self.plugins.problems

    def checks(self, **facts: Any) -> list[CheckResult]:
        found = self.plugins.call("planner_checks", _check_results, "a list of CheckResult",
                                  only=self.names, **facts)
        return [check for _, checks in found for check in checks]

    def indicators(self, **facts: Any) -> list[PluginIndicator]:
        found = self.plugins.call("planner_indicators", _indicators,
                                  "a list of PluginIndicator", only=self.names, **facts)
        return [indicator for _, indicators in found for indicator in indicators]


def _check_results(value: Any) -> bool:
    """CheckResults the report can print: known status, bilingual title and message."""
    return list_of(CheckResult)(value) and all(
        c.status in STATUS_LABELS and isinstance(c.id, str) and isinstance(c.clause, str)
        and isinstance(c.title, Msg) and isinstance(c.message, Msg)
        and all(isinstance(f, str) for f in c.features) for c in value)


def _indicators(value: Any) -> bool:
    return list_of(PluginIndicator)(value) and all(
        isinstance(i.key, str) and isinstance(i.label, Msg) and isinstance(i.unit, str)
        and isinstance(i.value, (int, float)) and not isinstance(i.value, bool) for i in value)


def _load_error(err: BaseException) -> Msg:
    return Msg(f"无法加载:{type(err).__name__}: {err}",
               f"cannot be loaded: {type(err).__name__}: {err}")

