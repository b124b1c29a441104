"""action_clarify: "Bedoel je …?" instead of "Sorry" (issue 15).

It runs (bot/data/rules) when the helper is not sure what was meant: the NLU fell back (nlu_fallback),
a yes or no came where no rule says what it answers, or a typed answer to a question would ask the same
question again. It offers, as buttons:
1. the buttons of the question just asked that the typed answer fits: by intent (one of its payloads
   is among the intents the NLU ranked), by a yes/no word ("ja", "nee", "klopt", "yes", "no") for the
   buttons that start with one, or by a title typed nearly as it stands (rapidfuzz);
2. the best other intents of the message's intent_ranking (never the question's own intent, and never
   intents that make no sense as a button: OFFERED_NEVER);
at most three, then "Iets anders" and "Met iemand praten" (the text clarify_ask, content/<lang>/core.yml).
A choice without a title is given by payload only: the NLG endpoint gives it the title the menus give
that payload (web/nlg.py), so the words stay in content/ and in the visitor's language.

A typed answer right after it chooses one of its guesses when it fits one (`chosen_after_clarify`, with the
same fitting_buttons: "nee mijn vader kan het nog zelf" is "Nee, de persoon geeft mij toestemming"), a "ja"
its guess when it offered only one, and a "nee" that fits none "Iets anders": as if the button was pressed
(`pressed`: the turn is written as the button's, marked "implied", and the rules answer it). Any other
second miss in a row (the helper's last message was this question), or a second miss at the same question
(asked again after its clarify), gets no third guess and no third time the question: the way to a person
(clarify_handoff, then utter_talk_to_person: the library and the DigiD helpdesk).
"""
from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Dict, List, Optional, Text

from rapidfuzz import fuzz
from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, UserUttered
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

CLARIFY = "clarify_ask"
HANDOFF = "clarify_handoff"
# clarify_ask's own buttons (content/<lang>/core.yml): "Iets anders" and "Met iemand praten".
SOMETHING_ELSE, TO_A_PERSON = "/menu", "/talk_to_person"
TALK_TO_PERSON = "utter_talk_to_person"
MAX_CHOICES = 3
# A ranked intent lower than this is no real guess. The logistic regression spreads its probability
# over the short intents for nonsense ("qwpoeiru zxmcnv": give_place 0.21, machtigen_check_org 0.18).
MIN_CONFIDENCE = 0.2
# Intents that are no answer to offer: no intent, small talk, the two buttons clarify_ask always has
# (menu = "Iets anders", talk_to_person), a place (only typed), a language (its own question) and yes/no.
OFFERED_NEVER = {"nlu_fallback", "out_of_scope", "greet", "goodbye", "thanks", "menu", "talk_to_person",
                 "give_place", "choose_language", "affirm", "deny"}
YES = {"ja", "jaa", "jaaa", "jawel", "jazeker", "klopt", "inderdaad", "precies", "yes", "yeah", "yep", "yup",
       "correct", "juist"}
NO = {"nee", "neen", "neuh", "nope", "no", "nah", "nein"}
YES_TITLE = re.compile(r"^(ja|yes)\b", re.IGNORECASE)
NO_TITLE = re.compile(r"^(nee|no)\b", re.IGNORECASE)
FUZZY_THRESHOLD = 85
NAVIGATION_ICONS = {"back", "restart"}
# No guess and no question asked (gibberish, or a word from another language): the three journeys.
JOURNEYS = ("/digid", "/machtigen", "/find_help")


def words(text: str) -> List[str]:
    """Lower-case words without accents or punctuation."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", str(text or "").casefold())
                   if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", bare).split()


def intent_of(payload: str) -> str:
    return str(payload or "").lstrip("/").split("{")[0]


def last_bot_message(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    """The helper's last message before the latest user message (the question it asked, if any)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return None
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return event
    return None


def content_id(bot_event: Optional[Dict[Text, Any]]) -> str:
    data = (bot_event or {}).get("data") or {}
    return str((data.get("custom") or {}).get("content_id") or
               ((bot_event or {}).get("metadata") or {}).get("utter_action") or "")


