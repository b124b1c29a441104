"""Helper mode ("Ik help iemand"): the conversation beside the steps of the task at hand, and a
one-page summary to print or to open on a phone with a QR code (no personal data in it)."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import qrcode
import qrcode.image.svg
from flask import Blueprint, abort, current_app, render_template, request
from markupsafe import Markup

from .chat.views import conversation_turns, current_language
from .content.checklists import Checklist, load_checklists

bp = Blueprint("helper", __name__, url_prefix="/ik-help")


def checklists() -> dict[str, Checklist]:
    return load_checklists(Path(current_app.config["CONTENT_DIR"]), current_language())


def checklist_for(turns, lists: dict[str, Checklist]) -> Checklist | None:
    """The checklist of the latest answer that has one."""
    for turn in reversed(turns):
        answered = turn.reply.content_id if turn.speaker == "bot" else None
        for checklist in lists.values():
            if answered and answered in checklist.shown_after:
                return checklist
    return None


@bp.get("/")
def view():
    turns = conversation_turns()
    lists = checklists()
    chosen = lists.get(request.args.get("lijst", "")) or checklist_for(turns, lists)
    return render_template("helper.html", turns=turns, checklist=chosen, checklists=lists)


def qr_svg(url: str) -> Markup:
    """A QR code of `url` as inline SVG, made here (no outside service)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = svg[svg.index("<svg"):].replace("<svg", '<svg role="img" aria-label="QR-code"', 1)
    return Markup(svg)  # our own SVG of our own URL (the XML prolog dropped)


@bp.get("/mee/<checklist_id>")
def take_home(checklist_id: str):
    checklist = checklists().get(checklist_id)
    if checklist is None:
        abort(404)
    base = current_app.config.get("PUBLIC_URL") or request.url_root
    url = base.rstrip("/") + request.path
    if current_language() != current_app.config["DEFAULT_LANGUAGE"]:
        url += "?taal=" + current_language()  # the phone has no session: it opens the list in this language
    return render_template("take_home.html", checklist=checklist, qr=qr_svg(url), url=url, today=date.today())
