"""Speech output ("Lees voor"): only signed helper texts are spoken; cache, engines, CLI.

No test reaches outside: SPEECH_ONLINE is off, or gTTS is pointed at a closed local port."""
from __future__ import annotations

import stat
import urllib.parse
from pathlib import Path

import gtts.tts
import pytest
from itsdangerous import URLSafeSerializer
from livestack import free_port

from gtts.lang import tts_langs

from web import config, create_app
from web import speech
from web.speech import engines
from web.speech.cache import SpeechCache, cache_key

HELPER_TEXT = "Je DigiD kwijt? Dat is lastig. Ik help je stap voor stap."
REPO = Path(__file__).resolve().parents[2]


def _make_app(tmp_path, **config):
    app = create_app({"TESTING": True, "SECRET_KEY": "test-key", "SPEECH_ONLINE": False,
                      "SPEECH_CACHE_DIR": str(tmp_path / "speech"), **config})
    return app


@pytest.fixture
def app(tmp_path):
    return _make_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


def _url(app, text=HELPER_TEXT, language="nl"):
    with app.test_request_context():
        return speech.speech_url(text, language)


def _files(app):
    folder = Path(app.config["SPEECH_CACHE_DIR"])
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- Only the helper's own texts can be spoken -------------------------------------------------

def test_a_tampered_or_made_up_token_is_404(app, client):
    token = _url(app).rsplit("/", 1)[1]
    payload, signature = token.rsplit(".", 1)
    forged = URLSafeSerializer("", salt="speech").dumps({"t": "wat de gebruiker typte", "l": "nl"})
    for bad in (payload, payload + ".AAAA", payload[:-2] + "xx." + signature, forged.rsplit(".", 1)[0], "hallo"):
        assert client.get(f"/spraak/{bad}").status_code == 404
    assert _files(app) == []


def test_a_token_signed_with_another_key_is_404(app, client):
    other = URLSafeSerializer("another-key", salt="speech").dumps({"t": "wat de gebruiker typte", "l": "nl"})
    assert client.get(f"/spraak/{other}").status_code == 404
    assert _files(app) == []


def test_the_endpoint_speaks_only_the_signed_text(app, client, monkeypatch):
    spoken = []
    monkeypatch.setattr(app.extensions["speech"], "clip", lambda text, lang: spoken.append(text))
    url = _url(app)
    client.get(url + "?t=getypt&l=nl", json={"t": "getypt"})
    assert spoken == [HELPER_TEXT]
    assert client.post(url, json={"t": "getypt"}).status_code == 405
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("speech.")]
    assert [(r.rule, r.methods - {"HEAD", "OPTIONS"}) for r in rules] == [("/spraak/<token>", {"GET"})]


def test_speech_url_is_the_only_place_that_signs_speech_tokens():
    signers = [p.relative_to(REPO).as_posix() for p in (REPO / "web").rglob("*.py")
               if 'salt="speech"' in p.read_text(encoding="utf-8")]
    assert signers == ["web/speech/__init__.py"]
    source = (REPO / "web/speech/__init__.py").read_text(encoding="utf-8")
    assert source.count(".dumps(") == 1 and "def speech_url(" in source


def test_gtts_requests_go_to_translate_and_carry_the_helper_text():
    tts = engines.online_tts(HELPER_TEXT, "nl")
    requests = tts._prepare_requests()  # builds, sends nothing
    assert requests and all(urllib.parse.urlsplit(r.url).hostname == "translate.google.nl" for r in requests)
    bodies = urllib.parse.unquote("".join(r.body for r in requests))
    assert all(word in bodies for word in HELPER_TEXT.replace("?", "").replace(".", "").split())
    assert '\\"nl\\"' in bodies
    connect, read = tts.timeout
    assert connect <= 3 and read <= 10


# --- Serving and caching -----------------------------------------------------------------------

def test_a_helper_text_is_spoken_offline_then_served_from_the_cache(app, client, monkeypatch):
    url = _url(app)
    first = client.get(url)
    assert first.status_code == 200 and first.mimetype == "audio/wav"
    assert first.data[:4] == b"RIFF" and int.from_bytes(first.data[4:8], "little") == len(first.data) - 8
    assert first.headers["Cache-Control"].startswith("private, max-age=")
    key = cache_key(HELPER_TEXT, "nl")
    assert _files(app) == [f"{key}.offline.wav"]
    path = Path(app.config["SPEECH_CACHE_DIR"]) / f"{key}.offline.wav"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644

    monkeypatch.setattr(engines, "render_offline", _must_not_run)
    again = client.get(url)
    assert again.status_code == 200 and again.data == first.data


