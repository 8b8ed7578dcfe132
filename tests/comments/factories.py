import factory

from portal.comments.models import Comment
from portal.markup import render_markdown
from tests.accounts.factories import VerifiedUserFactory


class CommentFactory(factory.django.DjangoModelFactory):
    """A visible comment; pass ``page`` (required) and optionally ``parent``."""

    class Meta:
        model = Comment

    author = factory.SubFactory(VerifiedUserFactory)
    body_source = factory.Sequence(lambda n: f"Comment number {n} on this brief.")
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body_source))
    status = Comment.Status.VISIBLE
