"""Start the desktop app: QApplication, translations, the cache, the demo server, the window.

``--demo`` serves the bundled demo site from 127.0.0.1 and syncs it, so the whole
path runs with no network; ``--article URL`` opens the window at that article;
``--screenshot PATH`` saves the window once an article (that one, if given) and
both its panels are shown, then exits.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..addresses import article_address
from ..paths import data_dir, resources_dir
from ..store import Store, StoreError
from .failures import reason_phrase, start_log
from .main_window import MainWindow
from .refresh import Refresher
from .settings import Settings
from .upgrade import prepare_cache, prepare_with_progress

SCREENSHOT_TIMEOUT_MS = 60_000
SETTLE_MS = 400  # pictures and layout settle before the screenshot
# Articles an older parser read are re-read once the window is up and has settled.
REPARSE_DELAY_MS = 3000


# While a sync parses pages on its threads, every Python slot of the window waits for the
# interpreter lock: at most this long each time (Python's default, 5 ms, made a click's
# handling during a sync stall the window 30–40 ms; bench/waits.py).
LOCK_SWITCH_SECONDS = 0.0005


def prefer_the_window() -> None:
    sys.setswitchinterval(LOCK_SWITCH_SECONDS)


def freeze_what_started() -> None:
    """Keep the collector off what start-up made (modules, classes, Qt's wrappers): none
    of it is garbage, and a full collection — which holds the interpreter lock, on
    whichever thread happens to start it, a sync worker's too — scanned it every time:
    40–65 ms stalls of the window during a sync or a clean-up, 5 ms once frozen
    (bench/waits.py). No collection first: that would cost the start 40 ms."""
    gc.freeze()


def run(
    data_folder: str | None, demo: bool, screenshot: str | None, article: str | None = None
) -> int:
    prefer_the_window()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("gansureader")
    app.setApplicationName("gansureader")
    icon = resources_dir() / "icons" / "gansureader-256.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    translators = install_translations(app)
    folder = data_dir(data_folder)
    if demo and data_folder is None:
        folder = folder / "demo"  # the demo's articles never mix with the real cache
    try:
        store, recovered = open_for_window(folder, prepare_with_progress)  # says how far
    except StoreError as error:
        from PySide6.QtWidgets import QMessageBox  # only for a cache that cannot open

        QMessageBox.critical(None, "gansureader", reason_phrase(str(error)))
        print(f"gansureader: error: {error}", file=sys.stderr)
        return 1
    start_log(folder)
    server = None

    def start_demo_server() -> str:
        nonlocal server
        if server is None:
            from ..demo import MirrorServer, demo_site  # http.server: only when asked for

            server = MirrorServer(demo_site()).start()
        return server.url

    def demo_channels():
        from ..demo import demo_channels

        return demo_channels()

    refresher = Refresher(folder)
    if demo:
        refresher.mirror = start_demo_server()
    window = MainWindow(
        store,
        Settings(QSettings()),
        refresher,
        channels=demo_channels() if demo else None,
        load_demo=lambda: refresher.start(demo_channels(), 2, mirror=start_demo_server()),
    )
    if recovered is not None:  # a damaged cache was replaced: say what was kept
        window.banner.show_message(reason_phrase(recovered.message()))
    sys.excepthook = lambda kind, error, trace: window.show_error(error)  # not on Qt's loop
    if screenshot:
        take_screenshot(app, window, Path(screenshot), article)
    window.restore_layout()
    window.show()
    freeze_what_started()
    if demo:
        window.refresh()  # local and quick: the demo is always fresh
    if article:
        window.follow_link(article)
    elif window.model.rowCount():
        window.select_row(0)
    QTimer.singleShot(REPARSE_DELAY_MS, refresher.reparse_outdated)
    code = app.exec()
    store.close()
    if server is not None:
        server.stop()
    del translators
    return code


def open_for_window(folder: Path, prepare=prepare_cache):
    """The window's read-only Store, and what a replaced damaged cache kept (or None);
    ``prepare``: how the cache is opened for writing first (the app's shows an upgrade).

    A writing Store opens the cache first: it creates it, moves it to this schema or
    replaces a damaged one, and matches the 关注 a new cache (or another gansureader)
    left unmatched — a read when there are none; the window itself never writes (the
    Refresher does).
    """
    recovered = prepare(folder)
    return Store(folder, read_only=True), recovered


def self_test() -> int:
    """Check a build without a screen: window, demo sync, one article rendered.

    Prints ``self-test ok`` and returns 0, or names what failed and returns 1.
    """
    import tempfile

    from ..demo import MirrorServer, demo_channels, demo_site

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app)
    failure: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="gansureader-self-test-") as folder,
        MirrorServer(demo_site()) as server,
    ):
        store, _ = open_for_window(Path(folder))
        refresher = Refresher(Path(folder))
        refresher.mirror = server.url
        settings = Settings(
            QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        )
        window = MainWindow(store, settings, refresher, channels=demo_channels())
        window.show()

        def synced(summary) -> None:
            if not summary.ok or summary.new == 0:
                failure.append(f"the demo sync failed: {summary.to_dict()}")
                app.exit(1)
            elif window.model.rowCount() == 0:
                failure.append("the synced articles are not listed")
                app.exit(1)
            else:
                window.select_row(0)

        def shown(url: str) -> None:
            text = window.reader.browser.toPlainText()
            if not window.reader.article or window.reader.article.title not in text:
                failure.append(f"{url} was not rendered")
            QTimer.singleShot(0, lambda: app.exit(1 if failure else 0))

        refresher.finished.connect(synced)
        refresher.failed.connect(lambda message: (failure.append(message), app.exit(1)))
        window.article_shown.connect(shown)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: (failure.append("timed out"), app.exit(1)))
        window.refresh()
        code = app.exec()
        window.close()
        store.close()
    if getattr(sys, "frozen", False) and (missing := _speech_missing()):
        failure.append(missing)  # a bundle must carry 听新闻; from source it is the system's
    if code == 0 and not failure:
        print("self-test ok", flush=True)
        return 0
    print(f"self-test failed: {'; '.join(failure) or f'exit {code}'}", file=sys.stderr)
    return 1


def _speech_missing() -> str | None:
    """What keeps 听新闻 from loading, or None."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        return f"speech cannot load: {error}"
    engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
    return None if engines else "no speech engine is bundled"


def install_translations(app: QApplication) -> list[QTranslator]:
    """Chinese for Chinese locales; the English source text elsewhere."""
    locale = QLocale()
    if locale.language() != QLocale.Language.Chinese:
        return []
    translators = []
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("gansureader", str(resources_dir() / "translations")),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def take_screenshot(
    app: QApplication, window: MainWindow, path: Path, article: str | None = None
) -> None:
    """Save the window as a PNG once an article (``article``, if given) and both its panels
    are shown, then quit."""
    taken = False

    def asked_for(url: str) -> bool:  # --article may name it under another of its addresses
        if article is None:
            return True
        stored = window.store.article(article_address(article), blocks=0)
        return stored is not None and stored.url == url

    def shown(url: str) -> None:
        panels = window.reader.recommendations.items.count() and window.reader.ranking.items.count()
        if panels and not taken and asked_for(url):
            QTimer.singleShot(SETTLE_MS, save)

    def save() -> None:
        nonlocal taken
        if taken:
            return
        taken = True
        ok = window.grab().save(str(path), "PNG")
        if not ok:
            print(f"gansureader: error: could not write the screenshot {path}", file=sys.stderr)
        app.exit(0 if ok else 1)

    def give_up() -> None:
        if not taken:
            print(
                "gansureader: error: no article with both panels was shown within "
                f"{SCREENSHOT_TIMEOUT_MS // 1000} s (empty cache? try --demo)",
                file=sys.stderr,
            )
            app.exit(1)

    window.article_shown.connect(shown)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
