"""Every string the app shows has its English translation: switching to English never leaves
Chinese words behind in menus, dialogs or panels."""

import importlib.util
import shutil
import xml.etree.ElementTree as ET

from tests.helpers import ROOT


def load_update_translations():
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_is_in_the_english_ts_and_translated(tmp_path):
    committed = ROOT / "resources" / "i18n" / "planner_en.ts"
    fresh = tmp_path / "planner_en.ts"
    shutil.copy(committed, fresh)
    load_update_translations().refresh(fresh, "en")
    untranslated = [
        message.findtext("source")
        for message in ET.parse(fresh).getroot().iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not (message.findtext("translation") or "").strip()
    ]
    assert untranslated == [], "run scripts/update_translations.py and translate these"
