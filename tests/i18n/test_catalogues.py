"""The Arabic and French catalogues cover every interface string of the portal.

Strings are extracted from a copy of the sources exactly as ``make messages`` would
(``makemessages``), merged with the catalogues in ``locale/``, and every one must have
a reviewed (non-fuzzy) translation. A string added anywhere without a translation, or
changed since it was translated, fails here with its file and line.
"""

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.i18n import pofile

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["portal", "knowledge", "forums", "search", "templates"]
LANGUAGES = ["ar", "fr"]
COPY_IGNORE = shutil.ignore_patterns(
    "__pycache__", "*.pyc", "migrations", "*.png", "*.jpg", "*.svg", "*.woff2"
)

pytestmark = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="gettext tools are not installed")


def _domains(root):
    return (
        ["django", "djangojs"]
        if (root / "locale" / "ar" / "LC_MESSAGES" / "djangojs.po").exists()
        else ["django"]
    )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Catalogues as ``makemessages`` leaves them for today's sources."""
    work = tmp_path_factory.mktemp("messages")
    for name in SOURCES:
        shutil.copytree(ROOT / name, work / name, ignore=COPY_IGNORE)
    shutil.copytree(ROOT / "locale", work / "locale", ignore=shutil.ignore_patterns("*.mo"))
    with contextlib.chdir(work), override_settings(LOCALE_PATHS=[work / "locale"]):
        for domain in _domains(ROOT):
            call_command("makemessages", locale=LANGUAGES, domain=domain, no_obsolete=True, verbosity=0)
    return work / "locale"


def test_every_interface_string_is_translated(extracted):
    problems = []
    for language in LANGUAGES:
        for catalogue in sorted((extracted / language / "LC_MESSAGES").glob("*.po")):
            entries = [
                e for e in pofile.parse(catalogue.read_text("utf-8")) if not e.is_header and not e.obsolete
            ]
            assert entries, f"{catalogue} has no strings"
            for entry in entries:
                if entry.fuzzy:
                    problems.append(f"{language}/{catalogue.name}: changed since translated: {entry}")
                elif not entry.translated:
                    problems.append(f"{language}/{catalogue.name}: not translated: {entry}")
    assert not problems, f"{len(problems)} strings need translating:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_compile_without_warnings(language, tmp_path):
    for catalogue in (ROOT / "locale" / language / "LC_MESSAGES").glob("*.po"):
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(catalogue)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


def test_arabic_catalogue_declares_six_plural_forms():
    header = pofile.parse((ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po").read_text("utf-8"))[0]
    assert "nplurals=6;" in header.msgstr[0]
