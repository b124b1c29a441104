"""The Rasa project itself: clean data, NLU accuracy on held-out examples, and the test stories.

These run Rasa's own commands in the bot's virtual environment against the trained model.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def nlu_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu")
    result = rasa("test", "nlu", "--model", MODEL, "--nlu", "tests/nlu_holdout", "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads((out / "intent_report.json").read_text())


def test_held_out_examples_are_never_trained_on():
    import yaml

    def examples(folder: Path) -> set[str]:
        found = set()
        for path in folder.rglob("*.yml"):
            for block in (yaml.safe_load(path.read_text()) or {}).get("nlu") or []:
                found.update(line[2:].strip().lower() for line in str(block.get("examples", "")).splitlines() if line.startswith("- "))
        return found

    assert examples(BOT / "tests" / "nlu_holdout") & examples(BOT / "data") == set()


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
