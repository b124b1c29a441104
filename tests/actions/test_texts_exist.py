"""Every text an action says exists in content/nl (the web app's content check covers the rest)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION_FILES = sorted((ROOT / "bot" / "actions").rglob("*.py"))


def content_ids() -> set[str]:
    ids: set[str] = set()
    for path in (ROOT / "content" / "nl").glob("*.yml"):
        ids.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("items") or {})
    return ids


def said_texts(path) -> set[str]:
    """The ids passed as response="..." in dispatcher.utter_message calls, and in RESPONSES tables."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    ids = {kw.value.value for node in ast.walk(tree) if isinstance(node, ast.Call)
           for kw in node.keywords if kw.arg == "response" and isinstance(kw.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "RESPONSES" for t in node.targets):
            ids.update(v.value for v in node.value.values if isinstance(v, ast.Constant))
    return ids


@pytest.mark.parametrize("path", ACTION_FILES, ids=lambda p: p.name)
def test_each_text_an_action_says_exists(path):
    assert said_texts(path) - content_ids() == set()


def test_the_actions_say_something():
    assert sum(len(said_texts(p)) for p in ACTION_FILES) >= 10
