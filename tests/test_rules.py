"""Rule packs: the built-in examples, the schema, user packs, error reports and pattern safety."""

from __future__ import annotations

import os
import time

import pytest

from conftest import run_cli
from termcheck.api import check_text
from termcheck.rules.loader import QUANTITY_DEFAULTS, RULE_DEFAULTS, TRIGGER_DEFAULTS, RulePackError, load_rules
from termcheck.rules.schema import Quantity, Rule, Trigger
from termcheck.rules.testing import run_rule_examples
from termcheck.segment import detect_language

BUILTIN = load_rules(validate_builtin=True)
DESIGN_IDS = {
    "perpetual-license", "license-term", "usage-scope", "ai-use", "sublicensing", "ownership", "attribution",
    "moral-rights-waiver", "deletion", "takedown-window", "consent-withdrawal", "payment", "buyout", "revenue-share",
    "governing-law",
}
# Checks added from domain.md's taxonomy after the DESIGN.md table.
TAXONOMY_IDS = {"unilateral-amendment"}
FRENCH_REQUIRED = {"perpetual-license", "sublicensing", "attribution", "deletion", "license-term", "payment"}


def test_rules_name_only_rules_that_exist():
    """A rule that escalates with, is waived by, reads its perpetual status from, or yields in a heading
    to another check names one that the built-in set has."""
    rules = load_rules()
    ids = {r.id for r in rules.rules}
    for rule in rules.rules:
        named = [*rule.waived_by, *rule.heading_yields_to, *([rule.perpetual_from] if rule.perpetual_from else [])]
        named += list(rule.escalate["when"]) if rule.escalate else []
        assert set(named) <= ids, (rule.id, set(named) - ids)


def test_the_design_check_ids_are_all_there():
    assert {r.id for r in BUILTIN.rules} == DESIGN_IDS | TAXONOMY_IDS


@pytest.mark.parametrize("rule", BUILTIN.rules, ids=lambda r: r.id)
def test_rule_examples(rule):
    failures = [r for r in run_rule_examples(rule, BUILTIN) if not r.ok]
    assert not failures, "\n".join(f"{f.expected}: {f.why}: {f.text}" for f in failures)


@pytest.mark.parametrize("rule", BUILTIN.rules, ids=lambda r: r.id)
def test_rule_has_enough_examples_and_french_where_required(rule):
    texts = {k: [e if isinstance(e, str) else e["text"] for e in rule.examples[k]] for k in ("match", "no_match")}
    assert len(texts["match"]) >= 8 and len(texts["no_match"]) >= 8
    assert rule.explanation and rule.question and rule.title
    if rule.id in FRENCH_REQUIRED:
        for kind in ("match", "no_match"):
            assert any(detect_language(t) == "fr" for t in texts[kind]), f"{rule.id} has no French {kind} example"


def test_runtime_defaults_equal_the_schema_defaults():
    for model, defaults in ((Rule, RULE_DEFAULTS), (Trigger, TRIGGER_DEFAULTS), (Quantity, QUANTITY_DEFAULTS)):
        for name, value in defaults.items():
            assert model.model_fields[name].default == value, (model.__name__, name)


def test_rules_cli_commands():
    listed = run_cli("rules", "list")
    assert listed.returncode == 0 and b"perpetual-license" in listed.stdout
    explained = run_cli("rules", "explain", "deletion")
    assert explained.returncode == 0 and b"What to ask in writing" in explained.stdout
    assert run_cli("rules", "explain", "no-such-check").returncode == 2
    tested = run_cli("rules", "test")
    assert tested.returncode == 0 and b" passed, 0 failed" in tested.stdout
    assert run_cli("rules", "validate").returncode == 0


BAD_PACK = """\
rules:
  - id: acme.too-short
    title: x
    group: nowhere
    kind: red_flag
    triggers: []
    explanation: short
    question: What will you do with the recordings?
    examples: {match: [a], no_match: [b]}
  - id: acme.extra-field
    title: A rule with a typo
    group: pay
    kind: red_flag
    triggers: [{phrases: [tip jar]}]
    explanation: Tips should go to the performer.
    question: Who keeps the tips?
    examples: {match: [a], no_match: [b]}
    colour: red
"""


