"""The one way our NLU components take intents out of a message's ranking."""
from __future__ import annotations

from typing import Collection

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def drop_intents(message: Message, intents: Collection[str]) -> None:
    """The ranking without these intents, and its best as the message's intent: the FallbackClassifier (after
    our components in bot/config.yml) then decides whether that one is sure enough."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") not in intents]
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    message.set(INTENT, ranking[0] if ranking else {"name": None, "confidence": 0.0}, add_to_output=True)
