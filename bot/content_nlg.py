"""Rasa's client for the web app's /nlg (web/nlg.py), which renders every text from content/.

Rasa's own CallbackNaturalLanguageGenerator sends the whole conversation (every event) with each
response it asks for, serialises it once more for a debug line even when debug logging is off, and
checks each answer with `jsonschema.validate`, which checks the schema itself anew on every call.
Profiled under load (issue 17), that checking was a sixth of Rasa's time. The web app reads only the
slots and the latest message's metadata (its language), so this client sends the tracker without
its events, and checks answers with a validator made once.
bot/endpoints.yml and deploy/endpoints.production.yml name it as the nlg `type`.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from jsonschema import Draft4Validator
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator, nlg_response_format_spec
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig


RESPONSE_FORMAT = Draft4Validator(nlg_response_format_spec())


class ContentNaturalLanguageGenerator(CallbackNaturalLanguageGenerator):
    def __init__(self, endpoint_config: EndpointConfig, domain: Optional[Domain] = None) -> None:
        super().__init__(endpoint_config)

    async def generate(self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text,
                       **kwargs: Any) -> Dict[Text, Any]:
        kwargs.pop("domain_responses", None)  # response variations: the texts are in content/, not the domain
        body = {
            "response": utter_action,
            "arguments": kwargs,
            "tracker": tracker.current_state(EventVerbosity.NONE),
            "channel": {"name": output_channel},
        }
        response = await self.nlg_endpoint.request(method="post", json=body, timeout=DEFAULT_REQUEST_TIMEOUT)
        if isinstance(response, dict) and RESPONSE_FORMAT.is_valid(response):
            return response
        raise RasaException(f"The NLG endpoint gave no valid response for {utter_action}.")
