"""Time find_help() per call: python scripts/bench_ido.py (with the bot venv's python)."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bot"))

INPUTS = [
    "3511 AB", "3511ab", "1011", "9999", "ik woon op 6211 LK in Maastricht",
    "Utrecht", "Den Haag", "Den Bosch", "'s-Hertogenbosch", "sgravenhage", "Wommels", "Beek",
    "Hoorn", "Vlieland", "Westerkwartier", "ik woon in de buurt van Zwolle",
    "utreg", "Amsterdm", "Roterdam", "Nijmegan", "Groningn", "leewarden", "Apeldorn",
    "qwertyuiop", "hallo", "blablabla", "1000 Brussel", "75001", "SW1A 1AA",
    "asdf " * 200, "x" * 10_000, "utrecht " * 1250, "é'-. " * 2000,
]
REPEATS = 200


def main() -> None:
    start = time.perf_counter()
    from actions.ido import find_help, helppoints, places

    places.tables()
    helppoints.load()
    print(f"load: {(time.perf_counter() - start) * 1000:.0f} ms (import + tables + help points)")
    for text in INPUTS:  # warm-up
        find_help(text)
    worst = []
    for text in INPUTS:
        times = []
        for _ in range(REPEATS):
            t = time.perf_counter()
            find_help(text)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        worst.append(times[-1])
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{text[:32]!r:36} median {statistics.median(times):6.3f}  p95 {p95:6.3f}  max {times[-1]:6.3f} ms")
    print(f"slowest single call: {max(worst):.3f} ms over {len(INPUTS) * REPEATS} calls")


if __name__ == "__main__":
    main()
