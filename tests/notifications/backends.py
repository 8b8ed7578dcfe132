"""Stand-in for an SMTP server that is down: the first sends fail, later ones work."""

import smtplib

from django.core.mail.backends import locmem


class FlakyEmailBackend(locmem.EmailBackend):
    failures_left = 0

    def send_messages(self, email_messages):
        if FlakyEmailBackend.failures_left > 0:
            FlakyEmailBackend.failures_left -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)
