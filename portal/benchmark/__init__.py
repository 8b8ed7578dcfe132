"""Page benchmark (not a test): ``python -m portal.benchmark``; see ``portal.benchmark.cli``."""
