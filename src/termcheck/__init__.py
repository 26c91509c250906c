"""termcheck: a contract and consent-term checker for performers."""

from __future__ import annotations

__version__ = "0.1.0"
