"""Small phrasing helpers shared by the engine's messages and the renderers."""

from __future__ import annotations


def lower_first(title: str) -> str:
    """A title made to run on inside a sentence: 'Resale or transfer' -> 'resale or transfer', 'AI training' unchanged."""
    if title[:2].isupper():  # an acronym ('AI', 'GDPR') keeps its capitals
        return title
    return title[:1].lower() + title[1:]