def question_buttons(bot_event: Optional[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The answer buttons of the helper's last message (not "Terug" and "Opnieuw beginnen")."""
    buttons = ((bot_event or {}).get("data") or {}).get("buttons") or []
    return [b for b in buttons if isinstance(b, dict) and b.get("payload") and b.get("payload") != "/restart"
            and b.get("icon") not in NAVIGATION_ICONS]


def asking_intent(tracker: Tracker) -> Optional[str]:
    """The intent of the user message before the latest one: the one that made the helper ask."""
    seen_latest = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_latest:
                return ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            seen_latest = True
    return None


def ranked_intents(tracker: Tracker) -> List[str]:
    ranking = tracker.latest_message.get("intent_ranking") or []
    return [r["name"] for r in ranking if r.get("name") and (r.get("confidence") or 0) >= MIN_CONFIDENCE]


def fitting_buttons(text: str, ranked: List[str], buttons: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The question's buttons the typed answer fits, best fit first: by its title typed nearly as it stands,
    by a yes/no word (for the buttons whose title starts with one), by intent (the NLU ranked its payload).
    A button that fits in more ways comes first; else the order of those ways, then the question's order."""
    typed = words(text)
    said = " ".join(typed)
    by_title = [b for b in buttons if len(said) >= 4 and title_typed(said, " ".join(words(b.get("title", ""))))]
    by_word = [b for b in buttons if (set(typed[:3]) & YES and YES_TITLE.match(str(b.get("title", "")))) or
               (set(typed[:3]) & NO and NO_TITLE.match(str(b.get("title", ""))))]
    by_intent = [b for intent in ranked for b in buttons if intent_of(b["payload"]) == intent]
    ways = [by_title, by_word, by_intent]
    fits: List[Dict[Text, Any]] = []
    for b in (b for way in ways for b in way):
        if b not in fits:
            fits.append(b)
    return sorted(fits, key=lambda b: -sum(b in way for way in ways))  # stable: ties keep the order above


def title_typed(said: str, title: str) -> bool:
    """The title typed nearly as it stands, or a good part of it ("bewindvoerder familie")."""
    return fuzz.ratio(said, title) >= FUZZY_THRESHOLD or (
        6 <= len(said) < len(title) and fuzz.partial_ratio(said, title) >= 90)


def choices_for(tracker: Tracker, question: Optional[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    buttons = question_buttons(question)
    ranked = ranked_intents(tracker)
    repeat = asking_intent(tracker) if buttons else None
    chosen = [{"title": b["title"], "payload": b["payload"]}
              for b in fitting_buttons(tracker.latest_message.get("text", ""), ranked, buttons)]
    for intent in ranked:
        if intent in OFFERED_NEVER or intent == repeat:
            continue
        if all(intent_of(c["payload"]) != intent for c in chosen):
            chosen.append({"payload": f"/{intent}"})
    if not chosen:  # no guess at all: the question's own buttons are the way on, else the journeys
        chosen = [{"title": b["title"], "payload": b["payload"]} for b in buttons] or [
            {"payload": payload} for payload in JOURNEYS]
    return chosen[:MAX_CHOICES]


def clarified_before(tracker: Tracker) -> set:
    """The content ids of the helper's messages a clarify step already followed in this conversation."""
    before, previous = set(), ""
    for event in tracker.events:
        if event.get("event") == "bot":
            if content_id(event) == CLARIFY and previous:
                before.add(previous)
            previous = content_id(event)
    return before - {CLARIFY}


def chosen_after_clarify(tracker: Tracker, clarify: Dict[Text, Any]) -> Optional[str]:
    """The payload a typed answer to "Bedoel je …?" chooses, if it chooses one: the one of its guesses its words
    fit best (fitting_buttons: "nee mijn vader kan het nog zelf" fits "Nee, de persoon geeft mij toestemming"; a
    plain "nee" the first "Nee" button, the plain no of the question it came from), a yes to its only guess,
    and a no that fits none of them: "Iets anders"."""
    guesses = [b for b in question_buttons(clarify) if b["payload"] not in (SOMETHING_ELSE, TO_A_PERSON)]
    said = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text", "")
    # Chosen by its words (a title, a yes/no word), not by a guess the NLU was unsure of; that only orders them.
    worded = fitting_buttons(text, [], guesses)
    fits = [b for b in fitting_buttons(text, ranked_intents(tracker), guesses) if b in worded]
    if fits:
        return fits[0]["payload"]
    if said == "affirm" and len(guesses) == 1:
        return guesses[0]["payload"]
    return SOMETHING_ELSE if said == "deny" else None


def pressed(payload: str) -> List[EventType]:
    """The events of a press on the button of this payload: the helper listened, the visitor chose it. The
    web app leaves an "implied" turn out of the conversation it shows (what was typed is shown already)."""
    given = payload.partition("{")[2]  # '/give_place{"place": "Bergen (NH)"}': its entities, as Rasa reads them
    entities = [{"entity": k, "value": v} for k, v in json.loads("{" + given).items()] if given else []
    parse_data = {"intent": {"name": intent_of(payload), "confidence": 1.0}, "entities": entities, "text": payload}
    return [ActionExecuted("action_listen"), {**UserUttered(payload, parse_data), "metadata": {"implied": True}}]


class ActionClarify(Action):
    def name(self) -> Text:
        return "action_clarify"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        question = last_bot_message(tracker)
        after_clarify = content_id(question) == CLARIFY
        choice = chosen_after_clarify(tracker, question) if after_clarify else None
        if choice:
            return pressed(choice)
        if after_clarify or content_id(question) in clarified_before(tracker):
            # The second miss in a row, or at a question already clarified once (its own intent asks
            # it again after a clarify): no third guess, and the question is not asked a third time.
            dispatcher.utter_message(response=HANDOFF)
            dispatcher.utter_message(response=TALK_TO_PERSON)
            return []
        dispatcher.utter_message(response=CLARIFY, choices=choices_for(tracker, question))
        return []
