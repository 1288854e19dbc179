"""听新闻: what is read aloud, in what order, and 连续朗读's marking read — with Qt's
mock speech engine where QtTextToSpeech loads (on Linux it needs libpulse0)."""

import pytest

from conftest import open_window

QtCore = pytest.importorskip("PySide6.QtCore")
from PySide6.QtCore import QLocale, Qt  # noqa: E402

from gansureader.render import article_speech  # noqa: E402
from gansureader.ui import speech  # noqa: E402
from gansureader.ui.speech import rate_for, sentences  # noqa: E402

FIRST = "http://gansu.gscn.com.cn/system/2024/05/20/013200001.shtml"
PHOTO_STORY = "http://gansu.gscn.com.cn/system/2024/05/18/013200002.shtml"


def test_sentences_are_cut_after_chinese_stops_and_at_line_breaks():
    assert sentences(["兰州夜游升级。游客增多！是吗？", "第一行\n第二行；完"]) == [
        "兰州夜游升级。",
        "游客增多！",
        "是吗？",
        "第一行",
        "第二行；",
        "完",
    ]
    assert sentences(["", "  \n "]) == []


def test_a_text_with_no_full_stops_is_read_a_phrase_at_a_time():
    """A page with no 。 was one "sentence" of all its text: handed to the engine whole,
    and marked in the view as nothing (or everything)."""
    text = "兰州新区经济发展稳步推进，群众生活持续改善" * 100 + "无标点" * 200
    spoken = sentences([text])
    assert "".join(spoken) == text  # nothing lost, nothing added
    assert all(len(piece) <= 200 for piece in spoken)
    assert spoken[0].endswith("，")  # cut after a comma where there is one


def test_speed_maps_to_qt_rate():
    assert rate_for(1.0) == 0 and rate_for(2.0) == 1 and rate_for(0.5) == -1


def test_what_is_spoken_is_the_title_then_the_text_and_captions_not_the_panels(store, cache):
    from gansureader.store import Store

    with Store(cache) as cached:
        article = cached.article(PHOTO_STORY)
    spoken = article_speech(article)
    assert spoken[0] == article.title
    captions = [block.caption for block in article.body if getattr(block, "caption", None)]
    assert captions and all(caption in spoken for caption in captions)
    assert spoken.index(captions[0]) < spoken.index(captions[-1])
    panel_titles = {item.title for item in article.recommendations + article.ranking}
    assert not panel_titles & set(spoken)
    assert not any(text.startswith("来源") for text in spoken)  # not the meta line


class FakeVoice:
    def __init__(self, name):
        self._name = name

    def name(self):
        return self._name


class FakeEngine:
    """Only what the voice choice asks of an engine."""

    def __init__(self, locales=(), voices=()):
        self.locales, self.voices, self.chosen = [QLocale(n) for n in locales], voices, None

    def engine(self):
        return "fake"

    def availableLocales(self):  # noqa: N802
        return self.locales

    def allVoices(self, locale):  # noqa: N802
        return [FakeVoice(name) for name in self.voices]

    def setLocale(self, locale):  # noqa: N802
        self.chosen = locale.name()

    def setVoice(self, voice):  # noqa: N802
        self.chosen = voice.name()


def test_a_mandarin_voice_is_chosen_and_cantonese_is_not():
    by_locale = FakeEngine(locales=["en_US", "zh_TW", "zh_CN"])
    assert speech._choose_chinese_voice(by_locale) and by_locale.chosen == "zh_CN"
    espeak = FakeEngine(voices=["English", "Chinese (Cantonese)", "Chinese (Mandarin, latin)"])
    assert speech._choose_chinese_voice(espeak) and espeak.chosen == "Chinese (Mandarin, latin)"
    only_cantonese = FakeEngine(voices=["English", "Chinese (Cantonese)"])
    assert not speech._choose_chinese_voice(only_cantonese)


