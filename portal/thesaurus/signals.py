from django.dispatch import Signal

# Sent once a change to concepts, their labels or their links is made (by a save,
# a deletion or an import), for whatever keeps something derived from them.
concepts_changed = Signal()
