"""Places inside a sentence (issue 15): actions.ido.places.find_places and the Rasa NLU component around it,
nlu.places.PlaceExtractor, with the shipped place tables. Examples of our own, in the visitors' voice."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from actions.ido import places
from nlu.places import PlaceExtractor


def named(text: str) -> list[str]:
    return [m.text for m in places.find_places(text)]


@pytest.mark.parametrize("text, place", [
    ("kan iemand me in Deventer helpen met digid", "Deventer"),
    ("informatiepunt Enschede", "Enschede"),
    ("bieb bij mij in Sneek", "Sneek"),
    ("bibliotheek in de buurt van 7411", "7411"),
    ("waar kan mijn opa in leeuwarden terecht met zijn brief", "leeuwarden"),
    ("ik woon in den haag en snap die digid niet", "den haag"),
    ("hulp bij postcode 3512 jk", "3512 jk"),
    ("iemand in de buurt van 's-Hertogenbosch die helpt", "'s-Hertogenbosch"),
    ("is er in hoek van holland een bieb", "hoek van holland"),
    ("where is the bieb in zwolle", "zwolle"),
    ("ik zoek hulp in best", "best"),  # an ordinary word, but after "in" where a place is expected
    ("Best", "Best"),  # the whole message
    ("ik woon in Echt", "Echt"),
    ("ido kampen", "kampen"),  # right after the name of a help point
    ("mijn oma woont in een dorpje bij steenwijk", "steenwijk"),
])
def test_a_place_inside_a_sentence_is_found_as_typed(text, place):
    assert named(text) == [place]


@pytest.mark.parametrize("text, typed, meant", [
    ("kan iemand me in deventr helpen", "deventr", "Deventer"),
    ("bieb bij mij in sneeek", "sneeek", "Sneek"),
    ("Amsterdm", "Amsterdm", "Amsterdam"),
    ("informatiepunt almeloo", "almeloo", "Almelo"),
])
def test_a_misspelt_place_is_found_and_the_search_asks_about_it(text, typed, meant):
    [mention] = places.find_places(text)
    assert (mention.text, mention.exact) == (typed, False)
    assert meant in places.resolve(mention.text).suggestions


@pytest.mark.parametrize("text", [
    "ik wil het best weten",
    "het is echt kwijt",
    "ik woon in een dorp",
    "mijn buren helpen mij altijd",
    "in 2023 heb ik een digid aangevraagd",
    "ik ben 71 en heb nog nooit zoiets gehad",
    "mijn moeder woont in een verzorgingshuis",
    "i was born in 1950 and have no smartphone",
    "kan het in het engels",
    "mijn son heeft een digid",
    "can my son do things at the city hall for me",
    "thank u",
    "hallo",
    "ik woon in portugal en wil mijn aow zien",
    "xyzzy",
    "morgen",
    "mijn telefoon is gejat en daar zat de app op",
])
def test_ordinary_words_are_no_places(text):
    assert named(text) == []


def message(text: str, intent: str = "digid_request", confidence: float = 0.9, entities=None) -> Message:
    m = Message({"text": text, "intent": {"name": intent, "confidence": confidence},
                 "intent_ranking": [{"name": intent, "confidence": confidence},
                                    {"name": "find_help", "confidence": 0.05}],
                 "entities": entities or []})
    PlaceExtractor.create({**PlaceExtractor.get_default_config()}, None, None, None).process([m])
    return m


def test_the_component_adds_the_place_entity():
    m = message("kan iemand me in Deventer helpen met digid")
    [entity] = m.get("entities")
    assert entity == {"entity": "place", "start": 17, "end": 25, "value": "Deventer", "confidence": 1.0,
                      "extractor": "PlaceExtractor"}


@pytest.mark.parametrize("text, intent", [
    ("kan iemand me in Deventer helpen met digid", "find_help"),  # a place and a help word
    ("informatiepunt Enschede", "find_help"),
    ("bieb bij mij in Sneek", "find_help"),
    ("Sneek", "give_place"),  # a place alone
    ("ik woon in 7411", "give_place"),
    ("ik woon in Deventer en mijn digid is kwijt", "digid_request"),  # no help word: DIET's intent stays
])
def test_a_place_corrects_the_intent_only_where_it_says_so(text, intent):
    m = message(text)
    assert m.get("intent")["name"] == intent
    assert m.get("intent_ranking")[0]["name"] == intent


def test_a_sure_intent_of_diet_for_a_place_intent_is_kept():
    assert message("hulp in Zwolle", "give_place", 0.7).get("intent") == {"name": "give_place", "confidence": 0.7}


@pytest.mark.parametrize("text, intent", [("bieb in Zwole", "find_help"), ("Zwole", "give_place")])
def test_torn_between_the_two_place_intents_the_message_decides(text, intent):
    """"bieb in zwole" came out find_help 0.50, give_place 0.49: "Bedoel je …?" for two ways to one answer."""
    torn = Message({"text": text, "intent": {"name": "find_help", "confidence": 0.50},
                    "intent_ranking": [{"name": "find_help", "confidence": 0.50},
                                       {"name": "give_place", "confidence": 0.49}]})
    PlaceExtractor({}).process([torn])
    assert torn.get("intent") == {"name": intent, "confidence": 1.0}
    assert torn.get("intent_ranking")[1]["name"] != intent


def test_a_near_miss_alone_is_a_place_only_when_diet_was_unsure():
    assert message("Amsterdm", "digid_sms", 0.9).get("intent")["name"] == "digid_sms"
    assert message("Amsterdm", "digid_sms", 0.3).get("intent")["name"] == "give_place"
    close = Message({"text": "Zwole", "intent": {"name": "greet", "confidence": 0.62},
                     "intent_ranking": [{"name": "greet", "confidence": 0.62}, {"name": "thanks", "confidence": 0.58}]})
    PlaceExtractor({}).process([close])
    assert close.get("intent")["name"] == "give_place"


def test_a_postcode_with_a_foreign_town_is_no_dutch_place():
    assert named("1000 Brussel") == []


def test_diet_place_guesses_are_replaced_and_other_entities_kept():
    guessed = [{"entity": "place", "start": 0, "end": 6, "value": "morgen", "extractor": "DIETClassifier"},
               {"entity": "organisation", "start": 10, "end": 13, "value": "uwv", "extractor": "DIETClassifier"}]
    m = message("morgen bij uwv", "machtigen_check_org", 0.9, guessed)
    assert [e["entity"] for e in m.get("entities")] == ["organisation"]


def test_a_button_payload_is_left_alone():
    m = message('/give_place{"place": "Bergen (Limburg)"}', "give_place", 1.0)
    assert m.get("entities") == []


def test_the_training_sentences_name_places_only_where_annotated():
    """Every NLU example of every intent: no ordinary word is taken for a place. A real town named in another
    intent's example ("mijn moeder in Zwolle ...") is allowed: only places in find_help and give_place are
    annotated (bot/data/README.md). Flagged: near misses, ordinary-word places and short names not annotated;
    annotated places not found. Known: a whole message that is a place ("hee") or a near miss of one ("hellow")."""
    import re
    from pathlib import Path

    import yaml

    annotation = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
    known = {"blokked", "hee", "hellow"}
    wrong = []
    for path in sorted((Path(__file__).resolve().parents[2] / "bot" / "data" / "nlu").rglob("*.yml")):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            for line in str(block.get("examples", "")).splitlines():
                if not line.startswith("- "):
                    continue
                wanted = sorted(m.group(1).lower() for m in annotation.finditer(line) if "place" in m.group(2))
                text = annotation.sub(r"\1", line[2:])
                found = places.find_places(text)
                missed = [w for w in wanted if w not in [m.text.lower() for m in found]]
                doubtful = [m.text for m in found if m.text.lower() not in wanted and (
                    not m.exact or places.compact(m.text) in places.COMMON_WORD_PLACES or len(m.text) <= 4)]
                if (missed or doubtful) and text not in known:
                    wrong.append((block["intent"], text, missed, doubtful))
    assert wrong == []


@pytest.mark.parametrize("text", ["qwpoeiru zxmcnv", "xyzzy"])
def test_give_place_with_no_place_in_the_message_is_no_give_place(text):
    """The classifier takes an unknown word for a place; the next intent is left, for the FallbackClassifier."""
    m = Message({"text": text, "intent": {"name": "give_place", "confidence": 0.42},
                 "intent_ranking": [{"name": "give_place", "confidence": 0.42}, {"name": "menu", "confidence": 0.17}]})
    PlaceExtractor(PlaceExtractor.get_default_config()).process([m])
    assert m.get("intent") == {"name": "menu", "confidence": 0.17}
    assert [r["name"] for r in m.get("intent_ranking")] == ["menu"]
