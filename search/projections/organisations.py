"""Partner organisations: found by any of their names, acronym or description."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from search.projections import Projection, projector


@projector("portal.Organisation")
def project_organisation(organisation) -> Projection:
    # An organisation speaks every language: its names in all three are indexed
    # and the address is stored in the default language, translated when shown.
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("organisation_detail", kwargs={"slug": organisation.slug})
    body = " ".join(
        part
        for part in (
            organisation.acronym,
            organisation.name_ar,
            organisation.name_fr,
            organisation.get_kind_display(),
            organisation.description,
        )
        if part
    )
    return Projection(
        key=f"portal.organisation:{organisation.pk}",
        doc_type="organisation",
        title=organisation.name,
        url=url,
        body=body,
        countries=[organisation.country_id] if organisation.country_id else [],
        organisations=[organisation.pk],
    )
