"""The wheel's store (rules/precompiled.py): the same regexes and rules as loading them, used only when it fits."""

from __future__ import annotations

import dataclasses
import marshal
import re
import shutil

import pytest
from conftest import CORPUS, EXAMPLES

from termcheck.api import check_text
from termcheck.rules import precompiled
from termcheck.rules.loader import builtin_pack_paths, load_rules

pytestmark = pytest.mark.skipif(precompiled.interpreter_key() is None, reason="this Python cannot store compiled regexes")


@pytest.fixture(scope="module")
def sources() -> set[str]:
    return load_rules().regex_sources()


@pytest.fixture(scope="module")
def sample(sources) -> list[str]:
    """Every source of up to 2,000 characters (seven in ten), one in twenty of the longer ones, and the
    longest: re's compiler works alike on a source of any length, and the longer ones are most of the
    14 million characters, so compiling them all twice more here would cost this file a minute and a half."""
    longer = sorted((s for s in sources if len(s) > 2_000), key=lambda s: (len(s), s))
    return sorted(s for s in sources if len(s) <= 2_000) + longer[::20] + longer[-1:]


@pytest.fixture(scope="module")
def compiled_by_re(sample) -> dict[str, re.Pattern[str]]:
    """The sample compiled once by re (the tests below share them)."""
    return {source: re.compile(source) for source in sample}


@pytest.fixture(scope="module")
def store(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / precompiled.STORE_NAME
    path.write_bytes(precompiled.build_store(sample, workers=1))
    return precompiled.read_store(path)


def test_a_stored_regex_is_the_one_re_compiles(sample, store, compiled_by_re):
    # Pattern equality compares the source, the flags and the compiled code itself.
    assert store.regexes.keys() == set(sample) and len(sample) > 2000
    for source in sample:
        rebuilt = precompiled.compile_regex(source, store)
        assert rebuilt == compiled_by_re[source], source[:80]
        assert rebuilt.groupindex == compiled_by_re[source].groupindex


def test_a_store_compiled_in_worker_processes_is_the_one_compiled_in_one(sample):
    """setup.py compiles on every core; the store's bytes do not depend on which process compiled what."""
    some = sample[::40]
    assert precompiled.build_store(some, workers=3) == precompiled.build_store(some, workers=1)


def test_regexes_an_earlier_store_holds_are_reused_and_only_new_ones_compiled(sample, monkeypatch):
    """A rebuild takes what an earlier store of this Python holds and compiles the rest: the same bytes."""
    some = sample[::40]
    whole = precompiled.build_store(some, workers=1)
    earlier = dict(list(precompiled._compile_entries(some).items())[::2])
    asked: list[str] = []
    compile_in_workers = precompiled._compile_in_workers
    monkeypatch.setattr(precompiled, "_compile_in_workers", lambda sources, workers: asked.extend(sources) or compile_in_workers(sources, workers))
    assert precompiled.build_store(some, workers=1, earlier=earlier) == whole
    assert sorted(asked) == sorted(set(some) - earlier.keys()) and asked


def test_a_build_reads_the_stores_earlier_builds_left(tmp_path, monkeypatch):
    """write_store (setup.py) reuses what the stores in earlier build folders hold, skips unreadable
    and missing ones, says how many it reused, and stores termcheck's own regexes apart. Compiling
    is recorded, not done, to be quick."""
    sources = sorted(load_rules(use_store=False).regex_sources())
    fake: precompiled.Entry = (0, b"", 0, {}, ())
    half = {source: fake for source in sources[::2]}
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / precompiled.STORE_NAME).write_bytes(precompiled.build_store(half, earlier=half))
    (tmp_path / "old" / precompiled.CODE_STORE_NAME).write_bytes(b"not a store")
    asked: list[list[precompiled.Key]] = []
    monkeypatch.setattr(precompiled, "_compile_in_workers", lambda todo, workers: asked.append(todo) or dict.fromkeys(todo, fake))
    (tmp_path / "new").mkdir()
    written = precompiled.write_store(tmp_path / "new", [tmp_path / "old", tmp_path / "missing"])
    code = list(precompiled._CODE_KEYS)
    assert written == (tmp_path / "new" / precompiled.STORE_NAME, len(sources), len(half), len(code))
    assert sorted(asked[0]) == sources[1::2] and sorted(asked[1]) == sorted(code)
    assert precompiled.read_store(written.path).regexes.keys() == set(sources)
    assert precompiled.read_store(tmp_path / "new" / precompiled.CODE_STORE_NAME).regexes.keys() == set(code)


def test_termcheck_s_own_regexes_are_stored_as_re_compiles_them(tmp_path):
    """The modules' constants (code_regex), with the flags they are compiled with: the same patterns
    rebuilt from the code store as from re, and every module that checks a contract asks for them."""
    import termcheck.engine  # noqa: F401 - its imports are the modules a check needs

    keys = list(precompiled._CODE_KEYS)
    assert len(keys) > 200 and any(flags for _, flags in keys)
    path = tmp_path / precompiled.CODE_STORE_NAME
    path.write_bytes(precompiled.build_store(keys, workers=1))
    store = precompiled.read_store(path)
    for source, flags in keys:
        entry = store.regexes[(source, flags)]
        assert precompiled._rebuilt(source, entry) == re.compile(source, flags), source[:80]


