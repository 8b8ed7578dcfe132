"""Which models take part in moderation: every concrete ``ModeratedContent``."""

from django.apps import apps

from portal.moderation.models import ModeratedContent


def moderated_models() -> list[type[ModeratedContent]]:
    """The concrete models people write into (forum posts, comments, ...)."""
    return [model for model in apps.get_models() if issubclass(model, ModeratedContent)]
