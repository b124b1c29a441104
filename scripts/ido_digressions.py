"""Writes bot/data/rules/ido_digressions.yml: while the helper waits for a place (ido_form), a DigiD or
machtigen question gets its own answer, and then the offer to go back to the search (issue 15).

Made from the journeys' own rules (bot/data/rules/digid.yml, machtigen.yml): every rule "intent -> answer"
without a condition becomes "inside the place question: intent -> leave the question -> the same answer
-> utter_ido_offer_again". An answer that is itself a question (a menu, "Heeft een rechter ...?") gets no
offer after it: the visitor answers that question first. Run it after changing those rules:

    .venv/web/bin/python scripts/ido_digressions.py          # writes the file
    .venv/web/bin/python scripts/ido_digressions.py --check  # exit 1 if the file is out of date (a test runs it)
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
JOURNEYS = ("digid", "machtigen")
OUT = ROOT / "bot" / "data" / "rules" / "ido_digressions.yml"
# The journey menus already have their own way out of the place question (bot/data/rules/ido.yml).
HAS_OWN_RULE = {"digid", "machtigen"}
OFFER = "utter_ido_offer_again"


# Answers that are themselves a question with buttons to choose from (the visitor answers it first).
QUESTIONS = {"utter_digid_lost"}


def is_question(action: str) -> bool:
    return "_ask_" in action or action.endswith("_menu") or action in QUESTIONS


def digressions() -> list[dict]:
    rules = []
    for journey in JOURNEYS:
        for rule in yaml.safe_load((ROOT / "bot" / "data" / "rules" / f"{journey}.yml").read_text())["rules"]:
            steps = rule["steps"]
            if rule.get("condition") or set(rule) - {"rule", "steps"} or "intent" not in steps[0]:
                continue
            intent = steps[0]["intent"]
            actions = [s["action"] for s in steps[1:] if set(s) == {"action"}]
            if intent in HAS_OWN_RULE or len(actions) != len(steps) - 1:
                continue
            offer = [] if is_question(actions[-1]) else [{"action": OFFER}]
            rules.append({
                "rule": f"inside the place question: {rule['rule']}",
                "condition": [{"active_loop": "ido_form"}],
                "steps": [{"intent": intent}, {"action": "action_deactivate_loop"}, {"active_loop": None},
                          *({"action": a} for a in actions), *offer],
            })
    return rules


def render() -> str:
    head = ("# Made by scripts/ido_digressions.py from rules/digid.yml and rules/machtigen.yml: do not edit by hand.\n"
            "# While the place question is open, a journey question is answered, then utter_ido_offer_again.\n")
    body = yaml.safe_dump({"version": "3.1", "rules": digressions()}, sort_keys=False, allow_unicode=True,
                          default_flow_style=False, width=120)
    return head + body


def intents() -> list[str]:
    return [r["steps"][0]["intent"] for r in digressions()]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text() != render():
            print(f"{OUT.relative_to(ROOT)} is out of date: run scripts/ido_digressions.py")
            return 1
        return 0
    OUT.write_text(render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
