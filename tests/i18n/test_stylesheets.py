"""One stylesheet serves both directions: no physical left/right in the portal's CSS."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["portal", "knowledge", "forums", "search"]
PHYSICAL = re.compile(
    r"(?<![\w-])(?:margin|padding|border|inset)-(?:left|right)\b"
    r"|(?<![\w-])(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
    r"|border-(?:top|bottom)-(?:left|right)-radius",
)


def stylesheets():
    return sorted(path for app in APPS for path in (ROOT / app).glob("**/static/**/*.css"))


def test_there_are_stylesheets_to_check():
    assert any(path.name == "portal.css" for path in stylesheets())


@pytest.mark.parametrize("path", stylesheets(), ids=lambda path: str(path.relative_to(ROOT)))
def test_stylesheet_uses_logical_properties_only(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.S)
    found = [
        f"line {text.count(chr(10), 0, match.start()) + 1}: {match.group(0)}"
        for match in PHYSICAL.finditer(text)
    ]
    assert not found, f"{path.name} uses physical directions: {found}"
