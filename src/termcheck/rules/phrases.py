"""Rule phrases: a small, forgiving pattern language compiled to regular expressions.

A phrase is words separated by spaces, matched case-insensitively on clean text, across line
breaks, hyphens and punctuation between the words:

    in perpetuity                  the words in order
    sell|resell|lease              one of several words
    perpetu*                       a word that starts with "perpetu"
    [the|any] rights               an optional word
    grant ... perpetual            up to six words between
    ~3                             up to three words between
    {object}                       any phrase of the lexicon entry 'object'
    {num}                          a number, in digits or words ("three (3)")

`re:` before a pattern makes it a raw regular expression instead (built-in packs only: user packs
go through RE2, which runs in linear time). In one, `{num}` is a number as above, `{performer_alias}`
stands for the contract's own name for its performer, where it defines one ("the voice partner
("Partner")": see parties.py), `{performer_word}` for any word the rules read as the performer
("talent", "licensor", "you", that name) and `{counterparty_word}` for any word they read as the other
side ("company", "licensee", "we").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Mapping, Optional, Sequence, TypeVar, cast

from termcheck.parties import ALIAS_WORD, COUNTERPARTY_WORDS, PERFORMER_WORDS
from termcheck.rules.start_guard import DEPTH, Prefixes, State, lookahead, prefixes_of, starts, then
from termcheck.rules.lazy import lazy_compile
from termcheck.trie import trie_regex

# Separators and gap words must not both be able to match the same character: "a---b" split many
# ways makes the regex engine backtrack exponentially (signature lines and rules are full of them).
_SEP = r"[\W_]+"
# "we'll" read as "we will": the letters after the apostrophe (which the separator takes), a word no contract
# writes alone (no look-behind for the apostrophe: a user pack's RE2 has none)
_CONTRACTED_WILL = "ll"
# ... and "is" reads a pronoun's "'s", "are" a pronoun's "'re": "that's the only payment", "you're paid once" (not a
# possessive's "'s"); the pronoun is matched with it, as RE2 has no look-behind either
_IS_PRONOUNS = ("that", "it", "there", "here", "what", "who", "he", "she")
_ARE_PRONOUNS = ("you", "we", "they")
_CONTRACTED = {
    "will": _CONTRACTED_WILL,
    "is": "(?:" + "|".join(_IS_PRONOUNS) + ")['’]s",
    "are": "(?:" + "|".join(_ARE_PRONOUNS) + ")['’]re",
}
# where each word's contracted form starts (for the start guard)
_CONTRACTION_STARTS = {"will": ("ll",), "is": _IS_PRONOUNS, "are": _ARE_PRONOUNS}
_GAP_WORD = r"[^\W_]+(?:['’][^\W_]+)?"
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand a an un une deux trois"
    " quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante"
    " soixante cent cents vingts mille million millions"
).split()
# A number in digits or words ("three (3)", "one hundred and twenty"). The words form a trie, so the
# engine tries one branch per position instead of fifty: the pattern runs at every word of a clause.
NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|(?:" + trie_regex(_NUMBER_WORDS) + r"(?![^\W\d_])(?:[\s-]+(?:(?:and|et)[\s-]+)?)?){1,6}"
    r"(?:\s*\(\s*\d+\s*\))?)"
)


class PhraseError(ValueError):
    """A phrase that cannot be compiled."""


T = TypeVar("T")


class Lexicon(dict[str, list[str]]):
    """The lexicon entries, with each entry's regex, cues and reach, and each phrase's cue, worked out
    once: an entry such as {object} is used by hundreds of phrases, and rebuilding it for each was
    half the rules' load time."""

    def __init__(self, entries: Optional[Mapping[str, Sequence[str]]] = None) -> None:
        super().__init__({name: list(phrases) for name, phrases in (entries or {}).items()})
        self._memo: dict[tuple[str, str], Any] = {}

    def remember(self, kind: str, key: str, work: Callable[[], T]) -> T:
        """work()'s answer for (kind, key), worked out the first time it is asked for."""
        if (kind, key) not in self._memo:
            self._memo[(kind, key)] = work()
        return cast(T, self._memo[(kind, key)])

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with its entries alone: what was worked out is worked out again where needed."""
        return {"_memo": {}}


def _remember(lexicon: Mapping[str, Sequence[str]], kind: str, key: str, work: Callable[[], T]) -> T:
    """work()'s answer, remembered when the lexicon is a Lexicon (a plain mapping works it out each time)."""
    return lexicon.remember(kind, key, work) if isinstance(lexicon, Lexicon) else work()


