"""Privacy: nothing a user types ends up in a log, and nothing leaves the machine."""
from __future__ import annotations

import re
import shutil

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livestack import start_stack
from strategies import bsns, emails, ibans, phones, sentences_with

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


# The privacy guard (web/privacy.py) against the real stack: what Rasa keeps, what the page shows.
BSN_WARNING = "Typ hier nooit je BSN: het nummer op je paspoort of ID-kaart. Ik heb het niet bewaard."
WARNINGS = {
    BSN_WARNING,
    "Typ hier nooit je rekeningnummer. Ik heb het niet bewaard.",
    "Typ hier nooit je telefoonnummer, e-mailadres of adres. Ik heb het niet bewaard.",
}


def tracker_json(stack, session: str) -> str:
    import json

    url = f"{stack.rasa_url}/conversations/{session.split('.')[0]}/tracker"
    return json.dumps(requests.get(url, params={"token": stack.rasa_token}, timeout=10).json(), ensure_ascii=False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.one_of(sentences_with(bsns()), sentences_with(ibans()), sentences_with(phones()), sentences_with(emails)))
def test_identifiers_never_reach_rasa_and_the_reply_warns_first(stack, case):
    sentence, value = case
    answer = stack.chat(sentence)
    kept = tracker_json(stack, answer["session"])
    assert value not in kept and re.sub(r"[ .\-]", "", value) not in kept
    users = [m for m in stack.rasa_messages(answer["session"].split(".")[0]) if m["event"] == "user"]
    assert len(users) == 1 and users[0]["metadata"]["shown"] == answer["said"] and "[" in answer["said"]
    assert answer["replies"][0]["text"] in WARNINGS
    assert len(answer["replies"]) >= 2 and answer["replies"][1]["text"] not in WARNINGS  # then the answer


def test_the_warning_comes_first_then_the_same_answer_as_without_the_bsn(stack):
    clean = stack.chat("mijn digid doet het niet")["replies"]
    answer = stack.chat("mijn digid doet het niet 111 222 333")
    assert answer["said"] == "mijn digid doet het niet [BSN]"
    assert answer["replies"][0]["text"] == BSN_WARNING
    assert [r["text"] for r in answer["replies"][1:]] == [r["text"] for r in clean]
    assert not clean[0]["text"].startswith("Sorry")
    # Rasa understands the text without the number; the transcript shows where it was.
    users = [m for m in stack.rasa_messages(answer["session"].split(".")[0]) if m["event"] == "user"]
    assert [(m["text"], m["metadata"]["shown"]) for m in users] == [
        ("mijn digid doet het niet", "mijn digid doet het niet [BSN]")]


def test_the_page_without_javascript_shows_the_placeholder_and_the_warning_before_the_answer(stack):
    with requests.Session() as browser:
        page = browser.get(stack.base_url + "/", timeout=30).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        typed = "mijn digid doet het niet 111.222.333 mijn wachtwoord is Zomer2026!"
        # The post is answered with a redirect to the page (303), which requests follows.
        page = browser.post(stack.base_url + "/", data={"message": typed, "csrf_token": token}, timeout=30).text
    assert "Zomer2026" not in page and "111.222.333" not in page
    mine = page.index("mijn digid doet het niet [BSN] mijn wachtwoord is [WACHTWOORD]!")
    bsn_warning = page.index(BSN_WARNING)
    secret_warning = page.index("Typ hier nooit een wachtwoord of code. Deel die met niemand.")
    # Then the normal answer: the one the JSON API gives to the same message.
    replies = stack.chat(typed)["replies"]
    assert {r["text"] for r in replies[:2]} == {BSN_WARNING, page[secret_warning:page.index("</p>", secret_warning)]}
    normal = replies[2]["text"]
    assert mine < bsn_warning < page.index(normal) and mine < secret_warning < page.index(normal)
