"""docs/project-file.md shows the real schema, and its sqlite3 example prints what it says."""

import re
import subprocess

from planner.storage import HISTORY_SIZE, SCHEMA_VERSION, save
from planner.storage.geopackage import MAP_VIEW
from planner.storage.schema import TABLES
from tests.helpers import ROOT, new_sample

DOC = (ROOT / "docs" / "project-file.md").read_text(encoding="utf-8")


def test_the_documented_schema_is_the_one_written():
    for table, ddl in TABLES.items():
        assert ddl.strip() + ";" in DOC, table
    assert MAP_VIEW + ";" in DOC
    assert f"## Schema (version {SCHEMA_VERSION})" in DOC
    assert f"the {HISTORY_SIZE} saved\n  before it are kept" in DOC


def test_the_example_query_prints_what_the_doc_shows(tmp_path):
    example = DOC.split("<!-- example query -->")[1].split("<!-- end example query -->")[0]
    command = re.search(r"```sh\n(.*?)```", example, re.S).group(1)
    shown = re.search(r"```text\n(.*?)```", example, re.S).group(1)
    save(new_sample(), tmp_path / "site.cplan")
    done = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True,
                          timeout=30)
    assert done.stderr == ""
    assert done.stdout == shown
