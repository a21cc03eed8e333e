"""Finding plugins and rule packs, and calling their hooks safely.

Where plugins come from, in order (a later one with the same name replaces an earlier one;
the built-in national pack always stays):

- ``plugins/`` beside ``resources/`` in the app (the shipped examples);
- the user plugin folder, ``platformdirs.user_data_dir("community-planner")/plugins``, or the
  folder named by ``PLANNER_PLUGIN_DIR``;
- installed packages declaring a ``planner.plugins`` entry point.

A plugin folder holds rule packs (``*.toml``) and/or a Python plugin (``plugin.py``).
``--safe-mode`` loads none of them: only the built-in national pack.

Each plugin is loaded on its own (``isolation``): one that cannot be read, imported or
registered is listed with status ``error`` and its reason, and every other plugin and every
command keeps working. The dependency runs one way: plugins build on the rules
(``planner.rules``), which know nothing of plugins; ``load_rulebook`` lives here.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable

import platformdirs
import pluggy

from planner.errors import InputError, PlannerError, RulePackError
from planner.i18n import Msg
from planner.input_limits import one_line, read_toml
from planner.model import Kind, Project, Settings
from planner.model.kinds import GEOMETRIES, ROLES
from planner.plugins import hookspecs, isolation, national
from planner.plugins.hookspecs import FileFormat, PluginIndicator
from planner.plugins.isolation import PluginFailure, Unusable, call_isolated
from planner.resources import resources_dir
from planner.rules.engine import CheckResult
from planner.rules.outcome import STATUS_LABELS
from planner.rules.pack import BUILTIN_DIR, RulePack, Rulebook, load_pack
from planner.rules.shapes import COLOUR

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
        for name, paths in self.call("planner_rule_packs", _paths):
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
            name, version = _pack_name(Path(path))
        except PlannerError as err:
            name = Path(path).parent.name if Path(path).name == "pack.toml" else Path(path).stem
            self._put(PluginInfo(name, "?", origin, str(path), Path(path), error=Msg(
                "无法读取规则包:", "rule pack cannot be read: ") + err.msg))
            return
        self._put(PluginInfo(name, version, origin, source, Path(path)))

    def _load_file_plugin(self, folder: Path, origin: str) -> None:
        module_name = f"planner_plugin_{origin}_{folder.name}"

        def load() -> ModuleType:
            spec = importlib.util.spec_from_file_location(module_name, folder / "plugin.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module

        try:
            module, name, version = call_isolated(
                load, {}, lambda m: _named(m, folder.name, "0"), isolation.IMPORT_TIME_BOX_S)
        except PluginFailure as failure:  # a broken plugin must not stop the app
            self._put(PluginInfo(folder.name, "?", origin, str(folder), error=_load_error(failure)))
            return
        self._add_module(module, name, version, origin, str(folder))

    def _load_entry_points(self) -> None:
        # Distribution by distribution: one package's malformed entry_points.txt (or
        # metadata) is reported as its own problem and stops no other.
        for dist in importlib.metadata.distributions():
            try:
                declared = dist.read_text("entry_points.txt") or ""
            except Exception:  # noqa: BLE001 (unreadable metadata of some other package)
                continue
            if ENTRY_POINT_GROUP not in declared:
                continue
            try:
                source = f"{dist.metadata['Name']} {dist.version}"
                entries = list(dist.entry_points.select(group=ENTRY_POINT_GROUP))
                names = [_identifier(e.name, "the entry point's name") for e in entries]
            except Exception as err:  # noqa: BLE001 (metadata written by anyone)
                where = one_line(getattr(dist, "_path", "") or "a package", 200)
                self.problems.append(Problem(where, Msg("entry_points.txt 无法读取:",
                                                        "entry_points.txt cannot be read: ")
                                             + _load_error(err)))
                continue
            for entry, name in zip(entries, names):
                self._load_entry(entry, name, source, str(dist.version))

    def _load_entry(self, entry, name: str, source: str, default_version: str) -> None:
        try:
            module, _, version = call_isolated(
                entry.load, {}, lambda m: _named(m, name, default_version),
                isolation.IMPORT_TIME_BOX_S)
        except PluginFailure as failure:
            self._put(PluginInfo(name, "?", "entry point", source, error=_load_error(failure)))
            return
        self._add_module(module, name, version, "entry point", source)

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
        except Exception as err:  # noqa: BLE001 (registration inspects the plugin's objects)
            if self.manager.is_registered(module):
                self.manager.unregister(module)
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
    def call(self, hook: str, clean: Callable[[Any], Any], only: Iterable[str] | None = None,
             shared: list[Any] = (), **kwargs: Any) -> list[tuple[str, Any]]:
        """(plugin name, result) of each enabled plugin implementing ``hook`` (of those
        named in ``only``), each result checked and rebuilt by ``clean`` inside the box
        (``isolation``); a plugin whose call fails is disabled and reported. Each plugin
        gets its own copy of ``kwargs`` (``shared``: immutable values left uncopied)."""
        only = None if only is None else set(only)
        results = []
        for impl in getattr(self.manager.hook, hook).get_hookimpls():
            name = impl.plugin_name
            if only is not None and name not in only or not self.manager.has_plugin(name):
                continue
            given = isolation.copies({k: kwargs[k] for k in impl.argnames}, list(shared))
            try:
                value = call_isolated(impl.function, given,
                                      lambda v: None if v is None else clean(v))
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
        """Suffix -> format, from every plugin found; its ``open`` and ``save`` run in the
        box too (``isolation.FILE_TIME_BOX_S``), and ``open`` must give a Project."""
        formats = self.call("planner_file_formats", _file_formats)
        return {f.suffix: _boxed_format(name, f) for name, found in formats for f in found}

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
            kinds = [kind for _, found in self.call("planner_kinds", _kinds, only=[name])
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
        found = self.plugins.call("planner_checks", _check_results, only=self.names,
                                  shared=_geometries(facts), **facts)
        return [check for _, checks in found for check in checks]

    def indicators(self, **facts: Any) -> list[PluginIndicator]:
        found = self.plugins.call("planner_indicators", _indicators, only=self.names,
                                  shared=_geometries(facts), **facts)
        return [indicator for _, indicators in found for indicator in indicators]


def _geometries(facts: dict[str, Any]) -> list[Any]:
    """The shapely geometry in a hook's facts: immutable, so shared rather than copied."""
    project, site = facts.get("project"), facts.get("site")
    shapes = [f.geometry for f in project.features()] if project is not None else []
    if site is not None:
        shapes += [p.shape for p in site.placed] + [site.parcel]
    return shapes


