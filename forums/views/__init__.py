"""Forum pages: reading (``reading``), writing (``writing``) and moderators' topic
tools (``moderating``)."""
