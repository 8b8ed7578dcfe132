"""What the benchmark reads from each response: the queries it cost and the time
spent in Django, as a ``Server-Timing`` header. Only the benchmark's settings
install it, outermost, so cache lookups in the database count too."""

import time

from django.db import connection


class _Counter:
    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = _Counter()
        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f'app;dur={elapsed:.2f}, db;desc="{counter.queries} queries"'
        return response
