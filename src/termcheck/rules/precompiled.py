"""The built-in rules loaded and their regexes compiled ahead of time, when the wheel is built.

Python's re parses a pattern in pure Python: the built-in rules' 4,300 regexes (14 million
characters, each lexicon entry spelled out wherever a phrase names it) take about 55 s to compile on
one core, and a first check of the shipped voice buy-out example compiles enough of them to take
18 s; turning the YAML packs into rules takes another half second. Building the wheel (setup.py)
does both once, on every core, and stores the result next to the rules: what CPython's compiler made
of each regex, and the loaded rule set itself. At run time a regex found there is rebuilt in
microseconds and the rule set is read back in milliseconds.

The store only ever saves time. It is used only by the exact interpreter that built it (version
and re's format number); a regex is looked up by its whole source; the rule set is used only when
the built-in packs and termcheck's code are byte for byte those it was made from and no user pack
is added; anything missing, unreadable or different falls back to loading and compiling as before.
An editable install gets its store in the source tree (setup.py), where an edit to a rule or to the
code makes the stored rule set unused until the next install. The store is written only at build
time: termcheck never writes it while running.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import pickle
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple, Optional, Pattern, Union

if TYPE_CHECKING:
    from termcheck.rules.model import RuleSet

STORE_NAME = "compiled_rules.bin"
INSTALLED_STORE = Path(__file__).with_name(STORE_NAME)  # made by setup.py: absent from a plain source tree
# termcheck's own regexes (the modules' constants), apart: a process that reads a PDF, or starts
# before it knows it will check anything, reads this small store and not the rules' 28 MB.
CODE_STORE_NAME = "compiled_code.bin"
CODE_STORE = Path(__file__).with_name(CODE_STORE_NAME)
_PACKAGE = Path(__file__).parents[1]
_FORMAT = 2

# A stored regex: the arguments CPython's re passes to _sre.compile, the code packed and zipped.
Entry = tuple[int, bytes, int, dict[str, int], tuple[Optional[str], ...]]
# A regex is stored under its source (the rules' regexes, whose flags are inline), or its source and
# the flags re.compile is given (termcheck's own).
Key = Union[str, tuple[str, int]]


class Store(NamedTuple):
    """What a store holds: compiled regexes by source, and the pickled rule set with its packs' digest."""

    regexes: dict[Key, Entry]
    packs: str = ""
    ruleset: bytes = b""


_NONE = Store({})


def interpreter_key() -> Optional[str]:
    """What a store must have been built by to be used here (None: this Python cannot use one)."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        from re import _constants  # type: ignore[attr-defined]  # CPython 3.11 and later
    except ImportError:
        return None
    if array("I").itemsize != _sre.CODESIZE:
        return None
    return f"{sys.version} {_constants.MAGIC} {_sre.CODESIZE} {sys.maxunicode}"


def compile_regex(source: str, store: Optional[Store] = None) -> Pattern[str]:
    """The compiled regex: rebuilt from the store (the installed one unless given) when it holds
    this source, else compiled by re."""
    entry = (read_store(INSTALLED_STORE) if store is None else store).regexes.get(source)
    return re.compile(source) if entry is None else _rebuilt(source, entry)


# The keys code_regex was asked for in this process: what the build stores (write_store imports
# every module first). Only ever added to, once per module constant.
_CODE_KEYS: dict[tuple[str, int], None] = {}


def code_regex(source: str, flags: int = 0) -> Pattern[str]:
    """re.compile(source, flags) for termcheck's own regexes, rebuilt from the installed code store
    when it holds them: a module's constants cost microseconds to import, not a quarter of a second."""
    key = (source, int(flags))
    _CODE_KEYS[key] = None
    entry = read_store(CODE_STORE).regexes.get(key)
    return re.compile(source, flags) if entry is None else _rebuilt(source, entry)


def _rebuilt(source: str, entry: Entry) -> Pattern[str]:
    """The pattern made from a stored entry, as re's compiler would have ended."""
    import _sre

    flags, packed, groups, groupindex, indexgroup = entry
    code = array("I", zlib.decompress(packed)).tolist()
    return _sre.compile(source, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def stored_ruleset(packs: list[Path], store: Optional[Store] = None) -> Optional[RuleSet]:
    """The rule set loaded from exactly these packs at build time, if the store (the installed one
    unless given) has it; None otherwise."""
    store = read_store(INSTALLED_STORE) if store is None else store
    if not store.ruleset or store.packs != packs_digest(packs):
        return None
    ruleset: RuleSet = pickle.loads(zlib.decompress(store.ruleset))
    here = {path.name: str(path) for path in packs}
    for rule in ruleset.rules:  # each rule names its pack where it is now, not where the wheel was built
        rule.source = here.get(Path(rule.source).name, rule.source)
    return ruleset


def packs_digest(packs: list[Path]) -> str:
    """A digest of the packs' names and bytes, and of termcheck's own code (which a pickled rule set
    is made of): a stored rule set fits only while this is unchanged."""
    digest = hashlib.sha256()
    named = [(path.name, path) for path in packs]
    named += [(str(path.relative_to(_PACKAGE)), path) for path in sorted(_PACKAGE.rglob("*.py"))]
    for name, path in named:
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def read_store(path: Path) -> Store:
    """The store at path, if this interpreter built it (an empty one otherwise); read once per process."""
    key = interpreter_key()
    if key is None:
        return _NONE
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return _NONE
    if not (isinstance(data, tuple) and len(data) == 5 and data[0] == _FORMAT and data[1] == key):
        return _NONE
    _, _, regexes, packs, ruleset = data
    if not (isinstance(regexes, dict) and isinstance(packs, str) and isinstance(ruleset, bytes)):
        return _NONE
    return Store(regexes, packs, ruleset)


def build_store(
    sources: Iterable[Key],
    ruleset: Optional[RuleSet] = None,
    packs: Optional[list[Path]] = None,
    workers: Optional[int] = None,
    earlier: Optional[dict[Key, Entry]] = None,
) -> bytes:
    """The store of these regexes compiled by this interpreter, and of the rule set loaded from
    packs, as bytes to write (setup.py); workers: processes to compile in (default: one per core);
    earlier: regexes an earlier store of this interpreter holds, taken as they are."""
    key = interpreter_key()
    if key is None:
        raise RuntimeError("this Python cannot use compiled regexes ahead of time")
    ordered = sorted(set(sources), key=_source_and_flags)
    earlier = earlier or {}
    compiled = {source: earlier[source] for source in ordered if source in earlier}
    compiled.update(_compile_in_workers([s for s in ordered if s not in compiled], workers or os.cpu_count() or 1))
    regexes = {source: compiled[source] for source in ordered}  # the same bytes whoever compiled what
    digest, pickled = "", b""
    if ruleset is not None and packs is not None:
        digest, pickled = packs_digest(packs), zlib.compress(pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL), 6)
    return marshal.dumps((_FORMAT, key, regexes, digest, pickled))


