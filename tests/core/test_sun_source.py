"""The background sunlight: asking never waits, a layout gets only its own hours, a run
of edits computes the newest, and an evaluation's sun checks wait for it honestly."""

import threading
from dataclasses import replace

from shapely import affinity

from planner import evaluate
from planner.commands import replace_features
from planner.document import Document
from planner.i18n import Msg
from planner.model import Project
from planner.plugins import load_rulebook
from planner.site import analyse
from planner.sun import source as source_module
from planner.sun.layout import analyse_layout
from planner.sun.source import BackgroundSun
from tests.helpers import parcel, rect

RULES = load_rulebook()
STOREY = RULES.parameters_for("new")["storey_height_m"]


def layout(slab_y=-57.0) -> Project:
    return Project.of(parcel(-100, -150, 200, 100), [
        rect("S", "residential", -40, slab_y, 100, slab_y + 12, floors=10),
        rect("H", "residential", 0, 0, 60, 12, floors=6),
    ], latitude=40.0, city_population=2_000_000)


def site_of(project):
    return analyse(project, RULES.kinds, RULES.parameters_for("new")["tolerance_m2"])


class Waiter:
    def __init__(self):
        self.event, self.count = threading.Event(), 0

    def __call__(self):
        self.count += 1
        self.event.set()

    def wait(self):
        assert self.event.wait(30)
        self.event.clear()


def test_asking_returns_at_once_then_the_layouts_own_hours():
    waiter = Waiter()
    sun = BackgroundSun(waiter)
    project = layout()
    site = site_of(project)
    assert sun(project, site, RULES.sunlight, STOREY) is None
    waiter.wait()
    found = sun(project, site, RULES.sunlight, STOREY)
    want = analyse_layout(project, site, RULES.sunlight, STOREY)
    assert found.row("H").sun.worst_hours == want.row("H").sun.worst_hours
    assert found.green is None or found.green.share == want.green.share
    other = layout(-87.0)  # another layout is not answered with this one's hours
    assert sun(other, site_of(other), RULES.sunlight, STOREY) is None
    sun.close()


def test_a_run_of_edits_computes_the_newest(monkeypatch):
    gate, computed = threading.Event(), []
    analyse_real = source_module.analyse_layout

    def slow(project, *args, **kwargs):
        computed.append(project)
        gate.wait(30)
        return analyse_real(project, *args, **kwargs)
    monkeypatch.setattr(source_module, "analyse_layout", slow)
    waiter = Waiter()
    sun = BackgroundSun(waiter)
    moves = [layout(-57.0 - 5 * n) for n in range(6)]  # a drag: one layout per mouse move
    for project in moves:
        assert sun(project, site_of(project), RULES.sunlight, STOREY) is None
    gate.set()
    assert sun.wait()
    # the one under way (whichever the thread had taken when it started), then the newest
    assert computed[-1] is moves[-1] and len(computed) <= 2
    assert any(computed[0] is move for move in moves)
    assert sun(moves[-1], site_of(moves[-1]), RULES.sunlight, STOREY) is not None
    passed = next(move for move in moves if not any(move is c for c in computed))
    assert sun(passed, site_of(passed), RULES.sunlight, STOREY) is None  # dropped unfinished
    sun.close()


def test_the_ground_map_follows_the_facades():
    waiter = Waiter()
    sun = BackgroundSun(waiter)
    project = layout()
    site = site_of(project)
    assert sun(project, site, RULES.sunlight, STOREY, ground=True) is None
    waiter.wait()  # the façades first: the checks can be answered
    assert sun(project, site, RULES.sunlight, STOREY) is not None
    assert sun.wait() and waiter.count == 2
    assert sun(project, site, RULES.sunlight, STOREY, ground=True).ground is not None
    sun.close()


def test_a_documents_sun_checks_wait_then_match_the_inline_evaluation():
    document = Document(layout())
    waiter = Waiter()
    document.sun_source = BackgroundSun(waiter)
    slab = document.project.facilities["S"]
    moved = replace(slab, geometry=affinity.translate(slab.geometry, 0, -20))
    document.execute(replace_features(document.project, [moved], Msg("移动", "move")))
    pending = document.evaluation.check("sun.housing")
    assert pending.status == "n/a" and document.evaluation.sun_pending
    assert "计算中" in pending.message.zh
    inline = evaluate(document.project, document.rulebook).check("sun.housing")
    for_paper = document.complete()  # print, export: computed in line if need be
    assert not for_paper.sun_pending and for_paper.check("sun.housing").status == inline.status
    waiter.wait()
    document.sunlight_ready()  # what the app does on the GUI thread when told
    found = document.evaluation.check("sun.housing")
    assert (found.status, found.actual, found.features) == \
        (inline.status, inline.actual, inline.features)
    assert not document.evaluation.sun_pending
    document.sun_source.close()
