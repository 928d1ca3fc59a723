"""The validators of the spec's models, built from core schemas kept from an earlier run.

pydantic builds the core schema of :class:`~shnor_docs.model.spec.Spec` (and of every model in
it) on the first validation: a tenth of ``shnor check``. A model a spec's default makes on its
own (``CheckConfig()``) builds one of its own, so the loader prebuilds those too. A schema is
plain data with references to classes and functions of this package, so it is kept, pickled,
where Python keeps this package's byte-code (``__pycache__``, or under
``PYTHONPYCACHEPREFIX``), under a name that holds the versions of Python, pydantic and
pydantic-core and the digest of the model's source; the next run builds the validator from
it. Where Python writes no byte-code (``PYTHONDONTWRITEBYTECODE``, a read-only install)
nothing is kept, and where anything goes wrong the schema is built as before: the cache can
make a run faster, never different.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core

from shnor_docs.files import beside_bytecode, write_bytes_atomic

MODEL = Path(__file__).resolve().parent


def prebuild(*models: Any) -> None:
    """Give each model its validator now: from the kept schema, or built and then kept."""
    for model in models:
        if not model.__pydantic_complete__:
            _prebuild(model)


def _prebuild(model: Any) -> None:
    path = _kept(model)
    schema = _read(path) if path is not None else None
    if schema is not None and _from(model, schema):
        return
    model.model_rebuild(force=True)
    if path is not None and not sys.dont_write_bytecode:
        try:
            write_bytes_atomic(path, pickle.dumps(model.__pydantic_core_schema__))
        except Exception:  # not picklable with this pydantic, no room, no rights: build next time
            return


def _from(model: Any, schema: Any) -> bool:
    """Build ``model``'s validator from ``schema`` (pydantic asks the model for its schema)."""
    model.__get_pydantic_core_schema__ = classmethod(lambda cls, source, handler: schema)
    try:
        model.model_rebuild(force=True)
    except Exception:
        return False
    finally:
        del model.__get_pydantic_core_schema__
    return bool(model.__pydantic_complete__)


def _read(path: Path) -> Any:
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # missing, half-written by an older run, unreadable: build it
        return None


def _kept(model: Any) -> Path | None:
    """Where the schema of ``model`` is kept, beside the model's byte-code; None if unknown."""
    return beside_bytecode(MODEL / "spec.py", f"{model.__name__}-schema-{_version()}.pickle")


@cache
def _version() -> str:
    """The versions and the model's source that make the schema what it is."""
    digest = hashlib.sha256()
    for part in (sys.version, pydantic.VERSION, pydantic_core.__version__):
        digest.update(part.encode("utf-8") + b"\0")
    for source in sorted(MODEL.glob("*.py")):
        digest.update(source.name.encode("utf-8") + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:20]
