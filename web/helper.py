"""Helper mode ("Ik help iemand"): the same conversation as the chat page, beside the steps of the task
at hand, and a one-page take-home to print or to open on a phone with a QR code.
The take-home carries only our own data: checklist ids, and the help point found, signed so that
only a point from our own data files is shown. Never anything the visitor typed."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import qrcode
import qrcode.image.svg
from flask import Blueprint, abort, current_app, render_template, request, session, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from markupsafe import Markup

from .chat.views import conversation_turns, current_language
from .content.checklists import Checklist, load_checklists, load_helpdesk
from .content.render import format_iso_date

bp = Blueprint("helper", __name__, url_prefix="/ik-help")

SEARCH_ANSWERS = ("ido_found", "ido_none_near")  # a help-point search starts; its cards follow
POINT_FIELDS = ("name", "town", "opening_times", "source_date")  # of bot/actions/find_help.py card()


@bp.app_template_filter("isodate")
def isodate(value) -> str:
    """A source's date ("2024", "2024-06", "2024-06-07") as the visitor's language writes it."""
    return format_iso_date(value, current_language())


def checklists() -> dict[str, Checklist]:
    return load_checklists(Path(current_app.config["CONTENT_DIR"]), current_language())


def checklists_in(turns, lists: dict[str, Checklist]) -> list[Checklist]:
    """The checklists of the answers in this conversation, in the order they were last shown."""
    by_answer = {answer: checklist for checklist in lists.values() for answer in checklist.shown_after}
    shown = [by_answer[t.reply.content_id] for t in turns if t.speaker == "bot" and t.reply.content_id in by_answer]
    return list(reversed(dict.fromkeys(reversed(shown))))


def help_point(turns) -> dict | None:
    """The nearest help point of the latest search (its first card), as our own data says it."""
    point = None
    for turn in turns:
        if turn.speaker != "bot":
            continue
        if turn.reply.content_id in SEARCH_ANSWERS:
            point = None
        card = (turn.reply.custom or {}).get("card")
        if card and point is None:
            point = {field: card.get(field) or "" for field in POINT_FIELDS}
    return point


def _point_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="help-point")


def point_token(point: dict | None) -> str | None:
    return _point_serializer().dumps(point) if point else None


def point_from(token: str | None) -> dict | None:
    """The help point in a take-home address, if we signed it; anything else is ignored."""
    if not token:
        return None
    try:
        point = _point_serializer().loads(token)
    except BadSignature:
        return None
    return {field: str(point.get(field) or "") for field in POINT_FIELDS} if isinstance(point, dict) else None


def panel(turns, chosen_id: str | None = None) -> dict:
    """What the steps panel shows: the chosen list, else the one of the latest task answer, and a
    take-home link with every list of this conversation and the help point found."""
    lists = checklists()
    touched = checklists_in(turns, lists)
    chosen = lists.get(chosen_id or "") or (touched[-1] if touched else None)
    take_home = [chosen, *(c for c in touched if c != chosen)] if chosen else []
    url = url_for("helper.take_home", lijst=[c.id for c in take_home], punt=point_token(help_point(turns))) if take_home else None
    return {"checklist": chosen, "checklists": lists, "take_home_url": url}


@bp.get("/")
def view():
    turns = conversation_turns()
    return render_template("helper.html", turns=turns, session_id=session["chat"],
                           **panel(turns, request.args.get("lijst")))


@bp.get("/stappen")
def steps():
    """The steps panel alone: the page's script puts it in place after each answer (same template)."""
    return render_template("_helper_panel.html", **panel(conversation_turns(with_pending=False)))


def qr_svg(url: str) -> Markup:
    """A QR code of `url` as inline SVG, made here (no outside service)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg"):].replace("<svg", '<svg role="img" aria-label="QR-code"', 1)
    return Markup(svg)  # our own SVG of our own URL (the XML prolog dropped)


@bp.get("/mee/")
def take_home():
    lists = checklists()
    chosen = [lists[i] for i in dict.fromkeys(request.args.getlist("lijst")) if i in lists]
    if not chosen:
        abort(404)
    point = point_from(request.args.get("punt"))
    # The phone has no session: the address alone opens the same page (in this language).
    language = current_language()
    taal = language if language != current_app.config["DEFAULT_LANGUAGE"] else None
    path = url_for("helper.take_home", lijst=[c.id for c in chosen], punt=point_token(point), taal=taal)
    url = (current_app.config.get("PUBLIC_URL") or request.url_root).rstrip("/") + path
    helpdesk = load_helpdesk(Path(current_app.config["CONTENT_DIR"]), language)
    sources = list(dict.fromkeys(source for c in (*chosen, helpdesk) for source in c.sources))
    # Where a help point found from a place is shown, so is the place data's licence credit (GeoNames).
    credit = current_app.extensions["content"].place_data_credit(language) if point else None
    return render_template("take_home.html", lists=chosen, point=point, credit=credit, helpdesk=helpdesk,
                           sources=sources, qr=qr_svg(url), url=url, today=date.today())
