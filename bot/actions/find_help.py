"""The ido journey ("Hulp in de buurt"): the actions of the intent find_help. Ask for a place (the form
`ido_form`) and answer with the nearest help points.

The search itself is the plain module actions.ido; here it is only asked and phrased. Texts are
in content/nl/ido.yml; this module picks which text and fills its values. Texts only actions
say have ids without "utter_" and are not in the domain (web/content/check.py finds them here). No answer ever
repeats what the user typed: only names from our own data are shown (and may be spoken).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .ido import find_help, route_link
from .ido.search import FoundPoint, SearchResult

# A place the form accepts: the search gives an answer (possibly "not in the Netherlands").
ANSWERABLE = {"found", "none_near", "foreign"}


class ValidateIdoForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_ido_form"

    def validate_place(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> Dict[Text, Any]:
        result = find_help(str(value or ""))
        if result.status in ANSWERABLE:
            return {"place": str(value), "place_problem": None}
        if result.status in ("suggest", "which"):
            problem = result.status + ":" + "|".join(result.suggestions)
        else:
            problem = "unknown"
        return {"place": None, "place_problem": problem}


class ActionAskPlace(Action):
    """The form's question: the first time plainly, after a miss with help or suggestions."""

    def name(self) -> Text:
        return "action_ask_place"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        problem = tracker.get_slot("place_problem") or ""
        kind, _, listed = problem.partition(":")
        choices = [{"title": n, "payload": f'/give_place{{"place": "{n}"}}'} for n in listed.split("|") if n]
        if kind == "which":  # Bergen, Hengelo: the buttons name the province or the gemeente
            dispatcher.utter_message(response="ido_which_place", choices=choices)
        elif kind == "suggest":
            dispatcher.utter_message(response="ido_did_you_mean", choices=choices)
        elif problem == "unknown":
            dispatcher.utter_message(response="ido_unknown_place")
        elif kiosk_place(tracker):
            dispatcher.utter_message(response="ido_ask_here", kiosk_place=kiosk_place(tracker))
        else:
            dispatcher.utter_message(response="ido_ask_place")
        return []


def kiosk_place(tracker: Tracker) -> str:
    """Where the kiosk stands (set by its owner, sent along by the web app), or ''."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return str((event.get("metadata") or {}).get("kiosk_place") or "")
    return ""


class ActionFindHelp(Action):
    def name(self) -> Text:
        return "action_find_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        result = find_help(tracker.get_slot("place") or "")
        if result.status == "foreign":
            dispatcher.utter_message(response="ido_foreign")
        elif result.status in ("found", "none_near"):
            say_points(dispatcher, result)
        else:  # the form only lets answerable places through; be kind anyway
            dispatcher.utter_message(response="ido_unknown_place")
        # Forget the place: the next search starts fresh, and nothing typed is kept longer than needed.
        return [SlotSet("place", None), SlotSet("place_problem", None)]


def say_points(dispatcher: CollectingDispatcher, result: SearchResult) -> None:
    # Each response id stands literally in a response="..." call: the content check looks for them.
    if result.status == "found":
        dispatcher.utter_message(response="ido_found", place=result.place_label)
    else:
        dispatcher.utter_message(response="ido_none_near", place=result.place_label)
    for point in result.points:
        values = {**point_values(point), "place": result.place_label}
        if point.opening_times:
            dispatcher.utter_message(response="ido_point", page_data={"card": card(point)}, **values)
        else:
            dispatcher.utter_message(response="ido_point_no_times", page_data={"card": card(point)}, **values)
    # The place data's licence (GeoNames, CC BY 4.0) asks for its credit wherever results are shown:
    # right after them, before the last message (only the last one shows its buttons).
    dispatcher.utter_message(response="ido_credit")
    dispatcher.utter_message(response="ido_own_library", gemeente=result.gemeente)


def point_values(point: FoundPoint) -> Dict[Text, Any]:
    # "Ongeveer 0 km" reads oddly; the town centre is only near the help point anyway.
    # Distance and date are data: the web app writes them out in the visitor's language.
    return {"name": point.name, "town": point.town, "distance": max(point.km, 1),
            "opening_times": point.opening_times, "source_date": point.source_date}


def card(point: FoundPoint) -> Dict[Text, Any]:
    """What the page needs to show the point as a card (the words are in the message text), and
    the take-home page to print it (its times as our data has them, and that data's date)."""
    return {"name": point.name, "town": point.town, "km": point.km, "route": route_link(point),
            "website": point.website, "phone": point.phone, "located_by": point.located_by,
            "opening_times": point.opening_times, "source_date": point.source_date}
