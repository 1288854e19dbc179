"""The window's 听新闻: 朗读 the article shown, 连续朗读 through the unread ones, and the
small player in the status bar (play / pause, stop, next, speed).

连续朗读 opens the next unread article of the list without marking it read, and marks
each article read once it has been spoken to its end; one skipped with 下一篇 stays
unread. Opening another article by hand stops the reading.

``WindowListening`` is a mixin of MainWindow; its texts are looked up in MainWindow's
context, as PySide looks ``self.tr`` up under the instance's class.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from ..render import article_speech
from .phrases import announce
from .speech import SPEEDS, Narrator

translate = QCoreApplication.translate


class SpeechBar(QWidget):
    """Play / pause, stop, next and the speed, beside the status line while reading."""

    speed_chosen = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = QLabel(self)
        self.play = QToolButton(self)
        self.stop = QToolButton(self, text="■")
        self.stop.setAccessibleName(self.tr("Stop reading"))
        self.next = QToolButton(self, text="⏭")
        self.next.setAccessibleName(self.tr("Next unread article"))
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Reading speed"))
        # On Linux a screen reader names a combo box by its value ("1×"), and says what it
        # is for only from the label whose buddy it is.
        speed_label = QLabel(self.tr("Speed"), self)
        speed_label.setBuddy(self.speed)
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.activated.connect(lambda n: self.speed_chosen.emit(self.speed.itemData(n)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.state, self.play, self.stop, self.next, speed_label, self.speed):
            layout.addWidget(widget)
        self.show_state("idle")

    def show_state(self, state: str) -> None:
        speaking = state == "speaking"
        self.play.setText("⏸" if speaking else "▶")
        self.play.setAccessibleName(self.tr("Pause") if speaking else self.tr("Read aloud"))
        self.state.setText(
            {"speaking": self.tr("Reading aloud"), "paused": self.tr("Paused")}.get(state, "")
        )
        self.setVisible(state != "idle")

    def show_speed(self, speed: float) -> None:
        self.speed.setCurrentIndex(SPEEDS.index(speed))


class WindowListening:
    def _build_listening(self) -> None:
        self.narrator = Narrator(self)
        self.speech_bar = SpeechBar(self)
        self.statusBar().addPermanentWidget(self.speech_bar)
        self.continuous = False  # 连续朗读: on to the next unread article after each
        self.narrator.sentence_started.connect(self.reader.browser.mark_spoken)
        self.narrator.state_changed.connect(self._reading_state)
        self.narrator.finished.connect(self._spoken)
        self.narrator.failed.connect(self._reading_failed)
        self.speech_bar.play.clicked.connect(self.read_aloud)
        self.speech_bar.stop.clicked.connect(self.stop_reading)
        self.speech_bar.next.clicked.connect(self.read_next_unread)
        self.speech_bar.speed_chosen.connect(self.narrator.set_speed)
        self.article_shown.connect(self._opened_while_reading)

    def read_aloud(self) -> None:
        """朗读 (R): read the article shown; pause; resume."""
        narrator = self.narrator
        if narrator.state == "speaking":
            narrator.pause()
        elif narrator.state == "paused":
            narrator.resume()
        elif (article := self.whole_article_shown()) is not None:
            narrator.read(article.url, article_speech(article))
        else:
            self.statusBar().showMessage(
                translate("MainWindow", "Choose an article to read aloud."), 5000
            )

    def read_unread_aloud(self) -> None:
        """连续朗读 (Shift+R): the article shown, then each unread one after it."""
        self.continuous = True
        if self.narrator.state == "idle":
            if self.reader.article is not None:
                self.read_aloud()
            else:
                self.read_next_unread()

    def read_next_unread(self) -> None:
        """下一篇 (N): on to the next unread article of the list (this one stays as it is)."""
        self.continuous = True
        after = self.list.currentIndex().row()
        rows = range(after + 1, self.model.rowCount())
        row = next((n for n in rows if not self.model.summary(n).read), None)
        if row is None:
            self.stop_reading()
            said = translate("MainWindow", "No more unread articles to read aloud.")
            self.statusBar().showMessage(said, 8000)
            announce(self, said)
            return
        self.narrator.stop()  # first: the article shown next is not "another one by hand"
        self.select_row(row, show=False)
        url = self.model.summary(row).url
        if self.show_article(url, mark_read=False):  # marked read once it has been spoken
            self.narrator.read(url, article_speech(self.whole_article_shown()))

    def stop_reading(self) -> None:
        self.continuous = False
        self.narrator.stop()
        self.reader.browser.clear_spoken()

    def reading_speed(self, step: int) -> None:
        """Faster (1) or slower (-1), a step of SPEEDS at a time."""
        at = SPEEDS.index(self.narrator.speed) + step
        speed = SPEEDS[max(0, min(at, len(SPEEDS) - 1))]
        self.narrator.set_speed(speed)
        self.speech_bar.show_speed(speed)

    def _spoken(self, url: str) -> None:
        self.reader.browser.clear_spoken()
        if not self.store_flag(url, "read"):
            self.set_flag(url, "read", True)
        if self.continuous:
            self.read_next_unread()

    def _reading_state(self, state: str) -> None:
        self.speech_bar.show_state(state)
        if self.continuous:
            self.speech_bar.show()  # between two articles, too

    def _reading_failed(self, message: str) -> None:
        self.stop_reading()
        self.banner.show_message(message)

    def _opened_while_reading(self, url: str) -> None:
        if self.narrator.url not in (None, url):
            self.stop_reading()  # the reader went elsewhere: so does the voice
