"""听新闻: an article read aloud by the platform's own voices, a sentence at a time.

Qt's QtTextToSpeech speaks through what the system has: SAPI / WinRT voices on
Windows, AVSpeechSynthesizer on macOS, speech-dispatcher on Linux (espeak-ng's
Mandarin, or any Chinese voice installed). It is loaded only when the reader first
asks for speech, so the window starts without it (and without QtMultimedia).

The text is spoken a sentence at a time, so the sentence being read can be shown,
speed changes take effect at the next sentence, and pause / resume work alike on
every engine (a paused sentence starts again from its beginning on resume).
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from ..errors import GansuReaderError

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
ENGINE: str | None = None  # QtTextToSpeech's default for the platform; tests name "mock"
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;…])|\n")
# A sentence longer than this (a page with no full stops) is cut after its commas, else
# plainly: the engine is handed, and the view marks, a phrase at a time.
LONGEST_SENTENCE = 200
_PHRASE = re.compile(rf"[^，、：,:]{{1,{LONGEST_SENTENCE}}}[，、：,:]?")

# Voices by name, best first: Mandarin, then any Chinese that is not Cantonese.
_MANDARIN = re.compile(r"mandarin|普通话|\bcmn\b", re.IGNORECASE)
_CHINESE = re.compile(r"chinese|中文|汉语|\bzh\b", re.IGNORECASE)
_CANTONESE = re.compile(r"cantonese|粤|\byue\b", re.IGNORECASE)

translate = QCoreApplication.translate


class SpeechUnavailable(GansuReaderError):
    """Nothing on this computer can read Chinese aloud; the message says what to install."""


def sentences(texts: list[str]) -> list[str]:
    """The texts cut after each 。！？；, and at line breaks; empty pieces dropped."""
    pieces = (piece.strip() for text in texts for piece in _SENTENCE_END.split(text))
    return [cut for piece in pieces if piece for cut in _short(piece)]


def _short(sentence: str) -> list[str]:
    if len(sentence) <= LONGEST_SENTENCE:
        return [sentence]
    phrases: list[str] = []
    for phrase in _PHRASE.findall(sentence):
        if phrases and len(phrases[-1]) + len(phrase) <= LONGEST_SENTENCE:
            phrases[-1] += phrase
        else:
            phrases.append(phrase)
    return phrases


def rate_for(speed: float) -> float:
    """Qt's rate (-1 … 1, 0 as the voice speaks) for a speed of 0.5× … 2×."""
    return max(-1.0, min(1.0, math.log2(speed)))


class Narrator(QObject):
    """Reads one article's texts aloud; ``finished(url)`` once the last is spoken."""

    sentence_started = Signal(str)  # the sentence now being spoken
    finished = Signal(str)  # the URL whose article has been spoken to its end
    state_changed = Signal(str)  # "speaking", "paused", "idle"
    failed = Signal(str)  # what went wrong, and what to do

    def __init__(self, parent=None):
        super().__init__(parent)
        self._engine = None
        self._url: str | None = None
        self._sentences: list[str] = []
        self._index = 0
        self.state = "idle"
        self.speed = 1.0
        self._heard_speaking = False  # the engine began the sentence we gave it
        self._states = None  # QTextToSpeech.State, once the module is loaded

    @property
    def url(self) -> str | None:
        """The article being read (or paused), None when idle."""
        return self._url if self.state != "idle" else None

    def read(self, url: str, texts: list[str]) -> None:
        """Read ``texts`` (title, headings, paragraphs, captions, in order) aloud."""
        try:
            engine = self._engine or self._start_engine()
        except SpeechUnavailable as error:
            self.failed.emit(str(error))
            return
        self._set_state("idle")
        engine.stop()
        self._url, self._sentences, self._index = url, sentences(texts), 0
        self._set_state("speaking")
        self._say_current()

    def pause(self) -> None:
        if self.state == "speaking":
            self._set_state("paused")  # first: the Ready that stop() brings is not an end
            self._engine.stop()

    def resume(self) -> None:
        if self.state == "paused":
            self._set_state("speaking")
            self._say_current()

    def stop(self) -> None:
        if self.state != "idle":
            self._set_state("idle")
            self._engine.stop()

    def set_speed(self, speed: float) -> None:
        """From the next sentence on."""
        self.speed = speed
        if self._engine is not None:
            self._engine.setRate(rate_for(speed))

    # ------------------------------------------------------------------ the engine

    def _start_engine(self):
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # on Linux QtMultimedia needs libpulse
            raise SpeechUnavailable(
                translate("Narrator", "Reading aloud needs Qt's speech module: %1").replace(
                    "%1", str(error)
                )
            ) from error
        engine = QTextToSpeech(ENGINE, self) if ENGINE else QTextToSpeech(self)
        if engine.state() == QTextToSpeech.State.Error:
            raise SpeechUnavailable(_no_voice_text())
        if not _choose_chinese_voice(engine):
            raise SpeechUnavailable(_no_voice_text())
        engine.setRate(rate_for(self.speed))
        self._states = QTextToSpeech.State
        engine.stateChanged.connect(self._engine_state)
        self._engine = engine
        return engine

    def _say_current(self) -> None:
        if self._index >= len(self._sentences):
            url = self._url
            self._set_state("idle")
            self.finished.emit(url)
            return
        sentence = self._sentences[self._index]
        self._heard_speaking = False
        self.sentence_started.emit(sentence)
        self._engine.say(sentence)

    def _engine_state(self, state) -> None:
        if state == self._states.Speaking:
            self._heard_speaking = True
        elif state == self._states.Error:
            self._set_state("idle")
            self.failed.emit(self._engine.errorString() or _no_voice_text())
        elif state == self._states.Ready and self.state == "speaking":
            if self._heard_speaking:  # not the Ready a stop() before brought
                self._index += 1
                self._say_current()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)


def _choose_chinese_voice(engine) -> bool:
    """A Mandarin voice: by locale where the engine names one, else by the voice's name
    (speech-dispatcher reports espeak-ng's Mandarin, "cmn", under no locale)."""
    if engine.engine() == "mock":
        return True  # Qt's test engine: it speaks anything, in no language
    chinese = [
        locale
        for locale in engine.availableLocales()
        if locale.language() == QLocale.Language.Chinese
    ]
    if chinese:
        mainland = [locale for locale in chinese if locale.territory() == QLocale.Country.China]
        engine.setLocale((mainland or chinese)[0])
        return True
    voices = [voice for voice in engine.allVoices(None) if not _CANTONESE.search(voice.name())]
    for wanted in (_MANDARIN, _CHINESE):
        if named := [voice for voice in voices if wanted.search(voice.name())]:
            engine.setVoice(named[0])
            return True
    return False


def _no_voice_text() -> str:
    return translate(
        "Narrator",
        "No Chinese voice was found. Linux: install speech-dispatcher and espeak-ng; "
        "Windows: Settings → Time & language → Speech → add 中文(简体); "
        "macOS: System Settings → Accessibility → Spoken Content → add a Chinese voice.",
    )