def shared_source(source: str, lexicon: Mapping[str, Sequence[str]]) -> str:
    """The first of equal regex sources a Lexicon has seen: triggers and gates often repeat one, and a
    rule set that holds each once pickles (precompiled.py's store) to half the size and loads faster."""
    return _remember(lexicon, "source", source, lambda: source)


def _entry_regex(name: str, lexicon: Mapping[str, Sequence[str]], depth: int) -> str:
    """The regex of a lexicon entry: any of its phrases."""
    return _remember(lexicon, "regex", name, lambda: "(?:" + "|".join(phrase_regex(p, lexicon, depth + 1) for p in lexicon[name]) + ")")


def _entry_cues(name: str, lexicon: Mapping[str, Sequence[str]]) -> set[str]:
    """The cues of a lexicon entry: one of its phrases' cues, wherever it matches (empty: none is certain)."""

    def work() -> set[str]:
        stems: set[str] = set()
        for p in lexicon[name]:
            sub = phrase_cues(p, lexicon)
            if not sub:
                return set()
            stems |= sub
        return stems

    return set(_remember(lexicon, "cues", name, work))  # a copy: callers may add to it


def _token(tok: str, lexicon: Mapping[str, Sequence[str]], depth: int) -> str:
    """The regex for one token (without separators)."""
    if tok.startswith("{") and tok.endswith("}"):
        name = tok[1:-1]
        if name == "num":
            return NUMBER
        if name not in lexicon:
            raise PhraseError(f"unknown lexicon entry {{{name}}}")
        if depth > 4:
            raise PhraseError(f"lexicon entry {{{name}}} refers to itself")
        return _entry_regex(name, lexicon, depth)
    alts = []
    for alt in tok.split("|"):
        if not alt:
            raise PhraseError(f"empty alternative in {tok!r}")
        if "{" in alt or "}" in alt:
            raise PhraseError(f"a lexicon entry cannot be one of several alternatives in {tok!r}: give it a phrase of its own")
        if alt.endswith("*"):
            alts.append(re.escape(alt[:-1]) + r"[^\W_]*")
        else:
            alts.append(re.escape(alt))
        # a contraction's "'ll" is "will": "email us and we'll take it down" (the apostrophe is a separator)
        if alt in _CONTRACTED:
            alts.append(_CONTRACTED[alt])
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def phrase_regex(phrase: str, lexicon: Mapping[str, Sequence[str]], depth: int = 0) -> str:
    """The regex source for a phrase (no outer word boundaries)."""
    if phrase.startswith("re:"):
        source = phrase[3:].strip().replace("{performer_alias}", ALIAS_WORD)
        source = source.replace("{performer_word}", f"(?:{PERFORMER_WORDS})").replace("{num}", NUMBER)
        return "(?:" + source.replace("{counterparty_word}", f"(?:{COUNTERPARTY_WORDS})") + ")"
    tokens = phrase.lower().split()
    if not tokens:
        raise PhraseError("empty phrase")
    for tok in tokens:
        # "[continue to]" splits into "[continue" and "to]", which no text holds: an optional word is one token
        if tok.startswith("[") != tok.endswith("]"):
            raise PhraseError(f"an optional word is one word (or alternatives for one word) in brackets, not {tok!r}: give each optional word its own brackets")
    out = ""
    need_sep = False  # False before the first word, and after a leading optional word
    gap = ""
    for tok in tokens:
        tok_gap = _gap(tok)
        if tok_gap is not None:
            gap = tok_gap
            continue
        optional = _is_optional(tok)
        core = _token(tok[1:-1] if optional else tok, lexicon, depth)
        sep = gap + _SEP if need_sep else gap
        if optional and _is_elision(tok[1:-1]):
            # "[l'] artiste": the article runs into the next word ("l'artiste", "l’artiste"), or stands apart
            core = core.replace("'", "['’]")
            out += f"(?:{core}[\\W_]*)?" if not need_sep and not out else f"(?:{sep}{core}[\\W_]*|{sep})"
            need_sep = False
        elif optional and not need_sep and not out:
            out = f"(?:{core}{_SEP})?"
        elif optional:
            out += f"(?:{sep}{core})?"
            need_sep = True
        else:
            out += sep + core
            need_sep = True
        gap = ""
    if not need_sep:
        raise PhraseError("a phrase needs at least one word that is not optional")
    return out


