"""What `termcheck config init` writes: every setting with its default, commented."""

from __future__ import annotations

YAML_TEMPLATE = """\
# termcheck settings (termcheck config show prints what a run will use, and where each value came from).
# Uncomment and change what you need; flags given on the command line replace these values.

# rules: [union-rules/]          # extra rule packs (YAML files or folders), relative to this file
# select: []                     # report only these checks: ids, globs ('acme.*') or group:ID
# ignore: []                     # ...and not these
# severity: {}                   # e.g. {ai-use: fail, buyout: warn}: the status a check gets when it fires
# thresholds:                    # limits of the threshold checks
#   license-term: {pass_max: 3, warn_max: 10}     # years
#   takedown-window: {pass_max: 30, warn_max: 90}  # days
# jurisdiction: France           # a contract under another law warns on governing-law
# format: text                   # text, json, markdown, html, csv, jsonl, sarif, junit or github
# output:                        # a file for the report (default: standard output)
# fail_on: fail                  # fail, warn or never
# include: []                    # in folders, only files matching these (.gitignore syntax)
# exclude: []                    # in folders, skip these
# jobs: 0                        # worker processes; 0 = one per core
# baseline:                      # accept the findings recorded here (write it with --write-baseline)
# ignore_file: .termcheckignore.yaml   # reviewed acceptances, each with a reason
"""

PYPROJECT_TEMPLATE = """
[tool.termcheck]
# termcheck settings (termcheck config show prints what a run will use, and where each value came from).
# Uncomment and change what you need; flags given on the command line replace these values.
# rules = ["union-rules/"]
# select = []
# ignore = []
# severity = { ai-use = "fail", buyout = "warn" }
# thresholds = { license-term = { pass_max = 3, warn_max = 10 }, takedown-window = { pass_max = 30, warn_max = 90 } }
# jurisdiction = "France"
# format = "text"
# fail-on = "fail"
# include = []
# exclude = []
# jobs = 0
# baseline = "termcheck-baseline.json"
# ignore-file = ".termcheckignore.yaml"
"""
