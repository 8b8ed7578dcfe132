# ruff: noqa: E501 (demo sentences read better unbroken)
"""Demonstration forums: one per thematic area, a general one, and a partners-only
room for a joint action, with discussions in English, Arabic and French.

Posts are written straight into the tables (visible, no emails sent) and looked up
first, so running it twice changes nothing. Counters are recounted at the end."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q
from django.utils import timezone

from forums.models import Forum, Post, Topic
from portal.accounts.models import Membership
from portal.audience import Audience
from portal.markup import guess_language
from portal.models import Organisation, ThematicArea

PEOPLE = {
    "layla.nasser": ("Layla", "Nasser", "who"),
    "omar.saleh": ("Omar", "Saleh", "iom"),
    "sophie.durand": ("Sophie", "Durand", "undrr"),
    "hadi.khalil": ("هادي", "خليل", None),
}

FORUMS = [
    # slug, theme slug, visibility, name, name_ar, name_fr, description
    ("general", None, Audience.PUBLIC, "General discussion", "نقاش عام", "Discussion générale",
     "Anything about the fund and its partnership that fits no single theme."),
    ("health", "health", Audience.PUBLIC, "Health", "الصحة", "Santé",
     "Access to health care for migrants and host communities."),
    ("labour", "labour", Audience.PUBLIC, "Labour mobility", "تنقل اليد العاملة", "Mobilité de la main-d'œuvre",
     "Fair recruitment, decent work and skills."),
    ("social-cohesion", "social-cohesion", Audience.PUBLIC, "Social cohesion", "التماسك الاجتماعي",
     "Cohésion sociale", "Living together in towns that host displaced people."),
    ("health-access-room", None, Audience.PARTNERS, "Joint action room: health access", "غرفة العمل المشترك: الوصول إلى الصحة",
     "Salle de l'action conjointe : accès à la santé", "Partners-only planning for the joint action on health access."),
]  # fmt: skip

# forum slug, title, [(author, text), ...]
TOPICS = [
    ("general", "Welcome: how we use these forums", [
        ("sophie.durand", "Welcome! Please introduce yourself and your organisation. Keep discussions "
         "**respectful**; moderators hide personal data and insults, and say why in the "
         "[moderation log](/en/moderation/log/)."),
        ("omar.saleh", "Hello from IOM Amman. Happy to connect with colleagues working on labour corridors."),
    ]),
    ("health", "Keeping vaccines cold in remote clinics", [
        ("layla.nasser", "Several clinics near the border lose power for hours. What has worked for you?\n\n"
         "- solar fridges\n- cold boxes with phase-change packs\n- shared generators"),
        ("omar.saleh", "> solar fridges\n\nWe installed two in 2023; maintenance training mattered more than the hardware."),
        ("hadi.khalil", "في عيادات البقاع استخدمنا صناديق التبريد مع عبوات التبريد، وكانت فعالة لمدة ثلاثة أيام."),
    ]),
    ("health", "الوصول إلى الرعاية الصحية الأولية للعمال المهاجرين", [
        ("hadi.khalil", "ما هي العوائق الرئيسية التي تواجهونها في تسجيل العمال المهاجرين في المراكز الصحية؟"),
        ("layla.nasser", "Language and opening hours come up most often in our surveys. @hadi.khalil, do you see the same?"),
    ]),
    ("labour", "Recruitment fees: who pays, and how do we know?", [
        ("omar.saleh", "Workers report paying fees twice. Is anyone collecting data on employer reimbursement?"),
        ("sophie.durand", "Pas encore au Liban, mais l'enquête de l'an prochain inclura la question."),
    ]),
    ("social-cohesion", "Town hall meetings that actually work", [
        ("sophie.durand", "Short, local, with interpretation in Arabic: that is our recipe. What is yours?"),
        ("hadi.khalil", "نحن ندعو ممثلين عن البلدية والمجتمع المضيف واللاجئين معاً، ونبدأ بمشكلة واحدة محددة."),
    ]),
    ("labour", "التحويلات المالية للعمال المهاجرين: كيف نخفض تكلفتها؟", [
        ("hadi.khalil", "يرسل العمال المهاجرون في الأردن جزءًا كبيرًا من أجورهم إلى أسرهم، لكن تكلفة التحويلات عبر مكاتب الصرافة تصل أحيانًا إلى عشرة بالمئة من المبلغ. هل جربتم المحافظ الإلكترونية أو اتفاقات مع شركات التحويل تخفض الرسوم على العمال؟"),
    ]),
    ("social-cohesion", "Discours de haine en ligne : comment réagir ?", [
        ("sophie.durand", "Après chaque incident impliquant un réfugié, les discours de haine se multiplient sur les groupes Facebook de nos municipalités. Certains maires publient vite un démenti, d'autres se taisent. Avez-vous des exemples de réponses qui ont apaisé la situation ?"),
        ("omar.saleh", "À Zarqa, une cellule de vérification publie chaque semaine ce qui est vrai et faux sur les aides. Les messages haineux n'ont pas disparu, mais ils circulent moins."),
    ]),
    ("general", "Stateless children: getting births registered", [
        ("layla.nasser", "In Lebanon we keep meeting children of refugees and migrant workers who were never registered at birth. Without a birth certificate they risk statelessness and cannot enrol in school. Has anyone found a way through late birth registration that does not need a court case?"),
        ("sophie.durand", "The legal aid groups we fund used the period when the one-year deadline was lifted. Worth asking whether it can be reopened, with the same simplified proof."),
    ]),
    ("health-access-room", "Budget shift for the second year", [
        ("layla.nasser", "Partners only: we propose moving 10% from equipment to community health workers."),
        ("omar.saleh", "IOM agrees in principle; we need the revised workplan before the steering committee."),
    ]),
]  # fmt: skip


# Topics written from the French interface; the others from the English one (a post
# in Arabic is recognised by its letters, as the portal does for what people write).
FRENCH_INTERFACE = {"Discours de haine en ligne : comment réagir ?"}


def _people():
    user_model = get_user_model()
    organisations = {org.slug: org for org in Organisation.objects.all()}
    people = {}
    for username, (first, last, organisation_slug) in PEOPLE.items():
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@partners.example.org"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        organisation = organisations.get(organisation_slug) or next(
            (org for org in organisations.values() if org.acronym.lower() == (organisation_slug or "")), None
        )
        if organisation is not None:
            Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"status": Membership.Status.APPROVED}
            )
        people[username] = user
    return people


def _forums():
    themes = {theme.slug: theme for theme in ThematicArea.objects.all()}
    joint_action = _joint_action()
    forums = {}
    for order, (slug, theme, visibility, name, name_ar, name_fr, description) in enumerate(FORUMS):
        forum, _created = Forum.objects.update_or_create(
            slug=slug,
            defaults={
                "theme": themes.get(theme) if theme else None,
                "visibility": visibility,
                "name": name,
                "name_ar": name_ar,
                "name_fr": name_fr,
                "description": description,
                "sort_order": order,
                "joint_action": joint_action if visibility == Audience.PARTNERS else None,
            },
        )
        forums[slug] = forum
    return forums


def _joint_action():
    try:
        from knowledge.models import JointActionPage
    except ImportError:
        return None
    return JointActionPage.objects.filter(slug="health-access-migrants-host-communities").first()


def _topics(forums, people):
    created = 0
    start = timezone.now() - timedelta(days=20)
    for index, (forum_slug, title, posts) in enumerate(TOPICS):
        forum = forums[forum_slug]
        if Topic.objects.filter(forum=forum, title=title).exists():
            continue
        opened = start + timedelta(days=index * 3)
        topic = Topic.objects.create(
            forum=forum, title=title, author=people[posts[0][0]], created_at=opened, last_activity_at=opened
        )
        for number, (author, text) in enumerate(posts, start=1):
            post = Post(
                topic=topic, number=number, author=people[author], created_at=opened + timedelta(hours=number)
            )
            post.set_body(text)
            post.language = guess_language(text, "fr" if title in FRENCH_INTERFACE else "en")
            post.save()
        created += 1
    return created


def _recount():
    """Counters from the rows themselves, so the demo matches what services keep."""
    visible = Q(posts__status=Post.Status.VISIBLE)
    for topic in Topic.objects.annotate(
        visible=Count("posts", filter=visible), last=Max("posts__number"), latest=Max("posts__created_at")
    ):
        Topic.objects.filter(pk=topic.pk).update(
            post_count=topic.visible,
            last_number=topic.last or 0,
            last_activity_at=topic.latest or topic.created_at,
        )
    for forum in Forum.objects.all():
        topics = forum.topics.filter(status=Topic.Status.VISIBLE)
        Forum.objects.filter(pk=forum.pk).update(
            topic_count=topics.count(),
            post_count=Post.objects.filter(topic__in=topics, status=Post.Status.VISIBLE).count(),
            last_activity_at=topics.aggregate(latest=Max("last_activity_at"))["latest"],
        )


def load(stdout):
    people = _people()
    forums = _forums()
    created = _topics(forums, people)
    _recount()
    stdout.write(f"  forums: {len(forums)}, topics: {len(TOPICS)} ({created} new)")


def summary():
    return [
        ("forums", Forum.objects.count()),
        ("forum topics", Topic.objects.count()),
        ("forum posts", Post.objects.count()),
    ]
