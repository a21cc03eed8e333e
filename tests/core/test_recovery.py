"""Autosave copies under the user data folder: written, listed, restored, discarded."""

import pytest

from planner.errors import InputError
from planner.files import open_project, restore_recovery
from planner.storage import RecoveryStore, history, load
from planner.storage.recovery import DEFAULT_INTERVAL_S, data_dir
from tests.helpers import edit, new_sample, old_sample


@pytest.fixture
def store(tmp_path, monkeypatch) -> RecoveryStore:
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    return RecoveryStore()


def test_the_store_lives_in_the_data_folder_and_autosaves_every_minute(store, tmp_path):
    assert data_dir() == tmp_path / "data"
    assert store.folder == tmp_path / "data" / "recovery"
    assert store.interval_s == DEFAULT_INTERVAL_S == 60
    assert RecoveryStore(interval_s=15).interval_s == 15


def test_autosaves_replace_their_own_copy_and_keep_no_history(store, tmp_path):
    source = tmp_path / "site.cplan"
    entry = store.write(new_sample(), source)
    later = store.write(edit(new_sample(), "R01", floors=9), source, entry.id)
    assert later.id == entry.id and later.path == entry.path
    [listed] = store.entries()
    assert (listed.id, listed.source, listed.name, listed.facilities) == (
        entry.id, source, "幸福里新建社区示例", 62)
    assert store.load(entry.id).facilities["R01"].get("floors") == 9
    assert len(history(entry.path)) == 1


def test_each_session_has_its_own_entry_newest_first(store):
    first = store.write(new_sample())
    second = store.write(old_sample())
    assert first.id != second.id
    assert {e.id for e in store.entries()} == {first.id, second.id}
    assert [e.source for e in store.entries()] == [None, None]


def test_restore_writes_the_project_and_discards_the_copy(store, tmp_path):
    entry = store.write(old_sample(), tmp_path / "old.cplan")
    for out in (tmp_path / "restored.geojson",):
        assert restore_recovery(store, entry.id, out) == old_sample()
        assert open_project(out) == old_sample()
    assert store.entries() == []
    with pytest.raises(InputError, match=f"no recovery copy {entry.id}"):
        restore_recovery(store, entry.id, tmp_path / "again.cplan")


def test_discard_after_a_normal_save(store):
    entry = store.write(new_sample())
    store.discard(entry.id)
    store.discard(entry.id)  # already gone: nothing to do
    assert store.entries() == [] and list(store.folder.iterdir()) == []


def test_a_copy_without_its_note_is_still_listed_and_restores(store, tmp_path):
    entry = store.write(new_sample())
    entry.path.with_suffix(".json").write_text("{broken", encoding="utf-8")
    [listed] = store.entries()
    assert listed.id == entry.id and listed.source is None
    restore_recovery(store, entry.id, tmp_path / "back.cplan")
    assert load(tmp_path / "back.cplan") == new_sample()


def test_ids_cannot_point_outside_the_folder(store, tmp_path):
    with pytest.raises(InputError, match="invalid recovery id"):
        restore_recovery(store, "../site", tmp_path / "x.cplan")
