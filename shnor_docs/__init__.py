"""shnor_docs: документы программ поддержки ШНОР и ШНСУ из YAML-спецификаций."""

from __future__ import annotations

__version__ = "0.1.0"
