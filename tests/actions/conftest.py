"""Puts bot/ on sys.path so tests import the action package as the action server does."""
import sys
from pathlib import Path

BOT_DIR = Path(__file__).resolve().parents[2] / "bot"
if str(BOT_DIR) not in sys.path:
    sys.path.insert(0, str(BOT_DIR))

