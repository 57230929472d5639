"""Matching the items of two documents one to one: by id, by normalised text, then by a fuzzy score.

Items are ``(id, text, bucket)``: a problem's id, title and aspect, or a measure's id and text
(one bucket). The passes, each only over what the earlier passes left:

1. the same id, where the texts are alike too (a renumbered ledger's ``P3`` is not the plan's ``P3``);
2. the same normalised text (NFKC, punctuation, quotes, spaces and leading numbering removed);
3. a fuzzy score (rapidfuzz's ``ratio`` on the normalised texts) within one bucket, then across
   buckets, each assigned one to one by maximum total score (networkx's ``max_weight_matching``)
   over the pairs that reach the threshold, at most a few candidates per item: never an all-pairs
   matrix of the whole ledger.

>>> normalise("(一)关于“三重一大”制度执行不严格的问题。")
'关于三重一大制度执行不严格的问题'
>>> [(p.earlier, p.later, p.by) for p in match([("P1", "学习不深入", None)], [("P9", "1.学习不深入。", None)])]
[(0, 0, 'text')]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from attrs import frozen

from .._lexicon.numerals import LEADING_NUMBERING

__all__ = ["THRESHOLD", "Item", "Pair", "best_partner", "match", "normalise", "score"]

THRESHOLD = 80.0  # the least fuzzy score (0–100) that is a match
_CANDIDATES = 5  # per item, the best-scoring candidates the assignment may choose among

Item = tuple[str, str, str | None]  # (id, text, bucket)

_NOT_WORDS = re.compile(r"[\W_]+")
# A bracketed aside naming who answers for an item or by when (a notice writes a measure's
# responsibility after it: 措施(责任领导:…;整改时限:…)): not part of what the item says.
_ASIDE = re.compile(r"[(（]\s*(?:责任|牵头|配合|整改时限|完成时限)[^:：()（）]{0,6}[:：].*$", re.DOTALL)


def normalise(text: str) -> str:
    """*text* as compared: NFKC, leading numbering, punctuation, quotes and spaces removed, case folded."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return _NOT_WORDS.sub("", _ASIDE.sub("", LEADING_NUMBERING.sub("", folded))).casefold()


def score(a: str, b: str) -> float:
    """How alike two normalised texts are, 0–100 (rapidfuzz's ``ratio``)."""
    from rapidfuzz import fuzz  # noqa: PLC0415 -- loads only when documents are reconciled

    return float(fuzz.ratio(a, b))


@frozen
class Pair:
    """Item *earlier* of the earlier document answered by item *later* of the later one, and how alike they are."""

    earlier: int
    later: int
    score: float
    by: Literal["id", "text", "fuzzy"]


def match(earlier: Sequence[Item], later: Sequence[Item], threshold: float = THRESHOLD) -> list[Pair]:
    """The one-to-one matches between *earlier* and *later* items, in the order of *earlier*."""
    a = [normalise(text) for _, text, _ in earlier]
    b = [normalise(text) for _, text, _ in later]
    pairs: list[Pair] = []
    left = set(range(len(earlier)))
    right = set(range(len(later)))
    by_id: dict[str, list[int]] = defaultdict(list)
    for j, (id, _, _) in enumerate(later):
        by_id[id].append(j)
    for i, (id, _, _) in enumerate(earlier):
        same = by_id.get(id)
        if same is not None and len(same) == 1 and same[0] in right:
            j = same[0]
            alike = 100.0 if a[i] == b[j] else score(a[i], b[j])
            if alike >= threshold:
                pairs.append(Pair(i, j, alike, "id"))
                left.discard(i)
                right.discard(j)
    by_text: dict[str, list[int]] = defaultdict(list)
    for j in sorted(right):
        by_text[b[j]].append(j)
    for i in sorted(left):
        same = by_text.get(a[i])
        if same:
            j = same.pop(0)
            pairs.append(Pair(i, j, 100.0, "text"))
            left.discard(i)
            right.discard(j)
    buckets: dict[str | None, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in sorted(left):
        buckets[earlier[i][2]][0].append(i)
    for j in sorted(right):
        buckets[later[j][2]][1].append(j)
    for lefts, rights in buckets.values():
        pairs += _assign(lefts, rights, (a, b), threshold, left=left, right=right)
    pairs += _assign(sorted(left), sorted(right), (a, b), threshold, left=left, right=right)  # across buckets
    return sorted(pairs, key=lambda p: p.earlier)


def _assign(
    lefts: Sequence[int],
    rights: Sequence[int],
    texts: tuple[Sequence[str], Sequence[str]],
    threshold: float,
    *,
    left: set[int],
    right: set[int],
) -> list[Pair]:
    """The maximum-score one-to-one assignment among *lefts* and *rights* still unmatched (updating both sets)."""
    lefts = [i for i in lefts if i in left]
    rights = [j for j in rights if j in right]
    if not lefts or not rights:
        return []
    import networkx as nx  # noqa: PLC0415 -- loads only when fuzzy matching is needed
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    a, b = texts
    choices = {j: b[j] for j in rights}
    graph: nx.Graph[tuple[str, int]] = nx.Graph()
    for i in lefts:
        found = process.extract(a[i], choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=_CANDIDATES)
        for _, alike, j in found:
            graph.add_edge(("a", i), ("b", j), weight=float(alike))
    out = []
    for u, v in nx.max_weight_matching(graph):
        (_, i), (_, j) = sorted((u, v))
        out.append(Pair(i, j, float(graph[u][v]["weight"]), "fuzzy"))
        left.discard(i)
        right.discard(j)
    return out


def best_partner(text: str, candidates: Sequence[tuple[int, str]], threshold: float = THRESHOLD) -> int | None:
    """The candidate (index, text) most like *text*, if it reaches *threshold*: for two items merged into one."""
    if not candidates:
        return None
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    found = process.extractOne(
        normalise(text), {k: normalise(t) for k, t in candidates}, scorer=fuzz.ratio, score_cutoff=threshold
    )
    return None if found is None else int(found[2])
