"""The document and its edit commands, without Qt: every edit undoes exactly, a drag
merges into one change, and the evaluation and selection follow the project."""

from shapely.geometry import Point, box

from planner.commands import (
    add_facility, move_features, remove_features, rotate_features, set_attributes,
    set_entrance, set_manual_answer, set_parcel, set_settings,
)
from planner.document import Document
from planner.model import Facility, ManualAnswer, Project


def sample() -> Project:
    return Project.of(Facility("parcel", "parcel", box(0, 0, 100, 100)),
                      [Facility("a", "residential", box(10, 10, 30, 20), {"floors": 6}),
                       Facility("b", "green_space", box(40, 40, 60, 60)),
                       Facility("c", "bus_stop", Point(5, 5))])


def test_each_change_undoes_to_the_same_project():
    project = sample()
    changes = [
        add_facility(project, "shop", box(70, 70, 80, 80)),
        remove_features(project, ["b", "parcel"]),
        move_features(project, ["a", "c"], 5, -2),
        rotate_features(project, ["a"], 90),
        set_attributes(project, ["a"], floors=18, households=144),
        set_settings(project, community="existing", household_size=2.8),
        set_manual_answer(project, "N-01", ManualAnswer(True, "ok")),
        set_parcel(project, box(0, 0, 200, 200)),
    ]
    for change in changes:
        after = change.do(project)
        assert after != project
        restored = change.undo(after)
        assert restored == project
        assert list(restored.facilities) == list(project.facilities)  # order kept


def test_a_drag_merges_into_one_change_from_start_to_end():
    project = sample()
    first = move_features(project, ["a"], 1, 0, merge_key="drag")
    moved = first.do(project)
    second = move_features(moved, ["a"], 2, 0, merge_key="drag")
    merged = first.merged(second)
    assert merged.do(project).facilities["a"].geometry.bounds == (13, 10, 33, 20)
    assert merged.undo(second.do(moved)) == project
    assert first.merged(move_features(moved, ["a"], 1, 0)) is None  # not the same drag


def test_the_document_recomputes_and_keeps_the_selection_valid():
    document = Document(sample())
    seen = []
    document.events.evaluation_changed.connect(seen.append)
    document.select(["a", "nothing"])
    assert document.selection == ("a",)
    far_before = document.evaluation.indicators.far
    document.execute(set_attributes(document.project, ["a"], floors=18))
    assert document.evaluation.indicators.far > far_before
    assert document.dirty and len(seen) == 1
    document.execute(remove_features(document.project, ["a"]))
    assert document.selection == ()


def test_a_facility_carries_its_entrance_when_moved_or_turned():
    doc = Document(Project.of(Facility("parcel", "parcel", box(0, 0, 100, 100)),
                              [Facility("K", "kindergarten", box(20, 20, 60, 50))]))
    doc.execute(set_entrance(doc.project, "K", (60, 35)))
    doc.execute(move_features(doc.project, ["K"], 10, -5))
    assert doc.project.facilities["K"].get("entrance") == (70, 30)
    doc.execute(rotate_features(doc.project, ["K"], 90, origin=(50, 30)))  # (70, 30) -> (50, 50)
    x, y = doc.project.facilities["K"].get("entrance")
    assert (round(x, 9), round(y, 9)) == (50, 50)
    clear = set_entrance(doc.project, "K", None)
    doc.execute(clear)
    assert "entrance" not in doc.project.facilities["K"].attrs
    doc.revert(clear)
    assert doc.project.facilities["K"].get("entrance") == (x, y)
