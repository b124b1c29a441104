"""Spoken clips on disk, one file per text: <key>.mp3 (online voice) or <key>.offline.wav (espeak-ng)."""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

ONLINE = "online"
OFFLINE = "offline"
SUFFIXES = {ONLINE: ".mp3", OFFLINE: ".offline.wav"}  # lookup order: the better voice first
MIMETYPES = {ONLINE: "audio/mpeg", OFFLINE: "audio/wav"}


def normalise(text: str) -> str:
    return " ".join(text.split())


def cache_key(text: str, language: str) -> str:
    return hashlib.sha256(f"{language}\n{normalise(text)}".encode()).hexdigest()


@dataclass(frozen=True)
class Clip:
    path: Path
    engine: str

    @property
    def mimetype(self) -> str:
        return MIMETYPES[self.engine]


class SpeechCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _path(self, key: str, engine: str) -> Path:
        return self.folder / (key + SUFFIXES[engine])

    def find(self, key: str) -> Clip | None:
        for engine in SUFFIXES:
            path = self._path(key, engine)
            if path.is_file():
                return Clip(path, engine)
        return None

    def store(self, key: str, engine: str, audio: bytes) -> Clip:
        if not audio:
            raise ValueError("empty clip")  # never keep a 0-byte file: it would be served as "cached"
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(key, engine)
        _write_atomically(path, audio)
        if engine == ONLINE:
            self._path(key, OFFLINE).unlink(missing_ok=True)
        return Clip(path, engine)


def _write_atomically(path: Path, data: bytes) -> None:
    # A reader sees the old file or the whole new one, never half a clip.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; a web server in front may serve the folder
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
