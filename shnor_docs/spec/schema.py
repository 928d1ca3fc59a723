"""The JSON Schema of a programme spec, for editors (yaml-language-server)."""

from __future__ import annotations

import json


def schema_text() -> str:
    """The schema as committed: stable key order, Russian kept readable."""
    from shnor_docs.model import Spec

    schema = Spec.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Спецификация программы shnor_docs",
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