def _source_and_flags(key: Key) -> tuple[str, int]:
    """A key's source and the flags it is compiled with."""
    return (key, 0) if isinstance(key, str) else key


def _compile_in_workers(sources: list[Key], workers: int) -> dict[Key, Entry]:
    """The sources compiled, shared out over worker processes by size: re parses in pure Python, one
    core at a time, and the built-in rules' sources take about a minute on one (a wheel build waits
    for it). Where processes cannot be had, they are compiled here."""
    if workers < 2 or len(sources) < 2:
        return _compile_entries(sources)
    shares: list[list[Key]] = [[] for _ in range(workers)]
    for index, source in enumerate(sorted(sources, key=lambda k: len(_source_and_flags(k)[0]), reverse=True)):
        shares[index % workers].append(source)  # dealt largest first: the shares come out near equal
    try:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            return {source: entry for part in pool.map(_compile_entries, shares) for source, entry in part.items()}
    except (OSError, RuntimeError, ImportError, NotImplementedError):  # no process pool here (a sandbox, no /dev/shm)
        return _compile_entries(sources)


def _compile_entries(sources: list[Key]) -> dict[Key, Entry]:
    """Each source as re would compile it, stopping short of re's final _sre.compile call."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    regexes: dict[Key, Entry] = {}
    for key in sources:
        source, flags = _source_and_flags(key)
        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Optional[str]] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        packed = zlib.compress(array("I", code).tobytes(), 6)
        regexes[key] = (parsed.state.flags, packed, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return regexes


class Written(NamedTuple):
    """What write_store wrote: where, how many of the rules' regexes and how many of them came from
    earlier stores, and how many of termcheck's own."""

    path: Path
    regexes: int
    reused: int
    code: int


def write_store(folder: Path, earlier: Iterable[Path] = (), workers: Optional[int] = None) -> Written:
    """Load the built-in rules, compile every regex they use, and write both into folder (a build's
    termcheck/rules); then termcheck's own regexes into the code store beside it.

    earlier: folders holding the stores of previous builds (a build folder's, an editable install's).
    A compiled regex depends only on its source, its flags and the interpreter, which read_store
    checks, so the regexes they hold are taken as they are and only new ones are compiled: a build
    after an edit to one rule compiles that rule's regexes, not 14 million characters.
    """
    from termcheck.rules.loader import builtin_pack_paths, load_rules

    packs = builtin_pack_paths()
    ruleset = load_rules(use_store=False)
    sources = ruleset.regex_sources()
    known: dict[Key, Entry] = {}
    for place in earlier:
        known.update(_read_uncached(place / STORE_NAME).regexes)
        known.update(_read_uncached(place / CODE_STORE_NAME).regexes)
    path = folder / STORE_NAME
    path.write_bytes(build_store(sources, ruleset, packs, workers, known))
    _import_every_module()
    code = list(_CODE_KEYS)
    (folder / CODE_STORE_NAME).write_bytes(build_store(code, workers=workers, earlier=known))
    return Written(path, len(sources), len(sources & known.keys()), len(code))


def _import_every_module() -> None:
    """Import every termcheck module this environment can, so that each module's constants have asked
    code_regex for their patterns. A build has no PDF, DOCX or terminal libraries: a module that needs
    one is left out, and its regexes are compiled when it is imported, as before."""
    import importlib
    import pkgutil

    import termcheck

    for module in pkgutil.walk_packages(termcheck.__path__, "termcheck."):
        if module.name.endswith("__main__"):  # running it would run the command
            continue
        try:
            importlib.import_module(module.name)
        except Exception:  # noqa: BLE001 - a missing optional library; the store only saves time
            continue


def _read_uncached(path: Path) -> Store:
    """read_store without its memory: a build reads a store it is about to overwrite."""
    return read_store.__wrapped__(path)  # type: ignore[attr-defined,no-any-return]
