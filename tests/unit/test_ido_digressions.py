"""Issue 15: questions asked while the helper waits for a place (bot/data/rules/ido_digressions.yml), and the
place component's place in the pipeline and in the Rasa image."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("ido_digressions", ROOT / "scripts" / "ido_digressions.py")
digressions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(digressions)


def test_the_digression_rules_are_up_to_date_with_the_journeys():
    assert digressions.main(["--check"]) == 0, "run .venv/web/bin/python scripts/ido_digressions.py"


def test_every_journey_question_leaves_the_place_question_and_offers_it_again():
    rules = yaml.safe_load(digressions.OUT.read_text())["rules"]
    by_intent = {r["steps"][0]["intent"]: r for r in rules}
    for intent in ("digid_no_smartphone", "digid_lost", "digid_forgot", "machtigen_give", "rep_parent"):
        assert intent in by_intent
    steps = by_intent["digid_no_smartphone"]["steps"]
    assert steps[1:3] == [{"action": "action_deactivate_loop"}, {"active_loop": None}]
    assert steps[-1] == {"action": "utter_ido_offer_again"}
    # A menu or a question of the journey is answered first: no offer on top of its buttons.
    assert by_intent["digid_lost"]["steps"][-1] == {"action": "utter_digid_lost"}


def test_no_journey_intent_is_taken_as_a_typed_place():
    """The form takes typed text as the place only for these intents: a journey question must reach its rule."""
    place = yaml.safe_load((ROOT / "bot" / "domain" / "ido.yml").read_text())["slots"]["place"]
    [from_text] = [m for m in place["mappings"] if m["type"] == "from_text"]
    assert not set(from_text["intent"]) & set(digressions.intents())
    assert "nlu_fallback" in from_text["intent"]  # "xyzzy": "Die plaats ken ik niet", not the menu


def test_the_place_component_is_in_the_pipeline_and_in_the_rasa_image():
    # After the intent classifier (it reads the intent ranking), before the fallback (which reads its fix).
    names = [c["name"] for c in yaml.safe_load((ROOT / "bot" / "config.yml").read_text())["pipeline"]]
    assert names.index("nlu.places.PlaceExtractor") > names.index("nlu.classifier.NormalisedLogisticRegression")
    assert names.index("nlu.places.PlaceExtractor") < names.index("FallbackClassifier")
    pipeline = {c["name"]: c for c in yaml.safe_load((ROOT / "bot" / "config.yml").read_text())["pipeline"]}
    extractor, fallback = pipeline["nlu.places.PlaceExtractor"], pipeline["FallbackClassifier"]
    assert (extractor["unsure_below"], extractor["ambiguity"]) == (fallback["threshold"], fallback["ambiguity_threshold"])
    image = (ROOT / "deploy" / "Dockerfile.bot").read_text()
    for needed in ("bot/nlu", "bot/actions/ido", "content/data/places"):
        assert re.search(rf"^COPY {re.escape(needed)} ", image, re.M), needed
