"""Privacy: nothing a user types ends up in a log, and nothing leaves the machine."""
from __future__ import annotations

import re
import shutil

import pytest

from livestack import start_stack

PERSONAL = {
    "bsn": "123456782",
    "phone": "0612345678",
    "email": "jan.jansen@example.nl",
    "iban": "NL91ABNA0417164300",
    "postcode": "3511 AB",
}


def test_personal_data_typed_by_a_user_is_not_logged(stack):
    session = None
    for value in PERSONAL.values():
        session = stack.chat(f"mijn gegevens zijn {value}", session)["session"]
    stack.chat("hallo")
    logs = "".join(p.read_text(errors="replace") for p in stack.log_dir.glob("*.log"))
    assert logs, "the stack should have written logs"
    found = [name for name, value in PERSONAL.items() if value in logs or value.replace(" ", "") in logs]
    assert found == []


CONNECT = re.compile(r'connect\(\d+, \{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\), (?:sin_addr=inet_addr\("([^"]+)"\)|[^}]*inet_pton\(AF_INET6, "([^"]+)")')


@pytest.fixture(scope="module")
def traced_stack(tmp_path_factory):
    """A second stack, every connect() of every process recorded by strace."""
    if not shutil.which("strace"):
        pytest.fail("strace is needed (scripts/setup.sh installs it)")
    log_dir = tmp_path_factory.mktemp("traced")
    trace = log_dir / "connect.trace"
    wrapper = ("strace", "-f", "--seccomp-bpf", "-e", "trace=connect", "-o", str(trace))
    for running in start_stack(log_dir, wrapper):
        yield running, trace


def test_no_connection_leaves_the_machine(traced_stack):
    stack, trace = traced_stack
    for message in ("hallo", "/digid", "ik wil iemand machtigen", "/find_help", "Utrecht"):
        stack.chat(message)
    calls = CONNECT.findall(trace.read_text())
    assert calls, "strace should have seen the parts talk to each other on loopback"
    outside = sorted({addr4 or addr6 for _, addr4, addr6 in calls if not (addr4 or addr6).startswith(("127.", "::1", "::ffff:127."))})
    assert outside == []