def test_a_rebuilt_regex_matches_like_the_original(store):
    source = next(s for s in store.regexes if "performer" in s and "credited" in s)
    text = "the performer is credited in the end titles. the performers are duly credited."
    assert [m.span() for m in precompiled.compile_regex(source, store).finditer(text)] == [m.span() for m in re.finditer(source, text)]


def test_a_regex_the_store_lacks_is_compiled_by_re(store):
    assert precompiled.compile_regex(r"(?P<word>not in any rule)", store).groupindex == {"word": 1}


def test_every_regex_the_rules_compile_is_one_the_store_can_hold(monkeypatch, sources):
    compiled: list[str] = []
    stand_in = re.compile("")  # compiling is recorded, not done: the test above compares what is stored

    class Recorder:
        @staticmethod
        def compile(source: str) -> re.Pattern[str]:
            compiled.append(source)
            return stand_in

    monkeypatch.setattr(precompiled, "re", Recorder)
    monkeypatch.setattr(precompiled, "INSTALLED_STORE", precompiled.INSTALLED_STORE.with_name("absent.bin"))
    ruleset = load_rules()
    ruleset.compile_all()
    assert len(compiled) > 1000
    assert set(compiled) <= sources


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal data at all",
        marshal.dumps((2, "another python 2.7.18", {}, "", b"")),
        marshal.dumps((99, precompiled.interpreter_key(), {}, "", b"")),
        marshal.dumps((2, precompiled.interpreter_key(), ["not", "a", "dict"], "", b"")),
        marshal.dumps(["a list"]),
    ],
    ids=["empty", "garbage", "other-interpreter", "other-format", "bad-regexes", "other-shape"],
)
def test_a_store_this_python_did_not_build_is_not_read(tmp_path, content):
    path = tmp_path / precompiled.STORE_NAME
    path.write_bytes(content)
    assert precompiled.read_store(path) == precompiled.Store({})


def test_no_store_is_no_store(tmp_path):
    assert precompiled.read_store(tmp_path / "missing.bin") == precompiled.Store({})


def _marked_store(tmp_path, packs):
    """A store (no regexes, to be quick) whose rule set is told apart by a title."""
    ruleset = load_rules(use_store=False)
    ruleset.rules[0].title = "FROM THE STORE"
    path = tmp_path / precompiled.STORE_NAME
    path.write_bytes(precompiled.build_store([], ruleset, packs))
    return path


def test_the_stored_rule_set_is_used_only_for_the_built_in_packs_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(precompiled, "INSTALLED_STORE", _marked_store(tmp_path, builtin_pack_paths()))
    assert load_rules().rules[0].title == "FROM THE STORE"
    assert load_rules(use_store=False).rules[0].title != "FROM THE STORE"
    assert load_rules(validate_builtin=True).rules[0].title != "FROM THE STORE"  # `termcheck rules test` reads the YAML
    pack = tmp_path / "extra.yaml"
    pack.write_text("rules: []\n", encoding="utf-8")
    assert load_rules([str(pack)]).rules[0].title != "FROM THE STORE"


def test_a_stored_rule_set_is_not_used_once_a_pack_changes(tmp_path):
    copies = []
    for path in builtin_pack_paths():
        copies.append(tmp_path / path.name)
        shutil.copyfile(path, copies[-1])
    store = precompiled.read_store(_marked_store(tmp_path, copies))
    stored = precompiled.stored_ruleset(copies, store)
    assert stored is not None
    # a rule names its pack where it is now (`rules explain`), not where the store was built
    assert {rule.source for rule in stored.rules} == {str(path) for path in copies if path.name != "lexicon.yaml"}
    with copies[-1].open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert precompiled.stored_ruleset(copies, store) is None


def test_a_stored_rule_set_is_not_used_once_termcheck_s_code_changes(tmp_path, monkeypatch):
    # a pickled rule set is made of termcheck's classes: edited code (an editable install) loads the YAML
    code = tmp_path / "termcheck"
    shutil.copytree(precompiled._PACKAGE, code, ignore=shutil.ignore_patterns("*.bin", "__pycache__", "builtin_rules"))
    monkeypatch.setattr(precompiled, "_PACKAGE", code)
    store = precompiled.read_store(_marked_store(tmp_path, builtin_pack_paths()))
    assert precompiled.stored_ruleset(builtin_pack_paths(), store) is not None
    with (code / "rules" / "model.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert precompiled.stored_ruleset(builtin_pack_paths(), store) is None


def _texts():
    yield from sorted(EXAMPLES.glob("*.txt"))
    if CORPUS.is_dir():
        yield from sorted((CORPUS / "cuad" / "contracts").glob("*.txt"))[:4]


@pytest.fixture(scope="module")
def both_rule_sets(tmp_path_factory):
    """The rule set read back from a store, and the same rules loaded from the YAML."""
    store = precompiled.read_store(_marked_store(tmp_path_factory.mktemp("marked"), builtin_pack_paths()))
    stored = precompiled.stored_ruleset(builtin_pack_paths(), store)
    assert stored is not None
    loaded = load_rules(use_store=False)
    stored.rules[0].title = loaded.rules[0].title
    return stored, loaded


@pytest.mark.parametrize("path", list(_texts()), ids=lambda p: p.stem[:40])
def test_the_stored_rule_set_reports_what_the_loaded_one_does(path, both_rule_sets):
    stored, loaded = both_rule_sets
    text = path.read_text(encoding="utf-8", errors="replace")
    assert dataclasses.asdict(check_text(text, rules=stored)) == dataclasses.asdict(check_text(text, rules=loaded))
