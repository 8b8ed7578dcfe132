"""What this process knows about an outside service (the mail relay, the search
engine): whether it is down, and when to try it again.

While a service fails, callers skip it for a cool-down instead of each paying its
timeout, and the log gets one warning when it goes down and one line when it is
back, not a traceback per call. The state is per process on purpose: each worker
finds out for itself, and a restart starts hopeful.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)

# How long callers skip a failed service before one of them tries it again.
COOL_DOWN_SECONDS = 30.0


class Breaker:
    def __init__(self, name: str, *, cool_down: float = COOL_DOWN_SECONDS):
        self.name = name
        self.cool_down = cool_down
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._retry_at = 0.0

    @property
    def is_down(self) -> bool:
        return self._down_since is not None

    def allows(self) -> bool:
        """Whether a caller should try the service now: it is up, or its cool-down
        is over (then the next call tells whether it is back)."""
        return time.monotonic() >= self._retry_at

    def failed(self, error: BaseException) -> None:
        with self._lock:
            now = time.monotonic()
            self._retry_at = now + self.cool_down
            if self._down_since is not None:
                return
            self._down_since = now
        logger.warning(
            "%s is unreachable (%s); skipping it for %g s at a time until it answers.",
            self.name,
            _describe(error),
            self.cool_down,
        )

    def succeeded(self) -> None:
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            down_for = time.monotonic() - self._down_since
            self._down_since = None
            self._retry_at = 0.0
        logger.info("%s is reachable again after %.0f s.", self.name, down_for)


def _describe(error: BaseException) -> str:
    # The client libraries nest the cause; its first line says what happened.
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


_breakers: dict[tuple, Breaker] = {}
_registry_lock = threading.Lock()


def breaker_for(kind: str, target) -> Breaker:
    """The one breaker of this process for ``kind`` at ``target`` (an address)."""
    key = (kind, target)
    with _registry_lock:
        if key not in _breakers:
            _breakers[key] = Breaker(f"{kind} {target}".strip())
        return _breakers[key]


def breakers_reset() -> None:
    """Forget every service's state (tests start each from a clean slate)."""
    with _registry_lock:
        _breakers.clear()