# -- what hooks may return: checked and rebuilt inside the box (isolation) -------------------
_SUFFIX = re.compile(r"\.[a-z0-9_]{1,16}")


def _paths(value: Any) -> list[Path]:
    paths = isolation.items(value, "planner_rule_packs", 100)
    if not all(type(p) in (str, type(Path())) for p in paths):
        raise Unusable("planner_rule_packs must return paths (pathlib.Path)")
    return [Path(str(p)) for p in paths]


def _kinds(value: Any) -> list[Kind]:
    kinds = []
    for kind in isolation.items(value, "planner_kinds", 1000):
        kind = isolation.instance(kind, Kind, "a kind")
        kind_id = _identifier(kind.id, "a kind's id")
        colour = isolation.text(kind.colour, "a kind's colour", 20)
        if not COLOUR.fullmatch(colour):
            raise Unusable(f"kind {kind_id}: colour {colour!r} is not \"#rrggbb\"")
        geometries = tuple(isolation.text(g, "geometry", 20)
                           for g in isolation.items(kind.geometries, "geometries", 3))
        roles = [isolation.text(r, "role", 40) for r in isolation.items(
            list(kind.roles) if type(kind.roles) is frozenset else kind.roles, "roles", 20)]
        if set(geometries) - set(GEOMETRIES) or set(roles) - set(ROLES) or not geometries:
            raise Unusable(f"kind {kind_id}: geometry must be among {', '.join(GEOMETRIES)} "
                           f"and roles among {', '.join(ROLES)}")
        kinds.append(Kind(kind_id, isolation.message(kind.name, "a kind's name"), colour,
                          geometries, frozenset(roles)))
    return kinds


def _check_results(value: Any) -> list[CheckResult]:
    """CheckResults the report can print: known status, bilingual title and message,
    plain finite values."""
    results = []
    for check in isolation.items(value, "planner_checks"):
        c = isolation.instance(check, CheckResult, "a check")
        status = isolation.text(c.status, "status", 10)
        if status not in STATUS_LABELS:
            raise Unusable(f"status {status!r} is not one of {', '.join(STATUS_LABELS)}")
        results.append(CheckResult(
            isolation.text(c.id, "a check's id", 200), status,
            isolation.message(c.title, "title"), isolation.message(c.message, "message"),
            isolation.text(c.clause, "clause"), isolation.scalar(c.required, "required"),
            isolation.scalar(c.actual, "actual"),
            tuple(isolation.text(f, "a feature id", 200)
                  for f in isolation.items(c.features, "features")),
            isolation.text(c.unit, "unit", 40)))
    return results


def _indicators(value: Any) -> list[PluginIndicator]:
    return [PluginIndicator(isolation.text(i.key, "an indicator's key", 200),
                            isolation.message(i.label, "label"),
                            isolation.number(i.value, "an indicator's value"),
                            isolation.text(i.unit, "unit", 40))
            for i in (isolation.instance(i, PluginIndicator, "an indicator")
                      for i in isolation.items(value, "planner_indicators", 1000))]