def _gap_words(tok: str) -> Optional[int]:
    """How many words a gap token lets in ('...': six, '~3': three); None for any other token."""
    if tok == "...":
        return 6
    if tok.startswith("~") and re.fullmatch(r"~\d{1,2}", tok):
        return int(tok[1:])
    return None


def _gap(tok: str) -> Optional[str]:
    """The regex of a gap token ('...' or '~3'); None for any other token."""
    words = _gap_words(tok)
    return None if words is None else rf"(?:{_SEP}{_GAP_WORD}){{0,{words}}}?"


def _is_elision(inner: str) -> bool:
    """Whether an optional word is an elided article or pronoun ("l'", "d'", "qu'"), written joined to the next word."""
    return all(alt.endswith("'") for alt in inner.split("|"))


def _is_optional(tok: str) -> bool:
    """Whether the token is an optional word ('[the]')."""
    return tok.startswith("[") and tok.endswith("]")


def compile_phrases(phrases: Sequence[str], lexicon: Mapping[str, Sequence[str]], guarded: bool = True) -> "re.Pattern[str]":
    """One regex matching any of the phrases as whole words (compiled when first used), behind a
    lookahead of the characters they can start with (start_guard.py: the same matches, found sooner)."""
    body = "|".join(phrase_regex(p, lexicon) for p in phrases)
    starts_with = guard([phrase_prefixes(p, lexicon) for p in phrases]) if guarded else ""
    source = rf"(?<![\w]){starts_with}(?:{body})(?![\w])"
    return lazy_compile(shared_source(source, lexicon))


def guard(prefix_sets: Sequence[Optional[Prefixes]]) -> str:
    """A lookahead of what a match of any of several regexes starts with, given each one's prefixes
    (start_guard.py); "" when one of them may start with anything."""
    if not prefix_sets or any(p is None for p in prefix_sets):
        return ""
    return _lookahead(frozenset().union(*prefix_sets))  # type: ignore[arg-type]


@lru_cache(maxsize=2048)
def _lookahead(prefixes: Prefixes) -> str:
    """guard()'s lookahead (a trigger's requires and unless often share their phrases' starts)."""
    return f"(?={lookahead(prefixes)})"


