from django.dispatch import Signal

# Sent once a change to concepts, their labels or their links is made (by a save,
# a deletion or an import), for whatever keeps something derived from them.
# ``concepts``: the ids of the concepts saved, deleted or whose labels changed
# (none for a change of broader links only), or None when any may have (an
# import). Receivers take ``**kwargs``, so senders may leave it out.
concepts_changed = Signal()
