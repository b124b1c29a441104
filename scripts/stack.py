"""Start the whole helper: action server, Rasa server and web app; stop them all on Ctrl-C or SIGTERM.

Usage: .venv/web/bin/python scripts/stack.py [--port 8000] [--ready-file var/stack.json]  (or simply: make run)

The one launcher of the project: `make run` runs this file, and the test fixtures, the benchmarks and
the scale test import `Stack` from it. Logs go to var/log/<part>.log. Nothing listens on other addresses
than 127.0.0.1 unless --host says so.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOT_BIN = ROOT / ".venv" / "bot" / "bin"
WEB_BIN = ROOT / ".venv" / "web" / "bin"
MODEL = ROOT / "bot" / "models" / "digihulp.tar.gz"
ENDPOINTS = ROOT / "bot" / "endpoints.yml"
READY_TIMEOUT_SECONDS = 240
STOP_TIMEOUT_SECONDS = 15
# A part that stops is started again, unless it keeps stopping: then something is really wrong.
MAX_RESTARTS, RESTART_WINDOW_SECONDS = 5, 600
ALL_PARTS = ("actions", "rasa", "nlg", "web")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Part:
    """One process of the stack: its command, where it runs, and a URL that answers once it is up."""

    name: str
    command: list[str]
    cwd: Path
    ready_url: str
    env: dict = field(default_factory=dict)
    process: subprocess.Popen | None = None


def answers(url: str) -> bool:
    """True if anything answers HTTP at `url` (an error status still means the server is up)."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class Stack:
    """The helper's processes on the given ports (free ones where none is given).

    `instances` > 1 starts that many Rasa servers, each with its own web app (for several Rasa processes
    sharing Redis stores: pass `endpoints` and the Redis settings in `env`). `parts` starts only some
    parts (e.g. the web app alone). `wrapper` is put before every command (e.g. strace).
    """

    def __init__(self, *, host: str = "127.0.0.1", port: int | None = None, rasa_port: int | None = None,
                 actions_port: int | None = None, nlg_port: int | None = None, workers: int = 2,
                 instances: int = 1, parts: tuple[str, ...] = ALL_PARTS, env: dict | None = None,
                 endpoints: Path = ENDPOINTS, log_dir: Path = ROOT / "var" / "log",
                 wrapper: tuple[str, ...] = ()):
        self.host = host
        self.log_dir = Path(log_dir)
        self.ports = {"actions": actions_port or free_port(), "nlg": nlg_port or free_port()}
        for i in range(instances):
            suffix = "" if i == 0 else f"_{i + 1}"
            self.ports["rasa" + suffix] = (rasa_port if i == 0 and rasa_port else free_port())
            self.ports["web" + suffix] = (port if i == 0 and port else free_port())
        self.rasa_token = (env or {}).get("DIGIHULP_RASA_TOKEN") or os.environ.get("DIGIHULP_RASA_TOKEN") \
            or secrets.token_urlsafe(24)
        self.env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",  # a kiosk helper sends nothing about its users anywhere
            "SANIC_HOST": "127.0.0.1",  # rasa_sdk has no --interface flag; it reads this
            # Shared by all web workers; a new one each start, so old sessions end with a restart.
            "DIGIHULP_SECRET_KEY": os.environ.get("DIGIHULP_SECRET_KEY") or secrets.token_hex(32),
            **(env or {}),
            "DIGIHULP_RASA_TOKEN": self.rasa_token,
            "DIGIHULP_ACTIONS_URL": self.url("actions"),
            "DIGIHULP_NLG_URL": self.url("nlg") + "/nlg",
            "DIGIHULP_RASA_URL": self.url("rasa"),
        }
        self.parts = {p.name: p for p in self._parts(workers, endpoints, wrapper) if p.name.split("_")[0] in parts}
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._lock = threading.Lock()
        self.restarts: list[float] = []
        self.failure: str | None = None

    def url(self, part: str) -> str:
        host = self.host if part.startswith("web") and self.host != "0.0.0.0" else "127.0.0.1"
        return f"http://{host}:{self.ports[part]}"

    @property
    def base_url(self) -> str:
        return self.url("web")

    @property
    def rasa_url(self) -> str:
        return self.url("rasa")

    def _parts(self, workers: int, endpoints: Path, wrapper: tuple[str, ...]) -> list[Part]:
        parts = [
            Part("actions", [str(BOT_BIN / "python"), "-m", "rasa_sdk", "--actions", "actions",
                             "--port", str(self.ports["actions"])], ROOT / "bot", self.url("actions") + "/health"),
            # Rasa asks /nlg for every text while a web worker waits on Rasa: served by its own
            # process, so a busy web app never makes Rasa wait for its words (and time out).
            Part("nlg", [str(WEB_BIN / "gunicorn"), "--workers", "1", "--threads", "8",
                         "--bind", f"127.0.0.1:{self.ports['nlg']}", "web:create_app()"], ROOT,
                 self.url("nlg") + "/healthz"),
        ]
        for rasa in sorted(p for p in self.ports if p.startswith("rasa")):
            web = rasa.replace("rasa", "web")
            parts.append(Part(rasa, [str(BOT_BIN / "python"), "rasa_server.py", "run", "--enable-api",
                                     "--interface", "127.0.0.1", "--port", str(self.ports[rasa]),
                                     "--auth-token=" + self.rasa_token,  # "=": a token may start with "-"
                                     "--model", str(MODEL), "--endpoints", str(endpoints),
                                     "--credentials", "credentials.yml"], ROOT / "bot", self.url(rasa) + "/"))
            bind = self.host if web == "web" else "127.0.0.1"
            parts.append(Part(web, [str(WEB_BIN / "gunicorn"), "--workers", str(workers), "--threads", "8",
                                    "--bind", f"{bind}:{self.ports[web]}", "web:create_app()"], ROOT,
                              self.url(web) + "/healthz", env={"DIGIHULP_RASA_URL": self.url(rasa)}))
        for part in parts:  # "{part}" in the wrapper becomes the part's name (e.g. one trace file each)
            part.command = [*(a.replace("{part}", part.name) for a in wrapper), *part.command]
        return parts

    # --- starting ---------------------------------------------------------------------------------

    def _launch(self, part: Part) -> None:
        with open(self.log_dir / f"{part.name}.log", "ab") as log:
            # Each part leads a process group of its own (gunicorn's workers join it), so stop() can end
            # the whole group, and a Ctrl-C in the terminal reaches only this launcher, which stops the parts.
            part.process = subprocess.Popen(part.command, cwd=part.cwd, env={**self.env, **part.env},
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def start(self, supervise: bool = True) -> "Stack":
        """Start every part and wait until all answer (and /healthz says all is up)."""
        if "rasa" in self.parts and not MODEL.exists():
            raise RuntimeError("No trained model: run `make run`, which trains it first.")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            for part in self.parts.values():
                self._launch(part)
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        if supervise:
            self._supervisor = threading.Thread(target=self._supervise, name="stack-supervisor", daemon=True)
            self._supervisor.start()
        return self

    def _everything_answers(self) -> bool:
        if not all(answers(p.ready_url) for p in self.parts.values()):
            return False
        # With the bot and the actions in the stack, each web app must say that all its parts are up.
        whole = {"actions", "rasa"} <= set(self.parts)
        return not whole or all(healthy(p.ready_url) for n, p in self.parts.items() if n.startswith("web"))

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            for part in self.parts.values():
                if part.process.poll() is not None:
                    raise RuntimeError(f"{part.name} stopped at start-up; see {self.log_dir / (part.name + '.log')}")
            if self._everything_answers():
                return
            time.sleep(0.5)
        raise RuntimeError(f"not ready after {READY_TIMEOUT_SECONDS} s; see the logs in {self.log_dir}")

    def _supervise(self) -> None:
        """Start a part again when it stops (the web app shows a kind message meanwhile)."""
        while not self._stopping.wait(1):
            with self._lock:
                for part in self.parts.values():
                    if self._stopping.is_set() or part.process.poll() is None:
                        continue
                    now = time.monotonic()
                    self.restarts = [t for t in self.restarts if t > now - RESTART_WINDOW_SECONDS] + [now]
                    if len(self.restarts) > MAX_RESTARTS:
                        self.failure = f"{part.name} keeps stopping; see {self.log_dir / (part.name + '.log')}"
                        return
                    print(f"{part.name} stopped (exit {part.process.returncode}); starting it again",
                          file=sys.stderr, flush=True)
                    self._launch(part)

    def wait(self) -> str:
        """Block until the supervisor gives up; returns why."""
        while self._supervisor and self._supervisor.is_alive():
            self._supervisor.join(1)
        return self.failure or "stopped"

    # --- what runs ----------------------------------------------------------------------------------

    def pid(self, part: str) -> int:
        return self.parts[part].process.pid

    def pids(self) -> dict[str, int]:
        return {name: part.process.pid for name, part in self.parts.items() if part.process}

    def write_ready_file(self, path: Path) -> None:
        """Ports and process ids, for scripts and tests that look at a running stack from outside."""
        path.parent.mkdir(parents=True, exist_ok=True)
        info = {"url": self.base_url, "ports": self.ports, "pids": self.pids(), "launcher": os.getpid()}
        temp = path.with_suffix(".part")
        temp.write_text(json.dumps(info, indent=2))
        temp.replace(path)

    # --- stopping -----------------------------------------------------------------------------------

    def stop(self) -> None:
        """End every part with its whole process group: SIGTERM, and SIGKILL for what is left after a while."""
        self._stopping.set()
        with self._lock:
            running = [p.process for p in self.parts.values() if p.process and p.process.poll() is None]
            for process in running:
                _signal_group(process.pid, signal.SIGTERM)
            deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
            for process in running:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    pass
            # Also the group of a leader that has exited: a gunicorn worker may outlive its master.
            for part in self.parts.values():
                if part.process:
                    _signal_group(part.process.pid, signal.SIGKILL)
                    part.process.wait()

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _signal_group(pgid: int, signum: int) -> None:
    try:
        os.killpg(pgid, signum)
    except ProcessLookupError:
        pass


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    env = os.environ.get
    parser.add_argument("--host", default=env("DIGIHULP_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(env("DIGIHULP_PORT", 8000)))
    parser.add_argument("--rasa-port", type=int, default=int(env("DIGIHULP_RASA_PORT", 5005)))
    parser.add_argument("--actions-port", type=int, default=int(env("DIGIHULP_ACTIONS_PORT", 5055)))
    parser.add_argument("--nlg-port", type=int, default=int(env("DIGIHULP_NLG_PORT", 5056)))
    parser.add_argument("--workers", type=int, default=int(env("DIGIHULP_WEB_WORKERS", 2)))
    parser.add_argument("--log-dir", default=str(ROOT / "var" / "log"))
    parser.add_argument("--ready-file", default=str(ROOT / "var" / "stack.json"),
                        help="written when every part answers: ports and process ids")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    stack = Stack(host=args.host, port=args.port, rasa_port=args.rasa_port, actions_port=args.actions_port,
                  nlg_port=args.nlg_port, workers=args.workers, log_dir=Path(args.log_dir))
    # SIGTERM (how a kiosk's autostart stops it) ends the same way as Ctrl-C: through `finally`. Ctrl-C
    # works even where the launcher was started with SIGINT ignored (a shell's background job `... &`:
    # Python then keeps it ignored, and the stack would not stop).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ready_file = Path(args.ready_file)
    try:
        stack.start()
        stack.write_ready_file(ready_file)
        print(f"DigiHulp draait op http://{args.host}:{args.port}", flush=True)
        print(stack.wait(), file=sys.stderr)
        return 1
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):  # a second signal must not cut the stopping short
            signal.signal(signum, signal.SIG_IGN)
        stack.stop()
        ready_file.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
