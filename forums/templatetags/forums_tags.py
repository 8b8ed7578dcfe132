import zlib

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from forums.selectors import latest_public_topics as latest_public_topics_selector
from portal.accounts.models import Membership, Profile
from portal.accounts.selectors import display_name

register = template.Library()

# The avatar colours are classes in forums.css (never style attributes), each dark
# enough for white initials to meet WCAG AA contrast.
AVATAR_COLOURS = 8


@register.simple_tag
def latest_public_topics(limit=5):
    """The most recently active public discussions (one query)."""
    return list(latest_public_topics_selector(limit=limit))


def initials(name: str) -> str:
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


@register.inclusion_tag("forums/includes/avatar.html")
def avatar(user, size="small"):
    """An uploaded avatar, or the person's initials on a colour derived from their
    name: the same person always gets the same colour, with no request elsewhere."""
    if user is None:
        return {"initials": "?", "colour": 0, "size": size}
    try:
        picture = user.profile.avatar
    except Profile.DoesNotExist:
        picture = None
    name = display_name(user)
    return {
        "url": picture.url if picture else "",
        "initials": initials(name),
        "colour": zlib.crc32(user.get_username().encode()) % AVATAR_COLOURS,
        "size": size,
    }


@register.filter
def role_label(role: str) -> str:
    """The name of an organisation role (member, editor, reviewer, administrator)."""
    return Membership.Role(role).label if role in Membership.Role.values else ""


def reactors_sentence(names, total, *, markup=False) -> str:
    """Who found a post helpful: the first names, and how many more. With
    ``markup``, each name is isolated in ``<bdi>`` (names mix scripts)."""
    if not names:
        return ""
    others = max(int(total) - len(names), 0)
    if markup:
        listed = format_html_join(", ", "<bdi>{}</bdi>", ((name,) for name in names))
    else:
        listed = ", ".join(names)
    if not others:
        sentence = gettext("Found helpful by %(names)s") % {"names": listed}
    else:
        sentence = ngettext(
            "Found helpful by %(names)s and %(count)d other person",
            "Found helpful by %(names)s and %(count)d other people",
            others,
        ) % {"names": listed, "count": others}
    # The translated sentence is the catalogue's; the names in it were escaped above.
    return mark_safe(sentence) if markup else sentence  # noqa: S308


@register.simple_tag
def reactors(names, total) -> str:
    return reactors_sentence(names, total, markup=True)
