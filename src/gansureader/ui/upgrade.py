"""A new version's first start on an existing cache: the upgrade of its schema runs off
the window's thread, with a page saying what is happening and how far it is —
正在升级缓存… 第 2 步，共 8 步 · 12 000 / 50 000 篇.

Each step of the upgrade commits on its own (store/schema.py), so an upgrade cut short
goes on from the step it was in at the next start, with nothing lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ..store import DATABASE_NAME, Store
from ..store.schema import pending_upgrade
from .phrases import announce
from .tasks import one_thread_pool, run_task

# An upgrade done sooner shows nothing (a page that flashes is worse than a short wait):
# most are one step of SQL (50 000 articles from the release before: 0.09 s).
SHOW_AFTER_MS = 400


def prepare_cache(folder: Path, progress=None):
    """Open the cache for writing once — create it, upgrade it (``progress`` hears how
    far), replace a damaged one — and match the 关注 it left unmatched (a read when none
    are); what a replaced damaged cache kept, or None."""
    with Store(folder, upgrade_progress=progress) as prepared:
        recovered = prepared.recovery
        prepared.match_stale_follows()
    return recovered


def prepare_with_progress(folder: Path):
    """``prepare_cache``, and while an upgrade runs, a page showing how far it is."""
    versions = pending_upgrade(folder / DATABASE_NAME)
    if versions is None:
        return prepare_cache(folder)
    page = UpgradePage(*versions)
    QTimer.singleShot(SHOW_AFTER_MS, lambda: page.done or page.show())
    outcome: dict = {}
    ended = QEventLoop()

    def delivered(recovered, error) -> None:
        outcome.update(recovered=recovered, error=error)
        ended.quit()

    pool = one_thread_pool(page)
    run_task(lambda: prepare_cache(folder, page.progressed.emit), delivered, pool)
    ended.exec()
    pool.waitForDone()
    page.done = True
    page.close()
    if outcome["error"] is not None:
        raise outcome["error"]  # said by the caller
    return outcome["recovered"]


class UpgradePage(QWidget):
    """The page shown while the cache is upgraded: what is happening, and how far."""

    progressed = Signal(int, int, int, int)  # step, steps, articles done, articles in all

    def __init__(self, old: int, new: int, parent=None):
        """``old``, ``new``: the schema the cache is at, and the one it moves to."""
        super().__init__(parent)
        self.done = False
        self.setWindowTitle("gansureader")
        self.setAccessibleName(self.tr("Upgrading the cache"))
        self.heading = QLabel(self.tr("Upgrading the cache for this version…"), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.status = QLabel(
            self.tr("From schema %1 to %2").replace("%1", str(old)).replace("%2", str(new)),
            self,
        )
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setAccessibleName(self.tr("Upgrade progress"))
        note = QLabel(
            self.tr(
                "Your articles, stars and follows are kept. If this is interrupted, the "
                "next start goes on from where it stopped."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        for widget in (self.heading, self.status, self.bar, note):
            layout.addWidget(widget)
        self.resize(460, 170)
        self.progressed.connect(self.show_progress)
        announce(self, self.heading.text())

    @Slot(int, int, int, int)  # a slot: it hears the upgrade's thread (see tasks.Task)
    def show_progress(self, step: int, steps: int, done: int, total: int) -> None:
        said = self.tr("Step %1 of %2").replace("%1", str(step)).replace("%2", str(steps))
        if total:
            counted = self.tr("%1 / %2 articles")
            said += " · " + counted.replace("%1", f"{done:,}").replace("%2", f"{total:,}")
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, steps)
            self.bar.setValue(step - 1)
        self.status.setText(said)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.done:
            super().closeEvent(event)
        else:  # the window comes when the cache is ready; nothing to go back to
            event.ignore()
            self.status.setText(self.tr("Almost there: the window opens when this is done."))
