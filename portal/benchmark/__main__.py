"""``python -m portal.benchmark``; see ``portal.benchmark.cli``."""

# Importing Locust first lets it patch the standard library for gevent before
# anything else opens a socket (the served portal's helpers use Locust's session).
import locust  # noqa: F401, I001

import sys

from portal.benchmark.cli import main

sys.exit(main())
