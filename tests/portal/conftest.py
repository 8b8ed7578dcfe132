# The pages of the portal show knowledge content: reuse its fixtures.
from tests.knowledge.conftest import homes, indexes, library  # noqa: F401
