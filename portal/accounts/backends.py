"""How the signed-in person is loaded on each request."""

from allauth.account.auth_backends import AuthenticationBackend

from portal.accounts.selectors import viewer_with_facts


class ViewerBackend(AuthenticationBackend):
    """allauth's sign-in (by address, with its rate limits), and each request's
    person loaded together with what every signed-in page asks about them (admin
    access, moderator, confirmed address, suspension, profile): one query where
    the session's user and those facts took two."""

    def get_user(self, user_id):
        user = viewer_with_facts(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
