"""``python -m portal.loadtest``; see ``portal.loadtest.cli``."""

# Importing Locust first lets it patch the standard library for gevent before
# anything else opens a socket.
import locust  # noqa: F401, I001

import sys

from portal.loadtest.cli import main

sys.exit(main())
