"""Compiling the catalogues of locale/ for tests, into a directory of the test run,
so that tests read today's translations without writing into the source tree."""

import subprocess
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def compile_catalogues(target: Path) -> Path:
    for catalogue in LOCALE.glob("*/LC_MESSAGES/*.po"):
        compiled = target / catalogue.relative_to(LOCALE).with_suffix(".mo")
        compiled.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(catalogue)], check=True)
    return target
