"""The JSON Schemas of a programme spec, for editors (yaml-language-server).

Two schemas: ``programme.schema.json`` for ``programme.yaml`` and ``included.schema.json`` for
the files it includes (the same keys, none of them required). Pydantic's schema is reshaped so
that it agrees with the tool and reads well in an editor:

- titles are Russian (the class's docstring, the head of the field's description), not class
  names («Period || Period»);
- free text accepts numbers too, as the tool does (it reads ``number: 404`` as the text «404»);
- structured deadlines and the period list their keys, so the editor completes them;
- the output is the same whatever pydantic version made it.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from shnor_docs.spec.schema_forms import structured_deadline, structured_period

PROGRAMME_SCHEMA = "programme.schema.json"
INCLUDED_SCHEMA = "included.schema.json"
SCHEMA_FILES = (PROGRAMME_SCHEMA, INCLUDED_SCHEMA)
DRAFT = "https://json-schema.org/draft/2020-12/schema"
_TITLES = {
    PROGRAMME_SCHEMA: "Спецификация программы shnor_docs (programme.yaml)",
    INCLUDED_SCHEMA: "Включаемый файл программы shnor_docs (include: roadmap.yaml, parties.yaml …)",
}
_ANY_OBJECT = {"additionalProperties": True, "type": "object"}
_CONTAINERS = ("properties", "$defs", "patternProperties")
_CYRILLIC = re.compile("[а-яё]", re.I)
_TITLE_END = re.compile(r" \(|; |: | — |, |\. ")


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, with the key names of a ``dict[Literal[…], …]`` for every version."""

    def dict_schema(self, schema: Any) -> Any:
        result = super().dict_schema(schema)
        if "propertyNames" not in result and schema.get("keys_schema"):
            keys = self.generate_inner(schema["keys_schema"])
            if "enum" in keys:
                result["propertyNames"] = {"enum": keys["enum"]}
        return result


def schemas() -> dict[str, dict[str, Any]]:
    """Both schemas by file name."""
    from shnor_docs.model import Spec
    from shnor_docs.model.common import DeadlineValue

    raw = Spec.model_json_schema(schema_generator=_Generator)
    deadline_text = next(m.description for m in DeadlineValue.__metadata__ if hasattr(m, "title"))
    defs = raw.get("$defs", {})
    defs["StructuredDeadline"] = structured_deadline()
    body = _reshape({k: v for k, v in raw.items() if k != "title"}, deadline_text)
    programme = {"$schema": DRAFT, "title": _TITLES[PROGRAMME_SCHEMA], **body}
    included = copy.deepcopy(programme)
    included["title"] = _TITLES[INCLUDED_SCHEMA]
    included.pop("required", None)
    return {PROGRAMME_SCHEMA: programme, INCLUDED_SCHEMA: included}


def schema_text(name: str = PROGRAMME_SCHEMA) -> str:
    """A schema as committed: stable key order, Russian kept readable."""
    return json.dumps(schemas()[name], ensure_ascii=False, indent=2) + "\n"


def _reshape(node: Any, deadline_text: str, name: str = "", container: bool = False) -> Any:
    if isinstance(node, list):
        return [_reshape(item, deadline_text) for item in node]
    if not isinstance(node, dict):
        return _integral(node)
    node = {
        key: _reshape(value, deadline_text, key, not container and key in _CONTAINERS)
        for key, value in node.items()
    }
    if container:  # «properties» or «$defs»: names, not a schema
        return node
    if node.get("additionalProperties") is True:
        del node["additionalProperties"]
    if len(node.get("allOf", ())) == 1:  # older pydantic wraps a $ref that has siblings
        node.update(node.pop("allOf")[0])
    _forms(node, deadline_text, name)
    _title(node)
    if node.get("type") == "string" and not node.keys() & {"pattern", "format", "enum", "const"}:
        node["type"] = ["string", "number"]
    return dict(sorted(node.items()))  # one order whatever pydantic version made it


def _forms(node: dict[str, Any], deadline_text: str, name: str) -> None:
    """Structured deadline and period: the object they accept, with its keys."""
    members = node.get("anyOf")
    if not members or {"type": "object"} not in members:
        return
    if node.get("description") == deadline_text:
        members[members.index({"type": "object"})] = {"$ref": "#/$defs/StructuredDeadline"}
    elif name == "period":
        members[members.index({"type": "object"})] = structured_period()


def _title(node: dict[str, Any]) -> None:
    """A Russian title: kept if it is one; else the head of the description (for a model, its
    docstring); none without a description (pydantic's would be the English field name)."""
    title, description = node.get("title"), node.get("description")
    if isinstance(title, str) and _CYRILLIC.search(title):
        return
    if not isinstance(description, str) or not description.strip():
        node.pop("title", None)
        return
    head = _TITLE_END.split(description.strip().split("\n")[0], maxsplit=1)[0].rstrip(" .")
    node["title"] = head[:1].upper() + head[1:]


def _integral(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value
