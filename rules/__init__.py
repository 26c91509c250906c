"""Built-in rule packs (YAML files beside this one), installed as the package termcheck.builtin_rules."""
