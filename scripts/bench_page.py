"""First page weight and time to first render of / in headless Chromium (Debian's, via Playwright).

Starts the web app alone (the launcher's Stack with only the web part: the bot is not needed for
the first page) on a free port,
loads / with an empty cache, and reports per resource type: bytes on the wire (what gunicorn
sends: no compression), the bodies alone, and the bodies gzipped here (what a gzipping proxy
would send). Then first-contentful-paint under slow 3G and 4x CPU throttling.

Usage: .venv/web/bin/python scripts/bench_page.py [--runs 3]
"""
from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from stack import Stack

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
GOAL_BYTES = 60 * 1024
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50 * 1024, "uploadThroughput": 50 * 1024}
CPU_SLOWDOWN = 4


def first_load(browser, url: str) -> tuple[dict, list[str]]:
    """Bytes per resource type on a first load, and every URL the page asked for."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    types, wire = {}, {}
    cdp.on("Network.responseReceived", lambda e: types.__setitem__(e["requestId"], e["type"]))
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
    requested, bodies = [], defaultdict(list)
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: bodies[r.request.resource_type].append(r.body()))
    page.goto(url, wait_until="networkidle")
    sizes = defaultdict(lambda: {"requests": 0, "wire": 0, "body": 0, "gzip": 0})
    for request_id, kind in types.items():
        sizes[kind.lower()]["wire"] += wire.get(request_id, 0)
    for kind, items in bodies.items():
        sizes[kind]["requests"] += len(items)
        sizes[kind]["body"] += sum(map(len, items))
        sizes[kind]["gzip"] += sum(len(gzip.compress(b, 6)) for b in items)
    context.close()
    return dict(sizes), requested


def first_paint_ms(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="load", timeout=120_000)
    paints = page.evaluate("performance.getEntriesByType('paint').map(e => [e.name, e.startTime])")
    context.close()
    return dict(paints)["first-contentful-paint"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="throttled loads for first-contentful-paint")
    args = parser.parse_args()
    web = Stack(parts=("web",), workers=1, env={"DIGIHULP_SPEECH_ONLINE": "false"},
                log_dir=Path(tempfile.mkdtemp(prefix="digihulp-bench-page-")))
    url = web.base_url + "/"
    with web.start(supervise=False):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            sizes, requested = first_load(browser, url)
            paints = [first_paint_ms(browser, url) for _ in range(args.runs)]
            version = browser.version
            browser.close()

    print(f"date {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}; nproc {os.cpu_count()}; Chromium {version}")
    print("The machine may be shared with other work: the paint times are noisy.\n")
    print("First load of / (empty cache), bytes. wire = received, headers included, as gunicorn sends it "
          "(no compression);\nbody = the bodies alone; gzip = the bodies gzipped (level 6) here, "
          "what a gzipping proxy would send.")
    print(f"{'type':<12} {'requests':>8} {'wire':>8} {'body':>8} {'gzip':>8}")
    for kind, row in sorted(sizes.items()):
        print(f"{kind:<12} {row['requests']:>8} {row['wire']:>8} {row['body']:>8} {row['gzip']:>8}")
    total = {key: sum(row[key] for row in sizes.values()) for key in ("requests", "wire", "body", "gzip")}
    print(f"{'total':<12} {total['requests']:>8} {total['wire']:>8} {total['body']:>8} {total['gzip']:>8}")
    for key in ("wire", "gzip"):
        met = "met" if total[key] <= GOAL_BYTES else "NOT met"
        print(f"goal <= {GOAL_BYTES // 1024} KB ({key}): {total[key] / 1024:.1f} KB -> {met}")

    origin = urlsplit(url).netloc
    foreign = [u for u in requested if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin]
    print(f"\nrequests: {len(requested)}, to another origin: {len(foreign)} {foreign or ''}")
    print(f"first-contentful-paint, slow 3G (400 ms, 50 KB/s each way) and CPU {CPU_SLOWDOWN}x slower: "
          f"{', '.join(f'{p:.0f}' for p in paints)} ms (median {statistics.median(paints):.0f} ms)")
    assert not foreign, "the page asked another origin"
    return 0


if __name__ == "__main__":
    sys.exit(main())
