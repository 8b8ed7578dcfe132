"""Local development: debug on, console email, SQLite unless DATABASE_URL is set.

Background tasks run inline unless PORTAL_TASKS_BACKEND=database, for a machine
that also runs `manage.py db_worker`."""

import os

from .base import *  # noqa: F403
from .base import env_bool, tasks_setting

DEBUG = env_bool("DJANGO_DEBUG", True)
TASKS = tasks_setting(os.environ.get("PORTAL_TASKS_BACKEND", "immediate"))
