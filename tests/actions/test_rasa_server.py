"""bot/rasa_server.py: Rasa's command line with jsonschema's schema check made once per schema."""
from __future__ import annotations

import subprocess
import sys

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import rasa_server
from conftest import BOT_DIR

ANSWERS = [
    {"events": [{"event": "slot", "name": "place", "value": "Zwolle"}], "responses": [{"response": "utter_x"}]},
    {"events": [{"event": "no such event"}]},
    {"events": "not a list"},
    {"responses": [1, 2]},
    {},
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_it_decides_and_explains_as_jsonschema_does(answer):
    schema = RemoteAction.action_response_format_spec()
    expected = ours = None
    try:
        jsonschema.validate(answer, schema)
    except jsonschema.ValidationError as error:
        expected = (error.message, list(error.absolute_path))
    try:
        rasa_server.validate(answer, schema)
    except jsonschema.ValidationError as error:
        ours = (error.message, list(error.absolute_path))
    assert ours == expected


def test_the_schema_is_checked_once(monkeypatch):
    checked = []
    monkeypatch.setattr(jsonschema.Draft7Validator, "check_schema", classmethod(lambda cls, s: checked.append(s)))
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "title": "once"}
    for _ in range(3):
        rasa_server.validate({}, schema)
    with pytest.raises(jsonschema.ValidationError):
        rasa_server.validate([], schema)
    assert checked == [schema]


def test_a_broken_schema_is_refused():
    with pytest.raises(jsonschema.SchemaError):
        rasa_server.validate({}, {"type": "no such type"})


def test_rasa_refuses_a_wrong_action_answer_with_it(monkeypatch):
    monkeypatch.setattr(jsonschema, "validate", rasa_server.validate)
    action = RemoteAction("action_find_help", None)
    assert action._validate_action_result(ANSWERS[0])
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(ANSWERS[1])


def test_it_runs_rasas_command_line():
    done = subprocess.run([sys.executable, "rasa_server.py", "--version"], cwd=BOT_DIR,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Rasa Version" in done.stdout and "3.6" in done.stdout
