"""Запуск как ``python -m shnor_docs``."""

from __future__ import annotations

from shnor_docs.cli import main

if __name__ == "__main__":
    main()
