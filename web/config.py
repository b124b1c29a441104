"""Defaults; each can be overridden by an environment variable DIGIHULP_<NAME> (README "Settings"),
except in tests: create_app(test_config) takes its test config and nothing from the environment."""
from pathlib import Path

import yaml

_ROOT = Path(__file__).resolve().parent.parent

CONTENT_DIR = str(_ROOT / "content")
BOT_DIR = str(_ROOT / "bot")  # the guide pages read the bot's rules
# The languages come from their one list, content/languages.yml (complete ones first, then partial).
# Each needs a catalogue in locales/ and a folder in content/.
_LANGUAGES = yaml.safe_load((_ROOT / "content" / "languages.yml").read_text(encoding="utf-8"))
LANGUAGES = [*_LANGUAGES["complete"], *_LANGUAGES["partial"]]
DEFAULT_LANGUAGE = _LANGUAGES["default"]
RTL_LANGUAGES = _LANGUAGES["right_to_left"]

RASA_URL = "http://127.0.0.1:5005"
RASA_TOKEN = ""
ACTIONS_URL = "http://127.0.0.1:5055"
# Rasa answers in ~30 ms when warm; past this the user gets a kind message (within 4 s) instead of waiting.
RASA_TIMEOUT_SECONDS = 3.5

MAX_MESSAGE_CHARS = 500

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Messages per minute: per conversation (a flood of clicks) and per client address (a kiosk
# room behind one address shares this one). Raise the second for load tests from one machine.
RATE_LIMIT_PER_CONVERSATION = 30
RATE_LIMIT_PER_ADDRESS = 600
# Where Flask-Limiter keeps the counts (web/ratelimit.py): each worker its own, or redis://host:port shared.
RATELIMIT_STORAGE_URI = "memory://"
RATELIMIT_STRATEGY = "moving-window"  # the last 60 seconds, not the current clock minute


# Kiosk: after KIOSK_IDLE_SECONDS without input "Ben je er nog?", then after KIOSK_GRACE_SECONDS
# the conversation and everything of the session is erased. DIGIHULP_KIOSK=true turns it on.
KIOSK = False
KIOSK_IDLE_SECONDS = 180
KIOSK_GRACE_SECONDS = 30
# Where this kiosk stands, e.g. "Utrecht" or "3511 AB": "Hulp in de buurt" then offers "here" first.
KIOSK_PLACE = ""

# The address a phone can open (for the QR code on the take-home page), e.g. https://digihulp.example.nl.
# Empty: the address the page was asked on (fine on a network; not on a kiosk's own 127.0.0.1).
PUBLIC_URL = ""

# Form tokens (Flask-WTF) live as long as the session: a kiosk erases it after the idle time,
# a phone may keep a page open for hours. No Referer check on HTTPS: we send no Referer at all
# (Referrer-Policy: no-referrer); the token and SameSite=Lax cookies protect the forms.
WTF_CSRF_TIME_LIMIT = None
WTF_CSRF_SSL_STRICT = False

# A message is at most MAX_MESSAGE_CHARS; Rasa's calls to /nlg carry the whole conversation.
MAX_CONTENT_LENGTH = 1024 * 1024

# Reading aloud: Google's voice (gTTS) when online is allowed, else espeak-ng; clips are cached here.
SPEECH_ONLINE = True
SPEECH_CACHE_DIR = str(_ROOT / "var" / "speech")
