"""What a sync reports: its progress as it goes, and its summary — what was stored,
what failed and why, what a bound left for later, what the re-checks found, which
关注 have news."""

from __future__ import annotations

from dataclasses import dataclass, field

from .store import Saved


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    url: str


@dataclass(frozen=True)
class Problem:
    url: str
    reason: str

    def to_dict(self) -> dict:
        return {"url": self.url, "reason": self.reason}


@dataclass
class Rechecks:
    """What looking again at recent articles found."""

    checked: int = 0  # asked again (a 304 or a page read)
    revised: list[str] = field(default_factory=list)  # their text changed: a new revision
    missed: list[str] = field(default_factory=list)  # gone, once so far
    removed: list[str] = field(default_factory=list)  # gone on two checks in a row: 已删除
    other: list[Problem] = field(default_factory=list)  # another article at the address
    failed: list[Problem] = field(default_factory=list)  # not answered: tried next time
    left: int = 0  # not reached within the sync's time for re-checks: the next sync's

    def to_dict(self) -> dict:
        return {
            "checked": self.checked,
            "revised": self.revised,
            "missed": self.missed,
            "removed": self.removed,
            "other": [problem.to_dict() for problem in self.other],
            "failed": [problem.to_dict() for problem in self.failed],
            "left": self.left,
        }


@dataclass
class SyncSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    images: int = 0
    panel_articles: int = 0  # of the new ones, fetched because a panel names them
    failed: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # soft 404s, refresh stubs
    limited: list[Problem] = field(default_factory=list)  # bounds hit; the rest waits
    follows: dict[str, int] = field(default_factory=dict)  # alerts: new unread matches
    rechecks: Rechecks = field(default_factory=Rechecks)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def count(self, saved: Saved, for_panel: bool) -> None:
        """One article stored; ``for_panel``: fetched only because a panel names it."""
        match saved:
            case Saved.NEW:
                self.new += 1
                if for_panel:
                    self.panel_articles += 1
            case Saved.UPDATED:
                self.updated += 1
            case Saved.UNCHANGED:
                self.unchanged += 1
            case Saved.OTHER:
                pass  # reported by whoever asked

    def to_dict(self) -> dict:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "images": self.images,
            "panel_articles": self.panel_articles,
            "failed": [problem.to_dict() for problem in self.failed],
            "skipped": [problem.to_dict() for problem in self.skipped],
            "limited": [problem.to_dict() for problem in self.limited],
            "follows": self.follows,
            "rechecks": self.rechecks.to_dict(),
            "cancelled": self.cancelled,
        }
