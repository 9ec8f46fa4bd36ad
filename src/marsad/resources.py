"""Language and conflict resources: the data files under ``marsad/data`` (and a user's own).

Resources are TOML files, one per topic and language (``data/ar/months.toml``,
``data/en/numbers.toml``, ``data/actors.toml`` ...). Logic never hard-codes words: it asks for a
resource by name. A user extends Marsad for another conflict or dialect by pointing ``MARSAD_DATA``
at a directory laid out the same way; a file there is read *in addition to* the bundled file of the
same name (its tables are merged in, lists extended), so nothing bundled needs to be edited.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

DATA_PACKAGE = "marsad.data"


def bundled_path(name: str) -> Path:
    """Path of a bundled resource file, e.g. ``bundled_path("ar/months.toml")``."""
    return Path(str(importlib_resources.files(DATA_PACKAGE).joinpath(name)))


def user_paths(name: str) -> list[Path]:
    """Extra files of the same name from the directories in ``MARSAD_DATA`` (os.pathsep separated)."""
    dirs = [d for d in os.environ.get("MARSAD_DATA", "").split(os.pathsep) if d]
    return [Path(d) / name for d in dirs if (Path(d) / name).is_file()]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


@cache
def load(name: str) -> dict[str, Any]:
    """The merged content of resource ``name`` (bundled file, then user files). Cached per process."""
    data: dict[str, Any] = {}
    bundled = bundled_path(name)
    if bundled.is_file():
        data = tomllib.loads(bundled.read_text(encoding="utf-8"))
    for path in user_paths(name):
        data = _merge(data, tomllib.loads(path.read_text(encoding="utf-8")))
    if not data:
        raise FileNotFoundError(f"no resource file named {name!r} in marsad/data or MARSAD_DATA")
    return data
