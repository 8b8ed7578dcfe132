"""Who people are on the portal and which partner organisations they belong to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TrustLevel(models.IntegerChoices):
    """How far the portal trusts a person's writing, in the spirit of Discourse's
    levels; ``portal.moderation.trust`` says who is at which."""

    NEW = 0, pgettext_lazy("trust level", "New")
    MEMBER = 1, pgettext_lazy("trust level", "Member")
    TRUSTED = 2, pgettext_lazy("trust level", "Trusted")


class Profile(models.Model):
    """What a person shows of themselves (a display name and an avatar), and the
    trust level a moderator set for them, if any."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Empty: the level follows membership, account age and approved contributions.
    trust_level = models.PositiveSmallIntegerField(
        _("trust level set by a moderator"), choices=TrustLevel.choices, null=True, blank=True
    )
    trust_level_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trust level set by"),
    )
    trust_level_set_at = models.DateTimeField(_("trust level set at"), null=True, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.display_name or self.user.get_username()


class Membership(models.Model):
    """A person's place in one partner organisation, asked for and then decided
    by that organisation's administrators."""

    class Role(models.TextChoices):
        MEMBER = "member", pgettext_lazy("organisation role", "Member")
        EDITOR = "editor", pgettext_lazy("organisation role", "Editor")
        REVIEWER = "reviewer", pgettext_lazy("organisation role", "Reviewer")
        ADMIN = "admin", pgettext_lazy("organisation role", "Administrator")

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("membership status", "Requested")
        APPROVED = "approved", pgettext_lazy("membership status", "Approved")
        DECLINED = "declined", pgettext_lazy("membership status", "Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "portal.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    message = models.TextField(_("message to the administrators"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="accounts_membership_unique"),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.role}, {self.status})"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class OrganisationEmailDomain(models.Model):
    """An email domain whose verified addresses join an organisation without waiting
    for an administrator (for example ``who.int`` for WHO)."""

    organisation = models.ForeignKey(
        "portal.Organisation",
        on_delete=models.CASCADE,
        related_name="email_domains",
        verbose_name=_("organisation"),
    )
    domain = models.CharField(
        _("email domain"),
        max_length=253,
        help_text=_("Addresses at this domain, once verified, are approved as members automatically."),
    )

    class Meta:
        verbose_name = _("organisation email domain")
        verbose_name_plural = _("organisation email domains")
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "domain"], name="accounts_email_domain_unique"),
        ]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


# The sign-off workflow models live beside the workflow logic that uses them.
from portal.accounts.workflows import OrganisationSignOffTask, SignOff  # noqa: E402, F401
