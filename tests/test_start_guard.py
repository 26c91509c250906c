"""The lookahead in front of each phrase regex (rules/start_guard.py): it changes no match, only how soon
a word that starts none is passed over."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.rules.start_guard import lookahead, prefixes_of, starts
from termcheck.rules.loader import builtin_pack_paths, load_rules
from termcheck.rules.phrases import NUMBER, Lexicon, compile_phrases

# Regexes of the shapes phrases are made of: words and stems, optional and repeated parts, classes,
# lookarounds, numbers and sums.
SHAPES = [
    r"sub(?:licen[cs]e|let)",
    r"(?:the[\W_]+)?(?:performer|talent|i|you)",
    r"perpetu[^\W_]*",
    r"(?:[\W_]+[^\W_]+){0,3}?[\W_]+grant",
    r"\d+(?:[.,]\d+)?\s?%",
    r"(?:us\$|\$|€|\busd)\s?\d[\d,.]*",
    r"[^\]\n]{0,20}\]",
    r"x?y?z?w",
    NUMBER,
]


@pytest.mark.parametrize("source", SHAPES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_match_starts_with_one_of_the_prefixes(source, data):
    """Whatever the regex matches, its guard lets through: the prefixes are a necessary condition."""
    prefixes = prefixes_of(starts(source))
    assert prefixes is not None
    guard = re.compile(lookahead(prefixes))
    text = data.draw(st.from_regex(source, fullmatch=True))
    assert guard.match(text), (source, text)


def test_lookarounds_take_nothing_and_add_nothing():
    """A lookbehind, a lookahead or a word boundary consumes no character: the prefixes are those of the rest."""
    assert prefixes_of(starts(r"(?<!,\s)\b(?:a|an)\s+fee")) == {("a", "[\\s]"), ("a", "n", "[\\s]")}
    assert prefixes_of(starts(r"(?=[a-z])(?:à|a)\s")) == {("[àa]", "[\\s]")}  # re's parser makes "à|a" a class


def test_a_regex_that_may_start_with_anything_gets_no_guard():
    """An optional first part with nothing after it, or any character first: no prefix is certain."""
    assert prefixes_of(starts(r"(?:sell)?")) is None
    assert prefixes_of(starts(r".sell")) is None
    assert prefixes_of(starts(r"(?i)sell")) is None  # a flag changes what the letters match
    assert prefixes_of(starts(r"sell|resell")) == {("s", "e", "l"), ("r", "e", "s")}


LEXICON = Lexicon({"object": ["the recordings", "voice", "{num} clips"], "party": ["[the] company", "we"]})
WORDS = ["sell", "resell", "licence", "licensed", "a", "i", "the", "company", "we", "recordings", "voice", "3", "three", "clips", "not"]
TOKENS = ["sell|resell", "licen*", "a", "i", "[the]", "[not|never]", "~2", "...", "{object}", "{party}", "{num}", "clips", "recordings"]


@settings(max_examples=150, deadline=None)
@given(
    phrases=st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=4), min_size=1, max_size=4),
    words=st.lists(st.sampled_from(WORDS), max_size=25),
    seps=st.lists(st.sampled_from([" ", ", ", "-", "\n", " (", "_"]), min_size=25, max_size=25),
    window=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
def test_a_guarded_phrase_list_finds_what_the_unguarded_one_finds(phrases, words, seps, window):
    """Generated phrases on generated text, over the whole text and over a stretch of it (the engine
    scans stretches around cues): the same matches with the guard as without."""
    texts = [" ".join(p) for p in phrases]
    if any(all(t.startswith(("[", "~")) or t == "..." for t in p) for p in phrases):
        return  # a phrase needs a word that must be there (the loader says so)
    text = "".join(w + s for w, s in zip(words, seps))
    guarded, plain = compile_phrases(texts, LEXICON), compile_phrases(texts, LEXICON, guarded=False)
    assert guarded.pattern != plain.pattern or "(?=" not in guarded.pattern
    a, b = sorted(window)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in guarded.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]


def test_builtin_triggers_find_what_they_found_without_their_guard():
    """Built-in triggers' phrases, guarded and not, read their rule's own examples alike; and nearly
    every trigger gets a guard.

    The guarded regexes come from the store; each unguarded one is compiled here, and re compiles in
    pure Python: every trigger of up to 10,000 characters (four in five, whose starts are as varied
    as the long ones') and one in four of the longer ones, a third of the time of all 5.9 million."""
    from conftest import read_yaml

    ruleset = load_rules(use_store=False)
    examples = {
        rule.id: "\n".join((e if isinstance(e, str) else e["text"]).lower() for group in rule.examples.values() for e in group)
        for rule in ruleset.rules
    }
    guarded_count = total = long_count = compared = 0
    for path in builtin_pack_paths():
        for raw in read_yaml(path).get("rules", []):
            text = examples[raw["id"]]
            for trigger in raw["triggers"]:
                guarded = compile_phrases(trigger["phrases"], ruleset.lexicon)
                plain = compile_phrases(trigger["phrases"], ruleset.lexicon, guarded=False)
                total += 1
                guarded_count += guarded.pattern != plain.pattern
                if len(plain.pattern) > 10_000:
                    long_count += 1
                    if long_count % 4:
                        continue
                compared += 1
                found = [m.span() for m in guarded.finditer(text)]
                assert found == [m.span() for m in plain.finditer(text)], (raw["id"], trigger["phrases"][:3])
    assert guarded_count >= 0.9 * total and compared >= 0.8 * total
