"""The notifications' background tasks, run by the task worker (``db_worker``)
or inline where the settings choose the immediate backend."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from portal.notifications.fanout import notifications_fan_out
from portal.notifications.outbox import outbox_next_due, outbox_send_pending, relay_breaker


@task()
def notifications_fan_out_task(
    *,
    recipient_ids: list[int],
    verb: str,
    summary: str,
    url: str,
    actor_id=None,
    target=None,
    excerpt: str = "",
) -> int:
    """Notify the people of one event, then send the emails it queued; returns how
    many emails were queued."""
    outbox_ids = notifications_fan_out(
        recipient_ids=recipient_ids,
        verb=verb,
        summary=summary,
        url=url,
        actor_id=actor_id,
        target=tuple(target) if target is not None else None,
        excerpt=excerpt,
    )
    if outbox_ids:
        outbox_send_task.enqueue(outbox_ids)
    return len(outbox_ids)


@task()
def outbox_send_task(ids: list[int] | None = None) -> dict:
    """Send these queued emails (all due ones when None). While the relay is known
    to be down they wait, pending, for the next pass (``notifications_send``), so a
    dead relay costs the worker one timeout per cool-down, not one per email."""
    relay = relay_breaker()
    if not relay.allows():
        return {"sent": 0, "waiting": len(ids) if ids is not None else None}
    result = outbox_send_pending(ids=ids)
    if result.retrying or result.relay_unreachable:
        _send_again_later(relay)
    return {"sent": result.sent, "retrying": result.retrying, "failed": result.failed}


def _send_again_later(relay) -> None:
    """After a failed pass, one deferred pass over everything pending, when the
    earliest email is due and the relay's cool-down is over: the worker retries on
    its own (``notifications_send`` from cron does the same where tasks run inline)."""
    if not outbox_send_task.get_backend().supports_defer:
        return
    due = outbox_next_due()
    if due is None:
        return
    later = max(due, timezone.now() + timedelta(seconds=relay.cool_down if relay.is_down else 0))
    outbox_send_task.using(run_after=later).enqueue(None)
