from django import template

from portal.notifications import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """Unread notifications of the person viewing: one query, none when anonymous,
    remembered for the rest of the request."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if request is None:
        return selectors.unread_count(user)
    if not hasattr(request, "_unread_notification_count"):
        request._unread_notification_count = selectors.unread_count(user)
    return request._unread_notification_count


@register.simple_tag(takes_context=True)
def notification_menu(context) -> dict:
    """The header menu of the person viewing: their unread count and latest
    notifications in one query, none when anonymous. The count is remembered for
    the rest of the request, so the badge asks nothing more."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    unread, items = selectors.header_menu(user)
    if request is not None:
        request._unread_notification_count = unread
    return {"unread": unread, "items": items}
