"""The YAML reading every knowledge file shares: strict where YAML is lenient.

Two leniencies would silently corrupt a word list or a lexicon: YAML 1.1 reads
'on', 'off', 'yes', 'no' as booleans ("to: [on, against]" must mean the word
'on'), and a key written twice quietly loses one of its entries.
"""

from __future__ import annotations

import re

import yaml

_BOOL = "tag:yaml.org,2002:bool"


class StrictLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML with only true/false as booleans and no repeated keys."""


StrictLoader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != _BOOL] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _mapping_without_duplicates(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A key written twice would silently lose one entry: refuse it instead."""
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def load_strict(text: str) -> object:
    """One YAML document, read strictly (raises yaml.YAMLError on bad input)."""
    return yaml.load(text, Loader=StrictLoader)
