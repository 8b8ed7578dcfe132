from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from forums.models import Forum


class ForumViewSet(SnippetViewSet):
    """Site editors add forums (for a new thematic area or a joint action) here."""

    model = Forum
    icon = "comment"
    list_display = ["name", "slug", "theme", "visibility", "topic_count"]
    list_filter = ["visibility", "theme"]
    menu_order = 220


register_snippet(ForumViewSet)
