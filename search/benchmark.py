"""Search benchmark (not a test): python -m search.benchmark --documents 10000

Creates a throwaway database next to the configured one (SQLite in memory, or a
``test_`` database on the PostgreSQL server of DATABASE_URL), loads the shipped
thesaurus and N synthetic documents through the indexing pipeline and prints, for
the chosen backend: the bulk indexing rate, p50/p95 latency of a fixed query set,
the search page's server time (Django test client, so no network in the figure),
and what concept matching costs: p50 of queries naming a thesaurus concept, with
and without matching through it.

With ``--relevance`` it loads the demo content instead and prints, per backend and
language, nDCG@10 and recall@10 of the relevance set (``search/relevance_set.json``)
and of the cross-language set (``search/crosslanguage_set.json``), with and
without concepts: the database always, the engine too with ``--backend engine``.
"""

import argparse
import contextlib
import itertools
import os
import random
import statistics
import sys
import time

QUERIES = [
    "health",
    "migrant workers",
    "labour market access",
    "vaccination clinics jordan",
    "social cohesion",
    "water",
    "cash assistance refugees",
    "الهجرة",
    "المهاجرين الصحة",
    "التدريب المهني",
    "santé des migrants",
    "politique",
    "risk reduction",
    "helth",  # misspelt: exercises "did you mean"
    "zzzz nothing",
]
FILTERED = [
    {"text": "health", "countries": {"JO"}},
    {"text": "migrant", "types": {"policy_brief", "lesson_learned"}, "years": {2023, 2024}},
    {"text": "", "languages": {"ar"}},
    {"text": "training", "sort": "date"},
]
PREFIXES = ["hea", "migr", "vacc", "الهج", "sant"]
# Queries naming a thesaurus concept in the synthetic vocabulary, timed with and
# without matching through the concept.
CONCEPT_QUERIES = [
    "social cohesion",
    "mental health",
    "migrant workers",
    "vocational training",
    "التماسك الاجتماعي",
    "التدريب المهني",
    "الأمن الغذائي",
    "cohésion sociale",
    "formation professionnelle",
    "santé mentale",
]
# Runs of each concept query each way, alternated so load on the machine weighs on both.
CONCEPT_REPEAT = 10
# Searches of the search page (its query strings) timed against the engine's own
# round trip of the very requests the portal sends for them, each run of each.
OVERHEAD_PAGES = [
    "q=health",
    "q=migrant+workers",
    "q=social+cohesion",
    "q=الهجرة",
    "q=santé+mentale",
    "q=helth",
    "q=training&country=JO&type=policy_brief",
    "language=ar",
]
OVERHEAD_REPEAT = 20
PAGE_QUERIES = ["health", "migrant workers", "الهجرة", "training&country=JO&type=policy_brief"]

_WORD_TEXT = {
    "en": (
        "health migrant migrants worker workers labour market access refugee refugees clinic clinics "
        "vaccination "
        "water sanitation cash assistance training vocational social cohesion community host displaced "
        "family families policy policies brief lesson learned joint action risk reduction disaster budget "
        "partner partners government ministry protection education school children women youth employment "
        "permit permits shelter housing food security livelihood outreach mental psychosocial support"
    ),
    "ar": (
        "الهجرة المهاجرين المهاجرون الصحة الصحية العمل التدريب المهني اللاجئين العيادات اللقاحات المياه "
        "المساعدات النقدية التماسك الاجتماعي المجتمع الأسر السياسات الحكومة الوزارة الحماية التعليم "
        "الأطفال النساء الشباب التوظيف المأوى الأمن الغذائي"
    ),
    "fr": (
        "santé migrants travailleurs marché travail réfugiés cliniques vaccination eau assainissement aide "
        "formation professionnelle cohésion sociale communauté familles politique politiques ministère "
        "protection éducation enfants femmes jeunes emploi logement sécurité alimentaire"
    ),
}
WORDS = {language: words.split() for language, words in _WORD_TEXT.items()}
BATCH = 500
TYPES = ["policy_brief", "lesson_learned", "joint_action", "topic", "post", "comment"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(int(round(fraction * (len(ordered) - 1))), len(ordered) - 1)]


