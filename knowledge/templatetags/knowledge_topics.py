from django import template

from search.projections import document_key
from search.topics import document_topics

register = template.Library()


@register.simple_tag
def page_topics(page):
    """The topics the published ``page`` is about, as its search document says:
    loaded with the page's relations when it is shown, else one query; none for a
    page never saved."""
    if hasattr(page, "loaded_topics"):
        return page.loaded_topics
    return document_topics(key=document_key(page)) if page.pk else []
