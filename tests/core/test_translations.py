"""The French interface is complete: every string the code and the .ui files show has a French translation,
and the compiled .qm matches its .ts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402 - the project's own script, found through the line above

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_every_shown_string_has_a_french_translation():
    french = translations.read_ts(translations.I18N / "cogport_fr.ts")
    missing = [source for context, source in translations.all_messages() if (context, source) not in french]
    assert missing == [], "run `make translations`, then translate the new strings in resources/i18n/cogport_fr.ts"


def test_translations_keep_every_placeholder():
    french = translations.read_ts(translations.I18N / "cogport_fr.ts")
    broken = [
        source
        for (_, source), text in french.items()
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert broken == []


def test_the_extractor_finds_tr_calls_processing_help_and_ui_strings(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        'HELP_TAIL = " More."\n'
        "class A:\n"
        '    DISPLAY_NAME = "Do it"\n'
        '    HELP = "Does it." + HELP_TAIL\n'
        "    def f(self):\n"
        '        return tr("Hello {name}").format(name=1), self.tr("Bye"), translatable("Later")\n'
    )
    assert sorted(translations.python_messages(module)) == [
        ("A", "Bye"),  # PyQt's self.tr() looks the string up in its class's context
        ("Cogport", "Bye"),
        ("Cogport", "Do it"),
        ("Cogport", "Does it. More."),
        ("Cogport", "Hello {name}"),
        ("Cogport", "Later"),
    ]


def test_the_compiled_qm_is_up_to_date(tmp_path):
    compiled = tmp_path / "cogport_fr.qm"
    translations.compile_qm(translations.I18N / "cogport_fr.ts", compiled)
    assert compiled.read_bytes() == (translations.I18N / "cogport_fr.qm").read_bytes()