def _sentence(rng, language, length):
    return " ".join(rng.choice(WORDS[language]) for _ in range(length))


def projections(count, vocabulary, seed=7):
    import datetime

    from django.utils import timezone

    from portal.audience import Audience
    from search.projections import Projection

    rng = random.Random(seed)
    themes, countries, organisations = vocabulary
    for number in range(count):
        language = rng.choices(["en", "ar", "fr"], weights=[6, 3, 1])[0]
        visibility = rng.choices(
            [Audience.PUBLIC, Audience.PARTNERS, Audience.ORGANISATION], weights=[8, 1, 1]
        )[0]
        date = timezone.make_aware(datetime.datetime(2015, 1, 1)) + datetime.timedelta(
            days=rng.randrange(4000)
        )
        yield Projection(
            key=f"benchmark.doc:{number}",
            doc_type=rng.choice(TYPES),
            title=_sentence(rng, language, rng.randint(3, 9)).capitalize(),
            url=f"/{language}/benchmark/{number}/",
            date=date,
            body=". ".join(_sentence(rng, language, rng.randint(8, 20)) for _ in range(rng.randint(3, 12))),
            language=language,
            themes=rng.sample(themes, rng.randint(0, 2)),
            countries=rng.sample(countries, rng.randint(0, 2)),
            organisations=rng.sample(organisations, rng.randint(0, 2)),
            visibility=visibility,
            visibility_organisation_id=rng.choice(organisations)
            if visibility == Audience.ORGANISATION
            else None,
        )


def _vocabulary():
    from portal.models import Country, Organisation, ThematicArea

    for order, code in enumerate(["IQ", "JO", "LB", "RG"]):
        Country.objects.get_or_create(code=code, defaults={"sort_order": order})
    for slug in ["health", "labour", "social-cohesion", "water", "education", "protection"]:
        ThematicArea.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ").title()})
    for number in range(12):
        Organisation.objects.get_or_create(
            slug=f"benchmark-partner-{number}",
            defaults={"name": f"Benchmark partner {number}", "kind": Organisation.Kind.UN_AGENCY},
        )
    return (
        list(ThematicArea.objects.values_list("pk", flat=True)),
        list(Country.objects.values_list("pk", flat=True)),
        list(Organisation.objects.values_list("pk", flat=True)),
    )


