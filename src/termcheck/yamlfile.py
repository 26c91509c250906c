"""YAML files parsed once, with the lines of their keys and list items (for 'file:line: problem' messages)."""

from __future__ import annotations

from typing import Any, Optional

import yaml

# libyaml's parser when it is installed: packs and configs load several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str) -> tuple[Any, Optional[yaml.Node]]:
    """The data and the node tree of one YAML document, from a single parse (raises yaml.YAMLError)."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def error_text(exc: yaml.YAMLError) -> tuple[Optional[int], str]:
    """The 1-based line of a YAML error (if known) and what is wrong."""
    mark = getattr(exc, "problem_mark", None)
    return (mark.line + 1 if mark is not None else None), str(getattr(exc, "problem", None) or exc)


def key_lines(node: Optional[yaml.Node]) -> dict[str, int]:
    """The line of each top-level key of a mapping."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def item_lines(node: Optional[yaml.Node], key: str) -> list[int]:
    """The line of each item of the list under a top-level key ('rules', 'ignores')."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for k, value in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []
