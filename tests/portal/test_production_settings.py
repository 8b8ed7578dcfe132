"""The production settings pass Django's deployment checklist and refuse weak secrets."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # The browser tests allow Django's sync calls from Playwright's event loop in this
    # process; a deployment never does, and check --deploy rightly refuses it.
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_ALLOWED_HOSTS": "portal.example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_prints_no_warnings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", DJANGO_SECRET_KEY=secrets.token_urlsafe(60)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_real_secret_key():
    result = run_manage("check", DJANGO_SECRET_KEY="short")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_collected_static_files_have_brotli_and_gzip_copies(tmp_path):
    result = run_manage(
        "collectstatic",
        "--no-input",
        "-v0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    stylesheets = {path.name for path in (tmp_path / "portal" / "css").iterdir()}
    assert {"portal.css.gz", "portal.css.br"} <= stylesheets
