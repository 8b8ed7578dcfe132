from django import template

from forums.selectors import latest_public_topics as latest_public_topics_selector

register = template.Library()


@register.simple_tag
def latest_public_topics(limit=5):
    """The most recently active public discussions (one query)."""
    return list(latest_public_topics_selector(limit=limit))