def test_no_engine_gives_503_for_the_browser_voice(app, client, monkeypatch):
    monkeypatch.setattr(engines, "render_offline", _raise(FileNotFoundError("espeak-ng")))
    response = client.get(_url(app))
    assert response.status_code == 503 and response.get_json() == {"error": "no_speech"}
    assert _files(app) == []


def test_unreachable_gtts_falls_back_offline_and_leaves_no_partial_file(tmp_path, monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    port = free_port()  # nothing listens here: connection refused, no outside call
    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": f"http://127.0.0.1:{port}/{path}")
    app = _make_app(tmp_path, SPEECH_ONLINE=True)
    speaker = app.extensions["speech"]
    assert speaker.clip(HELPER_TEXT, "nl").engine == "offline"
    assert _files(app) == [f"{cache_key(HELPER_TEXT, 'nl')}.offline.wav"]

    monkeypatch.setattr(engines, "render_online", _must_not_run)  # paused after the failure
    assert speaker.clip("Een andere zin.", "nl").engine == "offline"


def test_an_online_render_replaces_the_offline_one(app, monkeypatch):
    speaker = app.extensions["speech"]
    assert speaker.clip(HELPER_TEXT, "nl").engine == "offline"
    speaker.online = True
    monkeypatch.setattr(engines, "render_online", lambda text, lang: b"ID3 fake mp3")
    clip = speaker.render(HELPER_TEXT, "nl")
    assert clip.engine == "online" and clip.mimetype == "audio/mpeg"
    assert _files(app) == [f"{cache_key(HELPER_TEXT, 'nl')}.mp3"]


def test_an_empty_online_answer_is_never_kept(app, monkeypatch):
    speaker = app.extensions["speech"]
    speaker.online = True
    monkeypatch.setattr(engines, "render_online", lambda text, lang: b"")
    assert speaker.clip(HELPER_TEXT, "nl").engine == "offline"
    assert not any(name.endswith(".mp3") or name.startswith(".") for name in _files(app))


def test_the_key_ignores_whitespace_but_not_the_language():
    assert cache_key(" Hallo\n  daar ", "nl") == cache_key("Hallo daar", "nl") != cache_key("Hallo daar", "en")


def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    cache = SpeechCache(tmp_path)
    monkeypatch.setattr("os.replace", _raise(OSError("disk full")))
    with pytest.raises(OSError):
        cache.store("k", "online", b"audio")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value, online", [("false", False), ("False", False), ("0", False), ("true", True)])
def test_speech_online_flag_from_the_environment(tmp_path, value, online):
    assert _make_app(tmp_path, SPEECH_ONLINE=value).extensions["speech"].online is online


# --- Pre-rendering -----------------------------------------------------------------------------

def test_prerender_makes_offline_clips_for_every_language(tmp_path):
    for lang, text, org in (("nl", "Hallo, ik help je.", "Bij {organisation} kan het."),
                            ("en", "Hello, I can help.", "At {organisation} it works.")):
        (tmp_path / "content" / lang).mkdir(parents=True)
        (tmp_path / "content" / lang / "core.yml").write_text(
            f"items:\n  utter_hi:\n    text: {text}\n  utter_org:\n    text: '{org}'\n", encoding="utf-8")
    app = _make_app(tmp_path, CONTENT_DIR=str(tmp_path / "content"))
    runner = app.test_cli_runner()
    first = runner.invoke(args=["speech-prerender"])
    assert first.exit_code == 0, first.output
    assert "made (offline): 2" in first.output and "skipped (template; spoken once filled in): 2" in first.output
    assert len(_files(app)) == 2
    assert "already cached (offline): 2" in runner.invoke(args=["speech-prerender"]).output


@pytest.mark.parametrize("language", config.LANGUAGES)
def test_every_offered_language_has_a_voice_in_both_engines(language):
    assert language in tts_langs()  # gTTS's own list; no network
    wav = engines.render_offline("DigiHulp", language)  # the real espeak-ng
    assert wav[:4] == b"RIFF" and len(wav) > 1000


def _must_not_run(*args):
    raise AssertionError("should have come from the cache")


def _raise(error):
    def fail(*args, **kwargs):
        raise error
    return fail
