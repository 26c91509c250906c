"""Load rule packs: built-in YAML shipped with the package, and user packs given with --rules."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import yaml

from termcheck import yamlfile
from termcheck.errors import UsageError
from termcheck.parties import ALIAS_PHRASES
from termcheck.recordings import RECORDING_PHRASES
from termcheck.rules.model import CompiledRule, CompiledTrigger, CueGate, RuleSet, build_prefilter
from termcheck.rules.negation import NEG_CUE
from termcheck.rules.phrases import Lexicon, PhraseError, Split, compile_phrases, guard, hand_cue_split, phrase_cue_reach, phrase_cues, phrase_gate, phrase_reach, phrase_regex, shared_source
from termcheck.rules.schema_groups import GROUP_TITLES

# Defaults of the fields a built-in rule may leave out; tests check they equal schema.py's.
RULE_DEFAULTS: dict[str, Any] = {
    "severity": "fail", "languages": ["en"], "zones": ["operative", "table"], "unless": [], "unless_in_clause": [], "unless_in_document": [], "unless_terms_mean": [], "unless_context": [],
    "weakened_by": [], "hollowed_by": [], "quantity": None, "perpetual_from": None, "escalate": None, "references": [],
    "waived_by": [], "heading_yields_to": [],
}
TRIGGER_DEFAULTS: dict[str, Any] = {
    "effect": None, "requires": [], "near": [], "unless": [], "party": "any", "negation": None, "via_definitions": False,
    "requires_via_definitions": False, "defined_terms_mean": [], "cited_sections_titled": [], "requires_in_clause": False, "requires_in_document": False, "requires_in_related": False, "unless_reads_clause": False,
    "cancelled_by_term": False, "settles": False, "outweighed_by_grant": False, "fallback": False, "yields_to_refusal": False, "message": None, "value": None, "cues": [],
}
QUANTITY_DEFAULTS: dict[str, Any] = {"pass_max": None, "warn_max": None, "vague": "warn", "missing": "unknown", "found": "pass", "perpetual_min": None, "renewing": None}


class RulePackError(UsageError):
    """One or more rules in one or more packs are invalid; every problem is listed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid rule pack:\n" + "\n".join(problems))
        self.problems = problems


def builtin_pack_paths() -> list[Path]:
    """The YAML packs shipped in termcheck.builtin_rules (the top-level rules/ folder)."""
    root = resources.files("termcheck.builtin_rules")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml")))


def pack_paths(path: str) -> list[Path]:
    """A pack file, or every .yaml/.yml file in a folder."""
    p = Path(path)
    if p.is_dir():
        return sorted(x for x in p.iterdir() if x.suffix in (".yaml", ".yml"))
    if not p.exists():
        raise UsageError(f"{path}: no such rule pack")
    return [p]


def _read_pack(path: Path) -> tuple[dict[str, Any], list[int], list[str]]:
    """Parse one pack file: its data, the line of each rule, and any problems."""
    try:
        data, node = yamlfile.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [], [f"{path}: cannot read: {exc.__class__.__name__}"]
    except yaml.YAMLError as exc:
        line, problem = yamlfile.error_text(exc)
        return {}, [], [f"{path}{f':{line}' if line else ''}: not valid YAML: {problem}"]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, [], [f"{path}:1: a rule pack is a mapping with 'rules' (and optionally 'lexicon')"]
    return data, yamlfile.item_lines(node, "rules"), yamlfile.repeated_key_problems(path, node)


def _validate(path: Path, data: dict[str, Any], lines: list[int]) -> list[str]:
    """Every schema problem in a pack as 'file:line: rule-id: field: problem'."""
    from pydantic import ValidationError

    from termcheck.rules.schema import Pack, Rule

    problems = []
    try:
        Pack.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(x) for x in err["loc"])
            if not loc.startswith("rules."):
                problems.append(f"{path}:1: (pack): {loc}: {err['msg']}")
    for i, raw in enumerate(data.get("rules") or []):
        line = lines[i] if i < len(lines) else 1
        rid = raw.get("id", f"(rule {i + 1})") if isinstance(raw, dict) else f"(rule {i + 1})"
        try:
            Rule.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(x) for x in err["loc"]) or "(rule)"
                problems.append(f"{path}:{line}: {rid}: {loc}: {err['msg']}")
    return problems


