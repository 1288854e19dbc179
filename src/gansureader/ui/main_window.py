"""The main window: the channel sidebar, search and the article list on the left; the
reader on the right.

It asks the store for what to show and the Refresher for syncs; it holds no SQL
and parses no HTML. Links from the article or its panels open the cached article
at once, else fetch it in the background (or, offline, queue it for later); links
off the site go to the system browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..addresses import article_address, is_article_address
from ..model import Channel
from ..render import PICTURE_FRAGMENT, SHOWN_BLOCKS, SHOWN_ROWS
from ..sanitize import is_safe_url
from ..store import Store
from .article_list import ArticleDelegate, ArticleListModel, ArticleListView
from .cache_watch import CacheWatch
from .failures import reason_phrase
from .keyboard import focus_pane, menu_position, next_pane
from .listening import WindowListening
from .outputs import WindowOutputs
from .phrases import announce
from .reader import ReaderPane
from .reads import Reads
from .refresh import Refresher
from .settings import Settings
from .sidebar import CHANGED, FOLLOW, MUTED, RANKING, STARRED, UNREAD, ChannelSidebar
from .states import ErrorBanner, FirstRunPage
from .window_actions import build_actions
from .window_follows import WindowFollows
from .window_revisions import WindowRevisions
from .window_settings import WindowSettings
from .window_writes import WindowWrites

if TYPE_CHECKING:
    from .ranking import RankingList

SEARCH_DELAY_MS = 150
PROGRESS_EVERY_MS = 200
# The tray icon and the feed server start once the first article is painted.
OUTSIDE_AFTER_MS = 500


class MainWindow(
    WindowWrites,
    WindowFollows,
    WindowRevisions,
    WindowSettings,
    WindowListening,
    CacheWatch,
    QMainWindow,
):
    article_shown = Signal(str)  # URL, once the article and its panels are on screen

    def __init__(
        self,
        store: Store,
        settings: Settings,
        refresher: Refresher,
        *,
        channels: list[Channel] | None = None,
        load_demo: Callable[[], None] | None = None,
    ):
        super().__init__()
        self.store, self.settings, self.refresher = store, settings, refresher
        self.sync_channels = channels  # None: every channel in the store
        self.load_demo = load_demo
        self.awaited: str | None = None  # an article being fetched for the reader
        self.awaited_picture = False  # a picture clicked: the article is shown again after
        self.setWindowTitle(self.tr("gansureader — 中国甘肃网"))
        self._build_sidebar()
        self._build_left()
        self.reader = ReaderPane(store, self)
        self.reader.link_activated.connect(self.follow_link)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(2, 3)
        self.first_run = FirstRunPage(self)
        self.first_run.refresh_requested.connect(self.refresh)
        self.first_run.demo_requested.connect(self._load_demo)
        self.first_run.demo.setVisible(load_demo is not None)
        self.banner = ErrorBanner(self)
        self.banner.retry_requested.connect(self.refresh)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self.splitter)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_listening()
        self.outputs = WindowOutputs(self, store, settings, channels)
        self.outputs.channels_changed.connect(self._channels_changed)
        self.actions = build_actions(self)
        self.refresh_action, self.offline_action = self.actions.refresh, self.actions.offline
        self.star_action = self.actions.star
        self._connect_refresher()
        self._build_follows()
        self.tray = None  # a QSystemTrayIcon where the desktop has a tray
        self.auto_refresh = QTimer(self)
        self.auto_refresh.timeout.connect(self._refresh_by_timer)
        self.apply_window_settings()
        self.reload()
        self.watch_the_cache()
        QTimer.singleShot(OUTSIDE_AFTER_MS, self, self.start_outside_the_window)

    # ------------------------------------------------------------------ building

    def _build_sidebar(self) -> None:
        self.sidebar = ChannelSidebar(self)
        self.sidebar.fold(set(filter(None, self.settings.collapsed_groups.split("\n"))))
        self.sidebar.set_channels(self._listed_channels())
        self.sidebar.view_chosen.connect(self.reload)
        self.sidebar.mark_read_requested.connect(self.mark_channel_read)
        self.sidebar.remove_requested.connect(self.remove_channel)
        self.sidebar.open_requested.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        # Counts follow every change, coalesced: marking fifty articles read is one query.
        self.count_timer = QTimer(self, singleShot=True, interval=0)
        self.count_timer.timeout.connect(self.update_counts)

    def _listed_channels(self) -> list[Channel]:
        """The channels the sidebar lists: the demo's own in --demo, else the store's."""
        return self.sync_channels if self.sync_channels is not None else self.store.channels()

    def update_counts(self) -> None:
        """The sidebar's counts, read off the window's thread: the totals count every
        unread article (5 ms at 50 000, several frames while a sync writes)."""
        self.reads.read("counts", lambda store: store.unread_counts(), self._show_counts)

    def _show_counts(self, counts) -> None:
        if list(counts.by_follow) != [follow.name for follow in self.sidebar.follows()]:
            self.sidebar.set_follows(self.store.follows())  # changed from the command line
        self.sidebar.set_counts(counts)

    def _build_left(self) -> None:
        self.left = QWidget(self)
        self.search_box = QLineEdit(self.left)
        self.search_box.setPlaceholderText(self.tr("Search (title and text)"))
        self.search_box.setClearButtonEnabled(True)
        for clear in self.search_box.findChildren(QToolButton):  # Qt's own, named by no one
            clear.setAccessibleName(self.tr("Clear the search"))
        self.search_box.setAccessibleName(self.tr("Search articles"))
        self.search_box.setAccessibleDescription(
            self.tr("Words of the title or the text; the list shows what matches")
        )
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _: self.search_timer.start())
        self.reads = Reads(self.store.folder, self)
        self.model = ArticleListModel(self.store, self.reads, self)
        self.list = ArticleListView(self.left)
        self.list.setModel(self.model)
        self.list.setItemDelegate(ArticleDelegate(self.list))
        self.list.setAccessibleName(self.tr("Articles"))
        self.list.setAccessibleDescription(
            self.tr("Newest first; Enter opens one, M marks it read, S stars it")
        )
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.list.selectionModel().currentChanged.connect(lambda now, _: self._show_row(now.row()))
        self.ranking_list: RankingList | None = None  # made when 排行 is first chosen
        self.left_views = QStackedWidget(self.left)
        self.left_views.addWidget(self.list)
        layout = QVBoxLayout(self.left)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.left_views)

    def _list_menu(self, position) -> None:
        position = menu_position(self.list, position)
        if position is None:
            return
        menu = QMenu(self)
        a = self.actions
        for action in (a.read, a.star, None, a.browser, a.copy, None, a.export, a.print):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(position))

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton(self, text=self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.refresher.cancel)
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _connect_refresher(self) -> None:
        self.refresher.started.connect(self._sync_started)
        self.refresher.progress.connect(self._sync_progress)
        self._progress: tuple[int, int, str] | None = None
        self.progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_EVERY_MS)
        self.progress_timer.timeout.connect(self._show_progress)
        self.refresher.finished.connect(self._sync_finished)
        self.refresher.failed.connect(self._sync_failed)
        self.refresher.reparsed.connect(self._reparsed)
        self.refresher.cleaned.connect(self._cleaned)

    # ------------------------------------------------------------------ the list

    def current_view(self) -> tuple[str, Channel | None]:
        return self.sidebar.current_view()

    def reload(self) -> None:
        """Fill the list for the chosen channel, or the search results."""
        query = self.search_box.text().strip()
        kind, channel = self.current_view()
        ranking = self._ranking_view() if kind == RANKING and not query else None
        self.left_views.setCurrentWidget(self.list if ranking is None else ranking)
        if ranking is not None:
            self.reads.read("rankings", ranking.read, lambda shown: ranking.show_rankings(*shown))
        if query:
            self.model.show_search(query, self.search_failed)
        elif kind in (FOLLOW, MUTED):
            self.model.show_follow(channel)  # the follow's name; None: what the muted hide
        elif kind == CHANGED:
            self.model.show_changed()
        elif ranking is None:
            self.model.show_articles(channel, unread=kind == UNREAD, starred=kind == STARRED)
        empty = not query and self.model.rowCount() == 0 and not self.store.has_articles()
        self.pages.setCurrentWidget(self.first_run if empty else self.splitter)
        self.update_counts()

    def _ranking_view(self) -> RankingList:
        """The 排行 view, made when first chosen: the window starts without it."""
        if self.ranking_list is None:
            from .ranking import RankingList

            self.ranking_list = RankingList(self.left)
            self.ranking_list.article_chosen.connect(self.follow_link)
            self.left_views.addWidget(self.ranking_list)
        return self.ranking_list

    def _show_row(self, row: int) -> None:
        summary = self.model.summary(row)
        if summary is not None:
            self.show_article(summary.url)

    def select_row(self, row: int, *, show: bool = True) -> None:
        """Make ``row`` the current one (in view); ``show`` False: without opening its
        article (the caller shows it, or it is shown already)."""
        index = self.model.index(row)
        selection = self.list.selectionModel()
        selection.blockSignals(not show)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.list.scrollTo(index)

    def step(self, delta: int) -> None:
        row = self.list.currentIndex().row() + delta
        while row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    # ------------------------------------------------------------------ reading

    def show_article(self, url: str, mark_read: bool = True) -> bool:
        """Show the cached article; ``mark_read`` False: 连续朗读 marks it once spoken."""
        # Decoded only as far as it is laid out; printing and 听新闻 read it whole.
        article = self.store.article(url, blocks=SHOWN_BLOCKS, rows=SHOWN_ROWS)
        if article is None:
            return False
        url = article.url  # a link may name it by an address that redirected, or over https
        self.reader.browser.marking = self.matches_to_mark()
        self.reader.show_article(article, self.store.ranking_movement(url), self.article_notes(url))
        if mark_read and not self.store_flag(url, "read"):
            self.set_flag(url, "read", True)
        self.star_action.setChecked(self.store_flag(url, "starred"))
        self.statusBar().showMessage(url, 4000)
        self.article_shown.emit(url)
        return True

    def store_flag(self, url: str, name: str) -> bool:
        row = self.model.row_of(url)
        summary = self.model.summary(row) if row is not None else None
        return bool(summary and getattr(summary, name))

    def follow_link(self, url: str) -> None:
        """A click on a link in the article or a panel."""
        address, _, fragment = url.partition("#")
        if fragment == PICTURE_FRAGMENT:
            self.fetch_picture(address)
            return
        if fragment.startswith("gr-"):  # the article's own links: 查看修改, an earlier version
            from ..revision_view import link_target  # and the diff: only for such a link

            if target := link_target(fragment):
                self.open_version_link(address, target)
                return
        address = article_address(address)  # a share's query names the same article
        if not is_safe_url(url) or address == self.current_url():
            return  # a place in the article shown; or a click reported twice
        if self.show_article(address):
            row = self.model.row_of(self.current_url())
            if row is not None:
                self.select_row(row, show=False)
            return
        if is_article_address(address):
            self.fetch_article(address)
        else:  # another site, or a video or file of this one: the browser plays it
            QDesktopServices.openUrl(QUrl(url))

    def fetch_article(self, url: str) -> None:
        """An article not in the cache: fetch it in the background, or queue it when offline."""
        self.refresher.write(lambda store: store.queue(url), self._queued)
        if self.offline_action.isChecked():
            self._say(
                self.tr(
                    "You are offline. This article is not cached yet; it will be "
                    "fetched by the next refresh."
                ),
                url,
            )
            return
        self.awaited = url
        self._say(self.tr("Fetching the article…"), url)
        self.refresher.start([], pages=1)

    def fetch_picture(self, url: str) -> None:
        """A click on a picture: one not yet downloaded is fetched now (or, offline, later)."""
        if self.store.image_path(url) is not None:
            return
        if self.offline_action.isChecked():
            self.statusBar().showMessage(
                self.tr("You are offline: the picture is downloaded by the next refresh."), 8000
            )
            return
        self.awaited_picture = True
        self.statusBar().showMessage(self.tr("Downloading the picture…"), 8000)
        self.refresher.start([], pages=1, pictures=[url])

    def _say(self, message: str, url: str) -> None:
        """A message in the reader instead of an article."""
        self.reader.clear()
        self.reader.browser.setPlainText(f"{message}\n\n{url}")
        self.statusBar().showMessage(message, 8000)

    def current_url(self) -> str | None:
        return self.reader.article.url if self.reader.article else None

    def _channels_changed(self) -> None:
        self.sidebar.set_channels(self._listed_channels())
        self.reload()

    def selected_articles(self) -> list:
        """The articles selected in the list, else the one in the reader."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        urls = [self.model.summary(row).url for row in rows] or [self.current_url()]
        return [article for url in urls if url and (article := self.store.article(url))]

    def export_selected(self) -> None:
        self.outputs.export(self.selected_articles())

    def print_article(self) -> None:
        if (article := self.whole_article_shown()) is not None:
            self.outputs.print(article)

    def whole_article_shown(self):
        """The article shown, whole (the reader holds only what it lays out): to print,
        to read aloud."""
        url = self.current_url()
        return self.store.article(url) if url else None

    def open_in_browser(self) -> None:
        url = self.current_url()
        if url and is_safe_url(url):
            QDesktopServices.openUrl(QUrl(url))

    def copy_link(self) -> None:
        url = self.current_url()
        if url:
            QGuiApplication.clipboard().setText(url)
            self.statusBar().showMessage(self.tr("Link copied"), 3000)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def move_between_panes(self, step: int) -> None:
        """F6 / Shift+F6: sidebar → list → article → 精彩推荐 → 新闻排行, and round."""
        panes = [self.sidebar, self.left_views.currentWidget(), self.reader.browser]
        panes += [self.reader.recommendations.items, self.reader.ranking.items]
        if pane := next_pane(panes, QApplication.focusWidget(), step):
            focus_pane(pane)

    def show_shortcuts(self) -> None:
        from .shortcuts import ShortcutsDialog  # its widgets: only when asked for

        ShortcutsDialog(list(vars(self.actions).values()), self).exec()

    # ------------------------------------------------------------------ syncing

    def refresh(self) -> None:
        if self.offline_action.isChecked():
            self.statusBar().showMessage(self.tr("Offline mode: turn it off to refresh."), 5000)
            return
        channels = self.sync_channels if self.sync_channels is not None else self.store.channels()
        self.refresher.start(channels, pages=self.settings.pages)

    def _refresh_by_timer(self) -> None:
        if not self.refresher.running:
            self.refresh()

    def _load_demo(self) -> None:
        if self.load_demo is not None:
            self.load_demo()

    def _sync_started(self) -> None:
        self.banner.hide()
        self.first_run.set_busy(True)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.cancel_button.show()
        self.refresh_action.setEnabled(False)

    def _sync_progress(self, done: int, total: int, url: str) -> None:
        """Shown at most every PROGRESS_EVERY_MS: a new status line lays the window out
        and repaints the list, and a sync reports every article and picture."""
        self._progress = (done, total, url)
        if not self.progress_timer.isActive():
            self.progress_timer.start()

    def _show_progress(self) -> None:
        if self._progress is None or not self.refresher.running:
            return
        done, total, url = self._progress
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")
        self.statusBar().showMessage(url)

    def _sync_ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh_action.setEnabled(True)
        self.first_run.set_busy(False)

    def _sync_finished(self, summary) -> None:
        self._sync_ended()
        self.outputs.cache_changed()
        shown = self.current_url()
        self.reload()
        if summary.failed:
            self.banner.show_problems(summary.failed)
        rechecked = summary.rechecks.revised + summary.rechecks.removed
        if shown is not None and (self.awaited_picture or shown in rechecked):
            self.awaited_picture = False  # shown before the note: it says the address
            self.show_article(shown)  # with the picture that came, or as it is now
        note, followed = self._sync_note(summary)
        said = self.tr("Refresh cancelled") if summary.cancelled else note
        self.statusBar().showMessage(said, 8000)
        announce(self, said)  # a status line alone is never read out
        if (summary.new or followed) and self.tray is not None:
            self.tray.showMessage("中国甘肃网", note)
        if self.awaited is not None:
            self._arrived(self.awaited, summary)
        elif shown is not None and (row := self.model.row_of(shown)) is not None:
            self.select_row(row, show=False)
        elif self.model.rowCount() and shown is None:
            self.select_row(0)

    def _sync_note(self, summary) -> tuple[str, list[str]]:
        """What a sync brought, in a line: the follows' news first; and the follows'."""
        note = self.tr("%n new article(s)", "", summary.new)
        if changed := len(summary.rechecks.revised):
            note += " · " + self.tr("%n article(s) changed on the site", "", changed)
        if gone := len(summary.rechecks.removed):
            note += " · " + self.tr("%n article(s) removed from the site", "", gone)
        if summary.limited:  # a list too long, a host asked enough: the rest comes later
            note += " · " + self.tr("more comes with the next refresh")
        followed = [  # a sync's new matches of each follow with alerts on, told first
            self.tr("%1: %n new article(s)", "", count).replace("%1", name)
            for name, count in summary.follows.items()
        ]
        return " · ".join([*followed, note]), followed

    def _arrived(self, url: str, summary) -> None:
        if self.refresher.running:
            return  # a full sync ended; the article's own fetch runs next
        self.awaited = None
        if self.show_article(url):
            return
        said = [reason_phrase(problem.reason) for problem in summary.failed if problem.url == url]
        reason = said[0] if said else self.tr("it is not an article")
        self._say(
            self.tr(
                "The article could not be fetched: %1. It stays queued for the next refresh."
            ).replace("%1", reason),
            url,
        )

    def _reparsed(self, summary) -> None:
        if not summary.changed:
            return
        shown = self.current_url()
        self.reload()
        if shown is not None:
            self.show_article(shown)
        self.statusBar().showMessage(
            self.tr("%n article(s) re-read with the improved parser", "", summary.changed), 8000
        )

    def _sync_failed(self, message: str) -> None:
        """The sync could not go on (a full disk, an unusable cache): said in the banner."""
        self._sync_ended()
        self.banner.show_message(self.tr("Refresh stopped: %1").replace("%1", message), retry=True)

    # ------------------------------------------------------------------ settings, state

    def _cleaned(self, outcome) -> None:
        self.progress.hide()
        if isinstance(outcome, Exception):
            self.banner.show_message(self.tr("Clean-up stopped: %1").replace("%1", str(outcome)))
            return
        self.outputs.cache_changed()
        shown = self.current_url()
        self.reload()
        if shown is not None and self.store.article(shown) is None:
            self.reader.clear()
        self.statusBar().showMessage(self.tr("%n article(s) removed", "", outcome), 5000)

    def restore_layout(self) -> None:
        """Window geometry and splitter sizes as the reader left them, else a roomy default."""
        self.resize(1280, 800)
        self.splitter.setSizes([190, 330, 760])
        self.reader.setSizes([680, 240])
        for key, restore in (
            ("geometry", self.restoreGeometry),
            ("state", self.restoreState),
            ("panes", self.splitter.restoreState),  # sidebar, list, reader
            ("reader", self.reader.restoreState),
        ):
            saved = self.settings.state(key)
            if saved is not None:
                restore(saved)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("state", self.saveState())
        self.settings.set_state("panes", self.splitter.saveState())
        self.settings.collapsed_groups = "\n".join(sorted(self.sidebar.collapsed()))
        self.settings.set_state("reader", self.reader.saveState())
        self.settings.q.sync()
        self.count_timer.stop()  # the store may close right after the window
        self.cache_timer.stop()
        self.search_timer.stop()
        self.progress_timer.stop()
        self.reads.shut_down()
        self.refresher.shut_down()  # what runs is stopped and waited for; answers dropped
        self.outputs.stop_feed_server()
        self.reader.article = None  # nothing to re-render: the store may be closed next
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        # Dark mode follows the desktop, and 关怀模式 sets its own colours: the article
        # is rendered again in the new palette.
        if event.type() == QEvent.Type.PaletteChange and self.reader.article is not None:
            self.show_article(self.reader.article.url)
        super().changeEvent(event)
