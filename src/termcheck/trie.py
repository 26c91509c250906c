"""Alternations of literal words as tries: one branch per position instead of one per word."""

from __future__ import annotations

import re
from typing import Sequence


def trie_regex(words: Sequence[str]) -> str:
    """A regex alternation of literal words arranged as a trie, so each position tries one branch."""
    trie: dict = {}
    for w in sorted(set(words)):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if not node:
            return ""
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return emit(trie)
