"""The verbs that give a clause a predicate of its own, English and French (lower-cased text)."""

from __future__ import annotations

from termcheck.rules.precompiled import code_regex

# The modal verbs that start a clause of their own.
MODALS = r"may|shall|will|can|must|pourra|peut|doit"
# A clause's own verb: modals, "is", "agrees", "grants" ... ("5. Withdrawal and deletion" has none).
CLAUSE_VERB = code_regex(rf"\b(?:{MODALS}|agrees?|is|are|was|were|be|has|have|grants?|sera|est|sont|accorde|cède)\b")
