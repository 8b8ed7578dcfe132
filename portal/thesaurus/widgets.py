"""The editors' picker of thesaurus concepts.

A thesaurus has hundreds of concepts, too many for a plain multiple select: each is
a checkbox, grouped by thematic area, named in the editor's language with its
names in the other languages beside it, the picked ones first. A filter box
(``thesaurus/concept-picker.js``, a file the admin's Content-Security-Policy
allows) hides the concepts none of whose names contain the words typed; without
the script every checkbox is there."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.thesaurus.selectors import picker_groups


class ConceptPicker(forms.CheckboxSelectMultiple):
    template_name = "thesaurus/widgets/concept_picker.html"
    option_template_name = "thesaurus/widgets/concept_picker_option.html"

    class Media:
        css = {"all": ["thesaurus/concept-picker.css"]}
        js = ["thesaurus/concept-picker.js"]

    def optgroups(self, name, value, attrs=None):
        # The concepts with their names in two queries, rather than the field's
        # choices, which would name each concept with a query of its own.
        chosen = {str(pk) for pk in value if pk}
        groups = picker_groups()
        picked = [concept for _area, concepts in groups for concept in concepts if str(concept.pk) in chosen]
        ordered = [(_("Picked"), picked)] + [
            (area, [concept for concept in concepts if str(concept.pk) not in chosen])
            for area, concepts in groups
        ]
        found = []
        for index, (heading, concepts) in enumerate(ordered):
            options = []
            for subindex, concept in enumerate(concepts):
                option = self.create_option(
                    name, concept.pk, concept.label, str(concept.pk) in chosen, index, subindex, attrs
                )
                option.update(others=concept.others, names=concept.names)
                options.append(option)
            if options:
                found.append((heading, options, index))
        return found
