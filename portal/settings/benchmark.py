"""Production settings plus the benchmark's floor view and query counter
(``python -m portal.benchmark``); never deployed."""

from .production import *  # noqa: F403
from .production import MIDDLEWARE

ROOT_URLCONF = "portal.benchmark.urls"
MIDDLEWARE = ["portal.benchmark.middleware.ServerTimingMiddleware", *MIDDLEWARE]
