"""The conversation: the page (works without JavaScript) and the JSON API it is enhanced with."""
from flask import Blueprint

bp = Blueprint("chat", __name__)

from . import api, views  # noqa: E402,F401  (routes register on bp)
