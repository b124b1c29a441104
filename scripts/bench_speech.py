"""Speech speed: serving a cached clip (budget 20 ms) and offline espeak-ng synthesis of a
40-word Dutch answer (budget 300 ms). Offline only. Run: .venv/web/bin/python scripts/bench_speech.py"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from web import create_app, speech  # noqa: E402
from web.speech import engines  # noqa: E402

ANSWER_40_WORDS = (
    "Je DigiD kwijt? Dat is niet erg. Je kunt een nieuwe aanvragen op de website van DigiD. "
    "Je krijgt dan een brief met een code. Die brief komt binnen vijf dagen. Met de code zet je "
    "je nieuwe DigiD aan."
)


def timed(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float], budget_ms: float) -> bool:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    ok = p95 <= budget_ms
    print(f"{name:<34} n={len(times):<4} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {ordered[-1]:7.1f} ms   budget {budget_ms:.0f} ms (p95): {'OK' if ok else 'TOO SLOW'}")
    return ok


def main() -> int:
    assert len(ANSWER_40_WORDS.split()) == 40
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SECRET_KEY": "bench", "SPEECH_ONLINE": False, "SPEECH_CACHE_DIR": folder})
        with app.test_request_context():
            url = speech.speech_url(ANSWER_40_WORDS, "nl")
        client = app.test_client()
        first = client.get(url)
        assert first.status_code == 200, first.status_code
        print(f"clip: {first.mimetype}, {len(first.data) // 1024} KB")

        def serve():
            response = client.get(url)
            response.get_data()
            assert response.status_code == 200

        ok = report("cached clip served (test client)", timed(serve, 300), 20)
        ok &= report("espeak-ng, 40 words of Dutch", timed(lambda: engines.render_offline(ANSWER_40_WORDS, "nl"), 30), 300)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
