"""Comments on knowledge pages: found by whoever may find the page."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.accounts.selectors import display_name
from portal.audience import page_audience
from portal.moderation.models import ModeratedContent
from search.projections import Projection, audience_fields, dependents, html_to_text, projector, register_type

register_type("comment", _("Comment"))


@projector("comments.Comment", select_related=("page", "author__profile"))
def project_comment(comment) -> Projection | None:
    if comment.status != ModeratedContent.Status.VISIBLE:
        return None
    page = comment.page.specific
    reach = page_audience(page)
    if reach is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        url = comment.get_absolute_url()
        title = str(_("Comment on “%(title)s”") % {"title": page.title})
    author = comment.author
    return Projection(
        key=f"comments.comment:{comment.pk}",
        doc_type="comment",
        title=title,
        url=url,
        date=comment.created_at,
        body=html_to_text(comment.body_html),
        language=comment.language or page.locale.language_code[:2],
        author_id=author.pk if author else None,
        author_name=display_name(author) if author else "",
        themes=[item.pk for item in page.themes.all()] if hasattr(page, "themes") else [],
        countries=[item.pk for item in page.countries.all()] if hasattr(page, "countries") else [],
        organisations=[item.pk for item in page.organisations.all()]
        if hasattr(page, "organisations")
        else [],
        **audience_fields(reach),
    )


@dependents("wagtailcore.Page")
def _comments_of_page(page):
    return list(type(page)._meta.apps.get_model("comments", "Comment").objects.filter(page_id=page.pk))
