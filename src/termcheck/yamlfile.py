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


def duplicate_keys(node: Optional[yaml.Node]) -> list[tuple[int, str]]:
    """The line and name of every key repeated in its own mapping, anywhere in the tree (YAML keeps the
    last one silently: a rule's second 'party:' or 'unless:' would drop the first without a word)."""
    found: list[tuple[int, str]] = []
    stack = [node] if node is not None else []
    seen_nodes: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:  # an anchor's node is shared by each alias to it
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys and key.value != "<<":
                        found.append((key.start_mark.line + 1, key.value))
                    keys.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found)


def repeated_key_problems(path: object, node: Optional[yaml.Node]) -> list[str]:
    """One 'file:line: problem' per key given twice in one mapping (rule packs, configs and ignore files alike)."""
    return [f"{path}:{line}: the key '{key}' is given twice in one mapping (YAML would keep only the last)" for line, key in duplicate_keys(node)]
