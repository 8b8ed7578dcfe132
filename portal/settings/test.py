"""Test settings: fast password hashing, in-memory email, isolated media."""

import tempfile

from .base import *  # noqa: F403
from .base import tasks_setting

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files come straight from the apps' folders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tasks run inline; tests of the worker switch to the database backend themselves.
TASKS = tasks_setting("immediate")
