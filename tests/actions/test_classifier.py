"""nlu.classifier.NormalisedLogisticRegression: what a message says counts, not how long it is. Trained and
loaded through Rasa's own model storage on a small training set of our own, with Rasa's own featurizers."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.classifier import NormalisedLogisticRegression, presence

TRAINING = {
    "digid_forgot": ["wachtwoord vergeten", "ik weet mijn wachtwoord niet meer", "wachtwort kwijt"],
    "digid_phone_lost": ["telefoon kwijt", "mijn mobiel is gestolen", "gsm gejat met de app erop"],
    "greet": ["hallo", "goeiemorgen", "hoi daar"],
}
# A long story about a phone: many words, most of them no sign of any intent.
STORY = ("ik was gisteren met mijn kleinzoon in de stad en toen we terug kwamen in de bus en daarna thuis "
         "bleek dat mijn mobiel gestolen")


class Context:  # what Rasa's graph gives a component: its node name
    def __init__(self, name: str) -> None:
        self.node_name, self.model_id, self.should_add_diagnostic_data, self.is_finetuning = name, None, False, False


def featurize(featurizers: list, tokenizer: WhitespaceTokenizer, messages: list[Message]) -> None:
    tokenizer.process(messages)
    for featurizer in featurizers:
        featurizer.process(messages)


@pytest.fixture
def pipeline(tmp_path: Path):
    """Tokenizer, word and letter counts as in bot/config.yml, then the classifier, trained and loaded anew."""
    storage = LocalModelStorage(tmp_path)
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    data = TrainingData([Message({"text": t, "intent": i}) for i, texts in TRAINING.items() for t in texts])
    tokenizer.process_training_data(data)
    featurizers = []
    for name, settings in (("words", {"max_ngram": 2}), ("letters", {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4})):
        config = {**CountVectorsFeaturizer.get_default_config(), **settings}
        featurizer = CountVectorsFeaturizer.create(config, storage, Resource(name), Context(name))
        featurizer.train(data)
        featurizer.process_training_data(data)
        featurizers.append(featurizer)
    config, resource = NormalisedLogisticRegression.get_default_config(), Resource("intents")
    classifier = NormalisedLogisticRegression.create(config, storage, resource, Context("intents"))
    classifier.train(data)
    loaded = NormalisedLogisticRegression.load(config, storage, resource, Context("intents"))

    def parse(text: str) -> Message:
        message = Message({"text": text})
        featurize(featurizers, tokenizer, [message])
        loaded.process([message])
        return message
    return parse


def test_presence_is_one_per_feature_and_length_one():
    row = presence(np.array([[0, 3, 1, 0, 12]]))
    assert np.allclose(row.toarray(), [[0, 1, 1, 0, 1]] / np.sqrt(3))


def test_the_penalty_is_the_configured_one(tmp_path):
    assert NormalisedLogisticRegression.get_default_config()["C"] == 30.0
    config = {**NormalisedLogisticRegression.get_default_config(), "C": 7.0}
    made = NormalisedLogisticRegression.create(config, LocalModelStorage(tmp_path), Resource("c"), Context("c"))
    assert made.clf.C == 7.0


@pytest.mark.parametrize("text, intent", [("wachtwoord vergeten", "digid_forgot"), ("hallo", "greet"),
                                          ("mobiel gejat", "digid_phone_lost"), (STORY, "digid_phone_lost")])
def test_it_classifies_short_and_long_messages(pipeline, text, intent):
    assert pipeline(text).get("intent")["name"] == intent


def test_the_ranking_holds_every_intent_best_first(pipeline):
    ranking = pipeline("wachtwort vergeten").get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "digid_forgot" and len(ranking) == 3
    assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
