"""How big a YAML document may grow once its aliases are expanded, and where it stops."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from shnor_docs.files import MAX_SPEC_BYTES
from shnor_docs.location import Location

MAX_DEPTH = 60
MAX_NODES = 2_000_000
#: Characters of all the scalars of a file once aliases are expanded: one anchored text reused
#: 10,000 times made 1.2 MB of YAML into 953 MB of text, under every other limit.
MAX_CHARS = 2 * MAX_SPEC_BYTES
ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:merge",
}


#: What may open a line before a block collection's first token: indentation, the indicators
#: «- », «? », «: », anchors and tags, and a document start «--- ».
_LINE_OPENING = re.compile(r"^(?:---[ \t]+)?[ \t]*(?:(?:[-?:]|[&!][^ \t\n]*)[ \t]+)*", re.M)


#: Line breaks of YAML besides «\n»: CR, NEL, the line and paragraph separators.
_OTHER_BREAKS = "\r\x85\u2028\u2029"
_AS_NEWLINE = dict.fromkeys(map(ord, _OTHER_BREAKS), "\n")
_FLOW_MARKS = re.compile(r"[\[\]{}\"'#!]")


def depth_bound(text: str) -> int:
    """An upper bound on how deep the collections of ``text`` nest, read from the text alone.

    A block collection inside another starts further right, or — a sequence as a mapping's
    value — at the same column, but never twice in a row: n block levels need a start column of
    at least (n − 1) / 2. A block collection's first token opens its line, or follows what
    :data:`_LINE_OPENING` matches, so no start lies right of the widest such match. Flow levels
    are bounded by :func:`_flow_bound`. A generous bound, never a short one.
    """
    flows = _flow_bound(text)
    if flows > MAX_DEPTH:
        return flows
    if any(mark in text for mark in _OTHER_BREAKS):  # lines YAML breaks and «^» would not
        text = text.translate(_AS_NEWLINE)
    widest = max(map(len, _LINE_OPENING.findall(text)), default=0)
    return 2 * widest + 2 + flows


def _flow_bound(text: str) -> int:
    """An upper bound on the nesting of flow collections: «[» and «{» counted up, «]» and «}»
    down (never below 0). Inside a flow collection every bracket outside quotes and comments is
    a real one (a plain scalar there holds none), so the count never falls below the real
    depth; a bracket outside any flow collection only raises it. A quote, «#» or a tag's «!»
    met while a flow collection may be open could hide a bracket: then there is no bound (more
    than the text's length). Nor is there one where a byte order mark may open a line: libyaml
    skips it there, and the line's indentation would be measured wrong."""
    if "\ufeff" in text:  # libyaml skips a byte order mark opening any line: no bound from it
        return len(text) + 1
    depth = deepest = 0
    for mark in _FLOW_MARKS.findall(text):
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif mark in "]}":
            depth = max(depth - 1, 0)
        elif depth:
            return len(text) + 1
    return deepest


class Limits:
    """Nodes and characters counted so far."""

    def __init__(self) -> None:
        self.nodes = 0
        self.chars = 0


class TooDeep(Exception):
    """Too deep (``depth``) or too big once aliases are expanded, at ``location``."""

    def __init__(self, location: Location, depth: bool) -> None:
        self.location = location
        self.depth = depth


def loc(node: yaml.Node | yaml.Event, shown: str) -> Location:
    """Where ``node`` starts, 1-based."""
    return Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)


class _Sizes:
    """What the reader would count below each node once aliases are expanded.

    Nodes reused by aliases are sized once (by identity), so a billion-node bomb is sized in
    microseconds instead of being walked for minutes. A node that contains itself is endless.
    """

    def __init__(self) -> None:
        self.known: dict[int, tuple[float, float, float]] = {}

    def of(self, node: yaml.Node) -> tuple[float, float, float]:
        """Nodes, characters and height of the subtree that the reader would walk."""
        key = id(node)
        if key in self.known:
            return self.known[key]
        self.known[key] = (float("inf"),) * 3  # until done: reached again only through a cycle
        nodes, chars, height = 1.0, 0.0, 0.0
        if isinstance(node, yaml.ScalarNode):
            chars = float(len(node.value))
        elif node.tag in ALLOWED_TAGS:
            for child in _children(node):
                n, c, h = self.of(child)
                nodes, chars, height = nodes + n, chars + c, max(height, h + 1)
        self.known[key] = (nodes, chars, height)
        return self.known[key]


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    """The children the reader descends into, in its order (repeated keys are skipped)."""
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
        return
    seen: set[str] = set()
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value not in seen:
            seen.add(key_node.value)
            yield value_node


def refuse_bomb(root: yaml.Node, shown: str) -> None:
    """Raise where the reader would stop, skipping every subtree that fits."""
    sizes = _Sizes()
    limits = Limits()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        nodes, chars, height = sizes.of(node)
        if (
            limits.nodes + nodes <= MAX_NODES
            and limits.chars + chars <= MAX_CHARS
            and depth + height <= MAX_DEPTH
        ):
            limits.nodes += int(nodes)
            limits.chars += int(chars)
            continue
        limits.nodes += 1
        if isinstance(node, yaml.ScalarNode):
            limits.chars += len(node.value)
        if depth > MAX_DEPTH or limits.nodes > MAX_NODES or limits.chars > MAX_CHARS:
            raise TooDeep(loc(node, shown), depth > MAX_DEPTH)
        if node.tag in ALLOWED_TAGS and not isinstance(node, yaml.ScalarNode):
            stack.extend((child, depth + 1) for child in reversed(list(_children(node))))
