"""Config files: discovery, validation, what each setting changes, `config show`, and flags winning."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from termcheck.config import find_config, load_config, read_config
from termcheck.errors import UsageError

BUYOUT = EXAMPLES / "voice-buyout-release.txt"
FAIR = EXAMPLES / "fair-ai-voice-licence.txt"  # verdict "warn": ai-use mentions AI as a prohibition


def checks(proc: subprocess.CompletedProcess) -> dict[str, dict]:
    """Check id -> check, from the JSON report of one document."""
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return {c["id"]: c for c in json.loads(proc.stdout)["documents"][0]["checks"]}


# --- discovery -------------------------------------------------------------------------------------


def test_the_nearest_config_is_found_walking_up(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "termcheck.yaml").write_text("fail_on: warn\n")
    assert find_config(deep) == tmp_path / "termcheck.yaml"
    (tmp_path / "a" / ".termcheck.yaml").write_text("fail_on: never\n")
    assert find_config(deep) == tmp_path / "a" / ".termcheck.yaml"


def test_pyproject_counts_only_with_a_tool_termcheck_table(tmp_path):
    inner = tmp_path / "project"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n# tool.termcheck is mentioned, not defined\n')
    (tmp_path / "pyproject.toml").write_text('[tool.termcheck]\nfail-on = "warn"\nselect = ["perpetual-license"]\n')
    assert find_config(inner) == tmp_path / "pyproject.toml"
    config = read_config(tmp_path / "pyproject.toml")
    assert config.settings.fail_on == "warn" and config.settings.select == ["perpetual-license"]
    assert config.source("fail_on").endswith("pyproject.toml [tool.termcheck]")


def test_yaml_before_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.termcheck]\nfail_on = "warn"\n')
    (tmp_path / "termcheck.yaml").write_text("fail_on: never\n")
    assert find_config(tmp_path) == tmp_path / "termcheck.yaml"


def test_no_config_means_defaults_and_no_pydantic_import(tmp_path):
    code = "import sys; from termcheck.config import load_config; c = load_config(); print(c.path, c.settings.fail_on, 'pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["None", "fail", "False"]


def test_isolated_and_explicit_config(tmp_path, monkeypatch):
    (tmp_path / "termcheck.yaml").write_text("fail_on: warn\n")
    other = tmp_path / "other.yaml"
    other.write_text("fail_on: never\n")
    assert load_config(cwd=tmp_path).settings.fail_on == "warn"
    assert load_config(isolated=True, cwd=tmp_path).settings.fail_on == "fail"
    assert load_config(str(other), cwd=tmp_path).settings.fail_on == "never"
    monkeypatch.setenv("TERMCHECK_CONFIG", str(other))
    assert load_config(cwd=tmp_path).settings.fail_on == "never"
    with pytest.raises(UsageError, match="no such config file"):
        load_config(str(tmp_path / "missing.yaml"))


# --- validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("fail_on: warn\nselct: [ai-use]\n", "termcheck.yaml:2: selct: unknown setting"),
        ("fail_on: sometimes\n", "termcheck.yaml:1: fail_on: Input should be 'fail', 'warn' or 'never'"),
        ("format: pdf\n", "termcheck.yaml:1: format: Value error, must be one of"),
        ("thresholds:\n  license-term: {pass_max: 5, warn_max: 2}\n", "termcheck.yaml:1: thresholds.license-term"),
        ("severity: {ai-use: loud}\n", "termcheck.yaml:1: severity.ai-use"),
        ("jobs: -1\n", "termcheck.yaml:1: jobs"),
        ("- just\n- a list\n", "a config file must be a mapping"),
        ("fail_on: [unclosed\n", "not valid YAML"),
        # a setting given twice: YAML would keep the second without a word
        ("fail_on: warn\njobs: 2\nfail_on: never\n", "termcheck.yaml:3: the key 'fail_on' is given twice in one mapping"),
        ("thresholds:\n  license-term: {pass_max: 3}\n  license-term: {pass_max: 5}\n", "termcheck.yaml:3: the key 'license-term' is given twice"),
    ],
)
def test_a_bad_config_names_file_line_and_setting(tmp_path, text, expected):
    (tmp_path / "termcheck.yaml").write_text(text)
    with pytest.raises(UsageError) as err:
        read_config(tmp_path / "termcheck.yaml")
    assert expected in str(err.value).replace(str(tmp_path) + "/", "")


def test_a_bad_config_stops_the_run_with_exit_2(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("colour: never\n")
    proc = run_cli(str(BUYOUT), cwd=tmp_path)
    assert proc.returncode == 2
    assert "termcheck.yaml:1: colour: unknown setting" in proc.stderr.decode()


def test_paths_in_a_config_are_relative_to_its_folder(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "termcheck.yaml").write_text("rules: [packs/]\nbaseline: base.json\n")
    config = load_config(cwd=sub)
    assert Path(config.settings.rules[0]).resolve() == (tmp_path / "packs").resolve()
    assert Path(config.settings.baseline).resolve() == (tmp_path / "base.json").resolve()


# --- what the settings do, and flags winning -------------------------------------------------------


def test_fail_on_from_config_and_the_flag_wins(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("fail-on: warn\n")
    assert run_cli(str(FAIR), "-q").returncode == 0  # no config: a warning does not fail
    assert run_cli(str(FAIR), "-q", cwd=tmp_path).returncode == 1
    assert run_cli(str(FAIR), "-q", "--fail-on", "fail", cwd=tmp_path).returncode == 0
    assert run_cli(str(FAIR), "-q", "--isolated", cwd=tmp_path).returncode == 0


def test_format_and_output_from_config(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("format: json\noutput: reports/out.json\n")
    (tmp_path / "reports").mkdir()
    proc = run_cli(str(BUYOUT), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == b""
    assert json.loads((tmp_path / "reports" / "out.json").read_text())["documents"][0]["verdict"] == "fail"
    text = run_cli(str(BUYOUT), "-f", "text", "-o", "-", cwd=tmp_path).stdout.decode()
    assert "Do not sign yet" in text


def test_select_and_ignore_by_id_glob_and_group(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("select: [group:time-limited, payment]\nignore: [ai-*]\n")
    got = checks(run_cli(str(BUYOUT), "-f", "json", cwd=tmp_path))
    assert sorted(got) == ["license-term", "payment", "perpetual-license", "usage-scope"]
    report = json.loads(run_cli(str(BUYOUT), "-f", "json", cwd=tmp_path).stdout)
    assert [g["id"] for g in report["documents"][0]["groups"]] == ["time-limited", "pay"]
    # The flag replaces the configured list; commas separate ids as with ruff.
    got = checks(run_cli(str(BUYOUT), "-f", "json", "--select", "sublicensing,ownership", cwd=tmp_path))
    assert sorted(got) == ["ownership", "sublicensing"]


def test_ignored_checks_still_inform_the_others(tmp_path):
    # license-term reads "perpetual" from perpetual-license even when that check is not reported.
    got = checks(run_cli(str(BUYOUT), "-f", "json", "--isolated", "--ignore", "perpetual-license"))
    assert "perpetual-license" not in got
    assert got["license-term"]["value"] == "perpetual" and got["license-term"]["status"] == "fail"


def test_an_unknown_check_name_is_a_usage_error(tmp_path):
    proc = run_cli(str(BUYOUT), "--isolated", "--ignore", "perpetual-licence")
    assert proc.returncode == 2
    assert "ignore: 'perpetual-licence' names no check" in proc.stderr.decode()
    (tmp_path / "termcheck.yaml").write_text("thresholds: {payment: 3}\n")
    proc = run_cli(str(BUYOUT), cwd=tmp_path)
    assert proc.returncode == 2 and "'payment' has no limits to set" in proc.stderr.decode()


def test_severity_lowers_a_failure_and_raises_a_red_flag(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("severity: {perpetual-license: warn, ai-use: fail}\n")
    got = checks(run_cli(str(BUYOUT), "-f", "json", cwd=tmp_path))
    assert got["perpetual-license"]["status"] == "warn" and got["perpetual-license"]["severity"] == "warn"
    assert "severity set to warn by configuration" in got["perpetual-license"]["notes"]
    contract = tmp_path / "ai.txt"
    contract.write_text("The Company may use the Recordings to train artificial intelligence models.\n")
    assert checks(run_cli(str(contract), "-f", "json", "--isolated"))["ai-use"]["status"] == "warn"
    assert checks(run_cli(str(contract), "-f", "json", cwd=tmp_path))["ai-use"]["status"] == "fail"


def test_thresholds_change_the_licence_term_and_takedown_limits(tmp_path):
    contract = tmp_path / "term.txt"
    contract.write_text(
        "1. The Performer grants the Company a licence to use the Recordings for a term of two (2) years.\n"
        "2. The Company shall delete the Recordings within twenty (20) days of the Performer's request.\n"
    )
    default = checks(run_cli(str(contract), "-f", "json", "--isolated"))
    assert default["license-term"]["status"] == "pass" and default["takedown-window"]["status"] == "pass"
    (tmp_path / "termcheck.yaml").write_text("thresholds:\n  license-term: {pass_max: 1, warn_max: 1.5}\n  takedown-window: 14\n")
    tight = checks(run_cli(str(contract), "-f", "json", cwd=tmp_path))
    assert tight["license-term"]["value"] == 2 and tight["license-term"]["status"] == "fail"
    assert tight["takedown-window"]["value"] == 20 and tight["takedown-window"]["status"] == "warn"


def test_jurisdiction_flags_a_contract_under_another_law(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("jurisdiction: France\nselect: [governing-law]\n")
    report = json.loads(run_cli(str(BUYOUT), "-f", "json", cwd=tmp_path).stdout)["documents"][0]
    law = report["checks"][0]
    assert report["jurisdiction"] == "Delaware" and report["jurisdiction_source"] == "contract"
    assert law["status"] == "warn" and "not France, your jurisdiction (termcheck.yaml:1)" in law["notes"][0]
    same = json.loads(run_cli(str(BUYOUT), "-f", "json", "--jurisdiction", "the State of Delaware", cwd=tmp_path).stdout)
    assert same["documents"][0]["checks"][0]["status"] == "pass"
    silent = tmp_path / "no-law.txt"
    silent.write_text("The Company shall pay the Performer 500 euros.\n")
    doc = json.loads(run_cli(str(silent), "-f", "json", cwd=tmp_path).stdout)["documents"][0]
    assert doc["jurisdiction"] == "France" and doc["jurisdiction_source"] == "config"
    assert doc["checks"][0]["status"] == "warn"


def test_config_rule_packs_add_to_command_line_packs(tmp_path):
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "pack: acme\nrules:\n  - id: acme.meal-breaks\n    title: No meal breaks\n    group: pay\n    kind: red_flag\n"
        "    severity: warn\n    triggers:\n      - phrases: [no meal break|breaks]\n"
        "    explanation: Long sessions without breaks damage the voice.\n    question: Please add a paid break.\n"
        "    examples:\n      match: [Sessions run for six hours with no meal breaks.]\n      no_match: [A paid meal break is given.]\n"
    )
    (tmp_path / "termcheck.yaml").write_text("rules: [acme.yaml]\nselect: ['acme.*']\n")
    contract = tmp_path / "c.txt"
    contract.write_text("Sessions run for eight hours with no meal breaks.\n")
    got = checks(run_cli(str(contract), "-f", "json", cwd=tmp_path))
    assert got["acme.meal-breaks"]["status"] == "warn"


# --- config show -----------------------------------------------------------------------------------


def test_config_show_prints_each_value_and_its_source(tmp_path):
    (tmp_path / "termcheck.yaml").write_text("fail_on: warn\n\njurisdiction: France\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    out = run_cli("config", "show", cwd=sub).stdout.decode()
    lines = {line.split()[0]: line for line in out.splitlines()[2:] if line and not line.startswith("Flags")}
    assert out.startswith("config file: ") and "termcheck.yaml" in out.splitlines()[0]
    assert lines["fail_on"].split("#")[1].strip().endswith("termcheck.yaml:1")
    assert lines["jurisdiction"].split("#")[1].strip().endswith("termcheck.yaml:3")
    assert lines["format"].endswith("# default")
    data = json.loads(run_cli("config", "show", "-f", "json", cwd=sub).stdout)
    assert data["settings"]["fail_on"]["value"] == "warn" and data["settings"]["jobs"] == {"value": 0, "source": "default"}
    (sub / ".termcheckignore.yaml").write_text("ignores: []\n")
    found = json.loads(run_cli("config", "show", "-f", "json", cwd=sub).stdout)["settings"]["ignore_file"]
    assert found == {"value": ".termcheckignore.yaml", "source": "found (.termcheckignore.yaml is looked for)"}
    isolated = run_cli("config", "show", "--isolated", cwd=sub).stdout.decode()
    assert "config file: none (--isolated)" in isolated


def test_include_and_exclude_from_config_and_the_flags_win(tmp_path):
    root = tmp_path / "contracts"
    (root / "drafts").mkdir(parents=True)
    for name in ("a.txt", "b.pdf", "drafts/c.txt"):
        src = EXAMPLES / f"model-release.{name.rsplit('.', 1)[1]}"
        (root / name).write_bytes(src.read_bytes())
    (tmp_path / "termcheck.yaml").write_text("exclude: [drafts/]\ninclude: ['*.txt', '*.pdf']\njobs: 1\n")
    def listed(*flags: str) -> list[str]:
        out = run_cli("contracts", "-q", *flags, cwd=tmp_path).stdout.decode().splitlines()
        return [line.split(":")[0] for line in out if line.startswith("contracts/")]

    assert listed() == ["contracts/a.txt", "contracts/b.pdf"]
    assert listed("--include", "*.pdf") == ["contracts/b.pdf"]
    assert listed("--exclude", "b.pdf") == ["contracts/a.txt", "contracts/drafts/c.txt"]


def test_config_init_writes_a_valid_commented_template(tmp_path):
    assert run_cli("config", "init", cwd=tmp_path).returncode == 0
    assert read_config(tmp_path / "termcheck.yaml").settings == load_config(isolated=True).settings  # all commented
    again = run_cli("config", "init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr.decode()
    assert run_cli("config", "init", "--force", cwd=tmp_path).returncode == 0
    # Every commented line, uncommented, is a valid setting.
    text = (tmp_path / "termcheck.yaml").read_text()
    lines = [line[2:] for line in text.splitlines() if line.startswith("# ") and ":" in line and not line.startswith("# termcheck") and not line.startswith("# Uncomment")]
    (tmp_path / "full.yaml").write_text("\n".join(lines) + "\n")
    settings = read_config(tmp_path / "full.yaml").settings
    assert settings.thresholds["license-term"] == {"pass_max": 3.0, "warn_max": 10.0} and settings.jurisdiction == "France"


def test_config_init_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "templates"\n')
    assert run_cli("config", "init", "--pyproject", cwd=tmp_path).returncode == 0
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert read_config(tmp_path / "pyproject.toml").settings.fail_on == "fail"
    text = (tmp_path / "pyproject.toml").read_text()
    uncommented = "\n".join(line[2:] if line.startswith("# ") and "=" in line else line for line in text.splitlines())
    (tmp_path / "pyproject.toml").write_text(uncommented + "\n")
    settings = read_config(tmp_path / "pyproject.toml").settings
    assert settings.severity == {"ai-use": "fail", "buyout": "warn"} and settings.jobs == 0
    assert run_cli("config", "init", "--pyproject", cwd=tmp_path).returncode == 2


def test_the_threshold_flag_wins_over_the_config(tmp_path):
    contract = tmp_path / "term.txt"
    contract.write_text("1. The Performer grants the Company a licence to use the Recordings for a term of two (2) years.\n")
    (tmp_path / "termcheck.yaml").write_text("thresholds: {license-term: 1}\nselect: [license-term]\n")
    assert checks(run_cli(str(contract), "-f", "json", cwd=tmp_path))["license-term"]["status"] == "warn"
    assert checks(run_cli(str(contract), "-f", "json", "--threshold", "license-term=2", cwd=tmp_path))["license-term"]["status"] == "pass"
    assert checks(run_cli(str(contract), "-f", "json", "--threshold", "license-term=1:1.5", cwd=tmp_path))["license-term"]["status"] == "fail"
    for bad in ("license-term", "license-term=x", "license-term=5:2", "=3", "license-term=1:2:3"):
        proc = run_cli(str(contract), "--threshold", bad, cwd=tmp_path)
        assert proc.returncode == 2 and "--threshold" in proc.stderr.decode(), bad
    assert run_cli(str(contract), "--threshold", "payment=3", cwd=tmp_path).returncode == 2


def test_the_settings_and_their_schema_name_the_same_keys_and_defaults():
    # config.Settings keeps start-up free of pydantic; config_schema.SettingsModel validates files.
    from dataclasses import asdict, fields

    from termcheck.config import Settings
    from termcheck.config_schema import SettingsModel

    assert [f.name for f in fields(Settings)] == list(SettingsModel.model_fields)
    assert asdict(Settings()) == SettingsModel().plain()
