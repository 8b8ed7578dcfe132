"""Demonstration comments on policy briefs and a lesson learned, in English,
Arabic and French, with replies and the notifications those replies caused.

Comments are written straight into the tables (visible, no emails sent) and
looked up first, so running it twice changes nothing."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from portal.comments.models import Comment
from portal.notifications.models import Notification, Watch
from portal.notifications.services import watch_start
from portal.notifications.verbs import Verb

PEOPLE = {
    "rana.haddad": ("Rana", "Haddad", "rana.haddad@civil-society.example.org"),
    "youssef.karam": ("Youssef", "Karam", "youssef.karam@labour.example.org"),
    "claire.martin": ("Claire", "Martin", "claire.martin@iom.example.org"),
    "ahmad.obeid": ("أحمد", "عبيد", "ahmad.obeid@moh.example.org"),
}

# (page slug, author, text, [(author, reply text), ...])
COMMENTS = [
    (
        "fair-recruitment-corridors",
        "youssef.karam",
        "The point on **recruitment fees** matches what we see in Amman: workers often pay twice, "
        "once at home and once on arrival. Is there data on how many employers reimburse?",
        [
            (
                "claire.martin",
                "Not yet for Jordan. The 2024 survey covered Lebanon only; the joint action plans "
                "to extend it next year.",
            ),
        ],
    ),
    (
        "fair-recruitment-corridors",
        "rana.haddad",
        "Could the next edition include domestic workers? They are missing from most corridor data.",
        [],
    ),
    (
        "mental-health-host-communities",
        "ahmad.obeid",
        "نرحب بهذه التوصيات. في العراق بدأنا دمج الدعم النفسي في مراكز الرعاية الأولية، "
        "ونحتاج إلى تدريب إضافي للكوادر.",
        [
            (
                "claire.martin",
                "Thank you. The training module in annex 2 is available in Arabic; we can share it.",
            ),
            ("ahmad.obeid", "شكراً، سيكون ذلك مفيداً جداً لفرقنا في الموصل."),
        ],
    ),
    (
        "social-cohesion-local-councils",
        "ahmad.obeid",
        "تجربة المجالس المحلية في الأنبار مشابهة: اللجان المشتركة خففت التوتر حول الخدمات.",
        [("rana.haddad", "هل يمكن مشاركة محاضر هذه اللجان مع الشركاء؟")],
    ),
    (
        "disaster-displacement-local-plans",
        "rana.haddad",
        "Useful checklist. Municipalities we work with ask for a one-page version they can print.",
        [],
    ),
    (
        "acces-aux-soins-migrants-liban",
        "claire.martin",
        "Merci pour cette note. Les recommandations sur les frais d'hospitalisation rejoignent "
        "nos constats à Tripoli.",
        [],
    ),
]


def _person(username):
    first, last, email = PEOPLE[username]
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last, "email": email}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _comment(page, author, text, parent=None):
    comment = Comment.objects.filter(page=page, author=author, body_source=text).first()
    if comment is not None:
        return comment, False
    comment = Comment(page=page, author=author, parent=parent, status=Comment.Status.VISIBLE)
    comment.language = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else page.locale.language_code
    comment.set_body(text)
    comment.save()
    watch_start(user=author, target=page)
    return comment, True


def _tell(parent, reply):
    if parent.author_id == reply.author_id:
        return
    Notification.objects.get_or_create(
        recipient=parent.author,
        verb=Verb.COMMENT_REPLY,
        target_content_type=ContentType.objects.get_for_model(Comment),
        target_object_id=reply.pk,
        defaults={
            "url": reply.get_absolute_url(),
            "actor": reply.author,
            "summary": parent.page.title,
            # Already "sent": loading the demo sends no email and feeds no digest.
            "emailed_at": timezone.now(),
        },
    )


def load(stdout):
    people = {username: _person(username) for username in PEOPLE}
    created = missing = 0
    for slug, author, text, replies in COMMENTS:
        page = Page.objects.live().filter(slug=slug).first()
        if page is None:
            missing += 1
            continue
        parent, was_created = _comment(page, people[author], text)
        created += was_created
        for reply_author, reply_text in replies:
            reply, was_created = _comment(page, people[reply_author], reply_text, parent=parent)
            created += was_created
            _tell(parent, reply)
    stdout.write(f"  comments on briefs: {created} new" + (f", {missing} pages not found" if missing else ""))


def summary():
    return [
        ("comments", Comment.objects.filter(status=Comment.Status.VISIBLE).count()),
        ("people following pages", Watch.objects.values("user").distinct().count()),
    ]