def _user_regex_engine() -> Any:
    """RE2 (linear time) for patterns from user packs, with its error logging off."""
    import re2

    options = re2.Options()
    options.log_errors = False
    return lambda src: re2.compile(src, options)


def _compile(src_phrases: list[str], lexicon: dict[str, list[str]], user: bool) -> Optional[Any]:
    """Compile a phrase list for the engine of its pack (re for built-ins, RE2 for user packs)."""
    if not src_phrases:
        return None
    if not user:
        return compile_phrases(src_phrases, lexicon)
    body = "|".join(phrase_regex(p, lexicon) for p in src_phrases)
    return _user_regex_engine()(rf"\b(?:{body})\b")


def _add_phrase_cues(
    phrase: str, own: set[str], cue_reach: dict[str, tuple[int, int]], splits: dict[str, list[Split]], ungated: set[str],
    lexicon: Lexicon,
) -> None:
    """Record a phrase's own cues in a trigger's tables: how far a match reaches on each side of them, and the split
    of the phrase that gates them (with none, they stay ungated)."""
    before, after = phrase_cue_reach(phrase, lexicon)
    for cue in own:
        was = cue_reach.get(cue, (0, 0))
        cue_reach[cue] = (max(was[0], before), max(was[1], after))
    split = phrase_gate(phrase, lexicon)
    if split is None:
        ungated |= own
    else:
        for cue in own:
            splits.setdefault(cue, []).append(split)


def _with_hand_cues(
    phrases: list[str], named: set[str], named_reach: dict[str, tuple[int, int]], lexicon: Lexicon
) -> tuple[set[str], dict[str, tuple[int, int]], dict[str, list[Split]], set[str]]:
    """A trigger's cues when its author named some: those, and the own cue of each phrase that holds
    no word made of them alone; with each cue's reach, the phrase splits that gate it, and the cues
    left ungated.

    Cues only spare the engine clauses where no phrase can match: a phrase with none of the named cues
    ("keep it out of new releases" under cues [future, later]) would otherwise never be read where
    those words are missing, so it is found by its own cue, as in a trigger without `cues:`.
    """
    cues, cue_reach = set(named), dict(named_reach)
    splits: dict[str, list[Split]] = {}
    ungated: set[str] = set()
    opaque = False  # a phrase whose certain word only its author knows (a raw regex, a lexicon entry)
    for p in phrases:
        hand = hand_cue_split(p, named, lexicon)
        if hand is not None:
            held, split = hand
            for cue in held:
                splits.setdefault(cue, []).append(split)
            continue
        own = phrase_cues(p, lexicon)
        if not own:
            opaque = True
            continue
        cues |= own
        _add_phrase_cues(p, own, cue_reach, splits, ungated, lexicon)
    # A named cue may sit anywhere in an opaque phrase's match: none is gated then.
    ungated = set(cues) if opaque else ungated | (cues - splits.keys())
    return cues, cue_reach, splits, ungated


def _cue_gate(splits: list[Split], lexicon: Mapping[str, Sequence[str]]) -> CueGate:
    """The gate of phrases split at their cue words into (the words before, or None; the rest; what
    the words before start with)."""

    def either(parts: list[str], template: str) -> Optional[str]:
        return shared_source(template.format("|".join(parts)), lexicon) if parts else None

    heads = [head for head, _, _ in splits if head is not None]
    # The words before the cue are searched for in the stretch before it: a guard turns away the
    # words they cannot start at (start_guard.py).
    head_guard = guard([prefixes for head, _, prefixes in splits if head is not None])
    return CueGate(
        starting=either([rest for head, rest, _ in splits if head is None], r"(?:{})(?![\w])"),
        going_on=either([rest for head, rest, _ in splits if head is not None], r"(?:{})(?![\w])"),
        before=shared_source(r"(?<![\w])" + head_guard + "(?:" + "|".join(heads) + r")\Z", lexicon) if heads else None,
    )


