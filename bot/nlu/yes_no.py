"""YesNoGuard: a "yes" or a "no" only stands when the message has a yes/no word in it.

The intent classifier spreads its probability over the short intents when a message is nonsense or says
neither: "xyzzy" came out as affirm (0.47), "tja" as affirm (0.66), "weet niet" as deny (0.88). At a yes/no
question ("Heeft een rechter jou aangewezen?") that would take a path the visitor never chose.

The yes/no words are learned from the training data, not listed by hand: a word is one when at least
`min_share` of the training examples that hold it (and at least `min_count`) are affirm or deny examples
("ja", "jawel", "nee", "klopt", "nope"), so "niet" or "het", common in every intent, are not; and an affirm
or deny example itself counts as a whole ("no", "ok", "doe maar": "no" alone is "nee", in "no smartphone"
it is not). When the classifier's best intent is affirm or deny and the message holds no such word, both
are taken out of the ranking: the next intent stands if it is sure enough, and otherwise the
FallbackClassifier (after this component) makes it nlu_fallback, which asks "Bedoel je …?" with the
question's own buttons. A yes/no word with one letter wrong counts too ("neej", "yess"), and one with its
last letter held ("noo", "jaaaa").
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any, Dict, List, Optional, Set, Text

from rapidfuzz.distance import Levenshtein
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.ido import places
from nlu.ranking import drop_intents

YES_NO = ("affirm", "deny")
FILE = "yes_no_words.json"


def words(text: str) -> Set[str]:
    """Lower-case words without accents or punctuation (as the place matcher splits them)."""
    return set(places.normalise(str(text or "")).split())


def yes_no_words(examples: List[Message], min_share: float, min_count: int) -> Set[str]:
    """The words that stand mostly in affirm and deny examples (in at least min_count of them), and the
    affirm and deny examples themselves ("ja", "yes", "no", "doe maar", "ja graag"), as normalised text."""
    everywhere, in_yes_no, whole = Counter(), Counter(), set()
    for example in examples:
        found = words(example.get(TEXT))
        everywhere.update(found)
        if example.get(INTENT) in YES_NO:
            in_yes_no.update(found)
            whole.add(" ".join(sorted(found)))
    return whole | {w for w, n in in_yes_no.items() if n >= min_count and n / everywhere[w] >= min_share}


def misspelt(word: str, known: Set[str]) -> bool:
    """A yes/no word typed with one letter more, less or other after its first ("neej", "yess", "jawell"); only
    words of four letters or more, so "je", "na" and "mee" stay what they are, and "geen" is no "neen". ("jaar"
    is a "jaa" then: harmless, as the guard only lets stand a yes or no the classifier itself chose.)"""
    return len(word) >= 4 and any(k[0] == word[0] and Levenshtein.distance(word, k) == 1
                                  for k in known if len(k) >= 3 and " " not in k)


def held(word: str, known: Set[str]) -> bool:
    """A yes/no word with its last letter typed more than once ("noo", "nooo", "jaaaa", "yesss"). Only the last
    letter, so "ook" is no "ok"."""
    end = re.fullmatch(r"(.*?)(.)\2+", word)
    return bool(end) and any(end[1] + end[2] * n in known for n in (1, 2))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class YesNoGuard(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"min_share": 0.5, "min_count": 2}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 known: Optional[Set[str]] = None) -> None:
        self.min_share = float(config["min_share"])  # Rasa fills in get_default_config()
        self.min_count = int(config["min_count"])
        self.model_storage = model_storage
        self.resource = resource
        self.known = known or set()

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "YesNoGuard":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        self.known = yes_no_words(training_data.intent_examples, self.min_share, self.min_count)
        with self.model_storage.write_to(self.resource) as directory:
            (directory / FILE).write_text(json.dumps(sorted(self.known), ensure_ascii=False))
        return self.resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "YesNoGuard":
        with model_storage.read_from(resource) as directory:
            known = set(json.loads((directory / FILE).read_text()))
        return cls(config, model_storage, resource, known)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    def says_yes_or_no(self, text: str) -> bool:
        found = words(text)
        return bool(found & self.known) or " ".join(sorted(found)) in self.known or any(
            misspelt(word, self.known) or held(word, self.known) for word in found)

    def _process(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        intent = message.get(INTENT) or {}
        if text.startswith("/") or intent.get("name") not in YES_NO or self.says_yes_or_no(text):
            return
        drop_intents(message, YES_NO)
