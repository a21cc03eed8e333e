"""docs/plugins.md is executed: its shell blocks run in a fresh home folder, its TOML and
Python blocks are the plugin files written there, and its output blocks must appear in what
the commands print. The files it builds are the plugins shipped in plugins/."""

import os
import re
import subprocess
import sys
from pathlib import Path

from planner.plugins import hookspecs
from tests.helpers import ROOT

GUIDE = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"<!-- (run|output|file: (\S+)) -->\n```\w+\n(.*?)```", re.S)


def normalised(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def test_the_guide_walks_from_an_empty_folder_to_checks_in_the_report(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PLANNER_PLUGIN_DIR", "XDG_DATA_HOME")}
    env.update(HOME=str(tmp_path), PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}")
    user_folder = tmp_path / ".local" / "share" / "community-planner" / "plugins"
    written: dict[str, Path] = {}
    printed = ""
    blocks = BLOCK.findall(GUIDE)
    assert len(blocks) >= 15
    for what, name, body in blocks:
        if what == "run":
            done = subprocess.run(["bash", "-c", body], cwd=ROOT, env=env, capture_output=True,
                                  text=True, encoding="utf-8", timeout=120)
            assert done.returncode == 0 and done.stderr == "", (body, done.stderr)
            printed = normalised(done.stdout)
        elif what == "output":
            for line in normalised(body).splitlines():
                assert line in printed, line
        else:  # a file the reader writes, block by block (its folder made by the guide's mkdir)
            path = user_folder / name
            with path.open("a" if name in written else "x", encoding="utf-8") as file:
                file.write(("\n" if name in written else "") + body)
            written[name] = path
    assert set(written) == {"wuhai/pack.toml", "city_parking/pack.toml", "city_parking/plugin.py"}
    for name, path in written.items():
        assert path.read_text(encoding="utf-8") == (ROOT / "plugins" / name).read_text(
            encoding="utf-8"), f"docs/plugins.md and plugins/{name} differ"


def test_every_hook_is_documented():
    hooks = [name for name in dir(hookspecs) if name.startswith("planner_")]
    assert len(hooks) == 5
    for hook in hooks:
        assert f"`{hook}(" in GUIDE, hook
