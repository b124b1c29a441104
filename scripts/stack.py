"""Start the whole helper: action server, Rasa server and web app; stop all three on Ctrl-C.

Usage: .venv/web/bin/python scripts/stack.py [--port 8000]  (or simply: make run)
Logs go to var/log/<part>.log. Nothing listens on other addresses than 127.0.0.1 unless --host says so.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOT_BIN = ROOT / ".venv" / "bot" / "bin"
WEB_BIN = ROOT / ".venv" / "web" / "bin"
MODEL = ROOT / "bot" / "models" / "digihulp.tar.gz"
READY_TIMEOUT_SECONDS = 240
# A part that stops is started again, unless it keeps stopping: then something is really wrong.
MAX_RESTARTS, RESTART_WINDOW_SECONDS = 5, 600


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--actions-port", type=int, default=int(os.environ.get("ACTIONS_PORT", 5055)))
    parser.add_argument("--nlg-port", type=int, default=int(os.environ.get("NLG_PORT", 5056)))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2)))
    parser.add_argument("--log-dir", default=str(ROOT / "var" / "log"))
    return parser.parse_args()


def environment(args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",  # a kiosk helper sends nothing about its users anywhere
        SANIC_HOST="127.0.0.1",  # rasa_sdk has no --interface flag; it reads this
        DIGIHULP_ACTIONS_URL=f"http://127.0.0.1:{args.actions_port}",
        DIGIHULP_NLG_URL=f"http://127.0.0.1:{args.nlg_port}/nlg",
        DIGIHULP_RASA_URL=f"http://127.0.0.1:{args.rasa_port}",
        DIGIHULP_RASA_TOKEN=env.get("DIGIHULP_RASA_TOKEN") or secrets.token_urlsafe(24),
        # Shared by all web workers; a new one each start, so old sessions end with a restart.
        DIGIHULP_SECRET_KEY=env.get("DIGIHULP_SECRET_KEY") or secrets.token_hex(32),
    )
    return env


def commands(args: argparse.Namespace, env: dict) -> dict[str, tuple[list[str], Path]]:
    return {
        "actions": ([str(BOT_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions",
                     "--port", str(args.actions_port)], ROOT / "bot"),
        "rasa": ([str(BOT_BIN / "rasa"), "run", "--enable-api", "--interface", "127.0.0.1",
                  "--port", str(args.rasa_port), "--auth-token=" + env["DIGIHULP_RASA_TOKEN"],  # "=": a token may start with "-"
                  "--model", str(MODEL), "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
                 ROOT / "bot"),
        "web": ([str(WEB_BIN / "gunicorn"), "--workers", str(args.workers), "--threads", "8",
                 "--bind", f"{args.host}:{args.port}", "web:create_app()"], ROOT),
        # Rasa asks /nlg for every text while a web worker waits on Rasa: served by its own
        # process, so a busy web app never makes Rasa wait for its words (and time out).
        "nlg": ([str(WEB_BIN / "gunicorn"), "--workers", "1", "--threads", "8",
                 "--bind", f"127.0.0.1:{args.nlg_port}", "web:create_app()"], ROOT),
    }


def start(name: str, command: list[str], cwd: Path, env: dict, log_dir: Path) -> subprocess.Popen:
    log = open(log_dir / f"{name}.log", "ab")
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def stop(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 15
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


def wait_until_ready(processes: dict[str, subprocess.Popen], health_url: str, log_dir: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} stopped at start-up; see {log_dir / (name + '.log')}")
        if ready(health_url):
            return
        time.sleep(1)
    raise RuntimeError(f"not ready after {READY_TIMEOUT_SECONDS} s; see the logs in {log_dir}")


def supervise(processes: dict[str, subprocess.Popen], parts: dict, env: dict, log_dir: Path) -> None:
    """Start a part again when it stops (the web app shows a kind message meanwhile)."""
    restarts: list[float] = []
    while True:
        time.sleep(1)
        for name, process in processes.items():
            if process.poll() is None:
                continue
            now = time.monotonic()
            restarts = [t for t in restarts if t > now - RESTART_WINDOW_SECONDS] + [now]
            if len(restarts) > MAX_RESTARTS:
                raise RuntimeError(f"{name} keeps stopping; see {log_dir / (name + '.log')}")
            print(f"{name} stopped (exit {process.returncode}); starting it again", file=sys.stderr, flush=True)
            command, cwd = parts[name]
            processes[name] = start(name, command, cwd, env, log_dir)


def main() -> int:
    args = parse_args()
    if not MODEL.exists():
        print("No trained model: run `make run`, which trains it first.", file=sys.stderr)
        return 1
    log_dir = Path(args.log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    env = environment(args)
    parts = commands(args, env)
    processes = {name: start(name, cmd, cwd, env, log_dir) for name, (cmd, cwd) in parts.items()}
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        wait_until_ready(processes, f"http://127.0.0.1:{args.port}/healthz", log_dir)
        print(f"DigiHulp draait op http://{args.host}:{args.port}", flush=True)
        supervise(processes, parts, env, log_dir)
        return 1
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)


if __name__ == "__main__":
    sys.exit(main())
