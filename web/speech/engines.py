"""Make a clip: the online voice (gTTS) first, else espeak-ng offline, else none (the browser speaks)."""
from __future__ import annotations

import io
import logging
import struct
import subprocess
import time

from gtts import gTTS, gTTSError

from ..config import LANGUAGES
from .cache import OFFLINE, ONLINE, Clip, SpeechCache, cache_key, normalise

log = logging.getLogger(__name__)

# gTTS waits forever by default; a network that silently drops packets must not hang a request.
GTTS_TIMEOUT = (3, 10)  # seconds: connect, read
# After a failure, skip gTTS for a while so not every clip waits for the same dead network.
GTTS_PAUSE_SECONDS = 300
ESPEAK_TIMEOUT = 10
# espeak-ng names its voices by the language codes of the one list (content/languages.yml).
ESPEAK_VOICES = {code: code for code in LANGUAGES}


def online_tts(text: str, language: str) -> gTTS:
    return gTTS(text, lang=language, tld="nl", timeout=GTTS_TIMEOUT)


def render_online(text: str, language: str) -> bytes:
    buffer = io.BytesIO()
    online_tts(text, language).write_to_fp(buffer)
    return buffer.getvalue()


def render_offline(text: str, language: str) -> bytes:
    command = ["espeak-ng", "-v", ESPEAK_VOICES[language], "--stdin", "--stdout"]
    done = subprocess.run(command, input=text.encode(), capture_output=True, check=True, timeout=ESPEAK_TIMEOUT)
    return _with_true_sizes(done.stdout)


def _with_true_sizes(wav: bytes) -> bytes:
    # Writing to a pipe, espeak-ng cannot seek back and leaves 2 GB in the size fields of its
    # 44-byte header; some players then show a wrong length or refuse to seek.
    if len(wav) < 44 or wav[36:40] != b"data":
        return wav
    return wav[:4] + struct.pack("<I", len(wav) - 8) + wav[8:40] + struct.pack("<I", len(wav) - 44) + wav[44:]


class Speaker:
    """Finds or makes the clip of a text: cached file → gTTS → espeak-ng → None."""

    def __init__(self, cache: SpeechCache, online: bool):
        self.cache = cache
        self.online = online
        self._online_paused_until = 0.0

    def clip(self, text: str, language: str) -> Clip | None:
        return self.cache.find(cache_key(text, language)) or self.render(text, language)

    def render(self, text: str, language: str) -> Clip | None:
        """A new clip, online if allowed and reachable; replaces an offline one."""
        key, text = cache_key(text, language), normalise(text)
        if self._may_go_online():
            try:
                return self.cache.store(key, ONLINE, render_online(text, language))
            except gTTSError as error:
                log.warning("online speech failed, offline for %d s (%s)", GTTS_PAUSE_SECONDS, error)
                self._online_paused_until = time.monotonic() + GTTS_PAUSE_SECONDS
            except ValueError as error:  # a language gTTS lacks, or an empty answer
                log.warning("online speech failed (%s)", error)
        if language in ESPEAK_VOICES:
            try:
                return self.cache.store(key, OFFLINE, render_offline(text, language))
            except (OSError, subprocess.SubprocessError, ValueError) as error:
                log.warning("offline speech failed (%s)", type(error).__name__)
        return None

    def _may_go_online(self) -> bool:
        return self.online and time.monotonic() >= self._online_paused_until
