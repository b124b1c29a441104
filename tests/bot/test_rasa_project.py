"""The Rasa project itself: clean data, NLU accuracy on held-out examples, and the test stories.

These run Rasa's own commands in the bot's virtual environment against the trained model.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from web.content.check import bot_intents
from web.privacy import PLACEHOLDERS

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
# The languages typed questions are understood in (content/languages.yml, the one list).
UNDERSTOOD = yaml.safe_load((ROOT / "content" / "languages.yml").read_text())["understood"]
RASA = str(ROOT / ".venv" / "bot" / "bin" / "rasa")
MODEL = str(BOT / "models" / "digihulp.tar.gz")
MIN_INTENT_ACCURACY = 0.95  # issue 15's target, here for the team's set; VISITOR_SETS has the same for the visitors'


def rasa(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    return subprocess.run([RASA, *args], cwd=BOT, env=env, capture_output=True, text=True, timeout=900)


def test_rasa_data_validate_is_clean():
    result = rasa("data", "validate", "--domain", "domain", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


HELD_OUT = BOT / "tests" / "nlu_holdout"  # nl/ and en/ per language; languages.yml mixes them
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")  # "[Utrecht](place)" -> "Utrecht"


def labelled(folder: Path) -> dict[str, str]:
    """Each example of the folder (as Rasa reports its text) with its intent."""
    found = {}
    for path in folder.rglob("*.yml"):
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu") or []:
            found.update((ANNOTATION.sub(r"\1", line[2:]).strip().lower(), block.get("intent"))
                         for line in str(block.get("examples", "")).splitlines() if line.startswith("- "))
    return found


def examples(folder: Path) -> set[str]:
    return set(labelled(folder))


def rasa_test_nlu(folder: Path, out: Path) -> Path:
    """One `rasa test nlu` run of the trained model on a held-out folder; its reports land in out."""
    result = rasa("test", "nlu", "--model", MODEL, "--nlu", str(folder), "--out", str(out),
                  "--successes")
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def predictions(results: Path, wanted: dict[str, str]) -> list[dict]:
    """Rasa's prediction for each of these texts with its intent (from the successes and the errors it wrote).
    By text and intent: a text two sets share is scored with each set's own intent (two blind writers put
    "mijn account is locked" in digid_expired and in digid_lost); Rasa tests a text with one intent once."""
    return [
        p
        for name in ("intent_successes.json", "intent_errors.json")
        if (results / name).exists()
        for p in json.loads((results / name).read_text())
        if wanted.get(p["text"].strip().lower()) == p["intent"]
    ]


def accuracy(outcomes: list[dict]) -> float:
    return sum(p["intent"] == p["intent_prediction"]["name"] for p in outcomes) / len(outcomes)


@pytest.fixture(scope="module")
def nlu_results(tmp_path_factory):
    """All held-out sets in ONE `rasa test nlu` run (the model loads once); the tests pick their own
    examples out of the predictions by text and intent."""
    both = tmp_path_factory.mktemp("held-out")
    for folder in HELD_OUT_SETS:
        shutil.copytree(folder, both / folder.name)
    return rasa_test_nlu(both, tmp_path_factory.mktemp("nlu"))


def test_training_data_is_as_rasa_receives_it():
    """The privacy guard sends Rasa the text without its placeholders (bot/data/README.md)."""
    assert [e for e in examples(BOT / "data") if any(p.lower() in e for p in PLACEHOLDERS.values())] == []


def test_held_out_examples_are_never_trained_on():
    assert examples(HELD_OUT) & examples(BOT / "data") == set()


@pytest.mark.parametrize("language", UNDERSTOOD)
def test_intent_accuracy_per_language(nlu_results, language):
    """Each language on its own, so that a good Dutch score cannot hide a weak English one."""
    texts = labelled(HELD_OUT / language)
    outcomes = predictions(nlu_results, texts)
    score = accuracy(outcomes)
    print(f"\nNLU accuracy on held-out {language} examples ({len(outcomes)}): {score:.3f}")
    assert len(outcomes) >= 0.95 * len(texts)
    assert score >= MIN_INTENT_ACCURACY, sorted({p["intent"] for p in outcomes
                                                 if p["intent"] != p["intent_prediction"]["name"]})


def test_intent_accuracy_on_held_out_examples(nlu_results):
    outcomes = predictions(nlu_results, labelled(HELD_OUT))
    score = accuracy(outcomes)
    print(f"\nNLU accuracy on held-out examples: {score:.3f}")
    per_intent = Counter(p["intent"] for p in outcomes)
    right = Counter(p["intent"] for p in outcomes if p["intent"] == p["intent_prediction"]["name"])
    weak = {i: round(right[i] / n, 2) for i, n in per_intent.items() if right[i] / n < MIN_INTENT_ACCURACY}
    assert score >= MIN_INTENT_ACCURACY, weak


# Issue 15: held-out sets in the strangers' voice (bot/data/README.md), each written in one go before any model
# was tested on it. Never trained on; never edited after a test run.
# - nlu_holdout_visitors (2026-12-01), from the seed report. Measured: nl 0.826, en 0.844 (first model, 36
#   intents); nl 0.800, en 0.868 once issue 14 added digid_no_bsn and digid_id_check; nl 0.910, en 0.936 after
#   the training data in the visitors' voice (2026-12-02).
# - nlu_holdout_fresh (2026-12-02), written blind before that day's second round of training data, so that
#   those examples (aimed at the close intents) are measured on a set nobody has seen results of.
# After the third round (small intents, affirm/deny to ~95, 2026-12-02): visitors nl 0.927, en 0.933; fresh
#   (unseen part) nl 0.911, en 0.930.
# - nlu_holdout_round4 (2026-12-02, later), written blind before the classifier change of that session
#   (bot/nlu/classifier.py): Rasa's LogisticRegressionClassifier nl 0.912, en 0.912; the new one nl 0.945,
#   en 0.940 (visitors nl 0.956, en 0.936; fresh nl 0.928, en 0.946).
# - nlu_holdout_round5 (2026-12-03), written blind before that session's fourth round of training data (500 nl +
#   500 en examples for 20 close or weak intents, and "does not work" examples moved from digid to digid_lost):
#   nl 0.936 -> 0.957, en 0.907 -> 0.929 (visitors nl 0.954, en 0.954; fresh nl 0.936, en 0.961; round4 nl 0.956,
#   en 0.937).
# - nlu_holdout_round6 (2026-12-03, later), written blind before that session's fifth round of training data (400 nl
#   + 400 en examples for 20 close intents, aimed at what round5 still confused, so round5 is no longer blind):
#   nl 0.928 -> 0.938, en 0.954 -> 0.958 (visitors nl 0.956, en 0.960; fresh nl 0.942, en 0.961; round4 nl 0.956,
#   en 0.940; round5 nl 0.974, en 0.945).
# - nlu_holdout_round7 (2026-12-03, later), written blind before that session's sixth round of training data (20 new
#   examples per intent, nl and en, for all 40 intents, minus near copies of any held-out example; five "login details
#   forgotten" examples moved from digid_lost to digid_forgot): nl 0.953 -> 0.960, en 0.943 -> 0.957 (visitors nl
#   0.979, en 0.966; fresh nl 0.944, en 0.961; round4 nl 0.960, en 0.947; round5 nl 0.977, en 0.956; round6 nl
#   0.949, en 0.965).
# - nlu_holdout_round8 (2026-12-03, later), written blind before that session's seventh round of training data (25
#   new examples per intent, nl and en, for 18 close intents, minus near copies of any held-out example): nl 0.966 ->
#   0.970, en 0.953 -> 0.961 (visitors nl 0.977, en 0.969; fresh nl 0.947, en 0.965; round4 nl 0.960, en 0.944;
#   round5 nl 0.977, en 0.959; round6 nl 0.949, en 0.965; round7 nl 0.967, en 0.968).
# Floors: the visitors' set at issue 15's target (0.95, as the team's set: MIN_INTENT_ACCURACY); the later sets
# regression floors a little below the measured accuracy.
VISITORS = BOT / "tests" / "nlu_holdout_visitors"
FRESH = BOT / "tests" / "nlu_holdout_fresh"
ROUND4 = BOT / "tests" / "nlu_holdout_round4"
ROUND5 = BOT / "tests" / "nlu_holdout_round5"
ROUND6 = BOT / "tests" / "nlu_holdout_round6"
ROUND7 = BOT / "tests" / "nlu_holdout_round7"
ROUND8 = BOT / "tests" / "nlu_holdout_round8"
VISITOR_SETS = {VISITORS: {"nl": 0.95, "en": 0.95}, FRESH: {"nl": 0.92, "en": 0.94},
                ROUND4: {"nl": 0.94, "en": 0.93}, ROUND5: {"nl": 0.95, "en": 0.93},
                ROUND6: {"nl": 0.93, "en": 0.94}, ROUND7: {"nl": 0.95, "en": 0.95},
                ROUND8: {"nl": 0.95, "en": 0.94}}
HELD_OUT_SETS = [HELD_OUT, *VISITOR_SETS]  # in the order they were written


def held_out_intents(folder: Path) -> set[str]:
    return {block["intent"] for path in folder.rglob("*.yml")
            for block in (yaml.safe_load(path.read_text()) or {}).get("nlu") or []}


def fallback_threshold() -> float:
    pipeline = yaml.safe_load((BOT / "config.yml").read_text())["pipeline"]
    return next(c["threshold"] for c in pipeline if c["name"] == "FallbackClassifier")


def unseen(folder: Path) -> dict[str, str]:
    """The examples of a held-out set (or of one language of it) that stand in neither the training data nor an
    older held-out set: what it is scored on. The later sets (fresh, round4 to round8) were written without seeing
    either, and a fifth to over a quarter of each happens to stand there too, mostly short phrases ("hoi", "digid
    kwijt", "zwolle"). Those are left out of its score, not deleted. (The older sets share nothing with the
    training data or each other: tested.)"""
    whole = folder if folder in HELD_OUT_SETS else folder.parent
    older = HELD_OUT_SETS[:HELD_OUT_SETS.index(whole)]
    seen = examples(BOT / "data").union(*(examples(other) for other in older))
    return {text: intent for text, intent in labelled(folder).items() if text not in seen}


def test_visitors_held_out_set_is_never_trained_on():
    visitors = examples(VISITORS)
    assert len(visitors) >= 600
    assert visitors & examples(BOT / "data") == set()
    assert visitors & examples(HELD_OUT) == set(), "the held-out sets must be independent"


@pytest.mark.parametrize("folder, at_least", [(FRESH, 550), (ROUND4, 850), (ROUND5, 650), (ROUND6, 500),
                                                (ROUND7, 500), (ROUND8, 480)], ids=lambda f: getattr(f, "name", f))
def test_the_later_sets_keep_enough_unseen_examples(folder, at_least):
    assert len(unseen(folder)) >= at_least


@pytest.mark.parametrize("folder", VISITOR_SETS, ids=lambda f: f.name)
@pytest.mark.parametrize("language", UNDERSTOOD)
def test_visitors_held_out_set_covers_every_intent(folder, language):
    assert held_out_intents(folder / language) == bot_intents(BOT)


@pytest.mark.parametrize("folder", VISITOR_SETS, ids=lambda f: f.name)
@pytest.mark.parametrize("language", UNDERSTOOD)
def test_intent_accuracy_on_visitors_held_out_set(nlu_results, folder, language):
    texts = unseen(folder / language)
    outcomes = predictions(nlu_results, texts)
    score = accuracy(outcomes)
    # `rasa test nlu` undoes the FallbackClassifier; in a conversation these would get the fallback.
    unsure = sum(p["intent_prediction"]["confidence"] < fallback_threshold() for p in outcomes)
    confused = Counter((p["intent"], p["intent_prediction"]["name"]) for p in outcomes
                       if p["intent"] != p["intent_prediction"]["name"])
    print(f"\nNLU accuracy on {folder.name} {language} ({len(outcomes)}): {score:.3f}; "
          f"below the fallback threshold: {unsure}; most confused: {confused.most_common(5)}")
    assert len(outcomes) == len(texts)
    assert score >= VISITOR_SETS[folder][language], confused.most_common(10)


def test_stories_pass(tmp_path):
    result = rasa("test", "core", "--model", MODEL, "--stories", "tests/stories", "--out", str(tmp_path),
                  "--fail-on-prediction-errors")
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text()[:3000] if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, detail
