"""Writes forum replies through the portal's services, from several threads, against
the database DATABASE_URL names; run as a separate process by the writer tests.

``setup`` creates a public forum, and for each label a topic and partner members,
and prints their ids;
``write TOPIC_ID USER_IDS THREADS POSTS`` has each thread reply POSTS times as one of
the members, and prints how many replies were stored and every error, as JSON.
"""

import json
import os
import sys
import threading

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from forums import services  # noqa: E402
from forums.models import Topic  # noqa: E402
from portal.audience import Audience  # noqa: E402
from tests.forums.factories import ForumFactory, TopicFactory, make_member  # noqa: E402


def setup(labels, members):
    forum = ForumFactory(name="Writers", slug="writers", visibility=Audience.PUBLIC)
    created = {}
    for label in labels:
        topic = TopicFactory(forum=forum, title=f"Many hands: {label}")
        users = [
            make_member(user__username=f"{label}-{number}", organisation__slug=f"{label}-{number}").pk
            for number in range(members)
        ]
        created[label] = {"topic": topic.pk, "users": ",".join(map(str, users))}
    return created


def write(topic_id, user_ids, threads, posts):
    stored, errors = [], []

    def replies(user_id):
        try:
            author = get_user_model().objects.get(pk=user_id)
            topic = Topic.objects.get(pk=topic_id)
            for index in range(posts):
                try:
                    post = services.post_create(
                        topic=topic, author=author, body=f"Reply {index} by {user_id}"
                    )
                    stored.append(post.number)
                except Exception as error:
                    errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    workers = [
        threading.Thread(target=replies, args=(user_ids[index % len(user_ids)],)) for index in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return {"stored": sorted(stored), "errors": errors}


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "setup":
        result = setup(arguments[0].split(","), int(arguments[1]))
    else:
        topic_id, user_ids, threads, posts = arguments
        result = write(int(topic_id), [int(pk) for pk in user_ids.split(",")], int(threads), int(posts))
    print(json.dumps(result))
