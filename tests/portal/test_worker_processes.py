"""Web processes and task workers as production runs them, all at once, on one
PostgreSQL database, one search engine index and one mail relay.

Two gunicorn processes take the writes of several signed-in people at the same
time (replies in topics everybody follows, edits of the same posts and of the
topics' titles, which touch every reply's search row, and deletions); two
``db_worker`` processes fan the notifications out, send the emails and push the
search rows. Once the queue has drained, every email reached the relay exactly
once, and the engine holds every search row exactly once, at the row's latest
version, and none of the removed ones.

The killed-worker variant stops one task worker with SIGKILL in the middle of
sending, and shows what the portal promises then (README, "The task worker").
"""

import itertools
import os
import secrets
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import global_settings
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult
from opensearchpy import OpenSearch

from forums.models import Post
from forums.services import topic_create
from portal.audience import Audience
from portal.notifications.models import EmailOutbox
from portal.notifications.outbox import message_id
from portal.notifications.services import watch_start
from portal.settings.base import tasks_setting
from search.backends.engine.definition import engine_version
from search.models import SearchDocument
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import ForumFactory
from tests.portal.worker_processes import (
    DRAIN_SECONDS,
    Person,
    deliveries,
    engine_documents,
    require_postgres,
    running_portal,
    wait_until_drained,
)
from tests.servers import smtp_server, use_smtp_relay

pytestmark = [pytest.mark.workers, pytest.mark.engine, pytest.mark.postgres]

PASSWORD = "correct horse battery staple"
PEOPLE = 4
REPLIES = 4
TITLE_EDITS = 3


@pytest.fixture
def engine(settings):
    """The engine, with an index prefix of this test's own (deleted afterwards); the
    test process writes its setup through the same pipeline as the portal."""
    # Imported here: test_engine_smoke loads it as a plugin, which pytest can only
    # rewrite the asserts of if nothing imported it first.
    from tests.search.engine_fixtures import require_engine

    require_postgres()
    url = require_engine()
    prefix = f"test-workers-{os.getpid()}-{secrets.token_hex(3)}"
    settings.PORTAL_SEARCH_BACKEND = "engine"
    settings.SEARCH_ENGINE_FLAVOUR = "opensearch"
    settings.SEARCH_ENGINE_URLS = url
    settings.SEARCH_ENGINE_INDEX_PREFIX = prefix
    settings.TASKS = tasks_setting("database")
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    client = OpenSearch(hosts=[url], timeout=30)
    yield url, prefix, client
    client.indices.delete(index=f"{prefix}-documents*", ignore_unavailable=True, expand_wildcards="all")
    client.close()


@pytest.fixture
def forum_people(transactional_db, home_page, engine, settings):
    """Four people who follow both topics of a public forum (each topic started by
    one of them), so every reply is emailed to the three others. Their passwords are
    hashed as production checks them (the tests' fast hasher is not among its)."""
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    people = [VerifiedUserFactory(username=f"writer{n}") for n in range(PEOPLE)]
    forum = ForumFactory(slug="health", name="Health", visibility=Audience.PUBLIC)
    topics = [
        topic_create(forum=forum, author=people[n], title=f"Cold chain {n}", body=f"Opening post {n}")
        for n in range(2)
    ]
    for person in people:
        for topic in topics:
            watch_start(user=person, target=topic)
    return people, topics


def _in_thread(function):
    """Run in a thread of its own, closing the database connection Django opened
    for that thread (the test database is dropped at the end of the session)."""

    def run(*args):
        try:
            return function(*args)
        finally:
            connection.close()

    return run


def _drive(portal, people, topics, *, replies=REPLIES, title_edits=TITLE_EDITS, during=None):
    """Everybody writes at once, alternating between the web processes: each writer
    replies ``replies`` times, editing their first reply after each, then deletes
    their second; the topics' authors rename their topics ``title_edits`` times
    meanwhile. Returns the pks of the posts deleted. ``during()`` runs beside them."""
    webs = portal.urls
    openings = [Post.objects.get(topic=topic, number=1).pk for topic in topics]

    @_in_thread
    def writer(index):
        person = Person(people[index].email, PASSWORD)
        person.log_in(webs[index % 2])
        turns = itertools.cycle(webs[index % 2 :] + webs[: index % 2])
        posts = []
        for round_ in range(replies):
            topic = topics[(index + round_) % 2]
            number = person.reply(next(turns), topic.pk, f"Reply {round_} from writer {index}")
            posts.append(Post.objects.get(topic=topic, number=number))
            person.edit(next(turns), posts[0].pk, body=f"Edit {round_} of the first reply of writer {index}")
        person.delete(next(turns), posts[1].topic_id, posts[1].pk)
        return posts[1].pk

    def title_editor(index):
        person = Person(people[index].email, PASSWORD)
        person.log_in(webs[(index + 1) % 2])
        for edit in range(title_edits):
            person.edit(
                webs[edit % 2],
                openings[index],
                title=f"Cold chain {index}, take {edit}",
                body=f"Opening {edit}",
            )

    with ThreadPoolExecutor(max_workers=PEOPLE + 3) as pool:
        deleted = [pool.submit(writer, n) for n in range(PEOPLE)]
        edits = [pool.submit(title_editor, n) for n in range(2)]
        side = pool.submit(_in_thread(during)) if during else None
        for future in edits + ([side] if side else []):
            future.result()
        return {future.result() for future in deleted}


