"""Rasa's command line as DigiHulp starts it (scripts/stack.py, deploy/Dockerfile.bot), with one change.

Rasa 3.6 checks every answer of the action server with `jsonschema.validate(answer, schema)`, and that
function first checks the schema itself against JSON Schema's meta-schema, anew on each call. Rasa's
schema of events is large: under load that check was half of Rasa's CPU (issue 17's profile). Here
`jsonschema.validate` keeps one checked validator per schema. The same answers pass and the same
error is raised (jsonschema's own `best_match`), so Rasa behaves as before, only faster.

Usage, from bot/: python rasa_server.py run --enable-api ...   (any `rasa` command works)
"""
from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema
from jsonschema import exceptions, validators


@functools.lru_cache(maxsize=16)
def checked_validator(schema_json: str, cls: type | None) -> Any:
    schema = json.loads(schema_json)
    cls = cls or validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(instance: Any, schema: dict, cls: type | None = None) -> None:
    """jsonschema.validate, with the schema checked once instead of on every call."""
    error = exceptions.best_match(checked_validator(json.dumps(schema, sort_keys=True), cls).iter_errors(instance))
    if error is not None:
        raise error


if __name__ == "__main__":
    jsonschema.validate = validate  # before Rasa is imported; it reads jsonschema.validate where it checks
    from rasa.__main__ import main

    main()
