"""action_check_organisation: can someone act for you online at the organisation the user named?

The words are in content/nl/machtigen.yml (org_*: texts only this action says, so they are not in
the domain); this action only picks the text and passes the facts from
content/data/organisations.yml as arguments for the {placeholders}. It never repeats what the user
typed: the not-found answer names no organisation.
"""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.organisation_lookup import OrganisationFinder

RESPONSES = {
    "yes": "org_yes",
    "partial": "org_partial",
    "no": "org_no",
    "unknown": "org_unknown",
}


class ActionCheckOrganisation(Action):
    def __init__(self, finder: OrganisationFinder | None = None):
        self._finder = finder

    @property
    def finder(self) -> OrganisationFinder:
        if self._finder is None:
            self._finder = OrganisationFinder.from_file()
        return self._finder

    def name(self) -> str:
        return "action_check_organisation"

    @staticmethod
    def _asked(tracker: Tracker) -> tuple[list[str], str]:
        """The organisation entities of the latest message, and the latest typed text."""
        entities = [str(e.get("value")) for e in tracker.latest_message.get("entities") or []
                    if e.get("entity") == "organisation" and e.get("value")]
        text = str(tracker.latest_message.get("text") or "")
        if text.startswith("/"):  # a button payload, not words the user typed
            text = ""
        return entities, text

    @staticmethod
    def _language(tracker: Tracker) -> str:
        """The visitor's language, which the web app sends with every message."""
        return str((tracker.latest_message.get("metadata") or {}).get("lang") or "nl")

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        entities, text = self._asked(tracker)
        candidates = entities + ([text] if text else [])
        match = next((m for m in (self.finder.find(c) for c in candidates) if m), None)
        if match:
            org = match.organisation
            words = org.words(self._language(tracker))
            dispatcher.utter_message(
                response=RESPONSES[org.status],
                organisation=words["name"],
                what_works=words["what_works"],
                alternative=words["alternative"],
                as_of=org.known_on,  # the web app writes the date out in the visitor's language
            )
        elif entities or text:
            dispatcher.utter_message(response="org_not_found")
        else:
            dispatcher.utter_message(response="org_ask")
        return [SlotSet("organisation", None)]