def test_without_a_chinese_voice_the_window_says_what_to_install(
    qtbot, cache, tmp_path, monkeypatch
):
    pytest.importorskip("PySide6.QtTextToSpeech", exc_type=ImportError)
    monkeypatch.setattr(speech, "ENGINE", "mock")
    monkeypatch.setattr(speech, "_choose_chinese_voice", lambda engine: False)
    window = open_window(qtbot, cache, tmp_path)
    try:
        with qtbot.waitSignal(window.article_shown):
            window.select_row(0)
        window.actions.read_aloud.trigger()
        assert window.banner.isVisible() and "speech-dispatcher" in window.banner.toolTip()
        assert not window.banner.retry.isVisible()  # a refresh would bring no voice
        assert window.narrator.state == "idle"
    finally:
        window.close()
        window.store.close()


@pytest.fixture
def listening(qtbot, cache, tmp_path, monkeypatch):
    pytest.importorskip("PySide6.QtTextToSpeech", exc_type=ImportError)
    monkeypatch.setattr(speech, "ENGINE", "mock")  # Qt's own test engine: no sound
    window = open_window(qtbot, cache, tmp_path)
    yield window
    window.stop_reading()
    window.close()
    window.store.close()


def test_read_aloud_speaks_the_article_in_order_and_marks_each_sentence(listening, qtbot):
    window = listening
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(PHOTO_STORY)
    spoken, marked = [], []

    def heard(sentence):
        spoken.append(sentence)
        marked.append([s.cursor.selectedText() for s in window.reader.browser.extraSelections()])

    window.narrator.sentence_started.connect(heard)
    with qtbot.waitSignal(window.narrator.finished, timeout=20_000) as done:
        qtbot.keyClick(window.list, Qt.Key.Key_R)
    assert done.args == [PHOTO_STORY]
    assert spoken == sentences(article_speech(window.reader.article))
    # Each sentence of the text is highlighted in the article as it is read.
    body = [s for s in spoken[1:] if s in window.reader.browser.toPlainText()]
    assert body and all(
        mark == [s.replace("\n", "\u2029")]
        for s, mark in zip(spoken, marked, strict=True)
        if s in body
    )
    assert window.narrator.state == "idle" and not window.speech_bar.isVisible()


def test_pause_and_resume_go_on_from_the_sentence_paused(listening, qtbot):
    window = listening
    with qtbot.waitSignal(window.article_shown):
        window.follow_link(PHOTO_STORY)
    spoken = []
    window.narrator.sentence_started.connect(spoken.append)
    with qtbot.waitSignal(window.narrator.sentence_started):
        window.read_aloud()
    window.read_aloud()  # pause
    assert window.narrator.state == "paused" and window.speech_bar.isVisible()
    at = len(spoken)
    with qtbot.waitSignal(window.narrator.finished, timeout=20_000):
        window.read_aloud()  # resume
    assert spoken[at] == spoken[at - 1]  # the paused sentence again, then on
    assert spoken[at:] == sentences(article_speech(window.reader.article))[at - 1 :]


def test_read_unread_aloud_goes_on_and_marks_each_read_once_spoken(listening, qtbot):
    window = listening
    with qtbot.waitSignal(window.article_shown):
        window.select_row(0)
    first = window.current_url()
    unread_after = [
        window.model.summary(n).url
        for n in range(1, window.model.rowCount())
        if not window.model.summary(n).read
    ][:2]
    finished, read_when_opened = [], {}
    window.narrator.finished.connect(finished.append)
    window.article_shown.connect(
        lambda url: read_when_opened.setdefault(url, window.store_flag(url, "read"))
    )
    qtbot.keyClick(window.list, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(finished) >= 3, timeout=30_000)
    window.stop_reading()
    assert finished[:3] == [first, *unread_after]
    assert [read_when_opened[url] for url in unread_after] == [False, False]  # when opened
    assert all(window.store_flag(url, "read") for url in unread_after)  # read once spoken


def test_next_skips_an_article_and_leaves_it_unread(listening, qtbot):
    window = listening
    with qtbot.waitSignal(window.article_shown):
        window.select_row(0)
    with qtbot.waitSignal(window.narrator.sentence_started):
        window.read_unread_aloud()
    with qtbot.waitSignal(window.narrator.sentence_started):
        window.read_next_unread()  # on to the second before the first ends
    skipped = window.current_url()
    with qtbot.waitSignal(window.narrator.sentence_started):
        window.read_next_unread()  # and skip that one too
    assert window.current_url() != skipped and not window.store_flag(skipped, "read")
