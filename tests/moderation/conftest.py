from tests.forums.conftest import (  # noqa: F401
    _no_holding_or_limits,
    client_for,
    member,
    moderator,
    partners_forum,
    partners_topic,
    public_forum,
    public_topic,
    registered,
)
