"""After the run: is every acknowledged write stored, and can its author find it?

Stored: the page the portal sent the author to after the write shows the marker.
Searchable: the portal's search page, asked by the author, lists a result with the
marker. The search engine refreshes its index about once a second and the database
backend at once, so search is asked again until ``settle`` seconds have passed.
"""

import time
from dataclasses import dataclass, field

from portal.loadtest.browser import Browser, unrecorded_session
from portal.loadtest.profile import Plan, Write

RESULTS_START = 'class="search-results__list"'


@dataclass
class Outcome:
    acknowledged: int = 0
    stored: int = 0
    searchable: int = 0
    lost: list[tuple[Write, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.stored == self.searchable == self.acknowledged


def _in_results(html: str, marker: str) -> bool:
    start = html.find(RESULTS_START)
    if start < 0:
        return False
    end = html.find("</ol>", start)
    return marker in html[start:end].lower()


def check_writes(plan: Plan, *, base_url: str, settle: float) -> Outcome:
    browsers = {}
    for account, session in plan.sessions.items():
        checker = unrecorded_session(base_url)
        checker.cookies.update(session.cookies)
        browsers[account] = Browser(checker, timeout=plan.timeout)

    outcome = Outcome(acknowledged=len(plan.writes))
    unsearched = []
    for write in plan.writes:
        response = browsers[write.account].get(write.url, name="check")
        if response.status_code == 200 and write.marker in response.text.lower():
            outcome.stored += 1
            unsearched.append(write)
        else:
            outcome.lost.append((write, f"not on its page (HTTP {response.status_code})"))

    deadline = time.monotonic() + settle
    while unsearched:
        waiting = []
        for write in unsearched:
            response = browsers[write.account].get(
                f"/{write.language}/search/", name="check", params={"q": write.marker}
            )
            if response.status_code == 200 and _in_results(response.text, write.marker):
                outcome.searchable += 1
            else:
                waiting.append(write)
        unsearched = waiting
        if unsearched and time.monotonic() >= deadline:
            outcome.lost.extend((write, "stored but not found by search") for write in unsearched)
            break
        if unsearched:
            time.sleep(1)
    return outcome
