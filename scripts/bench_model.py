"""Compare NLU pipelines: training time, model size and intent accuracy on the held-out sets.

Each variant of bot/config.yml is trained from scratch (own empty Rasa cache) into a temporary
folder, never into bot/models, and tested on every held-out set (bot/tests/nlu_holdout*), per
language, in one `rasa test nlu`. `--nlu-only` trains only the NLU pipeline (the dialogue policies
are the same in every variant), which makes a comparison quicker. Variants run one after another:
their training times are compared within one run.

Usage: .venv/web/bin/python scripts/bench_model.py [--variants current,rasa_logreg] [--nlu-only]
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
RASA = str(ROOT / ".venv" / "bot" / "bin" / "rasa")
# Every held-out set (bot/tests/nlu_holdout*, the team's is "team"), each whole (tests/bot/test_rasa_project.py
# scores the later sets on their part no older set or training example holds).
HELD_OUT = {folder.name[len("nlu_holdout_"):] or "team": folder
            for folder in sorted((BOT / "tests").glob("nlu_holdout*"))}
LANGUAGES = ("nl", "en")
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")  # "[Utrecht](place)" -> "Utrecht", as Rasa reports it

# A variant: what it changes in bot/config.yml's intent classifier (nlu.classifier.NormalisedLogisticRegression):
# its settings, or "rasa_logreg", Rasa's own LogisticRegressionClassifier in its place (raw counts, C 1: the model
# before 2026-12-02), and whether to keep the letter n-grams.
CLASSIFIER = "nlu.classifier.NormalisedLogisticRegression"
VARIANTS = {
    "current": {},
    "rasa_logreg": {"name": "LogisticRegressionClassifier"},
    "c_10": {"C": 10},
    "c_100": {"C": 100},
    "no_char_ngrams": {"char_ngrams": False},
}


def variant_config(name: str) -> dict:
    config = copy.deepcopy(yaml.safe_load((BOT / "config.yml").read_text()))
    settings = dict(VARIANTS[name])
    if not settings.pop("char_ngrams", True):
        config["pipeline"] = [c for c in config["pipeline"] if c.get("analyzer") != "char_wb"]
    for component in config["pipeline"]:
        if component["name"] == CLASSIFIER:
            component.update(settings)
            if component["name"] != CLASSIFIER:  # Rasa's own takes no C
                component.pop("C", None)
    return config


def rasa(*args: str, cache: Path) -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "RASA_CACHE_DIRECTORY": str(cache)}
    result = subprocess.run([RASA, *args], cwd=BOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"rasa {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


def held_out_texts() -> dict[tuple[str, str], set[str]]:
    """The examples of each held-out set and language, as Rasa reports them back (lower-cased)."""
    texts = {}
    for set_name, folder in HELD_OUT.items():
        for language in LANGUAGES:
            found = set()
            for path in (folder / language).glob("*.yml"):
                for block in (yaml.safe_load(path.read_text()) or {}).get("nlu") or []:
                    found.update(ANNOTATION.sub(r"\1", line[2:]).strip().lower() for line in str(block.get("examples", "")).splitlines()
                                 if line.startswith("- "))
            texts[set_name, language] = found
    return texts


def accuracies(results: Path) -> dict[tuple[str, str], float]:
    predicted = {}
    for name in ("intent_successes.json", "intent_errors.json"):
        for p in json.loads((results / name).read_text()) if (results / name).exists() else []:
            predicted[p["text"].strip().lower()] = p["intent"] == p["intent_prediction"]["name"]
    return {key: sum(predicted[t] for t in texts if t in predicted) / sum(t in predicted for t in texts)
            for key, texts in held_out_texts().items()}


def measure(name: str, folder: Path, nlu_only: bool) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.yml").write_text(yaml.safe_dump(variant_config(name), sort_keys=False))
    started = time.monotonic()
    if nlu_only:
        rasa("train", "nlu", "--config", str(folder / "config.yml"), "--out", str(folder),
             "--fixed-model-name", name, cache=folder / "cache")
    else:
        rasa("train", "--domain", "domain", "--config", str(folder / "config.yml"), "--out", str(folder),
             "--fixed-model-name", name, cache=folder / "cache")
    seconds = time.monotonic() - started
    model = folder / f"{name}.tar.gz"
    both = folder / "held-out"
    shutil.rmtree(both, ignore_errors=True)
    for folder_name in HELD_OUT.values():
        shutil.copytree(folder_name, both / folder_name.name)
    rasa("test", "nlu", "--model", str(model), "--nlu", str(both), "--out", str(folder / "results"), "--successes",
         cache=folder / "cache")
    return {"seconds": seconds, "mb": model.stat().st_size / 1e6, **accuracies(folder / "results")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="current", help=f"comma-separated, of {', '.join(VARIANTS)}")
    parser.add_argument("--nlu-only", action="store_true", help="train only the NLU pipeline")
    parser.add_argument("--out", default="/tmp/perf-models")
    args = parser.parse_args()
    names = args.variants.split(",")
    unknown = set(names) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {', '.join(sorted(unknown))}")

    print(f"date {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}; nproc {os.cpu_count()}; "
          f"load average {open('/proc/loadavg').read().split()[:3]}")
    print(f"`rasa train{' nlu' if args.nlu_only else ''}` with an empty cache, one variant after another.\n",
          flush=True)
    results = {}
    for name in names:
        results[name] = measure(name, Path(args.out) / name, args.nlu_only)
        print(f"  done: {name}", file=sys.stderr, flush=True)
    columns = [f"{s} {lang}" for s in HELD_OUT for lang in LANGUAGES]
    print(f"{'variant':<32} {'train s':>8} {'model MB':>9} " + " ".join(f"{c:>12}" for c in columns))
    for name, r in results.items():
        print(f"{name:<32} {r['seconds']:>8.0f} {r['mb']:>9.1f} "
              + " ".join(f"{r[s, lang]:>12.3f}" for s in HELD_OUT for lang in LANGUAGES))
    print(f"\nintent accuracy on each of {', '.join(f.name for f in HELD_OUT.values())} (bot/tests), whole; "
          f"models in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