def _timed(function, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


@contextlib.contextmanager
def _requests_sent(client):
    """The HTTP requests sent through the opensearch-py ``client`` meanwhile, as its
    connection received them (connection, method, path, parameters, body bytes,
    headers), each with the milliseconds it took to be answered."""
    sent = []
    connections = client.transport.connection_pool.connections
    for connection in connections:

        def record(
            method,
            url,
            params=None,
            body=None,
            connection=connection,
            original=connection.perform_request,
            **kwargs,
        ):
            started = time.perf_counter()
            answer = original(method, url, params, body, **kwargs)
            request = (connection, method, url, params, body, kwargs.get("headers"))
            sent.append((request, (time.perf_counter() - started) * 1000))
            return answer

        connection.perform_request = record
    try:
        yield sent
    finally:
        for connection in connections:
            del connection.perform_request


def _round_trip(requests) -> list:
    """Send ``requests`` again on their connections: the engine's answers, undecoded."""
    return [
        connection.perform_request(method, url, params, body, headers=headers)[2]
        for connection, method, url, params, body, headers in requests
    ]


def overhead(client, out):
    """For each search of ``OVERHEAD_PAGES``, interleaved (taking turns to go first,
    so the engine's warmth favours none): the raw round trip of the requests the
    portal sends to the engine for it (same client, same connection, answers not
    decoded), the search as the page asks for it (the backend with facets, count,
    hits, highlights, "matched" lines) and the page's server time through the whole
    middleware stack. The overhead is the median of each run's difference with the
    raw round trip; within a run, it is also the time not spent waiting for the
    engine's answer to the portal's own requests."""
    import json

    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict
    from django.test import RequestFactory
    from django.test.client import ClientHandler
    from django.utils import translation

    from search.params import query_from_params
    from search.selectors import search_for_user

    handler, factory, reader = ClientHandler(), RequestFactory(), AnonymousUser()

    def search(query):
        with translation.override("en"):
            search_for_user(user=reader, query=query)

    def page(params):
        handler(factory.get(f"/en/search/?{params}").environ).close()

    searches = []
    for params in OVERHEAD_PAGES:
        query = query_from_params(QueryDict(params))
        with _requests_sent(client) as sent:
            search(query)
        searches.append((params, query, [request for request, _elapsed in sent]))
    timings = {name: [] for name in ("raw", "search", "page")}
    inside = {"search": [], "page": []}
    took, requests = [], 0
    for run in range(OVERHEAD_REPEAT):
        for number, (params, query, sent) in enumerate(searches):
            steps = [
                ("raw", lambda sent=sent: _round_trip(sent)),
                ("search", lambda query=query: search(query)),
            ]
            steps.append(("page", lambda params=params: page(params)))
            turn = (run + number) % len(steps)
            for name, function in steps[turn:] + steps[:turn]:
                with _requests_sent(client) as answered:
                    started = time.perf_counter()
                    answers = function()
                    elapsed = (time.perf_counter() - started) * 1000
                timings[name].append(elapsed)
                if name == "raw":
                    # A count answers without "took".
                    took.append(sum(json.loads(answer).get("took", 0) for answer in answers))
                    requests += len(sent)
                else:
                    inside[name].append(elapsed - sum(waited for _request, waited in answered))
    raw = statistics.median(timings["raw"])
    out.write(
        f"  overhead over the engine ({len(searches)} page searches, {OVERHEAD_REPEAT} runs each,"
        f" {requests / len(took):.1f} engine requests per search): raw round trip p50 {raw:.1f} ms"
        f" (engine took p50 {statistics.median(took):.1f} ms)\n"
    )
    for label, name in (("search", "search"), ("search page server time", "page")):
        paired = statistics.median(
            portal - engine for portal, engine in zip(timings[name], timings["raw"], strict=True)
        )
        out.write(
            f"    {label}: p50 {statistics.median(timings[name]):.1f} ms, overhead p50 {paired:.1f} ms"
            f" (per-run difference), {statistics.median(inside[name]):.1f} ms (not waiting for the engine)\n"
        )


def run(documents, backend_name, repeat, out, workers=None):
    import io

    from django.db import connection
    from django.test import Client

    from portal.thesaurus import demo as thesaurus_demo
    from search.backends import get_backend, load_backend
    from search.backends.base import SearchQuery
    from search.indexing import documents_write
    from search.models import SearchDocument
    from search.workers import analysed_batches, workers_for

    vocabulary = _vocabulary()
    # The shipped thesaurus, so documents carry the concepts their text names.
    thesaurus_demo.load(io.StringIO())
    organisation_scopes = {f"org:{pk}" for pk in vocabulary[2][:2]}
    scopes = frozenset({"public", "partners", *organisation_scopes})

    backend = get_backend(backend_name)
    row_seconds = 0.0
    # Made before the clock starts: the pipeline's work begins with a document's
    # projection (what a model's ``search_projection`` returns), and inventing
    # random text is no part of it.
    started = time.perf_counter()
    made = list(projections(documents, vocabulary))
    projection_seconds = time.perf_counter() - started

    def batches():
        stream = iter(made)
        while batch := list(itertools.islice(stream, BATCH)):
            yield len(batch), batch

    workers = workers_for(documents) if workers is None else workers

    def written_rows():
        """The rows of each batch once written, as ``search_rebuild`` hands them to
        the backend (the engine loads a batch while the next is written)."""
        nonlocal row_seconds
        analysed = analysed_batches(batches(), workers=workers)
        while True:
            # Projecting, analysing and writing a batch (as far as the caller waits
            # for them), not what the backend does between batches.
            started = time.perf_counter()
            _count, batch = next(analysed, (0, None))
            if batch is None:
                return
            rows = documents_write(batch, notify=False)
            row_seconds += time.perf_counter() - started
            yield from rows

    started = time.perf_counter()
    backend.rebuild(written_rows(), stdout=None)
    pipeline_seconds = time.perf_counter() - started
    if backend_name != "database":
        # The engine's own rate: the stored rows loaded again, nothing else running.
        started = time.perf_counter()
        backend.rebuild(SearchDocument.objects.live().iterator(chunk_size=1000), stdout=None)
        backend_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    query_timings = []
    for text in QUERIES:
        query_timings += _timed(
            lambda text=text: backend.search(SearchQuery(text=text, scopes=scopes)), repeat
        )
    for options in FILTERED:
        query_timings += _timed(
            lambda options=options: backend.search(SearchQuery(scopes=scopes, **options)), repeat
        )
    autocomplete_timings = []
    for prefix in PREFIXES:
        autocomplete_timings += _timed(
            lambda prefix=prefix: backend.autocomplete(prefix, scopes=scopes), repeat
        )
    client = Client()
    page_timings = []
    for text in PAGE_QUERIES:
        page_timings += _timed(lambda text=text: client.get(f"/en/search/?q={text}"), repeat)

    concept_timings = {True: [], False: []}
    concept_totals = {True: 0, False: 0}
    for text in CONCEPT_QUERIES:
        for through_concepts in (True, False):
            query = SearchQuery(text=text, scopes=scopes, through_concepts=through_concepts)
            concept_totals[through_concepts] += backend.search(query).total
        for repetition in range(CONCEPT_REPEAT):
            # Each way goes first in turn: the second of a pair finds the words' pages
            # warm from the first.
            for through_concepts in (True, False) if repetition % 2 == 0 else (False, True):
                concept_timings[through_concepts] += _timed(
                    lambda text=text, through_concepts=through_concepts: backend.search(
                        SearchQuery(text=text, scopes=scopes, through_concepts=through_concepts)
                    ),
                    1,
                )
    about_concepts = SearchDocument.concepts.through.objects.values("searchdocument_id").distinct().count()

    rows_rate = documents / row_seconds
    out.write(
        f"backend={backend_name} database={connection.vendor} documents={documents}"
        f" analysis workers={workers}\n"
    )
    out.write(
        f"  synthetic projections made beforehand: {documents / projection_seconds:,.0f} documents/s\n"
        f"  search rows written (analysis, rows, relations): {rows_rate:,.0f} documents/s\n"
    )
    if backend_name != "database":
        out.write(
            f"  engine bulk indexing of the stored rows: {documents / backend_seconds:,.0f} documents/s\n"
        )
    out.write(
        f"  whole pipeline (rows written while the backend loads them): {documents / pipeline_seconds:,.0f}"
        " documents/s\n"
    )
    for label, timings in (
        ("queries (text, filters, facets)", query_timings),
        ("autocomplete", autocomplete_timings),
        ("search page server time", page_timings),
    ):
        out.write(
            f"  {label}: p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
            f" ({len(timings)} runs)\n"
        )
    through, without = (statistics.median(concept_timings[flag]) for flag in (True, False))
    # Each run through concepts against the run without it next to it: less
    # swayed by load that changed during the measurement than the two medians.
    paired = statistics.median(
        through - without
        for through, without in zip(concept_timings[True], concept_timings[False], strict=True)
    )
    found, plain = (concept_totals[flag] / len(CONCEPT_QUERIES) for flag in (True, False))
    out.write(
        f"  concept-naming queries ({len(CONCEPT_QUERIES)}, {len(concept_timings[True])} runs each way;"
        f" {about_concepts:,} documents about a concept): p50 {through:.1f} ms through concepts,"
        f" {without:.1f} ms without, difference {through - without:+.1f} ms (paired runs: {paired:+.1f} ms);"
        f" results per query {found:,.0f} through concepts, {plain:,.0f} without\n"
    )
    if backend_name != "database":
        overhead(load_backend(backend_name).client, out)


def _scores(outcomes, measure):
    per_language = " / ".join(f"{measure(outcomes, language):.3f}" for language in ("en", "ar", "fr"))
    return f"{measure(outcomes):.3f} (en / ar / fr {per_language})"


def _report(name, label, judgements, backend, out, *, best_first=True):
    """Both measures of one set, through concepts and without; the queries whose
    best answer did not come first (when the set asks for it) or whose answers were
    not all in the first ten."""
    from search.relevance import evaluate, mean_ndcg, mean_recall

    out.write(f"backend={name} {label}: {len(judgements)} queries\n")
    for through_concepts in (True, False):
        outcomes = evaluate(backend, judgements, through_concepts=through_concepts)
        first = sum(outcome.best_first for outcome in outcomes)
        out.write(
            f"  {'through concepts' if through_concepts else 'without concepts'}: "
            f"nDCG@10 {_scores(outcomes, mean_ndcg)}, recall@10 {_scores(outcomes, mean_recall)}, "
            f"best answer first {first}/{len(outcomes)}\n"
        )
        if through_concepts:
            for outcome in outcomes:
                judgement = outcome.judgement
                unfound = sorted(set(judgement.grades) - set(outcome.answers))
                if (best_first and not outcome.best_first) or unfound:
                    out.write(
                        f"    [{judgement.language}] {judgement.query}: first {outcome.answers[:3]}, "
                        f"not in the first ten {unfound}\n"
                    )


def relevance(backend_names, out):
    import io

    from django.core.management import call_command

    from search.backends import load_backend
    from search.models import SearchDocument
    from search.relevance import CROSSLANGUAGE_SET_PATH, load_set

    call_command("load_demo", stdout=io.StringIO())
    # The cross-language set grades only answers in other languages, so a document
    # in the query's own language may rightly come first.
    sets = [
        ("relevance set", load_set(), True),
        ("cross-language set", load_set(CROSSLANGUAGE_SET_PATH), False),
    ]
    for name in backend_names:
        backend = load_backend(name)
        if name != "database":
            backend.rebuild(SearchDocument.objects.live().iterator(chunk_size=1000), stdout=None)
            backend.index.refresh()
        try:
            for label, judgements, best_first in sets:
                _report(name, label, judgements, backend, out, best_first=best_first)
        finally:
            if name != "database":
                backend.client.indices.delete(index=",".join(backend.index.indices()))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--backend", choices=["database", "engine"], default="database")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each query.")
    parser.add_argument(
        "--workers",
        type=int,
        help="Analysis worker processes, as search_rebuild's option (default: its own).",
    )
    parser.add_argument(
        "--relevance",
        action="store_true",
        help="nDCG@10 and recall@10 of the relevance and cross-language sets on the demo content.",
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import logging

    import django

    django.setup()
    # Background task chatter would drown the figures.
    logging.disable(logging.WARNING)
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.PORTAL_SEARCH_BACKEND = args.backend
    if args.relevance:
        # An index of its own, removed afterwards: the node may serve a real one.
        settings.SEARCH_ENGINE_INDEX_PREFIX = f"relevance-benchmark-{os.getpid()}"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        if args.relevance:
            relevance(["database"] if args.backend == "database" else ["database", args.backend], sys.stdout)
        else:
            run(args.documents, args.backend, args.repeat, sys.stdout, args.workers)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
