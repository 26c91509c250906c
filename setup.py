"""Build hook: a wheel carries the built-in rules loaded, and their regexes compiled, by the Python that builds it.

Everything else about the package is in pyproject.toml. Loading the rules and compiling their 4,300
regexes takes about a minute of pure Python on one core (half that on two: the build compiles on every
core); a store of both, made here once, makes a first check fast
(src/termcheck/rules/precompiled.py). A build reuses the regexes of the stores earlier builds of
this tree left (build/lib, an editable install's), so a rebuild compiles only new sources. Without the
store termcheck works the same, only slower to start, so a build that cannot make it says why and goes on.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Optional

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCompiledRegexes(build_py):
    """build_py, then the compiled rules written into the built package (for an editable
    install, into the source package, which is what such an install runs)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            source = Path(self.get_package_dir("termcheck"))
            _write_store(source.parent, source / "rules", Path(self.get_package_dir("termcheck.builtin_rules")))
        else:
            _write_store(Path(self.build_lib), Path(self.build_lib) / "termcheck" / "rules")


# Stores earlier builds of this source tree left (a regular build's, an editable install's): their
# compiled regexes are reused, so a rebuild compiles only what changed (rules/precompiled.py).
HERE = Path(__file__).resolve().parent
EARLIER_BUILDS = [HERE / "build" / "lib" / "termcheck" / "rules", HERE / "src" / "termcheck" / "rules"]


def _write_store(importable: Path, folder: Path, builtin_rules: Optional[Path] = None) -> None:
    """Import termcheck from importable and write its store into folder; a failure is only reported.

    builtin_rules: where termcheck.builtin_rules is when importable does not hold it (a source tree,
    where pyproject.toml maps the package to the top-level rules/ folder).
    """
    sys.path.insert(0, str(importable))
    try:
        if builtin_rules is not None:
            spec = importlib.util.spec_from_file_location(
                "termcheck.builtin_rules", builtin_rules / "__init__.py", submodule_search_locations=[str(builtin_rules)]
            )
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            spec.loader.exec_module(module)
        from termcheck.rules.precompiled import write_store

        written = write_store(folder, dict.fromkeys([folder, *EARLIER_BUILDS]))
        print(
            f"termcheck: compiled the built-in rules into {written.path} ({written.regexes} regexes, {written.reused} of them"
            f" from an earlier build) and {written.code} of termcheck's own regexes beside it"
        )
    except Exception as exc:  # noqa: BLE001 - the store is an optimisation; the build must not fail for it
        print(f"termcheck: no compiled rules ({exc.__class__.__name__}: {exc}); checks will compile as they go", file=sys.stderr)
    finally:
        sys.path.remove(str(importable))
        for name in [m for m in sys.modules if m == "termcheck" or m.startswith("termcheck.")]:
            del sys.modules[name]


setup(cmdclass={"build_py": BuildPyWithCompiledRegexes})
