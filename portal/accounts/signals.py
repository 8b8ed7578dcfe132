"""Signals other parts of the portal connect to.

``account_deleting(sender=User, user=..., remove_content=...)`` is sent inside the
transaction that deletes an account, before the user row goes. Apps that keep
content written by people connect a receiver that, when ``remove_content`` is
true, deletes (or marks deleted) that person's content. When it is false, content
stays and its author foreign key (``on_delete=SET_NULL``) makes it appear as
written by a former member.
"""

from django.dispatch import Signal

account_deleting = Signal()
