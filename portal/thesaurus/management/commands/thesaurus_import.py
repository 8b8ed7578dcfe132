"""Load a SKOS thesaurus (Turtle or RDF/XML) into the portal's concepts."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.thesaurus import services, skos


def format_for(path: str, given: str | None) -> str:
    if given:
        return given
    return "xml" if Path(path).suffix.lower() in (".rdf", ".xml", ".owl") else "turtle"


class Command(BaseCommand):
    help = "Create or update concepts, by URI, from a SKOS file; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--format", choices=sorted(skos.FORMATS), help="Default: from the file's extension."
        )

    def handle(self, *args, file, format=None, **options):
        format_name = format_for(file, format)
        if not Path(file).is_file():
            raise CommandError(f"No such file: {file}")
        try:
            result = services.thesaurus_import(scheme=skos.parse(skos.read(file, format_name)))
        except skos.SkosError as error:
            raise CommandError(f"{file}: {error} Nothing was changed.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Thesaurus loaded: {result.created} concepts created, {result.updated} updated."
            )
        )
        if result.skipped_labels:
            self.stdout.write(f"  {result.skipped_labels} labels skipped (not in English, Arabic or French).")
