"""A load test of the portal over HTTP: ``python -m portal.loadtest --help``.

Anonymous readers and signed-in demo members browse, search and write in English,
Arabic and French through the same pages and forms people use; at the end every
write the portal acknowledged is looked up again, on its page and through search.
Nothing in this package is imported by the portal itself.
"""
