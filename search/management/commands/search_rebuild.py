"""Re-project every searchable object into search rows, and let the configured
backend rebuild its index from them (the engine backend does its own
zero-downtime switch there).

Objects are read, projected and written a batch at a time: each batch is read
with the relations its projector declares, and its rows, relations and
vocabulary are written in a few statements (``documents_write``). A large
rebuild analyses the next batches in worker processes while this one is
written (``search.workers``). The backend takes the rows as they are written,
with what they link to, not read back, so the engine's bulk load of one batch
overlaps the writing of the next."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Page

from search.backends import get_backend
from search.indexing import document_remove, documents_write, forget_recorded_terms
from search.models import SearchDocument, SearchTerm
from search.progress import Progress
from search.projections import project, registered_labels, relations_read
from search.workers import analysed_batches, workers_for


def _querysets():
    for label in registered_labels():
        model = apps.get_model(label)
        select_related, prefetch_related = relations_read(label)
        queryset = model.objects.select_related(*select_related).prefetch_related(*prefetch_related)
        if issubclass(model, Page):
            queryset = queryset.live()
        yield model, queryset.order_by("pk")


def _batches(queryset, size):
    """The objects of ``queryset`` (ordered by pk) ``size`` at a time, each batch
    found by its first key, so a late batch costs what an early one does."""
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        batch = list(page[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _exhaust(iterator) -> None:
    for _item in iterator:
        pass


class Command(BaseCommand):
    help = "Rebuild the search documents from the content, then the backend's index."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Objects written per transaction.")
        parser.add_argument(
            "--workers",
            type=int,
            help=(
                "Processes analysing the next batches while one is written (0: none). "
                "By default one fewer than the cores, at most 4, for 2,000 objects or more."
            ),
        )
        parser.add_argument(
            "--rows-only",
            action="store_true",
            help="Re-project the rows but leave the backend's index alone.",
        )

    def _projected(self, querysets, batch_size):
        """(objects read, their projections) of every object a batch at a time."""
        for model, queryset, count in querysets:
            self.stdout.write(f"{model._meta.label}: {count} objects")
            for batch in _batches(queryset, max(batch_size, 1)):
                yield len(batch), [projection for projection in map(project, batch) if projection is not None]

    def _rows(self, querysets, batch_size, *, notify, started, workers):
        """Write the rows of every object a batch at a time, yielding each batch's
        rows once committed; then remove the rows of objects that no longer project."""
        total = sum(count for _model, _queryset, count in querysets)
        progress = Progress(self.stdout, total, "Projected", unit="objects")
        workers = workers_for(total) if workers is None else workers
        written = 0
        for objects, analysed in analysed_batches(self._projected(querysets, batch_size), workers=workers):
            # A backend that rebuilds takes the rows from here, not from a notice.
            rows = documents_write(analysed, notify=notify)
            written += len(rows)
            progress.advance(objects)
            yield from rows
        progress.advance(0, final=True)
        # Every row written above is newer than the start: older ones stand for
        # objects that no longer project (deleted, unpublished, hidden).
        stale = SearchDocument.objects.live().filter(updated_at__lt=started).values_list("key", flat=True)
        removed = sum(document_remove(key) for key in list(stale))
        self.stdout.write(f"{written} documents written, {removed} stale documents removed.")
        self.rows_written = True

    def handle(self, *args, batch_size, workers, rows_only, **options):
        started = timezone.now()
        SearchTerm.objects.all().delete()
        forget_recorded_terms()
        querysets = [(model, queryset, queryset.count()) for model, queryset in _querysets()]
        self.rows_written = False
        rows = self._rows(querysets, batch_size, notify=rows_only, started=started, workers=workers)
        if rows_only:
            _exhaust(rows)
        else:
            backend = get_backend()
            try:
                indexed = backend.rebuild(rows, stdout=self.stdout)
            except Exception as error:
                # The rows are the truth: they are all rewritten even when the index cannot be.
                _exhaust(rows)
                if not self.rows_written:
                    raise
                raise CommandError(
                    f"The search rows are rebuilt, but backend '{backend.name}' could not rebuild "
                    f"its index: {error}. Searches use the index as it was; run search_rebuild again."
                ) from error
            self.stdout.write(f"Backend '{backend.name}' indexed {indexed} documents.")
        elapsed = (timezone.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Search rebuilt in {elapsed:.1f} s."))
