from tests.comments.conftest import brief, briefs_index, commenter  # noqa: F401
from tests.forums.conftest import (  # noqa: F401
    _no_holding_or_limits,
    client_for,
    public_forum,
    public_topic,
    registered,
)
