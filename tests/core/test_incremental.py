"""A recompute after an edit keeps what the edit did not change (planner.memo answers about
unchanged shapes, the walking links of facilities no changed building decides): whatever
the edits, it must say exactly what a fresh evaluation of the same layout says."""

import random
from dataclasses import replace

from shapely import affinity

from planner import evaluate
from planner.memo import Memo
from planner.model import Facility
from planner.plugins import load_rulebook
from planner.reach import ReachCache
from tests.helpers import new_sample, old_sample, rect, with_facilities


def verdict(evaluation) -> dict:
    """Everything an evaluation says that an edit can change."""
    site, planning, greens = evaluation.site, evaluation.planning, evaluation.greens
    circle = evaluation.life_circle()
    return {
        "report": evaluation.report(),
        "shares": {p.id: round(p.inside_share, 9) for p in site.placed},
        "hosts": {p.id: p.host for p in site.placed},
        "site": (sorted(site.outside), sorted(site.overlaps), sorted(site.crossings)),
        "setbacks": sorted((f.id, f.edge, round(f.actual, 6), f.underground)
                           for f in planning.setbacks),
        "spacing": sorted((f.south, f.north, f.rule, round(f.actual, 6), f.line)
                          for f in planning.spacing),
        "envelope": None if planning.envelope is None else round(planning.envelope.area, 6),
        "greens": (round(greens.area, 6), round(greens.concentrated_area, 6),
                   round(greens.deducted_area, 6)),
        "walks": None if circle is None else repr(circle),
    }


def edits(project, rng: random.Random, count: int):
    """Successive layouts a designer might make: buildings moved (into each other, onto
    paths, across the red line), turned, removed and put back, a floor added, a green
    moved along a wall, a new block dropped between the rows."""
    buildings = [i for i, f in project.facilities.items()
                 if f.kind in ("residential", "kindergarten", "community_service_station")]
    others = [i for i, f in project.facilities.items() if f.kind in ("green_space", "path",
                                                                     "parking_lot")]
    removed: dict[str, Facility] = {}
    for step in range(count):
        action = rng.choice(["move", "move", "move", "turn", "floors", "other", "remove",
                             "add"])
        if action == "remove" and len(removed) < 3:
            fid = rng.choice(buildings)
            if fid in project.facilities:
                removed[fid] = project.facilities[fid]
                project = replace(project, facilities={i: f for i, f in
                                                       project.facilities.items() if i != fid})
        elif action == "add":
            if removed:
                project = with_facilities(project, removed.pop(next(iter(removed))))
            else:
                x, y = rng.uniform(0, 150), rng.uniform(0, 250)
                project = with_facilities(project, rect(f"N{step}", "residential", x, y,
                                                        x + 30, y + 12, floors=11,
                                                        households=44))
        else:
            pool = others if action == "other" else buildings
            fid = rng.choice([i for i in pool if i in project.facilities])
            facility = project.facilities[fid]
            if action == "turn":
                facility = facility.transformed(lambda g: affinity.rotate(g, rng.choice([15, 90])))
            elif action == "floors" and "floors" in facility.attrs:
                facility = facility.with_attrs(floors=facility.get("floors") + 3)
            else:
                dx, dy = rng.choice([(-12, 0), (12, 0), (0, -9), (0, 9), (25, 25), (-40, 3)])
                facility = facility.transformed(lambda g: affinity.translate(g, dx, dy))
            project = with_facilities(project, facility)
        yield project


def test_edits_recomputed_with_the_memo_say_what_a_fresh_evaluation_says():
    rulebook = load_rulebook()
    for project, seed in ((new_sample(), 1), (old_sample(), 2)):
        cache, memo = ReachCache(), Memo()
        kept = evaluate(project, rulebook, cache, memo=memo)
        assert verdict(kept) == verdict(evaluate(project, rulebook))
        for state in edits(project, random.Random(seed), 24):
            assert verdict(evaluate(state, rulebook, cache, memo=memo)) == \
                verdict(evaluate(state, rulebook))


def test_a_building_moved_off_a_walled_in_home_gives_it_back_its_links():
    """A ring of building dropped round a home walls it in (no link to the paths); moved
    away, the ring no longer decides anything and the home's links are made again, as a
    fresh evaluation makes them (the links were kept between the edits, so the move had
    to forget them)."""
    rulebook = load_rulebook()
    project = new_sample()
    cache, memo = ReachCache(), Memo()

    def links(evaluation):
        home = next(p for p in evaluation.site.placed if p.id == "R01")
        return [(f.edge, round(f.length, 6)) for f in evaluation.reach().links_of([home])[0]]

    free = links(evaluate(project, rulebook, cache, memo=memo))
    shape = project.facilities["R01"].geometry
    ring = Facility("RING", "property_office", shape.buffer(8).difference(shape.buffer(1)),
                    {"floors": 2})
    walled = links(evaluate(with_facilities(project, ring), rulebook, cache, memo=memo))
    away = with_facilities(project, ring.transformed(lambda g: affinity.translate(g, 900, 0)))
    freed = evaluate(away, rulebook, cache, memo=memo)
    assert free and walled == []
    assert links(freed) == free
    assert verdict(freed) == verdict(evaluate(away, rulebook))
