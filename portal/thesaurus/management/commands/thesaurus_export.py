"""Write the portal's thesaurus as SKOS (Turtle or RDF/XML)."""

from django.core.management.base import BaseCommand

from portal.thesaurus import skos
from portal.thesaurus.export import thesaurus_graph
from portal.thesaurus.management.commands.thesaurus_import import format_for


class Command(BaseCommand):
    help = "Write every concept, its labels and links as SKOS, to FILE or standard output."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?")
        parser.add_argument(
            "--format", choices=sorted(skos.FORMATS), help="Default: from the file's extension."
        )

    def handle(self, *args, file=None, format=None, **options):
        format_name = format_for(file or "", format)
        text = thesaurus_graph().serialize(format=skos.FORMATS[format_name])
        if file:
            with open(file, "w", encoding="utf-8") as out:
                out.write(text)
            self.stdout.write(self.style.SUCCESS(f"Thesaurus written to {file}."))
        else:
            self.stdout.write(text, ending="")
