"""The launcher itself, as `make run` and a kiosk's autostart run it: stopped with Ctrl-C (SIGINT to
the launcher, as a terminal sends it) or SIGTERM (as a service manager sends it), it leaves no process
behind and frees every port."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.stack import READY_TIMEOUT_SECONDS, ROOT, free_port

SIGNALS = {"ctrl-c": signal.SIGINT, "sigterm": signal.SIGTERM}


def descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *descendants(child)]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def port_free(port: int) -> bool:
    """True if a new server could listen here now (as servers do, past old connections in TIME_WAIT)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


@pytest.fixture(scope="module")
def launchers(tmp_path_factory):
    """Two launchers at once (one for each way of stopping), each on free ports, as `make run` starts one."""
    started = {}
    for name in SIGNALS:
        folder = tmp_path_factory.mktemp(f"launcher-{name}")
        command = [sys.executable, str(ROOT / "scripts" / "stack.py"), "--port", str(free_port()),
                   "--rasa-port", str(free_port()), "--actions-port", str(free_port()),
                   "--nlg-port", str(free_port()), "--log-dir", str(folder), "--ready-file", str(folder / "stack.json")]
        env = {**os.environ, "DIGIHULP_SPEECH_ONLINE": "false"}
        started[name] = (subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                          text=True), folder / "stack.json")
    yield started
    for process, _ in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("how", list(SIGNALS))
def test_stopping_the_launcher_leaves_nothing_behind(launchers, how):
    process, ready_file = launchers[how]
    assert "DigiHulp draait op" in process.stdout.readline()
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not ready_file.exists():
        assert time.monotonic() < deadline and process.poll() is None, "no ready file"
        time.sleep(0.2)
    info = json.loads(ready_file.read_text())
    assert set(info["pids"]) == {"actions", "rasa", "nlg", "web"}
    assert info["launcher"] == process.pid
    processes = [pid for part in info["pids"].values() for pid in (part, *descendants(part))]
    assert len(processes) > 4, "the web parts' gunicorn workers count too"
    assert not any(port_free(port) for port in info["ports"].values()), "every part listens while it runs"

    process.send_signal(SIGNALS[how])
    assert process.wait(timeout=60) == 0
    assert [pid for pid in processes if alive(pid)] == []
    assert [port for port in info["ports"].values() if not port_free(port)] == []
    assert not ready_file.exists(), "the ready file goes with the stack"
