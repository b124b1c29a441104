"""action_choose_language: "do you speak english?", or a language button.

The web app keeps the visitor's language and sends it with every message. This action only finds
which language was asked for and tells the web app (json {"language": code}), with a first answer
in that language (the NLG argument `answer_language`). No language named: it asks which one.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

# What people call each language we answer in, in the languages they may type it in.
LANGUAGE_NAMES = {
    "nl": ("nederlands", "nederlandse", "dutch", "hollands", "felemenkce", "hollandaca", "الهولندية", "هولندي"),
    "en": ("english", "engels", "engelse", "englisch", "inglish", "ingilizce", "الانجليزية", "الانكليزية",
           "انجليزي", "انكليزي"),
    "ar": ("arabic", "arabisch", "arabische", "arapca", "العربية", "عربي", "العربي", "بالعربي", "بالعربية"),
    "tr": ("turkish", "turks", "turkse", "turkce", "التركية", "تركي", "بالتركي"),
}
# "I don't speak Dutch" names the language someone does not want: then we ask which one.
NEGATIONS = {"geen", "niet", "not", "dont", "don", "no", "yok", "degil", "bilmiyorum", "لا", "ما"}
# One typo in a name of five letters or more ("englsh", "arabsch") still scores 85 or more.
FUZZY_THRESHOLD = 85
MIN_FUZZY_LENGTH = 5


def normalise(text: str) -> list[str]:
    """Lower-case words without accents or hamza marks ("Türkçe" -> "turkce", "أ" -> "ا")."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", bare).split()


def named_language(text: str) -> str | None:
    """The code of the language the text asks for, if it names one (and does not say "not")."""
    words = normalise(text)
    if NEGATIONS & set(words):
        return None
    best, best_score = None, 0.0
    for word in words:
        for code, names in LANGUAGE_NAMES.items():
            for name in names:
                score = 100.0 if word == name else (
                    fuzz.ratio(word, name) if min(len(word), len(name)) >= MIN_FUZZY_LENGTH else 0.0)
                if score >= FUZZY_THRESHOLD and score > best_score:
                    best, best_score = code, score
    return best


class ActionChooseLanguage(Action):
    def name(self) -> str:
        return "action_choose_language"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        chosen = next(tracker.get_latest_entity_values("language"), None)
        if chosen not in LANGUAGE_NAMES:
            chosen = named_language(tracker.latest_message.get("text", ""))
        if chosen is None:
            dispatcher.utter_message(response="language_ask")
        else:
            dispatcher.utter_message(response="language_chosen", answer_language=chosen,
                                     page_data={"language": chosen})
        return []
