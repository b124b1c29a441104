"""Compare NLU pipelines: training time, model size and intent accuracy on the held-out examples.

Each variant of bot/config.yml is trained from scratch (own empty Rasa cache) into a temporary
folder, never into bot/models. Takes several minutes per variant.

Usage: .venv/web/bin/python scripts/bench_model.py [--variants current,no_char_ngrams] [--out /tmp/perf-models]
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
RASA = str(ROOT / ".venv" / "bot" / "bin" / "rasa")


def without_char_ngrams(config: dict) -> dict:
    config["pipeline"] = [c for c in config["pipeline"] if c.get("analyzer") != "char_wb"]
    return config


def diet_epochs_50(config: dict) -> dict:
    for component in config["pipeline"]:
        if component["name"] == "DIETClassifier":
            component["epochs"] = 50
    return config


VARIANTS = {
    "current": lambda config: config,
    "no_char_ngrams": without_char_ngrams,
    "diet_50_epochs": diet_epochs_50,
}


def rasa(*args: str, cache: Path) -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "RASA_CACHE_DIRECTORY": str(cache)}
    result = subprocess.run([RASA, *args], cwd=BOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"rasa {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


def measure(name: str, folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    config = VARIANTS[name](copy.deepcopy(yaml.safe_load((BOT / "config.yml").read_text())))
    (folder / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    started = time.monotonic()
    rasa("train", "--domain", "domain", "--config", str(folder / "config.yml"), "--out", str(folder),
         "--fixed-model-name", name, cache=folder / "cache")
    seconds = time.monotonic() - started
    model = folder / f"{name}.tar.gz"
    rasa("test", "nlu", "--model", str(model), "--nlu", "tests/nlu_holdout", "--out", str(folder / "results"),
         cache=folder / "cache")
    report = json.loads((folder / "results" / "intent_report.json").read_text())
    return {"seconds": seconds, "mb": model.stat().st_size / 1e6, "accuracy": report["accuracy"],
            "f1": report["weighted avg"]["f1-score"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="current,no_char_ngrams", help=f"comma-separated, of {', '.join(VARIANTS)}")
    parser.add_argument("--out", default="/tmp/perf-models")
    args = parser.parse_args()
    names = args.variants.split(",")
    unknown = set(names) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {', '.join(sorted(unknown))}")

    print(f"date {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}; nproc {os.cpu_count()}; "
          f"load average {open('/proc/loadavg').read().split()[:3]}")
    print("Full `rasa train` (NLU and dialogue policies) with an empty cache; the machine may be shared, "
          "so training times are noisy.\n", flush=True)
    results = {}
    for name in names:
        results[name] = measure(name, Path(args.out) / name)
        print(f"  done: {name}", file=sys.stderr, flush=True)
    print(f"{'variant':<16} {'train s':>8} {'model MB':>9} {'intent accuracy':>16} {'weighted F1':>12}")
    for name, r in results.items():
        print(f"{name:<16} {r['seconds']:>8.0f} {r['mb']:>9.1f} {r['accuracy']:>16.3f} {r['f1']:>12.3f}")
    print(f"\nheld-out set: bot/tests/nlu_holdout; models and reports in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
