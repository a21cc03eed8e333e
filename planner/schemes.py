"""Schemes, consultation rounds and comments as edits (planner.commands.Change), and the
layouts they address (``FILE#方案B``, ``FILE@第一轮``).

A scheme switch is an edit too: it sits in the undo history between the edits of one
scheme and those of the next, so undoing always applies to the layout it was made on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date

from planner.commands import Change
from planner.errors import InputError
from planner.i18n import Msg
from planner.model import Comment, Project, Round, Scheme
from planner.model.schemes import check_name


def layout(project: Project, scheme: str | None = None,
           round_name: str | None = None) -> tuple[Project, str]:
    """The project showing a scheme (default: its current one), or a round's scheme on the
    round's parcel, and the name to show for it."""
    if round_name is not None:
        frozen = project.round(round_name)
        shown = frozen.scheme(scheme)
        name = f"{frozen.name}·{shown.name}"
        return replace(project, parcel=frozen.parcel, facilities=shown.facilities,
                       scheme=shown.name, others=()), name
    if scheme is not None:
        project = project.with_scheme(scheme)
    return project, project.scheme


def round_project(project: Project, round_name: str) -> Project:
    """A past round as a project of its own, to be looked at: the round's schemes on its
    parcel, the comments made in that round, the project's settings and rounds."""
    frozen = project.round(round_name)
    first, *rest = frozen.schemes
    return replace(project, parcel=frozen.parcel, facilities=first.facilities,
                   scheme=first.name, others=tuple(rest),
                   comments=tuple(c for c in project.comments if c.round == frozen.name))


def only_switches(before: Project, after: Project) -> bool:
    """``after`` is ``before`` showing another of the same schemes: nothing was edited."""
    shown = {s.name: s.facilities for s in before.schemes()}
    return shown == {s.name: s.facilities for s in after.schemes()} and \
        replace(after, scheme=before.scheme, facilities=before.facilities,
                others=before.others) == before


def _layout_change(project: Project, after: Project, label: Msg) -> Change:
    names = ("scheme", "facilities", "others")
    return Change(label, fields={n: (getattr(project, n), getattr(after, n)) for n in names})


def switch_scheme(project: Project, name: str) -> Change:
    return _layout_change(project, project.with_scheme(name),
                          Msg(f"切换到{name}", f"switch to {name}"))


def next_scheme_name(project: Project) -> str:
    taken = set(project.scheme_names())
    return next(f"方案{chr(c)}" for c in range(ord("A"), ord("Z") + 1)
                if f"方案{chr(c)}" not in taken)


def duplicate_scheme(project: Project, name: str | None = None) -> Change:
    """A copy of the current scheme under a new name, shown at once (to be edited)."""
    name = _free_name(project, name or next_scheme_name(project))
    after = replace(project, scheme=name,
                    others=(*project.others, Scheme(project.scheme, project.facilities)))
    return _layout_change(project, after, Msg(f"复制为{name}", f"duplicate as {name}"))


def rename_scheme(project: Project, old: str, new: str) -> Change:
    new = check_name(new, Msg("方案", "scheme"))
    if new == old:
        return Change(Msg("重命名方案", "rename scheme"))
    _free_name(project, new)
    if old == project.scheme:
        after = replace(project, scheme=new)
    else:
        project.with_scheme(old)  # refuses an unknown name
        after = replace(project, others=tuple(Scheme(new, s.facilities) if s.name == old else s
                                              for s in project.others))
    return _layout_change(project, after, Msg(f"重命名{old}为{new}", f"rename {old} to {new}"))


def delete_scheme(project: Project, name: str) -> Change:
    """The scheme removed; deleting the current one shows the next. The last one stays."""
    if not project.others:
        raise InputError(Msg("项目至少要保留一个方案", "a project keeps at least one scheme"))
    shown = project if name != project.scheme else project.with_scheme(
        next(n for n in project.scheme_names() if n != name))
    shown.with_scheme(name)  # refuses an unknown name
    after = replace(shown, others=tuple(s for s in shown.others if s.name != name))
    return _layout_change(project, after, Msg(f"删除{name}", f"delete {name}"))


def _free_name(project: Project, name: str) -> str:
    name = check_name(name, Msg("方案", "scheme"))
    if name in project.scheme_names():
        raise InputError(Msg(f"方案名称 {name} 已被使用", f"the scheme name {name} is taken"))
    return name


def add_round(project: Project, name: str, date: str | None = None, note: str = "") -> Change:
    """A consultation round: every scheme as it is now, named, dated and frozen."""
    frozen = Round(name, date or Date.today().isoformat(), note, project.parcel,
                   tuple(project.schemes()))
    if any(r.name == frozen.name for r in project.rounds):
        raise InputError(Msg(f"轮次名称 {frozen.name} 已被使用(轮次一经保存不能修改,请另取名称)",
                             f"the round name {frozen.name} is taken (a saved round is frozen: "
                             "choose another name)"))
    return Change(Msg(f"保存轮次 {frozen.name}", f"save round {frozen.name}"),
                  fields={"rounds": (project.rounds, (*project.rounds, frozen))})


def set_comments(project: Project, comments: list[Comment], label: Msg) -> Change:
    """The project's comments replaced (added, edited, removed, imported)."""
    numbers = [c.number for c in comments]
    twice = sorted({n for n in numbers if numbers.count(n) > 1})
    if twice:
        raise InputError(Msg(f"意见编号重复:{', '.join(map(str, twice))}",
                             f"comment numbers used twice: {', '.join(map(str, twice))}"))
    ordered = tuple(sorted(comments, key=lambda c: c.number))
    return Change(label, fields={"comments": (project.comments, ordered)})


def add_comment(project: Project, position: tuple[float, float], text: str,
                **details) -> Change:
    number = max((c.number for c in project.comments), default=0) + 1
    comment = Comment(number, position, text, **details)
    return set_comments(project, [*project.comments, comment],
                        Msg(f"添加意见 {number}", f"add comment {number}"))


def edit_comment(project: Project, number: int, **changes) -> Change:
    found = [c for c in project.comments if c.number == number]
    if not found:
        raise InputError(Msg(f"没有编号为 {number} 的意见", f"no comment number {number}"))
    edited = replace(found[0], **changes)
    return set_comments(project, [edited if c.number == number else c for c in project.comments],
                        Msg(f"修改意见 {number}", f"edit comment {number}"))
