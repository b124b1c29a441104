"""The Rasa project itself: clean data, NLU accuracy on held-out examples, and the test stories.

These run Rasa's own commands in the bot's virtual environment against the trained model.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
RASA = str(ROOT / ".venv" / "bot" / "bin" / "rasa")
MODEL = str(BOT / "models" / "digihulp.tar.gz")
MIN_INTENT_ACCURACY = 0.90


def rasa(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    return subprocess.run([RASA, *args], cwd=BOT, env=env, capture_output=True, text=True, timeout=900)


def test_rasa_data_validate_is_clean():
    result = rasa("data", "validate", "--domain", "domain", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


HELD_OUT = BOT / "tests" / "nlu_holdout"  # nl/ and en/ per language; languages.yml mixes them
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")  # "[Utrecht](place)" -> "Utrecht"


def examples(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.yml"):
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu") or []:
            found.update(ANNOTATION.sub(r"\1", line[2:]).strip().lower()
                         for line in str(block.get("examples", "")).splitlines() if line.startswith("- "))
    return found


@pytest.fixture(scope="module")
def nlu_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu")
    result = rasa("test", "nlu", "--model", MODEL, "--nlu", "tests/nlu_holdout", "--out", str(out), "--successes")
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def nlu_report(nlu_results):
    return json.loads((nlu_results / "intent_report.json").read_text())


def test_held_out_examples_are_never_trained_on():
    assert examples(HELD_OUT) & examples(BOT / "data") == set()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_intent_accuracy_per_language(nlu_results, language):
    """Each language on its own, so that a good Dutch score cannot hide a weak English one."""
    texts = examples(HELD_OUT / language)
    outcomes = [
        (p["intent"] == p["intent_prediction"]["name"], p["intent"])
        for name in ("intent_successes.json", "intent_errors.json")
        if (nlu_results / name).exists()
        for p in json.loads((nlu_results / name).read_text())
        if p["text"].strip().lower() in texts
    ]
    accuracy = sum(ok for ok, _ in outcomes) / len(outcomes)
    print(f"\nNLU accuracy on held-out {language} examples ({len(outcomes)}): {accuracy:.3f}")
    assert len(outcomes) >= 0.95 * len(texts)
    assert accuracy >= MIN_INTENT_ACCURACY, sorted({i for ok, i in outcomes if not ok})


def test_intent_accuracy_on_held_out_examples(nlu_report):
    print(f"\nNLU accuracy on held-out examples: {nlu_report['accuracy']:.3f}")
    intents = {k: v for k, v in nlu_report.items() if isinstance(v, dict) and not k.endswith("avg")}
    weak = {k: round(v["f1-score"], 2) for k, v in intents.items() if v["f1-score"] < MIN_INTENT_ACCURACY}
    assert nlu_report["accuracy"] >= MIN_INTENT_ACCURACY, weak


def test_stories_pass(tmp_path):
    result = rasa("test", "core", "--model", MODEL, "--stories", "tests/stories", "--out", str(tmp_path),
                  "--fail-on-prediction-errors")
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text()[:3000] if failed.exists() else result.stdout[-3000:]
    assert result.returncode == 0, detail
