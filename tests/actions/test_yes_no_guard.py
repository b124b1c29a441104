"""nlu.yes_no.YesNoGuard: "ja" or "nee" only stands when the message says yes or no (issue 15). Trained and
loaded through Rasa's own model storage, on a small training set of our own; the real training data is
checked at the end."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.importers.rasa import RasaFileImporter
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.yes_no import YesNoGuard

BOT = Path(__file__).resolve().parents[2] / "bot"
TRAINING = {
    "affirm": ["ja", "ja graag", "jawel hoor", "ja dat klopt", "yes", "doe maar"],
    "deny": ["nee", "nee hoor", "no", "nee niet nodig", "nee mijn moeder kan het zelf"],
    "digid_no_smartphone": ["ik heb geen smartphone", "i have no smartphone", "no phone with apps"],
    "digid_forgot": ["ik weet mijn wachtwoord niet meer", "wachtwoord vergeten", "ik weet het niet meer"],
}


def trained(examples: dict[str, list[str]], tmp_path: Path) -> YesNoGuard:
    """Trained on the examples, then loaded anew from the model storage, as Rasa does."""
    storage, resource = LocalModelStorage(tmp_path), Resource("yes_no")
    config = YesNoGuard.get_default_config()
    guard = YesNoGuard.create(config, storage, resource, None)
    guard.train(TrainingData([Message({"text": t, "intent": i}) for i, texts in examples.items() for t in texts]))
    return YesNoGuard.load(config, storage, resource, None)


def parsed(guard: YesNoGuard, text: str, ranking: list[tuple[str, float]]) -> Message:
    m = Message({"text": text, "intent": {"name": ranking[0][0], "confidence": ranking[0][1]},
                 "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]})
    guard.process([m])
    return m


@pytest.fixture
def guard(tmp_path):
    return trained(TRAINING, tmp_path)


@pytest.mark.parametrize("text", ["ja", "jawel hoor", "nee hoor", "no", "doe maar", "nee hij kan het nog zelf",
                                  "JA!", "ja graag", "neej", "neee hoor", "yess", "noo", "jaaaa",
                                  "nooo thanks"])
def test_a_yes_or_no_word_lets_the_answer_stand(guard, text):
    m = parsed(guard, text, [("affirm", 0.8), ("deny", 0.1)])
    assert m.get("intent") == {"name": "affirm", "confidence": 0.8}


@pytest.mark.parametrize("text", ["xyzzy", "tja", "weet niet", "niet", "maar", "graag", "mee", "je", "geen", "ook",
                                  "nnn"])
def test_without_a_yes_or_no_word_it_is_no_answer(guard, text):
    """"niet" stands in deny and digid_forgot alike; "maar" and "graag" once each, beside "doe" and "ja"."""
    m = parsed(guard, text, [("deny", 0.88), ("affirm", 0.05), ("thanks", 0.04)])
    assert m.get("intent") == {"name": "thanks", "confidence": 0.04}  # the FallbackClassifier takes it from here
    assert [r["name"] for r in m.get("intent_ranking")] == ["thanks"]


def test_other_intents_and_buttons_are_left_alone(guard):
    assert parsed(guard, "xyzzy", [("thanks", 0.5), ("affirm", 0.4)]).get("intent")["name"] == "thanks"
    assert parsed(guard, "/affirm", [("affirm", 1.0)]).get("intent")["name"] == "affirm"


def test_nothing_left_is_no_intent(guard):
    assert parsed(guard, "xyzzy", [("affirm", 0.9)]).get("intent") == {"name": None, "confidence": 0.0}


def test_the_shipped_training_data_knows_the_common_answers(tmp_path):
    """From bot/data as Rasa reads it: the words people answer a yes/no question with, in both languages."""
    data = RasaFileImporter(training_data_paths=[str(BOT / "data")]).get_nlu_data()
    guard = trained({i: [m.get("text") for m in data.intent_examples if m.get("intent") == i]
                     for i in data.intents}, tmp_path)
    for text in ["ja", "nee", "jawel", "klopt", "yes", "no", "nope", "ja graag", "nee hoor", "yes please", "neej", "jawell", "noo", "jaaa"]:
        assert guard.says_yes_or_no(text), text
    for text in ["xyzzy", "tja", "weet niet", "het", "niet", "ik", "digid", "geen idee", "misschien", "ook"]:
        assert not guard.says_yes_or_no(text), text