def _compile_rule(raw: dict[str, Any], lexicon: Lexicon, source: str, line: int, user: bool) -> CompiledRule:
    """Turn one (valid) rule mapping into a CompiledRule."""
    r = {**RULE_DEFAULTS, **raw}
    default_effect = {"red_flag": "flag", "protection": "grant", "threshold": "value"}[r["kind"]]
    triggers = []
    for t_raw in r["triggers"]:
        t = {**TRIGGER_DEFAULTS, **t_raw}
        effect = t["effect"] or default_effect
        negation = t["negation"] or ("ignore" if effect in ("refuse", "weaken", "value") else "invert")
        cues: set[str] = {c.lower() for c in t["cues"]}
        reach = max(phrase_reach(p, lexicon) for p in t["phrases"])
        # A cue the author named may sit anywhere in a match: it is given the whole reach on both sides.
        cue_reach = {c: (reach, reach) for c in cues}
        # cue -> the parts before it and from it on of the phrases it cues
        splits: dict[str, list[Split]] = {}
        ungated: set[str] = set(cues)  # cues of a phrase without such a part
        if not cues:
            for p in t["phrases"]:
                c = phrase_cues(p, lexicon)
                if not c:  # a phrase without a certain literal: try this trigger on every clause
                    cues, cue_reach, splits = set(), {}, {}
                    break
                cues |= c
                _add_phrase_cues(p, c, cue_reach, splits, ungated, lexicon)
        else:
            cues, cue_reach, splits, ungated = _with_hand_cues(t["phrases"], cues, cue_reach, lexicon)
        # User packs stay with RE2 alone: a gate is a Python regex.
        gates = {} if user else {cue: _cue_gate(splits[cue], lexicon) for cue in cues - ungated}
        pattern = _compile(t["phrases"], lexicon, user)
        assert pattern is not None  # the schema requires at least one phrase
        negating = _compile([p for p in t["phrases"] if NEG_CUE.search(p.lower())], lexicon, user)
        triggers.append(
            CompiledTrigger(
                pattern=pattern,
                effect=effect,
                requires=_compile(t["requires"], lexicon, user),
                near=_compile(t["near"], lexicon, user),
                unless=_compile(t["unless"], lexicon, user),
                unless_reads_clause=t["unless_reads_clause"],
                party=t["party"],
                negation=negation,
                via_definitions=t["via_definitions"],
                requires_via_definitions=t["requires_via_definitions"],
                defined_terms_mean=_compile(t["defined_terms_mean"], lexicon, user),
                cited_sections_titled=_compile(t["cited_sections_titled"], lexicon, user),
                requires_reach=(
                    "document" if t["requires_in_document"] else "related" if t["requires_in_related"]
                    else "clause" if t["requires_in_clause"] else "sentence"
                ),
                cancelled_by_term=t["cancelled_by_term"],
                settles=t["settles"],
                outweighed_by_grant=t["outweighed_by_grant"] or t["fallback"],
                fallback=t["fallback"],
                yields_to_refusal=t["yields_to_refusal"],
                message=t["message"],
                value=t["value"],
                cues=frozenset(cues),
                negating=negating,
                reach=reach,
                cue_reach=cue_reach,
                gates=gates,
            )
        )
    quantity = {**QUANTITY_DEFAULTS, **r["quantity"]} if r["quantity"] else None
    return CompiledRule(
        id=r["id"], title=r["title"], group=r["group"], kind=r["kind"], severity=r["severity"],
        languages=list(r["languages"]), zones=frozenset(r["zones"]), triggers=triggers,
        explanation=" ".join(r["explanation"].split()), question=" ".join(r["question"].split()),
        references=list(r["references"]), examples=dict(r["examples"]),
        unless=_compile(r["unless"], lexicon, user), unless_in_clause=_compile(r["unless_in_clause"], lexicon, user),
        unless_in_document=_compile(r["unless_in_document"], lexicon, user),
        unless_terms_mean=_compile(r["unless_terms_mean"], lexicon, user),
        unless_context=_compile(r["unless_context"], lexicon, user),
        weakened_by=_compile(r["weakened_by"], lexicon, user), hollowed_by=_compile(r["hollowed_by"], lexicon, user),
        quantity=quantity, perpetual_from=r["perpetual_from"], escalate=r["escalate"], waived_by=list(r["waived_by"]),
        heading_yields_to=list(r["heading_yields_to"]),
        source=source, line=line,
    )