def _file_formats(value: Any) -> list[FileFormat]:
    formats = []
    for found in isolation.items(value, "planner_file_formats", 100):
        f = isolation.instance(found, FileFormat, "a file format")
        suffix = isolation.text(f.suffix, "a format's suffix", 20).lower()
        if not _SUFFIX.fullmatch(suffix):
            raise Unusable(f"suffix {suffix!r} must be a dot and up to 16 letters or digits")
        if not all(c is None or callable(c) for c in (f.open, f.save)):
            raise Unusable("a format's open and save must be functions")
        formats.append(FileFormat(suffix, isolation.message(f.name, "a format's name"),
                                  f.open, f.save))
    return formats


def _boxed_format(plugin: str, found: FileFormat) -> FileFormat:
    """The format with its reader and writer run in the box: a failure, a hang or a
    reader giving something else than a Project is bad input, named after the plugin."""

    def boxed(function: Callable | None, clean: Callable[[Any], Any]) -> Callable | None:
        if function is None:
            return None

        def run(*args: Any) -> Any:
            try:
                return call_isolated(lambda: function(*args), {}, clean,
                                     isolation.FILE_TIME_BOX_S)
            except PluginFailure as failure:
                raise InputError(Msg(f"插件 {plugin} 的 {found.suffix} 格式出错:",
                                     f"the {found.suffix} format of plugin {plugin} failed: ")
                                 + failure.reason) from None

        return run

    return FileFormat(found.suffix, found.name,
                      boxed(found.open, lambda v: isolation.instance(v, Project, "a project")),
                      boxed(found.save, lambda v: None))


def _identifier(value: Any, what: str) -> str:
    name = isolation.text(value, what, 100)
    if not name.isidentifier():
        raise Unusable(f"{what} {name!r} must be a plain identifier (letters, digits, _)")
    return name


def _named(module: Any, default_name: str, default_version: str) -> tuple[Any, str, str]:
    """The module with its ``NAME`` and ``VERSION`` (checked), read inside the box."""
    if not isinstance(module, ModuleType):
        raise Unusable(f"the entry point must name a module, not {type(module).__name__}")
    name = _identifier(getattr(module, "NAME", default_name), "NAME")
    version = getattr(module, "VERSION", default_version)
    if type(version) in (int, float):
        version = str(version)
    return module, name, isolation.text(version, "VERSION", 40)


def _pack_name(path: Path) -> tuple[str, str]:
    """The name and version of the pack at ``path``, read within the limits."""
    data = read_toml(path, RulePackError)
    meta = data.get("pack")
    name = meta.get("name") if isinstance(meta, dict) else None
    version = meta.get("version") if isinstance(meta, dict) else None
    if not isinstance(name, str) or not name.isidentifier():
        raise RulePackError(Msg(f"{path}:[pack] name 应为字母、数字和下划线组成的名称",
                                f"{path}: [pack] name must be a plain identifier"))
    if type(version) not in (str, int, float) or len(str(version)) > 40:
        raise RulePackError(Msg(f"{path}:[pack] version 应为版本文字",
                                f"{path}: [pack] version must be version text"))
    return name, str(version)


def _load_error(err: BaseException) -> Msg:
    if isinstance(err, PluginFailure):
        reason = err.reason if err.raised is None else Msg(err.raised, err.raised)
    else:
        text = one_line(f"{type(err).__name__}: {err}")
        reason = Msg(text, text)
    return Msg("无法加载:", "cannot be loaded: ") + reason


def find_pack(name_or_path: str) -> Path:
    """A pack by path (``my/pack.toml``), by name of a built-in pack (``national``) or by
    name of a pack in a plugin folder or installed plugin (``wuhai``)."""
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.is_file():
        return path
    builtin = BUILTIN_DIR / f"{name_or_path}.toml"
    if builtin.is_file():
        return builtin
    return Plugins().pack_path(name_or_path)


def load_rulebook(extra: list[str] | tuple[str, ...] = (), *, safe_mode: bool = False,
                  strict: bool = True, plugins: Plugins | None = None) -> Rulebook:
    """The national pack followed by the packs and plugins named (names or ``.toml``
    paths), found in the plugin folders and installed plugins (docs/plugins.md).

    ``safe_mode`` loads no third-party plugin. A name nothing answers to raises
    RulePackError when ``strict`` (the command line); otherwise (the app opening a project)
    it is reported in ``Rulebook.problems`` like a plugin that failed. ``plugins`` reuses a
    ``Plugins`` already discovered.
    """
    plugins = plugins or Plugins(safe_mode=safe_mode)
    return plugins.rulebook(extra, strict=strict)

