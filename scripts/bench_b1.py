"""How long the B1 check takes per message (it runs on every content item in the test suite).

Usage: .venv/web/bin/python scripts/bench_b1.py
"""
from __future__ import annotations

import statistics
import time

from web.content.b1 import check_text

TEXT = " ".join(["Binnen 5 werkdagen krijg je een brief met een code voor je zorgverzekering."] * 5)


def main() -> None:
    started = time.perf_counter()
    check_text(TEXT)
    print(f"first call (loads word data): {(time.perf_counter() - started) * 1000:.0f} ms")
    runs = []
    for _ in range(200):
        started = time.perf_counter()
        check_text(TEXT)
        runs.append((time.perf_counter() - started) * 1000)
    runs.sort()
    print(f"{len(TEXT.split())}-word message, 200 runs: median {statistics.median(runs):.2f} ms, "
          f"p95 {runs[189]:.2f} ms, max {runs[-1]:.2f} ms")


if __name__ == "__main__":
    main()
