"""The README stays true: every finding code, algorithm and environment variable the code knows is documented."""

from __future__ import annotations

import re
from pathlib import Path

from cogport.plugin.core.cog.validate import FINDING_CODES
from cogport.plugin.core.storage.uri import HANDLERS, SCHEME_TO_HANDLER

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_finding_code_is_documented():
    assert [code for code in FINDING_CODES if f"`{code}`" not in README] == []


def test_every_processing_algorithm_is_documented():
    names = set()
    for path in (ROOT / "plugin" / "qgis" / "processing").glob("*.py"):
        for match in re.finditer(r"^    NAME = \"([a-z_]+)\"", path.read_text(), re.MULTILINE):
            names.add(match.group(1))
    assert names, "no algorithm found: the pattern above is out of date"
    assert sorted(n for n in names if f"`cogport:{n}`" not in README) == []


def test_every_environment_variable_read_by_the_plugin_is_documented():
    variables = set()
    for path in (ROOT / "plugin").rglob("*.py"):
        variables.update(re.findall(r"\"((?:COGPORT|SH)_[A-Z_]+)\"", path.read_text()))
    assert variables, "no variable found: the pattern above is out of date"
    assert sorted(v for v in variables if v not in README) == []


def test_every_uri_form_the_parser_accepts_is_documented():
    forms = [f"`{scheme}://" for scheme in SCHEME_TO_HANDLER] + [f"`/{handler}/" for handler in HANDLERS]
    assert [form for form in forms if form not in README] == []


def test_readme_gives_the_two_commands_first():
    first_screen = "\n".join(README.splitlines()[:30])
    assert "make demo" in first_screen and "make test" in first_screen