def phrase_prefixes(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> Optional[Prefixes]:
    """What a match of the phrase starts with (start_guard.py)."""
    return prefixes_of(_phrase_starts(phrase, lexicon))


def _phrase_starts(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> State:
    """How a match of the phrase starts (start_guard.py), read from its words up to the first one it needs."""

    def work() -> State:
        if phrase.startswith("re:"):
            return starts(phrase_regex(phrase, lexicon))
        tokens = phrase.lower().split()
        needed = [_gap_words(tok) is None and not _is_optional(tok) for tok in tokens]
        lead = needed.index(True) if True in needed else len(tokens) - 1
        # optional words or a gap first: read from the regex itself
        state = _word_starts(tokens[0], lexicon) if lead == 0 else starts(phrase_regex(" ".join(tokens[: lead + 1]), lexicon))
        if any(needed[lead + 1:]):  # a separator, then more words
            return then(state, _SEPARATOR)
        return state | then(state, _SEPARATOR) if lead + 1 < len(tokens) else state

    return _remember(lexicon, "starts", phrase, work)


_SEPARATOR = starts(_SEP)


def _word_starts(tok: str, lexicon: Mapping[str, Sequence[str]]) -> State:
    """How a match of one word token starts: spelled out for words and stems, and for a lexicon
    entry from its phrases (once per entry: hundreds of phrases open with {performer})."""
    if tok.startswith("{"):
        name = tok[1:-1]
        if name not in lexicon:
            return _remember(lexicon, "word starts", tok, lambda: starts(_token(tok, lexicon, 0)))
        return _remember(lexicon, "word starts", tok, lambda: set().union(*(_phrase_starts(p, lexicon) for p in lexicon[name])))
    state: State = set()
    alternatives = tok.split("|")
    # a contraction starts after the apostrophe ("we'll") or at its pronoun ("that's", "you're")
    alternatives += [start for alt in alternatives for start in _CONTRACTION_STARTS.get(alt, ())]
    for alt in alternatives:
        word = alt.rstrip("*")
        atoms = tuple(re.escape(ch) for ch in word[:DEPTH])
        # a stem shorter than DEPTH goes on with letters not spelled out here
        state.add((atoms, not alt.endswith("*") and len(word) < DEPTH))
    return state


def phrase_cues(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> set[str]:
    """Literal words ('word') or stems ('stem*') one of which occurs wherever the phrase matches (for the prefilter).

    The most selective required word is chosen (the one whose shortest stem is longest). The empty
    set means no literal is certain (a raw regex, or only numbers): the rule is then tried on every
    clause.
    """
    return _cue_token(phrase, lexicon)[1]


def _cue_token(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> tuple[int, set[str]]:
    """The index of the phrase's cue word among its tokens, and its cues; (-1, empty) for none."""
    index, cues = _remember(lexicon, "cue token", phrase, lambda: _find_cue_token(phrase, lexicon))
    return index, set(cues)  # a copy: callers may add to it


def _find_cue_token(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> tuple[int, set[str]]:
    """_cue_token worked out."""
    if phrase.startswith("re:"):
        return -1, set()
    best: set[str] = set()
    best_index, best_len = -1, 0
    best_common, best_entry = True, False
    for index, tok in enumerate(phrase.lower().split()):
        if _gap_words(tok) is not None or _is_optional(tok):
            continue
        if tok.startswith("{") and tok.endswith("}"):
            name = tok[1:-1]
            if name == "num" or name not in lexicon:
                continue
            stems = _entry_cues(name, lexicon)
        else:
            stems = {_alt_cue(alt) for alt in tok.split("|")}
        if not stems:
            continue
        length = min(len(x.rstrip("*")) for x in stems)
        common = any(x.rstrip("*") in _COMMON for x in stems)
        entry = tok.startswith("{")
        # A word that is rare in contracts beats a common one; then the longer the better; then a word
        # of the phrase's own beats a lexicon entry's (fewer cues, and a cue that can be gated).
        if (best_common and not common) or (common == best_common and (length > best_len or (length == best_len and best_entry and not entry))):
            best, best_index, best_len, best_common, best_entry = stems, index, length, common, entry
    return (best_index, best) if best_len >= 2 else (-1, set())


def _alt_cue(alt: str) -> str:
    """The cue of one alternative of a word: the word, or a stem ('licen*'); for a hyphenated word its
    longest piece ("non-revocable": "non" is everywhere), since a cue found in the text must not
    cover another word's cue."""
    pieces = re.split(r"[\W_]", alt.rstrip("*"))
    longest = max(pieces, key=len)
    # A word without '*' is a whole-word cue (so "an" does not fire on "any" and "and").
    return longest if not alt.endswith("*") and longest == pieces[-1] else longest + "*"


def phrase_reach(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> int:
    """How many characters a match of the phrase can span, at most, give or take (for scan windows)."""
    if phrase.startswith("re:"):
        return _RAW_REACH
    return sum(_token_reach(tok, lexicon) for tok in phrase.lower().split()) + _SLACK


def phrase_cue_reach(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> tuple[int, int]:
    """How far a match of the phrase can reach before the start of its cue word, and from there on.

    Most phrases start at their cue ("sublicense ..."), so the text before a cue that can hold a
    match is short: scanning only [cue - before, cue + after] halves the text a trigger reads. A
    cue inside a lexicon entry may sit anywhere in the entry, which then counts on both sides.
    """
    index, _ = _cue_token(phrase, lexicon)
    if index < 0:
        reach = phrase_reach(phrase, lexicon)
        return reach, reach
    tokens = phrase.lower().split()
    reaches = [_token_reach(tok, lexicon) for tok in tokens]
    before = sum(reaches[:index]) + (reaches[index] if tokens[index].startswith("{") else 0)
    return before + _SLACK, sum(reaches[index:]) + _SLACK


def phrase_gate(phrase: str, lexicon: Mapping[str, Sequence[str]]) -> Optional[Split]:
    """The phrase split at its cue word: the regex of the words before it, up to the cue (None when
    they can all be left out), the regex from the cue word on, and what the words before start with;
    None when a cue found in the text
    need not start that part (a cue inside a lexicon entry, or the second piece of a hyphenated word).

    Most cues found in a contract start no match ("licence" is everywhere, "licence ... irrevocable"
    is rare): a match ending at the cue and one starting there rule it out before any text around it
    is scanned.
    """
    index, _ = _cue_token(phrase, lexicon)
    if index < 0:
        return None
    tokens = phrase.lower().split()
    if tokens[index].startswith("{"):
        return None
    if not all(alt.startswith(_alt_cue(alt).rstrip("*")) for alt in tokens[index].split("|")):
        return None
    return _split_at(tokens, index, lexicon)


Split = tuple[Optional[str], str, Optional[Prefixes]]


def _split_at(tokens: list[str], index: int, lexicon: Mapping[str, Sequence[str]]) -> Split:
    """The phrase's regex split before token index: the words before (None when they can all be left out),
    the rest, and what the words before start with (start_guard.py; a separator always follows them)."""
    head_tokens, gap = tokens[:index], ""
    while head_tokens and _gap_words(head_tokens[-1]) is not None:
        gap = gap or _gap(head_tokens.pop()) or ""
    required = [t for t in head_tokens if _gap_words(t) is None and not _is_optional(t)]
    if not required:
        return None, phrase_regex(" ".join(tokens[index:]), lexicon), None
    head = phrase_regex(" ".join(head_tokens), lexicon) + gap + _SEP
    prefixes = prefixes_of(then(_phrase_starts(" ".join(tokens[:index]), lexicon), _SEPARATOR))
    return head, phrase_regex(" ".join(tokens[index:]), lexicon), prefixes


def hand_cue_split(phrase: str, cues: set[str], lexicon: Mapping[str, Sequence[str]]) -> Optional[tuple[set[str], Split]]:
    """For a trigger whose author named its cues: the cues its first word made of them alone can be, and
    the phrase split there (as phrase_gate splits it); None when no word of the phrase is made of cues alone (a cue might then sit anywhere in a
    match: in a gap, an optional word or a lexicon entry).

    Every match of the phrase holds that word, so a cue found where that word cannot stand starts no
    match of this phrase: the gate phrase_gate gives a cue the rules find themselves.
    """
    if phrase.startswith("re:"):
        return None
    tokens = phrase.lower().split()
    words = {c for c in cues if not c.endswith("*")}
    stems = [c for c in cues if c.endswith("*")]
    for index, tok in enumerate(tokens):
        if _gap_words(tok) is not None or _is_optional(tok) or tok.startswith("{"):
            continue
        held: set[str] = set()
        for alt in tok.split("|"):
            covering = ({alt} & words if not alt.endswith("*") else set()) | {c for c in stems if alt.startswith(c[:-1])}
            if not covering:
                break
            held |= covering
        else:
            return held, _split_at(tokens, index, lexicon)
    return None


_RAW_REACH = 320  # characters a raw regex is taken to span
_SLACK = 8


def _token_reach(tok: str, lexicon: Mapping[str, Sequence[str]]) -> int:
    """The most characters one token of a phrase (with the separator before it) can span, give or take."""
    words = _gap_words(tok)
    if words is not None:
        return words * 16
    if "{" in tok:
        name = tok.strip("[]{}")
        if name in ("num", "percent", "money", "amount_field"):
            return 40
        return _remember(lexicon, "reach", name, lambda: max((phrase_reach(p, lexicon) for p in lexicon.get(name, [])), default=40))
    return max(len(alt) for alt in tok.strip("[]").split("|")) + (12 if "*" in tok else 2)


# Words on every page of a contract: poor cues when the phrase has a rarer word.
_COMMON = frozenset(
    "shall will may other each time use uses right rights without notice subject means limited third parties party "
    "any all the and for with this that such an a of to in on by or not no law laws applicable agreement company "
    "term period".split()
)

