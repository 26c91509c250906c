"""The built wheel carries the rule packs and the JSON schema, and runs from a fresh environment."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from conftest import EXAMPLES, ROOT


def test_wheel_installs_and_checks_an_example(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)], check=True, timeout=300)
    wheel = next(tmp_path.glob("termcheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "termcheck/builtin_rules/lexicon.yaml" in names and "termcheck/builtin_rules/pay.yaml" in names
    assert "termcheck/schemas/report-v1.schema.json" in names
    assert "termcheck/rules/compiled_rules.bin" in names  # setup.py's store (rules/precompiled.py)
    assert "termcheck/rules/compiled_code.bin" in names  # and its store of termcheck's own regexes
    # PEP 639 licence metadata: the SPDX expression and the licence text itself
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: Apache-2.0" in metadata
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    # The new environment borrows this one's dependencies through PYTHONPATH (which does not run .pth
    # files, so an editable termcheck here stays invisible there) and gets termcheck from the wheel.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p.endswith("site-packages"))}
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, timeout=300)
    proc = subprocess.run(
        [str(venv / "bin" / "termcheck"), "--format", "json", str(EXAMPLES / "voice-buyout-release.txt")],
        capture_output=True, timeout=120, cwd=tmp_path, env=env,
    )
    assert proc.returncode == 1, proc.stderr
    assert b'"perpetual-license"' in proc.stdout
    where = subprocess.run([str(py), "-c", "import termcheck; print(termcheck.__file__)"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert str(venv) in where.stdout
    # The wheel's store was built by this Python: the installed termcheck loads its rules from there
    # and finds every regex they use.
    coverage = subprocess.run(
        [str(py), "-c", "from termcheck.rules import loader, precompiled as p; s = p.read_store(p.INSTALLED_STORE); "
         "print(len(s.regexes), len(loader.load_rules().regex_sources() - s.regexes.keys()), "
         "p.stored_ruleset(loader.builtin_pack_paths()) is not None)"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert coverage.returncode == 0, coverage.stderr
    stored, missing, rules_stored = coverage.stdout.split()
    assert int(stored) > 1000 and int(missing) == 0 and rules_stored == "True"
    own = subprocess.run(
        [str(py), "-c", "import termcheck.cli, termcheck.engine; from termcheck.rules import precompiled as p; "
         "print(len(p._CODE_KEYS), len(p._CODE_KEYS.keys() - p.read_store(p.CODE_STORE).regexes.keys()))"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )
    assert own.returncode == 0, own.stderr
    asked, missing = own.stdout.split()
    assert int(asked) > 200 and int(missing) == 0
