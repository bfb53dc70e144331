"""The command palette (Ctrl+P): the app's real actions, offered where they apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen


def _is(*names: str) -> Callable[[Screen[object]], bool]:
    # Compared by class name so this module does not import every screen at start-up.
    return lambda screen: any(c.__name__ in names for c in type(screen).__mro__)


_STAGE = _is("StageClock")
_ANYWHERE_BUT_HOME = _is("StageClock", "StageIntro", "SummaryScreen")


@dataclass(frozen=True)
class Action:
    title: str
    help: str
    action: str  # run on the screen the palette was opened from
    applies: Callable[[Screen[object]], bool]


ACTIONS = (
    Action(
        "Pause or resume the clock",
        "F2: stop or restart this stage's clock",
        "toggle_pause",
        _STAGE,
    ),
    Action("Next stage", "Ctrl+N: finish this stage and move on", "app.next_stage", _STAGE),
    Action("Skip this stage", "s: skip it (recorded as skipped)", "skip", _is("StageIntro")),
    Action("Run the visible tests", "Ctrl+R", "run(False)", _is("CodingScreen")),
    Action("Submit", "Ctrl+S: visible and hidden tests", "run(True)", _is("CodingScreen")),
    Action("Show a hint", "F3: the next hint (counted in the score)", "hint", _is("CodingScreen")),
    Action("Full report", "r: the whole report of this session", "report", _is("SummaryScreen")),
    Action(
        "Home",
        "Back to the home screen (a loop in progress can be resumed)",
        "app.go_home",
        _ANYWHERE_BUT_HOME,
    ),
)


class MockintCommands(Provider):
    """mockint's own actions; only those that apply to the current screen are offered."""

    def _available(self) -> list[Action]:
        return [a for a in ACTIONS if a.applies(self.screen)]

    def _run(self, action: str) -> None:
        self.screen.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for a in self._available():
            yield DiscoveryHit(a.title, partial(self._run, a.action), help=a.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for a in self._available():
            score = matcher.match(a.title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(a.title), partial(self._run, a.action), help=a.help
                )
