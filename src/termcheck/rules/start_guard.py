"""A lookahead of the first few characters every match of a regex must start with.

A trigger's regex is an alternation of hundreds of phrases, each spelled out with its lexicon
entries; Python's re tries every alternative at every word of a scanned stretch, and most words
start none of them. Put in front of the alternation, a trie of the characters the phrases can start
with ("sub", "per", a digit, "$") turns most words away at their first character or three: the rules
scan about half as long, and each pattern matches exactly what it matched without it.

The prefixes are read from the parsed regex (re's own parser) up to DEPTH characters or character
classes; wherever the regex could go more than one way that is not spelled out (a repeat, a broad
class, a flag), the prefix simply stops there, which keeps it a necessary condition.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Iterable, Optional

DEPTH = 3  # characters or classes: deeper prefixes reject little more, and a trie of them grows fast
_MOST = 3000  # prefixes followed at once: past this, each stops where it is
_END = ""  # in a trie of atoms (never empty): a prefix ends here

Atom = str  # one character or character class, as regex source
Prefixes = frozenset[tuple[Atom, ...]]
State = set[tuple[tuple[Atom, ...], bool]]  # (prefix so far, whether it can still grow)

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S",
}


def starts(source: str) -> State:
    """How matches of the regex start: each prefix (up to DEPTH atoms), and whether the regex may end
    right after it (so that what follows it adds to the prefix)."""
    parsed = P.parse(source)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return {((), False)}
    return _sequence(list(parsed), {((), True)})


def then(first: State, second: State) -> State:
    """How matches of one regex followed by another start, from how each starts."""
    out: State = set()
    for prefix, growing in first:
        if not growing:
            out.add((prefix, False))
            continue
        for more, more_growing in second:
            joined = prefix + more
            out.add((joined[:DEPTH], more_growing and len(joined) < DEPTH))
    return out


def prefixes_of(state: State) -> Optional[Prefixes]:
    """The prefixes of a state; None when one of them is empty (a match may start with anything)."""
    found = frozenset(prefix for prefix, _ in state)
    return None if () in found else found


def lookahead(prefixes: Iterable[tuple[Atom, ...]]) -> str:
    """A regex of the prefixes as a trie (a shorter prefix stands for the longer ones it starts)."""
    trie: dict[Atom, Any] = {}
    for prefix in prefixes:
        node = trie
        for atom in prefix:
            node = node.setdefault(atom, {})
        node[_END] = {}

    def emit(node: dict[Atom, Any]) -> str:
        if _END in node:
            return ""
        branches = [atom + emit(child) for atom, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


def _sequence(items: list[tuple[Any, Any]], states: State) -> State:
    for op, av in items:
        if not any(growing for _, growing in states):
            break
        states = _item(op, av, states)
        if len(states) > _MOST:
            return _stop(states)
    return states


def _grow(states: State, atom: Atom) -> State:
    return {(prefix + (atom,), len(prefix) + 1 < DEPTH) if growing else (prefix, False) for prefix, growing in states}


def _stop(states: State) -> State:
    return {(prefix, False) for prefix, _ in states}


def _item(op: Any, av: Any, states: State) -> State:
    """The states after one parsed item."""
    if op is C.LITERAL:
        return _grow(states, re.escape(chr(av)))
    if op is C.IN:
        atom = _class(av)
        return _stop(states) if atom is None else _grow(states, atom)
    if op is C.BRANCH:
        out: State = set()
        for alternative in av[1]:
            out |= _sequence(list(alternative), states)
        return out
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return _stop(states) if add_flags or del_flags else _sequence(list(inner), states)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av), states)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        least, most, inner = av
        once = _sequence(list(inner), states)
        if most != 1:  # how many times it repeats is not known here
            once = _stop(once)
        return states | once if least == 0 else once
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # consume nothing: leaving them out only widens the prefixes
        return states
    return _stop(states)  # any character, a back reference, a conditional ...


def _class(items: list[tuple[Any, Any]]) -> Optional[Atom]:
    """A character class as regex source; None for one this module does not spell out."""
    out = []
    for op, av in items:
        if op is C.NEGATE:
            out.append("^")
        elif op is C.LITERAL:
            out.append("\\" + chr(av) if chr(av) in "]^-\\" else re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(out) + "]"