def load_rules(extra: Iterable[str] = (), validate_builtin: bool = False, builtin: bool = True, use_store: bool = True) -> RuleSet:
    """Load the built-in packs and any user packs; raise RulePackError listing every bad rule.

    The built-in packs alone, unvalidated, come from the wheel's store when it has them as they are
    (precompiled.py); use_store=False loads them from the YAML regardless.
    """
    extra = list(extra)
    builtin_packs = builtin_pack_paths() if builtin else []
    if builtin and not extra and not validate_builtin and use_store:
        from termcheck.rules.precompiled import stored_ruleset

        ready = stored_ruleset(builtin_packs)
        if ready is not None:
            return ready
    packs: list[tuple[Path, bool]] = [(p, False) for p in builtin_packs]
    for given in extra:
        packs.extend((p, True) for p in pack_paths(given))
    problems: list[str] = []
    lexicon = Lexicon()
    parsed = []
    for path, user in packs:
        data, lines, errs = _read_pack(path)
        problems.extend(errs)
        if errs:
            continue
        if user or validate_builtin:
            problems.extend(_validate(path, data, lines))
        for name, phrases in (data.get("lexicon") or {}).items():
            lexicon.setdefault(name, []).extend(phrases)
        parsed.append((path, user, data, lines))
    if problems:
        raise RulePackError(problems)
    # the contract's own names for the performer (parties.py) and for the recordings (recordings.py), marked
    for name, phrases in [*ALIAS_PHRASES.items(), *RECORDING_PHRASES.items()]:
        if name in lexicon:
            lexicon[name].extend(phrases)
    rules: list[CompiledRule] = []
    seen: dict[str, str] = {}
    for path, user, data, lines in parsed:
        for i, raw in enumerate(data.get("rules") or []):
            line = lines[i] if i < len(lines) else 1
            rid = raw.get("id", "?")
            if rid in seen:
                problems.append(f"{path}:{line}: {rid}: id: already defined in {seen[rid]}")
                continue
            if user and "." not in rid and rid not in seen:
                problems.append(f"{path}:{line}: {rid}: id: a third-party rule id needs a pack prefix ('pack.{rid}')")
                continue
            seen[rid] = f"{path}"
            try:
                rules.append(_compile_rule(raw, lexicon, str(path), line, user))
            except (PhraseError, re.error) as exc:
                problems.append(f"{path}:{line}: {rid}: phrases: {exc}")
            except Exception as exc:  # RE2 rejects what it cannot run in linear time
                if type(exc).__module__.startswith("re2"):
                    problems.append(f"{path}:{line}: {rid}: phrases: not supported by the linear-time engine: {exc}")
                else:
                    raise
    if problems:
        raise RulePackError(problems)
    order = list(GROUP_TITLES)
    rules.sort(key=lambda r: order.index(r.group))  # the checklist's order; stable within a group
    ruleset = build_prefilter(rules)
    ruleset.lexicon = lexicon
    return ruleset
