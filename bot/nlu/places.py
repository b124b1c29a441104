"""PlaceExtractor: the `place` entity from our own place tables, wherever it stands in a message.

Why our own component, and not a Rasa lookup table or the RegexEntityExtractor: the names must be matched
as the action server matches them (accents, "'s-", "St.", aliases such as "Den Bosch" and "Utreg", PC4 and
PC6 postcodes that exist), misspellings must be caught (rapidfuzz; a regex or lookup matches exactly
only), and ordinary words that are also places ("best", "echt", "een") must only count where a place is
expected. One matcher does both jobs: this component calls `actions.ido.places.find_places`, the module
the search itself uses (so the Rasa image needs bot/actions/ido and content/data/places too).

It replaces any other extractor's `place` entities (DIET, when it was in the pipeline, guessed spans that
were no place at all). Besides the entity, two intent corrections that the intent classifier cannot learn
from a handful of towns (only when the classifier did not itself name one of the two and was sure of it; torn
between the two, as over "bieb in zwole", it is not sure):
- a place and a help word ("kan iemand me in deventer helpen", "informatiepunt enschede"): `find_help`;
- a message that is nothing but a place ("Sneek", "ik woon in 7411"): `give_place` (a near miss such as
  "Amsterdm" only when the classifier itself was unsure);
and one the other way: `give_place` with no place in the message is no `give_place`.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.ido import places
from nlu.ranking import drop_intents

PLACE = "place"
PLACE_INTENTS = ("find_help", "give_place")
# Words that ask for help in person: with a place they mean "find help there".
HELP_WORDS = {
    "hulp", "help", "helpen", "helpt", "hulppunt", "helppunt", "informatiepunt", "ido", "bieb", "bibliotheek",
    "bibliotheken", "library", "spreekuur", "inloopspreekuur", "langskomen", "langsgaan", "terecht", "nearest",
    "dichtstbijzijnde", "dichtsbijzijnde", "informatiepunten", "assistance", "support",
}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PlaceExtractor(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Where the classifier is unsure as the FallbackClassifier counts it (below its threshold, or the best
        # two this close), a near miss alone ("Amsterdm", "Zwole") is taken as a place instead of "Sorry".
        # bot/config.yml gives both the FallbackClassifier's values.
        return {"unsure_below": 0.6, "ambiguity": 0.1}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.unsure_below = float(config.get("unsure_below", 0.6))
        self.ambiguity = float(config.get("ambiguity", 0.1))
        places.tables()  # load the tables now, not on the first message

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "PlaceExtractor":
        return cls(config)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "PlaceExtractor":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    def _process(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        if text.startswith("/"):  # a button payload: its entities are given
            return
        mentions = places.find_places(text)
        entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != PLACE]
        found = [{"entity": PLACE, "start": m.start, "end": m.end, "value": m.text, "confidence": 1.0}
                 for m in mentions]
        message.set(ENTITIES, entities + self.add_extractor_name(found), add_to_output=True)
        if mentions:
            self._correct_intent(message, text, mentions)
        elif (message.get(INTENT) or {}).get("name") == "give_place":
            # The classifier takes any word it does not know for a place ("qwpoeiru zxmcnv", "xyzzy"): a
            # message with no place in it gives none. In the place question the form still reads the text
            # (nlu_fallback is one of its intents): "Die plaats ken ik niet".
            drop_intents(message, ["give_place"])

    def _correct_intent(self, message: Message, text: str, mentions: List[places.Mention]) -> None:
        intent = message.get(INTENT) or {}
        name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
        if name in PLACE_INTENTS and not self._unsure(message, confidence):
            return
        words = {places.normalise(w) for w in places.WORD_RE.findall(text)}
        if words & HELP_WORDS:
            _set_intent(message, "find_help")
        elif places.is_only_places(text, mentions) and (
                any(m.exact for m in mentions) or self._unsure(message, confidence)):
            _set_intent(message, "give_place")

    def _unsure(self, message: Message, confidence: float) -> bool:
        ranking = [float(r.get("confidence") or 0.0) for r in message.get(INTENT_RANKING_KEY) or []]
        return confidence < self.unsure_below or (len(ranking) > 1 and ranking[0] - ranking[1] < self.ambiguity)


def _set_intent(message: Message, name: str) -> None:
    """`name` first and sure; the others keep their order, below it (FallbackClassifier then passes it)."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    ranking = [{**r, "confidence": min(float(r.get("confidence") or 0.0), 0.5) / 2} for r in ranking]
    message.set(INTENT, {"name": name, "confidence": 1.0}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": 1.0}, *ranking], add_to_output=True)