def _expected_deliveries(people, topics, deleted):
    """(address, post) for every reply still there and every follower but its author."""
    replies = Post.objects.filter(topic__in=topics, number__gt=1).exclude(pk__in=deleted)
    emails = {person.pk: person.email for person in people}
    return {
        (address, reply.pk) for reply in replies for pk, address in emails.items() if pk != reply.author_id
    }


def _by_message_id(mailbox) -> Counter:
    return Counter(message["message_id"] for message in mailbox.messages)


def _assert_engine_matches_rows(client, prefix, deleted):
    rows = list(SearchDocument.objects.all())
    assert not [row.key for row in rows if row.deleted], "tombstones left behind"
    documents = engine_documents(client, f"{prefix}-documents")
    assert {key: len(versions) for key, versions in documents.items() if len(versions) > 1} == {}
    assert {key: versions[0] for key, versions in documents.items()} == {
        row.key: engine_version(row.pk, row.version) for row in rows
    }
    assert not {f"forums.post:{pk}" for pk in deleted} & set(documents)
    return rows


def test_two_web_processes_and_two_workers_deliver_everything_once(forum_people, engine, tmp_path):
    people, topics = forum_people
    url, prefix, client = engine
    started = time.monotonic()
    with (
        smtp_server() as (mail_port, mailbox),
        running_portal(tmp_path=tmp_path, mail_port=mail_port, engine_url=url, index_prefix=prefix) as portal,
    ):
        ready = time.monotonic() - started
        deleted = _drive(portal, people, topics)
        written = time.monotonic() - started - ready
        drained = wait_until_drained(portal, mailbox)

    expected = _expected_deliveries(people, topics, deleted)
    received = deliveries(mailbox)
    assert {key: count for key, count in received.items() if count > 1} == {}, "sent twice"
    assert expected - set(received) == set(), "never sent"
    # A reply deleted before the worker fanned it out notifies nobody; after, everybody.
    assert {post for _address, post in set(received) - expected} <= deleted
    outbox = EmailOutbox.objects.all()
    assert {(row.status, row.attempts) for row in outbox} == {(EmailOutbox.Status.SENT, 1)}
    assert _by_message_id(mailbox) == Counter({message_id(row): 1 for row in outbox})

    rows = _assert_engine_matches_rows(client, prefix, deleted)
    # Every reply's row went through many versions (its own edits, the title edits).
    assert max(row.version for row in rows) >= TITLE_EDITS + 1
    print(
        f"\nstarted in {ready:.1f} s; {PEOPLE} people wrote for {written:.1f} s; drained in {drained:.1f} s: "
        f"{len(mailbox.messages)} emails, {len(rows)} search rows (versions up to "
        f"{max(row.version for row in rows)}), {len(deleted)} posts deleted"
    )


def test_a_worker_killed_while_sending_loses_nothing(forum_people, engine, tmp_path, settings):
    """SIGKILL takes a worker in the middle of an SMTP exchange (the relay takes a
    while to accept each message): the row it was sending was never marked sent,
    so it stays pending, and the task it held stays claimed forever
    (django-tasks-db does not hand a dead worker's task to another). The other
    worker drains the rest of the queue; ``notifications_send`` (cron) sends the
    emails the dead one held. Delivery is at least once: at most the one message the
    relay accepted as the worker died arrives twice."""
    people, topics = forum_people
    url, prefix, client = engine
    with (
        smtp_server(delay=0.3) as (mail_port, mailbox),
        running_portal(tmp_path=tmp_path, mail_port=mail_port, engine_url=url, index_prefix=prefix) as portal,
    ):
        victim = portal.workers["worker-0"]

        sending = DBTaskResult.objects.filter(
            status="RUNNING", worker_ids__contains=["worker-0"], task_path__endswith=".outbox_send_task"
        )

        def kill_while_sending():
            deadline = time.monotonic() + DRAIN_SECONDS
            while not sending.exists():
                assert time.monotonic() < deadline, "worker-0 never sent an email"
                time.sleep(0.02)
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait()

        deleted = _drive(portal, people, topics, replies=3, title_edits=1, during=kill_while_sending)
        wait_until_drained(portal, mailbox, ignore_claimed_by=["worker-0"], tasks_only=True)
        left = EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING).count()
        # What cron runs every few minutes (here in this process, on the same database and relay).
        use_smtp_relay(settings, mail_port)
        call_command("notifications_send", verbosity=0)
        wait_until_drained(portal, mailbox, ignore_claimed_by=["worker-0"])
        (held,) = sending

    expected = _expected_deliveries(people, topics, deleted)
    received = deliveries(mailbox)
    assert expected - set(received) == set(), "never sent"
    twice = sum(count - 1 for count in received.values())
    assert twice <= 1, "sent twice beyond the one in flight"
    assert not EmailOutbox.objects.exclude(status=EmailOutbox.Status.SENT).exists()
    # A copy sent again is the same message: its Message-ID is the first one's.
    by_id = _by_message_id(mailbox)
    assert set(by_id) == {message_id(row) for row in EmailOutbox.objects.all()}
    assert sum(count - 1 for count in by_id.values()) == twice
    _assert_engine_matches_rows(client, prefix, deleted)
    # The dead worker's task is still claimed by it: nobody ran it a second time.
    assert held.worker_ids == ["worker-0"]
    print(
        f"\nworker-0 killed while sending: {left} emails left pending for notifications_send, "
        f"{len(mailbox.messages)} delivered, {twice} twice"
    )
