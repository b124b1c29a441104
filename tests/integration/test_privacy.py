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
    # One trace file per part (the launcher puts each part's name in place of {part}).
    wrapper = ("strace", "-f", "--seccomp-bpf", "-e", "trace=connect", "-o", str(log_dir / "connect.{part}.trace"))
    for running in start_stack(log_dir, wrapper):
        yield running, log_dir


def test_no_connection_leaves_the_machine(traced_stack):
    stack, log_dir = traced_stack
    for message in ("hallo", "/digid", "ik wil iemand machtigen", "/find_help", "Utrecht"):
        stack.chat(message)
    traces = sorted(log_dir.glob("connect.*.trace"))
    assert [t.name for t in traces] == [f"connect.{part}.trace" for part in ("actions", "nlg", "rasa", "web")]
    calls = CONNECT.findall("".join(t.read_text() for t in traces))
    assert calls, "strace should have seen the parts talk to each other on loopback"
    outside = sorted({addr4 or addr6 for _, addr4, addr6 in calls if not (addr4 or addr6).startswith(("127.", "::1", "::ffff:127."))})
    assert outside == []


def test_concurrent_sessions_never_see_each_other(stack):
    from concurrent.futures import ThreadPoolExecutor

    def talk(i: int) -> tuple[str, str]:
        word = f"kiwi{i}x{i * 7}"
        session = stack.chat(f"ik woon in {word}")["session"]
        stack.chat(f"{word} digid", session)
        return session.split(".")[0], word

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(talk, range(10)))
    for conversation, word in results:
        said = " ".join(m.get("text") or "" for m in stack.rasa_messages(conversation))
        others = [w for _, w in results if w != word and w in said]
        assert word in said and others == []


def test_what_a_user_types_is_never_said_back_so_never_spoken(stack):
    typed = ["ik woon in Qwertyville", "kan ik machtigen voor Blorpbank", "Zxcvb", "3511 ZZ Flubber"]
    session = None
    for message in ["/find_help", *typed, "/machtigen_check_org", *typed]:
        answer = stack.chat(message, session)
        session = answer["session"]
        for reply in answer["replies"]:
            assert not any(word in reply["text"] for word in ("Qwertyville", "Blorpbank", "Zxcvb", "Flubber"))
