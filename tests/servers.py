"""Real servers on 127.0.0.1 for tests of what the portal does when a service
misbehaves: one that accepts connections and never says a word (a hung SMTP relay,
a hung search engine node), a relay in front of a real service that can be made to
hang and recover, and a working SMTP server that records what it gets."""

import asyncio
import email
import selectors
import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def use_smtp_relay(settings, port: int, *, timeout: float = 1.0) -> None:
    """Point the portal's email at an SMTP server on 127.0.0.1:``port``."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = timeout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_server():
    """A port that accepts every connection and never answers; yields the port."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in accepted:
            connection.close()
        listener.close()


@dataclass
class Mailbox:
    """What a working SMTP server received: one entry per message. ``delay`` is how
    long it takes to accept each one (a relay doing its checks)."""

    messages: list = field(default_factory=list)
    delay: float = 0.0

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        text = next((part for part in message.walk() if part.get_content_type() == "text/plain"), message)
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append(
            {
                "to": list(envelope.rcpt_tos),
                "subject": message["Subject"],
                "message_id": message["Message-ID"],
                "text": text.get_payload(decode=True).decode(text.get_content_charset() or "utf-8"),
            }
        )
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(*, delay: float = 0.0):
    """A working SMTP server on 127.0.0.1; yields ``(port, mailbox)``."""
    mailbox = Mailbox(delay=delay)
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, mailbox
    finally:
        controller.stop()


class HangingRelay:
    """A TCP relay on 127.0.0.1 in front of ``target_port``: it passes bytes both
    ways, except while ``hung`` is set, when new connections are accepted and
    never answered (as a node stuck in a long pause does)."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.hung = False
        # How many connections clients opened through the relay.
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []
        self.port = self._listener.getsockname()[1]

    def __enter__(self):
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for sock in [self._listener, *self._sockets]:
            sock.close()

    def _accept(self):
        while not self._stop.is_set():
            try:
                client = self._listener.accept()[0]
            except TimeoutError:
                continue
            except OSError:
                return
            self._sockets.append(client)
            self.connections += 1
            if not self.hung:
                threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket):
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        self._sockets.append(upstream)
        peers = {client: upstream, upstream: client}
        with selectors.DefaultSelector() as selector:
            for sock in peers:
                selector.register(sock, selectors.EVENT_READ)
            while not self._stop.is_set():
                for key, _events in selector.select(timeout=0.2):
                    try:
                        data = key.fileobj.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        client.close()
                        upstream.close()
                        return
                    peers[key.fileobj].sendall(data)
