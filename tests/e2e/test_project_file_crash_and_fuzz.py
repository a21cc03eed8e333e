"""A save killed at any instant, and project files with random bytes changed: the file
always opens as the old or the new state; a damaged one gives a message, never a traceback
or a hang. (benchmarks/bench_storage.py runs 50 kills and 500 damaged files.)"""

import random

from planner.storage import history, load, save
from tests.helpers import new_sample, old_sample
from tests.storage_trials import crash_run, fuzz_files, open_each, trial_project

KILLS = 5
FUZZ_CASES = 50


def test_a_save_killed_at_random_instants_leaves_the_old_or_the_new_file(tmp_path):
    rng = random.Random()
    path = tmp_path / "site.cplan"
    window = 0.3  # the child's save of 4,000 plots takes about this long, at most
    runs = [crash_run(path, rng.uniform(i * window / KILLS, (i + 1) * window / KILLS))
            for i in range(KILLS)]
    assert {r.outcome for r in runs} <= {"old", "new"}
    for run in runs:
        assert run.outcome == "new" or not run.finished
    save(old_sample(), path)  # a later save over it works, and keeps what the kill left
    current, before = history(path)[:2]
    assert load(path, current.number) == old_sample()
    assert load(path, before.number) == trial_project(4000, 2 if runs[-1].outcome == "new" else 1)


def test_damaged_project_files_give_a_message_never_a_traceback_or_a_hang(tmp_path):
    seed = tmp_path / "seed.cplan"
    save(new_sample(), seed)
    save(old_sample(), seed)
    rng_seed = random.randrange(10**6)
    cases = fuzz_files(seed, tmp_path, FUZZ_CASES, seed=rng_seed)
    written = {p: p.read_bytes() for p in cases}
    outcomes = open_each(cases)
    assert len(outcomes) == FUZZ_CASES
    for path, outcome in zip(cases, outcomes):
        assert outcome == "opened" or outcome.startswith(f"message {path.name} "), (
            f"seed {rng_seed}, {path.name}: {outcome}")
        assert path.read_bytes() == written[path]
    assert any(o.startswith("message") for o in outcomes)