def test_a_bad_pack_lists_every_problem_with_file_line_id_and_field(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(BAD_PACK)
    proc = run_cli("rules", "validate", str(pack))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert f"{pack}:2: acme.too-short: title:" in err
    assert f"{pack}:2: acme.too-short: group:" in err
    assert f"{pack}:2: acme.too-short: triggers:" in err
    assert f"{pack}:10: acme.extra-field: colour: Extra inputs are not permitted" in err
    # The same pack given to a check stops the run before anything is read.
    assert run_cli("--rules", str(pack), "-", stdin=b"The Performer grants a licence.").returncode == 2


def test_invalid_yaml_and_missing_prefix(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules: [\n  - id: x\n")
    with pytest.raises(RulePackError) as err:
        load_rules([str(broken)])
    assert "not valid YAML" in err.value.problems[0]
    unprefixed = tmp_path / "unprefixed.yaml"
    rule = {"id": "tips", "title": "Tips", "group": "pay", "kind": "red_flag", "triggers": [{"phrases": ["tip jar"]}],
            "explanation": "Tips should go to the performer.", "question": "Who keeps the tips?",
            "examples": {"match": ["a"], "no_match": ["b"]}}
    import yaml

    unprefixed.write_text(yaml.safe_dump({"rules": [rule]}))
    with pytest.raises(RulePackError) as err:
        load_rules([str(unprefixed)])
    assert "needs a pack prefix" in err.value.problems[0]


def test_a_key_given_twice_in_one_mapping_is_an_error_with_its_line(tmp_path):
    """YAML keeps the last of two equal keys without a word: a trigger's second 'unless:' would drop the first."""
    pack = tmp_path / "twice.yaml"
    pack.write_text(
        "pack: acme\nrules:\n  - id: acme.tips\n    title: Tips go to the performer\n    group: pay\n"
        "    kind: red_flag\n    explanation: Tips should go to the performer.\n    question: Who keeps the tips?\n"
        "    triggers:\n      - phrases: [tip jar]\n        unless: [house tips]\n        unless: [staff tips]\n"
        "    examples: {match: [The tip jar is the venue's.], no_match: [No tips.]}\n"
    )
    with pytest.raises(RulePackError) as err:
        load_rules([str(pack)])
    assert err.value.problems == [f"{pack}:12: the key 'unless' is given twice in one mapping (YAML would keep only the last)"]


def test_duplicate_keys_reads_nested_mappings_once_and_allows_merges():
    """Keys repeated at any depth are found; a shared anchor is read once and a '<<' merge key is no repeat."""
    from termcheck import yamlfile

    _, node = yamlfile.parse("a: 1\nb:\n  c: &x {d: 1}\n  e: *x\n  f: {<<: *x, <<: *x}\nlist:\n  - {g: 1, g: 2}\na: 3\n")
    assert yamlfile.duplicate_keys(node) == [(7, "g"), (8, "a")]
    assert yamlfile.duplicate_keys(None) == []


USER_PACK = """\
pack: acme
rules:
  - id: acme.meal-breaks
    title: No meal breaks in long sessions
    group: pay
    kind: red_flag
    severity: warn
    triggers:
      - phrases: [no meal break|breaks, without a break|breaks]
      - phrases: ["re:(a+)+b"]
    explanation: Long recording sessions without breaks damage the voice.
    question: Please add a paid break every two hours of recording.
    examples:
      match: [Sessions run for six hours with no meal breaks.]
      no_match: [A paid meal break is given every two hours.]
"""


def test_user_pack_runs_with_the_builtin_rules_and_its_regex_cannot_hang(tmp_path):
    pack = tmp_path / "acme.yaml"
    pack.write_text(USER_PACK)
    ruleset = load_rules([str(pack)])
    rule = ruleset.get("acme.meal-breaks")
    assert rule is not None and all(r.ok for r in run_rule_examples(rule, ruleset))
    # (a+)+b against a long run of a's is exponential for a backtracking engine; RE2 is linear.
    start = time.perf_counter()
    assert rule.triggers[1].pattern.search("a" * 5000 + "c") is None
    assert time.perf_counter() - start < 1.0
    proc = run_cli("rules", "test", str(pack))
    assert proc.returncode == 0 and b"2 passed, 0 failed" in proc.stdout


def test_a_user_pack_phrase_with_is_reads_a_contraction_under_re2(tmp_path):
    """A user pack's "is" reads "that's" as a built-in phrase does, with no look-behind (RE2 has none: a first
    version with one made every user phrase with "is" or "are" an error)."""
    pack = tmp_path / "acme.yaml"
    pack.write_text("""\
pack: acme
rules:
  - id: acme.one-payment
    title: One payment only
    group: pay
    kind: red_flag
    triggers:
      - phrases: [is the only payment, are paid once]
    explanation: One payment for every use is a buy-out.
    question: Please add a fee for each further use.
    examples:
      match: ["You get $200, and that's the only payment.", "You're paid once for every use."]
      no_match: ["The Company's the only payment processor.", "The Studio're paid once."]
""")
    ruleset = load_rules([str(pack)])
    rule = ruleset.get("acme.one-payment")
    assert rule is not None and all(r.ok for r in run_rule_examples(rule, ruleset))


def test_a_phrase_without_any_named_cue_is_still_read(tmp_path):
    """Cues only spare clauses where no phrase can match: a phrase holding none of the cues its trigger
    names is found by its own rarest word ("new releases" under cues [future, later] was never read)."""
    pack = tmp_path / "acme.yaml"
    pack.write_text("""\
pack: acme
rules:
  - id: acme.left-out
    title: Left out of later releases
    group: opt-out
    kind: protection
    triggers:
      - phrases: [leave ~2 out of future|later releases, leave ~2 out of new releases]
        cues: [future, later]
    explanation: Removal from what is already published is rarely possible.
    question: Please leave my performance out of every later release I ask you to.
    examples:
      match: ["On request we leave the Performance out of new releases."]
      no_match: ["We leave the Performance in every release."]
""")
    ruleset = load_rules([str(pack)])
    rule = ruleset.get("acme.left-out")
    assert rule is not None and all(r.ok for r in run_rule_examples(rule, ruleset))
    assert {"future", "later", "releases"} <= rule.triggers[0].cues


def test_a_builtin_phrase_without_its_triggers_named_cues_is_read():
    """'These terms may evolve': the amendment trigger names "change" and not "evolve" among its cues."""
    report = check_text("Section 9. These terms may evolve over time without notice to you.")
    assert report.check("unilateral-amendment").status == "warn"


TRIGGER_CONDITIONS_PACK = """\
pack: acme
rules:
  - id: acme.overtime
    title: Overtime paid
    group: pay
    kind: protection
    triggers:
      - phrases: [paid at time and a half]
        requires: [overtime]
        requires_in_clause: true
        unless: [except on weekends]
    explanation: Long sessions should pay more.
    question: Please pay overtime at time and a half.
    examples:
      match: ["Sessions may run into overtime. Extra hours are paid at time and a half."]
      no_match:
        - "Sessions may run late. Extra hours are paid at time and a half."
        - "Sessions may run into overtime. Extra hours are paid at time and a half, except on weekends."
"""


def test_a_trigger_has_its_own_unless_and_may_read_its_requires_in_the_whole_clause(tmp_path):
    """requires_in_clause lets another sentence of the clause meet requires; a trigger's unless cancels
    its matches in their sentence alone."""
    pack = tmp_path / "acme.yaml"
    pack.write_text(TRIGGER_CONDITIONS_PACK)
    ruleset = load_rules([str(pack)])
    rule = ruleset.get("acme.overtime")
    assert rule is not None and all(r.ok for r in run_rule_examples(rule, ruleset))
    same_sentence_only = TRIGGER_CONDITIONS_PACK.replace("        requires_in_clause: true\n", "")
    pack.write_text(same_sentence_only)
    strict = load_rules([str(pack)])
    text = "Sessions may run into overtime. Extra hours are paid at time and a half."
    assert _status(text, ruleset, "acme.overtime") == "pass"
    assert _status(text, strict, "acme.overtime") == "fail"


CLAUSE_UNLESS_PACK = """\
pack: acme
rules:
  - id: acme.resale
    title: Resale
    group: written-answers
    kind: red_flag
    triggers:
      - phrases: [may resell]
    unless_in_clause: [any resale needs your consent]
    explanation: Resale spreads your voice.
    question: Who may resell my recordings?
    examples:
      match: ["We may resell the recordings."]
      no_match: ["We may resell the recordings. But any resale needs your consent."]
"""


def test_a_rule_unless_in_clause_cancels_hits_in_every_sentence_of_its_clause_only(tmp_path):
    """unless_in_clause reads the whole clause (the condition in the sentence after the grant), not
    another clause, where the sentence-level unless sees neither."""
    ruleset = _load_pack(tmp_path, CLAUSE_UNLESS_PACK, "acme.resale")
    apart = "1. We may resell the recordings.\n\n2. Any resale needs your consent."
    assert _status(apart, ruleset, "acme.resale") == "fail"
    pack = tmp_path / "sentence.yaml"
    pack.write_text(CLAUSE_UNLESS_PACK.replace("unless_in_clause:", "unless:"))
    sentence_only = load_rules([str(pack)])
    together = "We may resell the recordings. But any resale needs your consent."
    assert _status(together, sentence_only, "acme.resale") == "fail"


def test_a_rule_unless_in_document_cancels_hits_wherever_its_words_stand(tmp_path):
    """unless_in_document reads the whole contract: the consent clause may be anywhere, unnumbered and
    uncited, where unless_in_clause reads only the clause and the clauses that speak of it."""
    apart = "1. We may resell the recordings.\n\n7. Miscellaneous.\n\n8. Any resale needs your consent."
    clause_pack = _load_pack(tmp_path, CLAUSE_UNLESS_PACK, "acme.resale")
    assert _status(apart, clause_pack, "acme.resale") == "fail"
    pack = tmp_path / "document.yaml"
    pack.write_text(CLAUSE_UNLESS_PACK.replace("unless_in_clause:", "unless_in_document:"))
    document_pack = load_rules([str(pack)])
    assert _status(apart, document_pack, "acme.resale") == "pass"
    assert _status("1. We may resell the recordings.", document_pack, "acme.resale") == "fail"


TERMS_MEAN_PACK = """\
pack: acme
rules:
  - id: acme.sharing
    title: Sharing
    group: written-answers
    kind: red_flag
    triggers:
      - phrases: [share the recordings with vendors|buyers]
    unless_terms_mean: [on its behalf]
    explanation: Sharing spreads your voice.
    question: Who gets my recordings?
    examples:
      match: ["We may share the recordings with buyers."]
      no_match: ["We keep the recordings."]
"""


def test_a_rule_unless_terms_mean_cancels_a_hit_through_the_definition_of_a_term_it_uses(tmp_path):
    """unless_terms_mean reads the definitions of the defined terms a match uses, not the sentence."""
    ruleset = _load_pack(tmp_path, TERMS_MEAN_PACK, "acme.sharing")
    helpers = '"Vendors" means the companies that label data on its behalf.\n\n4. We may share the recordings with Vendors.'
    others = '"Vendors" means any company that buys a licence.\n\n4. We may share the recordings with Vendors.'
    assert _status(helpers, ruleset, "acme.sharing") == "pass"
    assert _status(others, ruleset, "acme.sharing") == "fail"
    # the term must be used in the match: a definition elsewhere in the contract takes nothing away
    elsewhere = '"Vendors" means the companies that label data on its behalf.\n\n4. We may share the recordings with buyers.'
    assert _status(elsewhere, ruleset, "acme.sharing") == "fail"


def test_requires_in_document_reads_the_requirement_in_any_clause(tmp_path):
    """requires_in_document lets another clause meet requires; requires_in_clause stops at the clause."""
    pack = tmp_path / "acme.yaml"
    pack.write_text(TRIGGER_CONDITIONS_PACK)
    by_clause = load_rules([str(pack)])
    pack.write_text(TRIGGER_CONDITIONS_PACK.replace("requires_in_clause: true", "requires_in_document: true"))
    by_document = load_rules([str(pack)])
    apart = "1. Sessions may run into overtime.\n\n2. Extra hours are paid at time and a half."
    assert _status(apart, by_document, "acme.overtime") == "pass"
    assert _status(apart, by_clause, "acme.overtime") == "fail"
    unmet = "1. Sessions end on time.\n\n2. Extra hours are paid at time and a half."
    assert _status(unmet, by_document, "acme.overtime") == "fail"


YIELDING_PACK = """\
pack: acme
rules:
  - id: acme.credit
    title: Credit
    group: written-answers
    kind: protection
    triggers:
      - phrases: [cc by]
        yields_to_refusal: true
      - phrases: [will be credited]
      - phrases: [without your name]
        effect: refuse
    explanation: Credit matters.
    question: How will I be credited?
    examples:
      match: ["Recordings are released under CC BY."]
      no_match: ["Recordings are released under CC BY. They are published without your name."]
"""


def _status(text: str, ruleset, rule_id: str) -> str:
    """The status a rule set gives one of its checks on a contract text."""
    result = check_text(text, rules=ruleset).check(rule_id)
    assert result is not None
    return result.status


def _load_pack(tmp_path, text: str, rule_id: str):
    """The rule set of a one-rule pack written from text, once its rule's own examples pass."""
    pack = tmp_path / "acme.yaml"
    pack.write_text(text)
    ruleset = load_rules([str(pack)])
    rule = ruleset.get(rule_id)
    assert rule is not None and all(r.ok for r in run_rule_examples(rule, ruleset))
    return ruleset


def test_a_grant_that_yields_to_a_refusal_gives_way_anywhere_in_the_contract(tmp_path):
    """yields_to_refusal: a refusal in another clause outweighs the grant (fail, with a note), where
    another grant and the same refusal make a warning."""
    ruleset = _load_pack(tmp_path, YIELDING_PACK, "acme.credit")
    refused = check_text("Released under CC BY.\n\nPublished without your name.", rules=ruleset).check("acme.credit")
    assert refused.status == "fail" and any("gives less than it seems" in n for n in refused.notes)
    mixed = check_text("You will be credited.\n\nPublished without your name.", rules=ruleset).check("acme.credit")
    assert mixed.status == "warn"
    assert _status("Released under CC BY.", ruleset, "acme.credit") == "pass"


FALLBACK_PACK = """\
pack: acme
rules:
  - id: acme.deletion
    title: Deletion
    group: written-answers
    kind: protection
    triggers:
      - phrases: [on request]
      - phrases: ["on expiry ~4 will delete"]
        effect: refuse
        fallback: true
        message: deleted only at the end
      - phrases: ["on expiry ~4 will delete"]
        requires: [may terminate]
        requires_in_document: true
      - phrases: [never delete]
        effect: refuse
    explanation: Deletion matters.
    question: How can I have my recordings deleted?
    examples:
      match: ["We delete recordings on request."]
      no_match: [{text: "On expiry we will delete them.", status: fail}]
"""


def test_a_fallback_refusal_is_quoted_only_when_nothing_grants(tmp_path):
    """fallback: the clause is quoted in a failing check; a grant elsewhere, or one that shares its
    words, outweighs it (no warning), where an ordinary refusal beside a grant makes a warning."""
    ruleset = _load_pack(tmp_path, FALLBACK_PACK, "acme.deletion")
    alone = check_text("On expiry we will delete them.", rules=ruleset).check("acme.deletion")
    assert alone.status == "fail" and [f.message for f in alone.findings] == ["deleted only at the end"]
    beside = check_text("1. We delete them on request.\n\n2. On expiry we will delete them.", rules=ruleset)
    assert beside.check("acme.deletion").status == "pass"
    shared = check_text("1. You may terminate at will.\n\n2. On expiry we will delete them.", rules=ruleset)
    assert shared.check("acme.deletion").status == "pass"
    refused = check_text("1. We delete them on request.\n\n2. We never delete backups.", rules=ruleset)
    assert refused.check("acme.deletion").status == "warn"
    with pytest.raises(RulePackError):
        _load_pack(tmp_path, FALLBACK_PACK.replace("effect: refuse\n        fallback", "effect: grant\n        fallback"), "acme.deletion")


def test_user_pack_patterns_re2_cannot_run_are_reported(tmp_path):
    pack = tmp_path / "lookbehind.yaml"
    pack.write_text(USER_PACK.replace("re:(a+)+b", "re:(?<=x)y"))
    with pytest.raises(RulePackError) as err:
        load_rules([str(pack)])
    assert "linear-time engine" in err.value.problems[0] and "acme.meal-breaks" in err.value.problems[0]


@pytest.mark.parametrize(
    "text",
    ["-" * 20000, "_ " * 8000, "a-" * 8000, "' " * 8000, "The Company may delete " + "x " * 6000 + "upon request",
     ("Recordings " * 3000) + "in perpetuity", "( " * 4000 + "not " * 2000],
    ids=["dashes", "underscores", "hyphenated", "quotes", "long-gap", "repeated-object", "parens-and-negations"],
)
def test_builtin_rules_stay_fast_on_hostile_text(text):
    start = time.perf_counter()
    check_text(text, rules=BUILTIN)
    assert time.perf_counter() - start < 5.0


def _pattern_strings(node):
    """Every phrase string under the phrase-holding keys of a parsed pack (lexicon entries too)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("phrases", "unless", "hollowed_by", "weakened_by", "requires", "near", "unless_context") or (
                key == "lexicon" and isinstance(value, dict)
            ):
                items = value.values() if isinstance(value, dict) else [value]
                for item in items:
                    for p in item if isinstance(item, list) else [item]:
                        if isinstance(p, str) and not p.startswith("re:"):
                            yield p
            else:
                yield from _pattern_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _pattern_strings(item)


def test_no_long_alternation_ends_in_one_word_by_mistake():
    """'renew|renewal|...|repeat|each use' reads as '(renew|...|each) use': a two-word item whose first word
    has many alternatives and whose second has none is listed here when it is meant."""
    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    meant = {
        "english|french|german|vietnamese|swiss|irish|scottish|dutch|belgian|canadian|australian|italian|spanish|japanese|chinese|indian law",
        "système|systèmes|modèle|modèles|outil|outils|technologie|technologies|application|applications d'ia",
        "speech|audio|voice|vision|image|video|language|conversational ai",
    }
    suspicious = []
    for path in builtin_pack_paths():
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words = phrase.split()
            if phrase.startswith("re:") or len(words) != 2 or phrase in meant:
                continue
            if len(words[0].split("|")) >= 8 and "|" not in words[1] and not words[1].startswith(("~", "[", "{")):
                suspicious.append(f"{path.name}: {phrase}")
    assert not suspicious


def test_no_alternation_mixes_a_two_word_preposition_with_single_words():
    """'at|according to' reads as '(at|according) to', so 'pay you at the rate' never matched: a word that
    only makes a fixed expression with the next one ('according to', 'due to', 'such as') cannot share its
    alternation with words that do not ('pursuant|according to' is fine: both need 'to')."""
    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    fixed = {
        "according to", "due to", "prior to", "pursuant to", "subject to", "next to", "owing to", "because of",
        "instead of", "ahead of", "as of", "as well", "such as", "so long", "as long", "in lieu", "on behalf",
        "in respect", "with respect", "in accordance", "in relation", "in connection",
        "other than", "rather than",  # "besides|beyond|except|other than normal pay" (fifty-ninth session review)
    }
    suspicious = []
    for path in builtin_pack_paths():
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if phrase.startswith("re:"):
                continue
            words = [w.strip("[]") for w in phrase.split()]
            for first, second in zip(words, words[1:]):
                alternatives = first.split("|")
                if len(alternatives) < 2 or "|" in second:
                    continue
                joined = [a for a in alternatives if f"{a} {second}" in fixed]
                if joined and len(joined) < len(alternatives):
                    suspicious.append(f"{path.name}: {phrase}")
    assert not suspicious


def test_no_builtin_phrase_splits_a_multiword_alternative():
    """Alternatives are single words: 'sees fit|see fit' is 'sees (fit|see) (fit)', a trap found twice in review."""
    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    # Neighbours that share a word on purpose: "union scale", "scale rate".
    allowed = {"union|guild|scale rate|rates|minimum|minimums|scale"}
    suspicious = []
    for path in builtin_pack_paths():
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words = [set(t.strip("[]").split("|")) for t in phrase.lower().split()]
            if phrase not in allowed and any(len(a | b) > 1 and a & b for a, b in zip(words, words[1:])):
                suspicious.append(f"{path.name}: {phrase}")
            # "may|can|shall|are entitled to": a modal and a form of "be" in one alternation are two phrases
            if any(w & _MODALS and w & _BE for w in words):
                suspicious.append(f"{path.name}: {phrase}")
            # "machine learning|machine-learning" is "machine (learning|machine-learning)"; "machine
            # learning" already matches the hyphenated form
            if any(alt.split("-")[0] in a for a, b in zip(words, words[1:]) for alt in b if "-" in alt):
                suspicious.append(f"{path.name}: {phrase}")
            # "removed|deleted|taken down" is "(removed|deleted|taken) down": a particle after different
            # words (not after forms of one: "opt|opts|opted out", "buy|buys back")
            tokens = phrase.lower().split()
            for a, b in zip(tokens, tokens[1:]):
                alts = a.split("|")
                if len(alts) > 1 and "|" not in b and b in _PARTICLES and not os.path.commonprefix(alts)[:2] == alts[0][:2]:
                    suspicious.append(f"{path.name}: {phrase}")
                # "name next to|alongside|with" is "name next (to|alongside|with)": a two-word preposition
                # split by the alternation
                if "|" not in a and len(b.split("|")) > 1 and f"{a} {b.split('|')[0]}" in _TWO_WORD_PREPOSITIONS:
                    suspicious.append(f"{path.name}: {phrase}")
                # "cannot|can't|unable to delete" is "(cannot|can't|unable) to delete": a modal never takes "to",
                # so a modal offered beside a word that does ("unable", "able") before "to" splits an alternative
                before = set(a.strip("[]").split("|"))
                if before & _MODAL_FORMS and before - _MODAL_FORMS and "to" in b.strip("[]").split("|"):
                    suspicious.append(f"{path.name}: {phrase}")
                # "for each|every|per hour" is "for (each|every|per) hour": a preposition offered as an
                # alternative to the words after another preposition needs a phrase of its own
                after = set(b.strip("[]").split("|"))
                if "|" not in a and a.strip("[]") in _PREPOSITIONS and len(after) > 1 and after & _PREPOSITIONS and after - _PREPOSITIONS:
                    suspicious.append(f"{path.name}: {phrase}")
    assert not suspicious


def test_no_alternation_offers_per_before_each():
    """'for|per each|every hour' is '(for|per) (each|every) hour': it never matched 'per hour' (nobody writes
    'per each'), so 'per' needs a phrase of its own."""
    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    suspicious = [
        f"{path.name}: {phrase}"
        for path in builtin_pack_paths()
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if not phrase.startswith("re:")
        and any(
            "per" in a.strip("[]").split("|") and len(a.split("|")) > 1 and set(b.strip("[]").split("|")) & {"each", "every"}
            for a, b in zip(phrase.lower().split(), phrase.lower().split()[1:])
        )
    ]
    assert not suspicious


def test_no_builtin_phrase_has_an_optional_part_of_several_words():
    """'[to have]' is read as the words '[to' and 'have]', which never match: each optional word needs its own brackets."""
    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    broken = [
        f"{path.name}: {phrase}"
        for path in builtin_pack_paths()
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if not phrase.startswith("re:") and any(t.startswith("[") != t.endswith("]") for t in phrase.split())
    ]
    assert not broken


_PARTICLES = {"down", "off", "up", "out", "away", "back", "over"}
_TWO_WORD_PREPOSITIONS = {
    "next to", "prior to", "due to", "according to", "instead of", "because of", "subject to", "up to",
    "other than", "rather than", "ahead of", "out of", "as to", "such as",
    "on air",  # not a preposition, but as fixed: "is|are on air|broadcast|deployed" (fifty-ninth session review)
}
_PREPOSITIONS = {"for", "per", "to", "with", "by", "in", "on", "at", "from", "of", "under", "into", "onto", "within", "after", "before", "during"}
_MODALS = {"may", "can", "shall", "will", "must", "might", "could", "should", "would"}
_BE = {"is", "are", "be", "been", "being", "was", "were", "am"}
_MODAL_FORMS = _MODALS | {"cannot", "can't", "won't", "shan't", "mustn't", "couldn't", "shouldn't", "wouldn't"}


def test_a_lexicon_entry_inside_an_alternation_is_an_error():
    """'{object}|them' used to match the literal text '{object}': a silent dead phrase."""
    from termcheck.rules.phrases import PhraseError, phrase_regex

    with pytest.raises(PhraseError, match="lexicon entry cannot be one of several alternatives"):
        phrase_regex("cannot recall ~4 {object}|them", {"object": ["recordings"]})
    assert phrase_regex("cannot recall ~4 {object}", {"object": ["recordings"]})


def test_an_optional_group_of_several_words_is_an_error():
    """'[continue to]' split into '[continue' and 'to]', which no text holds: a silent dead phrase."""
    from termcheck.rules.phrases import PhraseError, phrase_regex

    with pytest.raises(PhraseError, match="an optional word is one word"):
        phrase_regex("may [continue to] remain", {})
    assert phrase_regex("may [continue] [to] remain", {}) and phrase_regex("may [also|always] remain", {})


@pytest.mark.parametrize(
    "phrase, text, found",
    [
        ("will|shall take ~2 down", "email us and we'll take it down within seven days", True),
        ("will|shall take ~2 down", "email us and we’ll take it down within seven days", True),
        ("will|shall take ~2 down", "email us and we will take it down within seven days", True),
        ("will|shall take ~2 down", "email us and we well take it down within seven days", False),
        ("will|shall take ~2 down", "email us and we take it down within seven days", False),
        ("is the only payment", "You'll get $200, and that's the only payment for the takes", True),
        ("is the only payment", "You'll get $200, and that’s the only payment for the takes", True),
        ("is the only payment", "and it's the only payment", True),
        # a possessive's "'s" is no "is"
        ("is the only payment", "the Company's the only payment", False),
        ("are paid once", "you're paid once for every use", True),
        ("are paid once", "the Studio're paid once", False),
    ],
)
def test_a_phrase_s_will_is_and_are_read_a_contraction(phrase, text, found):
    """A casual notice's "we'll take it down" is "we will take it down" to every phrase that says "will"; "that's the
    only payment" is "that is ...", "you're paid" is "you are paid"."""
    assert _phrase_finds(phrase, text) is found


def _phrase_finds(phrase, text):
    """Whether a phrase (no lexicon) matches somewhere in text as whole words, as a trigger reads it."""
    import re

    from termcheck.rules.phrases import phrase_regex

    return re.search(r"(?<!\w)" + phrase_regex(phrase, {}) + r"(?!\w)", text) is not None


@pytest.mark.parametrize(
    "phrase, text, found",
    [
        ("approuvée par [l'] artiste", "approuvée par l'artiste", True),
        ("approuvée par [l'] artiste", "approuvée par l’artiste", True),
        ("approuvée par [l'] artiste", "approuvée par artiste", True),
        ("approuvée par [l'] artiste", "approuvée parartiste", False),
        ("[l'] artiste peut", "l'artiste peut", True),
        ("[l'] artiste peut", "l' artiste peut", True),
        ("de [l'] exploitation", "de l'exploitation", True),
        ("de [l'] exploitation", "de lexploitation", False),
    ],
)
def test_an_elided_article_runs_into_the_next_word(phrase, text, found):
    """An optional "[l']" matches "l'artiste" and "l’artiste" (fiftieth session: after "par" it never matched, since the
    word after an optional word needed a separator of its own)."""
    assert _phrase_finds(phrase, text) is found


def test_every_builtin_trigger_has_cues():
    """A trigger without cues is tried on every sentence of every contract (a `re:` phrase gives none):
    give it `cues` or a trigger of its own."""
    assert [(r.id, i) for r in BUILTIN.rules for i, t in enumerate(r.triggers) if not t.cues] == []


def test_a_phrase_reaches_little_before_a_cue_it_starts_with():
    """The scan around a cue is as wide as the phrase can reach on each side of it (rules_speed.py)."""
    from termcheck.rules.phrases import phrase_cue_reach, phrase_cues, phrase_reach

    lexicon = {"object": ["recordings", "voice"]}
    assert phrase_cues("sublicense ... {object}", lexicon) == {"sublicense"}
    before, after = phrase_cue_reach("sublicense ... {object}", lexicon)
    assert before < 20 and after >= phrase_reach("sublicense ... {object}", lexicon) - 10
    before, after = phrase_cue_reach("grant ... irrevocable", lexicon)  # the rarer word comes last
    assert before >= len("grant") + 6 * 16 and after < 30
    # a cue inside a lexicon entry may be any of its words: the entry counts on both sides
    before, after = phrase_cue_reach("delete {object}", {"object": ["the sound recordings"]})
    assert phrase_cues("delete {object}", {"object": ["the sound recordings"]}) == {"recordings"}
    assert before >= len("the sound recordings") and after >= len("the sound recordings")


def test_each_cue_has_the_gate_of_its_own_phrases():
    """A cue is let through by the words before it in the phrases it cues, not by another phrase's:
    "may irrevocable" holds no phrase even though "may" leads one phrase and "irrevocable" ends another."""
    from termcheck.rules.loader import _compile_rule
    from termcheck.rules.model import build_prefilter

    raw = {
        "id": "t", "title": "t", "group": "rights", "kind": "red_flag", "explanation": "x", "question": "x",
        "examples": {}, "triggers": [{"phrases": ["may sublicense ... {object}", "grant ~3 irrevocable"]}],
    }
    rule = _compile_rule(raw, {"object": ["the recordings"]}, "test.yaml", 1, user=False)
    assert set(rule.triggers[0].gates) == {"sublicense", "irrevocable"}
    ruleset = build_prefilter([rule])

    def cued(text: str) -> list[str]:
        return [text[o:].split()[0] for spans in ruleset.candidates(text).values() for o, _, _ in spans]

    assert cued("we grant an irrevocable right and may sublicense the recordings") == ["irrevocable", "sublicense"]
    assert cued("we may irrevocable, and grant sublicense the recordings") == []


def test_a_longer_cue_does_not_hide_a_word_cue_it_begins_with():
    """The prefilter reads the longest cue at a word start ("buy-out"); a trigger cued on the word it begins
    with ("buy") still runs there, but not one cued on a word that merely shares letters ("bu")."""
    from termcheck.rules.loader import _compile_rule
    from termcheck.rules.model import build_prefilter

    def rule(rid, phrases, cues):
        raw = {
            "id": rid, "title": "t", "group": "rights", "kind": "red_flag", "explanation": "x", "question": "x",
            "examples": {}, "triggers": [{"phrases": phrases, "cues": cues}],
        }
        return _compile_rule(raw, {}, "test.yaml", 1, user=False)

    ruleset = build_prefilter([rule("short", ["buy out"], ["buy"]), rule("long", ["buy-out"], ["buy-out"]), rule("part", ["bu"], ["bu"])])
    found = ruleset.candidates("a buy-out of all rights")
    assert {key[0] for key in found} == {"short", "long"}
    assert {key[0] for key in ruleset.candidates("they buy out")} == {"short"}


def test_cues_the_author_names_are_gated_on_the_word_made_of_them():
    """A trigger whose author names its cues is gated too, on each phrase's first word made of those cues
    alone; a phrase with no such word is found and gated on its own rarest word, and a named cue no phrase
    holds as a word of its own (it could sit in a gap) stays ungated; a raw regex with none leaves every cue
    ungated."""
    from termcheck.rules.loader import _compile_rule
    from termcheck.rules.model import build_prefilter
    from termcheck.rules.phrases import hand_cue_split

    lexicon = {"object": ["the recordings"]}
    split = hand_cue_split("{object} ~3 sold|licensed to ~3 buyers", {"sold", "licensed"}, lexicon)
    assert split is not None and split[0] == {"sold", "licensed"} and split[1][0] is not None
    assert hand_cue_split("grant ~3 irrevocable", {"licence"}, lexicon) is None  # "licence" only in the gap
    assert hand_cue_split("re:sold\\s+out", {"sold"}, lexicon) is None

    def rule(phrases, cues):
        raw = {
            "id": "t", "title": "t", "group": "rights", "kind": "red_flag", "explanation": "x", "question": "x",
            "examples": {}, "triggers": [{"phrases": phrases, "cues": cues}],
        }
        return _compile_rule(raw, lexicon, "test.yaml", 1, user=False)

    gated = rule(["{object} ~3 sold|licensed to ~3 buyers", "resold ~4 {object}"], ["sold", "licensed", "resold"])
    assert set(gated.triggers[0].gates) == {"sold", "licensed", "resold"}
    ruleset = build_prefilter([gated])

    def cued(text: str) -> list[str]:
        return [text[o:].split()[0] for spans in ruleset.candidates(text).values() for o, _, _ in spans]

    assert cued("the recordings may be sold to any buyers, but nothing licensed here") == ["sold"]
    assert cued("they resold the recordings") == ["resold"]
    # "grant ~3 licence" holds "irrevocable" only in the gap ("grant an irrevocable licence"): it is found by its
    # own word, "licence", gated there; "irrevocable" opens a scan wherever it stands
    gap = rule(["{object} ~3 sold", "grant ~3 licence"], ["sold", "irrevocable"]).triggers[0]
    assert set(gap.gates) == {"sold", "licence"} and gap.cues == {"sold", "irrevocable", "licence"}
    # a raw regex's certain word cannot be known: nothing is gated
    assert not rule(["{object} ~3 sold", "re:grant\\s+licence"], ["sold", "grant"]).triggers[0].gates


def test_builtin_patterns_compile_when_first_used_and_all_compile():
    """Loading the rules compiles none of the trigger regexes (a contract needs few: start-up time),
    and every one of them compiles."""
    import re

    from termcheck.rules.lazy import LazyRegex

    def patterns(ruleset):
        for r in ruleset.rules:
            yield from (r.unless, r.unless_context, r.weakened_by, r.hollowed_by)
            for t in r.triggers:
                yield from (t.pattern, t.requires, t.near, t.negating)

    ruleset = load_rules()
    lazy = [p for p in patterns(ruleset) if p is not None]
    assert len(lazy) > 200 and all(isinstance(p, LazyRegex) and "search" not in vars(p) for p in lazy)
    assert not ruleset.bound
    ruleset.compile_all()
    assert all(isinstance(p, re.Pattern) for p in patterns(ruleset) if p is not None)
    assert [p.pattern for p in patterns(ruleset) if p is not None] == [p.pattern for p in lazy]
    assert set(ruleset.bound) == set(ruleset.cue_targets)


def test_the_first_long_contract_forks_with_nothing_compiled_and_later_ones_with_everything():
    """Compiling every regex takes longer than a long contract's two halves take to compile what each needs, so the
    first fork compiles nothing ahead; a second long contract in the same process (a library loop) pays it once."""
    import re

    ruleset = load_rules()
    ruleset.before_fork()
    patterns = [t.pattern for r in ruleset.rules for t in r.triggers]
    assert not any(isinstance(p, re.Pattern) for p in patterns) and not ruleset.bound
    ruleset.before_fork()
    assert all(isinstance(t.pattern, re.Pattern) for r in ruleset.rules for t in r.triggers)
    assert set(ruleset.bound) == set(ruleset.cue_targets)


def test_a_lazy_regex_answers_as_the_compiled_one():
    """The same answers as re.compile for every method the engine uses; a bad source fails on first use."""
    import copy
    import re

    from termcheck.rules.lazy import lazy_compile

    source = r"(?<![\w])(?:perpetu\w*|irrevocabl\w*)(?![\w])"
    text = "An irrevocable and perpetual licence, in perpetuity."
    lazy, compiled = lazy_compile(source), re.compile(source)
    assert lazy.pattern == source
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search(text, 20).span() == compiled.search(text, 20).span()  # type: ignore[union-attr]
    assert lazy.match(text, 3) and not lazy.match(text) and lazy.findall(text) == compiled.findall(text)
    assert copy.deepcopy(lazy_compile(source)).pattern == source
    with pytest.raises(re.error):
        lazy_compile("(unclosed").search("x")


def test_a_gate_is_the_phrase_split_at_its_cue_word():
    """A cue found in a contract is passed over when no phrase can hold it there: the words before
    the cue must end where it starts, and the rest must go on from it. A cue that need not start its
    part of the phrase has no gate."""
    import re

    from termcheck.rules.phrases import phrase_gate

    lexicon = {"object": ["the sound recordings", "voice"]}
    split = phrase_gate("may sublicense ... {object}", lexicon)
    assert split is not None
    head, tail = (re.compile(rf"(?<![\w])(?:{split[0]})\Z"), re.compile(split[1]))
    text = "the company may sublicense to any party the sound recordings"
    o = text.index("sublicense")
    assert tail.match(text, o) and head.search(text, 0, o)
    assert not tail.match("sublicense fees are due") and not head.search("you must sublicense", 0, 9)
    # no words before the cue, or only optional ones: nothing to ask of the text before it
    assert phrase_gate("sublicense ... {object}", lexicon)[0] is None  # type: ignore[index]
    assert phrase_gate("[any] sublicense", lexicon)[0] is None  # type: ignore[index]
    assert phrase_gate("erase {object}", {"object": ["the sound recordings"]}) is None  # its cue is "recordings", inside the entry
    assert phrase_gate("non-revocable", lexicon) is None  # the cue "revocable" is the word's second piece
    assert phrase_gate("re:perpetu\\w+", lexicon) is None


def test_no_gap_follows_a_leading_or_elided_optional_word():
    """'[the] ~2 performer' would need a separator after the gap's words that the optional word already took (it never
    matched 'the big performer'), and so would a gap after an elided '[l']' (fiftieth session, which made '[l']' run
    into the next word): the gap goes before the optional word, or the phrase is written without it."""
    import re

    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    suspicious = [
        f"{path.name}: {phrase}"
        for path in builtin_pack_paths()
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if not phrase.startswith("re:") and (re.match(r"\s*\[[^\]]*\]\s+~\d+", phrase) or re.search(r"\[[^\]]*'\]\s+~\d+", phrase))
    ]
    assert not suspicious


def test_no_gap_is_put_before_an_optional_word():
    """'named ~6 [only] if' gives the gap to the optional word: without 'only' nothing may come between 'named'
    and 'if' (it never matched 'named in the videos if I agree'), so the gap goes before the word that must be there."""
    import re

    import yaml

    from termcheck.rules.loader import builtin_pack_paths

    suspicious = [
        f"{path.name}: {phrase}"
        for path in builtin_pack_paths()
        for phrase in _pattern_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        if not phrase.startswith("re:") and re.search(r"~\d+\s+\[", phrase)
    ]
    assert not suspicious
