"""The small TOML files a designer keeps between drawings (the DXF import's layer map, the
export's layer standard): where the app keeps them, reading one with messages that name
it, and the message for a wrong key or value in one."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import platformdirs

from planner.errors import InputError
from planner.i18n import Msg
from planner.input_limits import read_toml


def user_settings_file(name: str) -> Path:
    """``name`` in the user's configuration folder for Community Planner."""
    return Path(platformdirs.user_config_dir("community-planner")) / name


def read_settings_file(path: str | Path, what: Msg) -> Mapping:
    """The TOML table in ``path``; ``what`` names the file's kind in messages."""
    path = Path(path)
    if not path.exists():
        raise InputError(Msg(f"找不到{what.zh} {path}", f"no such {what.en}: {path}"))
    return read_toml(path, lambda msg: InputError(Msg(f"{what.zh} ", f"{what.en} ") + msg))


def settings_error(where: str, zh: str, en: str) -> InputError:
    return InputError(Msg(f"{where}:{zh}", f"{where}: {en}"))
