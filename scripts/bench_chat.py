"""Reply time and memory through the whole chain, and Rasa's REST channel alone for comparison.

Starts its own stack (scripts/stack.py's Stack on free ports, rate limits lifted), measures start-up,
runs each load for a bounded time, then 2 x N conversations for memory, stops the stack and
prints tables. Only talks to 127.0.0.1.

Loads: N sessions back to back (each sends its next message as soon as the answer is in), and a
paced load: many sessions that each wait 0.5-1.5 s between messages, like people pressing buttons.

Usage: .venv/web/bin/python scripts/bench_chat.py [--duration 20] [--loads 1,10] [--conversations 1000]
       [--paced-sessions 50] [--paced-seconds 60]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import secrets
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import requests

from stack import Stack

# What people do: press buttons and type (with typos); each list is one conversation.
CONVERSATIONS = [
    ["/digid", "digid kwijt", "ik heb geen smartfoon"],
    ["/find_help", "3511 AB"],
    ["ik wil iemand machtigen", "/machtigen_give"],
    ["hoi", "ik heb geen digid", "/digid_no_letter"],
    ["/find_help", "Zwolle"],
    ["mijn wachtwoord vergeten", "/digid_sms", "bedankt"],
]

# Targets (issue 17), each checked within one run.
GOAL_P95_MS_ALONE = 80  # 1 session
GOAL_RATE_AT_10 = 40  # answers per second, 10 sessions back to back, 0 errors
GOAL_P95_MS_PACED = 1500  # the paced load, 0 errors ("kan nu even niet antwoorden" counts as one)
GOAL_OVERHEAD = 1.0  # chain over bare Rasa at p95


class BenchStack(Stack):
    """The launcher's stack on free ports, rate limits lifted; knows each part's memory."""

    def __init__(self, expiry_seconds: float, log_dir: Path):
        super().__init__(log_dir=log_dir, env={
            "DIGIHULP_SPEECH_ONLINE": "false",
            "DIGIHULP_RATE_LIMIT_PER_ADDRESS": "1000000",
            "DIGIHULP_RATE_LIMIT_PER_CONVERSATION": "1000000",
            "DIGIHULP_TRACKER_EXPIRY_SECONDS": str(expiry_seconds),
        })
        started = time.monotonic()
        self.start()
        self.startup_seconds = time.monotonic() - started
        self.web_url = self.base_url

    def rss_mb(self) -> dict[str, float]:
        """Resident memory of each part with all its descendants (web: gunicorn master + workers)."""
        return {name: sum(rss_kb(p) for p in [pid, *descendants(pid)]) / 1024 for name, pid in self.pids().items()}

    def live_trackers(self, conversations: list[str]) -> int:
        """How many of these conversations Rasa still holds. Rasa answers an unknown id with a
        fresh tracker without user messages (and stores that; it expires like any other)."""
        live = 0
        for conversation in conversations:
            url = f"{self.rasa_url}/conversations/{conversation}/tracker"
            events = requests.get(url, params={"token": self.rasa_token}, timeout=10).json()["events"]
            live += any(e["event"] == "user" for e in events)
        return live


def read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").glob("*") for c in read(f"{task}/children").split()]


def descendants(pid: int) -> list[int]:
    return [d for c in children(pid) for d in (c, *descendants(c))]


def rss_kb(pid: int) -> int:
    for line in read(f"/proc/{pid}/status").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class ChainClient:
    """One visitor of the web app: POST /api/chat, the session id it hands out."""

    def __init__(self, stack: BenchStack):
        self.http = requests.Session()
        self.url = stack.web_url + "/api/chat"
        self.session: str | None = None

    def new_conversation(self) -> None:
        self.session = None

    def send(self, message: str) -> bool:
        body = {"message": message, "lang": "nl", **({"session": self.session} if self.session else {})}
        response = self.http.post(self.url, json=body, timeout=30)
        answer = response.json()
        self.session = answer.get("session")
        return response.status_code == 200 and answer["bot_available"] and bool(answer["replies"])

    @property
    def conversation(self) -> str:
        return (self.session or "").rsplit(".", 1)[0]  # the signed session id is "<conversation>.<signature>"


class RasaRestClient:
    """The same visitor, straight to Rasa's REST channel (Rasa still asks the web app's /nlg)."""

    def __init__(self, stack: BenchStack):
        self.http = requests.Session()
        self.url = stack.rasa_url + "/webhooks/rest/webhook"
        self.conversation = ""

    def new_conversation(self) -> None:
        self.conversation = secrets.token_urlsafe(16)

    def send(self, message: str) -> bool:
        body = {"sender": self.conversation, "message": message, "metadata": {"lang": "nl", "shown": message}}
        response = self.http.post(self.url, json=body, timeout=30)
        return response.status_code == 200 and bool(response.json())


def visitor(client, deadline: float, offset: int, conversations_left: list | None, done: list,
            pause: tuple[float, float] | None = None) -> tuple[list, int]:
    """Hold conversations until the deadline (or until the shared count runs out); latencies in ms.
    With a pause (seconds, from-to), the visitor waits that long before each message."""
    latencies, errors, turn = [], 0, offset
    pauses = random.Random(offset)
    while time.monotonic() < deadline:
        if conversations_left is not None:
            try:
                conversations_left.pop()
            except IndexError:
                break
        client.new_conversation()
        for message in CONVERSATIONS[turn % len(CONVERSATIONS)]:
            if pause:
                time.sleep(pauses.uniform(*pause))
            started = time.perf_counter()
            try:
                ok = client.send(message)
            except (requests.RequestException, ValueError, KeyError):
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok
            if time.monotonic() >= deadline:
                break
        done.append(client.conversation)
        turn += 1
    return latencies, errors


def run_load(stack: BenchStack, client_class, sessions: int, seconds: float, count: int | None = None,
             pause: tuple[float, float] | None = None) -> dict:
    deadline = time.monotonic() + seconds
    conversations_left = list(range(count)) if count is not None else None
    done: list[str] = []
    started = time.monotonic()
    with ThreadPoolExecutor(sessions) as pool:
        results = list(pool.map(lambda i: visitor(client_class(stack), deadline, i, conversations_left, done, pause),
                                range(sessions)))
    elapsed = time.monotonic() - started
    latencies = sorted(ms for result, _ in results for ms in result)
    return {"latencies": latencies, "errors": sum(e for _, e in results), "elapsed": elapsed, "conversations": done}


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))] if sorted_values else float("nan")


def summary(result: dict) -> dict:
    values = result["latencies"]
    return {"n": len(values), "errors": result["errors"], "p50": percentile(values, 0.50),
            "p95": percentile(values, 0.95), "p99": percentile(values, 0.99), "rate": len(values) / result["elapsed"]}


def machine_info() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), "?")
    return (f"date {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}; nproc {os.cpu_count()}; CPU {cpu}; "
            f"load average at start {read('/proc/loadavg').split()[:3]}; Python {platform.python_version()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=20, help="seconds per load and target")
    parser.add_argument("--loads", default="1,10", help="concurrent sessions, comma-separated")
    parser.add_argument("--conversations", type=int, default=1000, help="per memory round; 0 skips it")
    parser.add_argument("--expiry-seconds", type=float, default=15, help="tracker expiry for this stack")
    parser.add_argument("--paced-sessions", type=int, default=50, help="sessions of the paced load; 0 skips it")
    parser.add_argument("--paced-seconds", type=float, default=60, help="how long the paced load runs")
    args = parser.parse_args()
    loads = [int(n) for n in args.loads.split(",")]

    print(machine_info())
    print("The machine may be shared with other work: numbers are noisy; compare within one run.\n", flush=True)
    log_dir = Path(tempfile.mkdtemp(prefix="digihulp-bench-"))
    stack = BenchStack(args.expiry_seconds, log_dir)
    try:
        print(f"start-up (the launcher's Stack, start to all parts up): {stack.startup_seconds:.1f} s", flush=True)
        for client_class in (ChainClient, RasaRestClient):
            run_load(stack, client_class, 4, 5)  # warm-up: first predictions, connections, caches

        table = {}
        for sessions in loads:
            for name, client_class in (("chain", ChainClient), ("rasa", RasaRestClient)):
                table[sessions, name] = summary(run_load(stack, client_class, sessions, args.duration))
                print(f"  done: {sessions} sessions, {name}", file=sys.stderr, flush=True)
        print_latency_table(table, loads, args.duration)
        if args.paced_sessions:
            print_paced(stack, args.paced_sessions, args.paced_seconds)
        if args.conversations:  # 0: latency only (e.g. the 2-minute load test at 50 sessions)
            print_memory(stack, args.conversations, args.expiry_seconds)
    finally:
        stack.stop()
    print(f"\nlogs: {log_dir}")
    return 0


def print_latency_table(table: dict, loads: list[int], duration: float) -> None:
    print(f"\nReply time per message, {duration:.0f} s per row. chain = POST /api/chat (Flask -> Rasa -> actions/NLG);")
    print("rasa = POST /webhooks/rest/webhook on Rasa itself (which still calls /nlg in the web app).")
    print(f"{'sessions':>8} {'target':<6} {'answers':>7} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'answers/s':>9} {'p50 x':>6} {'p95 x':>6}")
    for sessions in loads:
        chain, rasa = table[sessions, "chain"], table[sessions, "rasa"]
        for name, row in (("chain", chain), ("rasa", rasa)):
            ratios = (f"{chain['p50'] / rasa['p50']:>6.2f} {chain['p95'] / rasa['p95']:>6.2f}"
                      if name == "chain" else "")
            print(f"{sessions:>8} {name:<6} {row['n']:>7} {row['errors']:>6} {row['p50']:>7.0f} {row['p95']:>7.0f} "
                  f"{row['p99']:>7.0f} {row['rate']:>9.1f} {ratios}")
    if 1 in loads:
        chain = table[1, "chain"]
        goal(f"p95 <= {GOAL_P95_MS_ALONE} ms, 1 session", f"{chain['p95']:.0f} ms", chain["p95"] <= GOAL_P95_MS_ALONE)
    if 10 in loads:
        chain, rasa = table[10, "chain"], table[10, "rasa"]
        goal(f">= {GOAL_RATE_AT_10} answers/s and 0 errors, 10 sessions", f"{chain['rate']:.1f}/s, {chain['errors']} errors",
             chain["rate"] >= GOAL_RATE_AT_10 and chain["errors"] == 0)
        overhead = chain["p95"] / rasa["p95"]
        goal(f"overhead <= {GOAL_OVERHEAD}x over bare Rasa (p95, 10 sessions)", f"{overhead:.2f}x",
             overhead <= GOAL_OVERHEAD)


def goal(what: str, measured: str, met: bool) -> None:
    print(f"goal {what}: {measured} -> {'met' if met else 'NOT met'}")


def print_paced(stack: BenchStack, sessions: int, seconds: float) -> None:
    """Many people at once, each pressing or typing every 0.5-1.5 s, through the whole chain."""
    row = summary(run_load(stack, ChainClient, sessions, seconds, pause=(0.5, 1.5)))
    print(f"\nPaced load: {sessions} sessions, 0.5-1.5 s between messages, {seconds:.0f} s, chain:")
    print(f"{'answers':>7} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'answers/s':>9}")
    print(f"{row['n']:>7} {row['errors']:>6} {row['p50']:>7.0f} {row['p95']:>7.0f} {row['p99']:>7.0f} {row['rate']:>9.1f}")
    goal(f"p95 <= {GOAL_P95_MS_PACED} ms and 0 errors, paced", f"{row['p95']:.0f} ms, {row['errors']} errors",
         row["p95"] <= GOAL_P95_MS_PACED and row["errors"] == 0)


def memory_columns(rss: dict[str, float]) -> str:
    return " ".join(f"{rss[part]:>7.0f}" for part in ("web", "nlg", "rasa", "actions"))


def print_memory(stack: BenchStack, count: int, expiry_seconds: float) -> None:
    print(f"\nMemory (RSS from /proc, MB; each part with its child processes) and live trackers, "
          f"tracker expiry {expiry_seconds:.0f} s:")
    print(f"{'after':<28} {'web':>7} {'nlg':>7} {'rasa':>7} {'actions':>7}  live trackers")
    rss = stack.rss_mb()
    print(f"{'the latency runs':<28} {memory_columns(rss)}")
    for round_number in (1, 2):
        result = run_load(stack, ChainClient, 10, 3600, count)
        recent = result["conversations"][-10:]
        live_now = stack.live_trackers(recent)
        time.sleep(expiry_seconds + 1)
        # The store sweeps out expired conversations when one is saved or read.
        ChainClient(stack).send("hoi")
        sample = result["conversations"][::max(1, len(result["conversations"]) // 100)]
        live_later = stack.live_trackers(sample)
        rss = stack.rss_mb()
        label = f"{count * round_number} conversations"
        print(f"{label:<28} {memory_columns(rss)}  "
              f"{live_now}/{len(recent)} of the last right away, {live_later}/{len(sample)} sampled after "
              f"{expiry_seconds + 1:.0f} s ({result['errors']} errors)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
