"""Suggest links between the problems of two rounds of a unit, by similarity of their Chinese text.

A later round often finds again what an earlier round found (上一轮巡察反馈…本轮巡察依然存在).
:func:`suggest_links` ranks, for each problem of the later round, the problems of
the earlier round whose title and description read most alike, with a score and
the phrases they share, for a person to confirm.

The text is compared without a tokenizer. It is normalised (NFKC, case folded;
whitespace, quotes and brackets inside a Chinese phrase are dropped; other
punctuation ends a phrase) and cut into overlapping character bigrams, ASCII
words and numbers staying whole. Each term is weighted by sublinear TF-IDF, the
inverse document frequency counted over the problems of both rounds, a term of
the title counting twice as much as one of the description (the title names the
problem; the description gives this round's evidence). Scores are the cosine
similarity of these vectors. Boilerplate (问题, 存在, 不到位, 管理…) is not listed by
hand: it occurs in many problems, so its inverse document frequency makes it weigh little.
The one exception is what a report says of the recurrence itself (上一轮巡察反馈的…,
…本轮巡察依然存在, 整改不到位): in a small round it is rare, so IDF would weigh it as
much as the problem's own words; a short pattern cuts it out before comparing.

Candidates come from an inverted index of the earlier round, so the work grows
with the shared terms, not with the product of the two rounds' sizes. Terms in
more than 2% of the earlier problems (and in more than 40 of them, so that
rounds of ordinary size are never affected) find no candidates: they only add
to the scores of the candidates that rarer terms find, the 20 best of them (or
four times the limit). Two things follow for large rounds: a pair that shares
nothing but frequent terms is never suggested, and a pair whose rare terms rank
it below those candidates is not either; both are pairs that read alike mostly
in boilerplate.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import pairwise

import attrs

from ..model import Inspection, Problem

__all__ = ["Suggestion", "suggest_links"]

# Tuned on the generated evaluation set of tests/test_suggest.py (seed 1, 300 problems a round): the
# lowest threshold at which the best suggestion per problem is right nine times in ten (precision 0.9).
# benchmarks/bench_suggest.py shows precision and recall at this and other thresholds, on other seeds.
DEFAULT_THRESHOLD = 0.49
_TITLE_WEIGHT = 2.0  # a term of the title counts this many times as much as one of the description
# A term in more than this share of the earlier problems, and in more than _MIN_FREQUENT of them,
# finds no candidates; it still adds to the score of the _CANDIDATES best candidates the others find.
_MAX_DF = 0.02
_MIN_FREQUENT = 40
_CANDIDATES = 20
_SHARED = 5  # the most shared phrases a suggestion shows
_DIGITS = 4  # scores are rounded to this many decimals, so that ties and thresholds do not hang on the last bit

# Scripts written without spaces between words: compared by character bigrams.
_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
# What a Chinese phrase runs across: whitespace (line breaks of extracted text), quotes, brackets.
_JOINERS = "\\s\u200b-\u200d\u2060\ufeff\"'‘’“”「」『』《》〈〉()\\[\\]{}<>【】〔〕〖〗"
_JOIN = re.compile(f"(?<=[{_HAN}])[{_JOINERS}]+(?=[{_HAN}])")
# How reports say that a problem recurs (上一轮巡察反馈的…, …本轮巡察依然存在): said of the link, not of
# the problem. Inverse document frequency cannot tell: in a small round these words are rare, and
# would weigh as much as the problem's own. So they are cut out, leaving a phrase break.
_MARKERS = re.compile(
    "(?:上一?轮|上一?次|前一?次|前一?轮|上届)(?:巡视|巡察|审计|督查)?(?:组)?(?:反馈|指出|发现|提出|交办)?(?:的|后)?"
    "|(?:本轮|本次|此次|这次)(?:巡视|巡察|审计|督查)?(?:发现|中|时)?"
    "|(?:依然|仍然|依旧|仍)(?:存在|突出|较为突出|没有解决|未解决)"
    "|(?:仍未|尚未|未)整改到位|整改不(?:到位|彻底|力)"
)
# A run of Chinese, a number (12, 12.6) or a word of other letters; anything else ends a piece.
_PIECE = re.compile(f"([{_HAN}]+)|(\\d+(?:\\.\\d+)?)|((?:(?![{_HAN}])[^\\W\\d_])+)")


@attrs.frozen
class Suggestion:
    """A suggested link from a problem of the later round to one of the earlier round.

    Args:
        later: the id of the problem in the later inspection.
        earlier: the id of the problem in the earlier inspection.
        score: the cosine similarity of their texts, from 0 to 1 (rounded to 4 decimals);
            higher is more alike.
        shared: up to 5 phrases the two texts share, the most telling first: maximal runs of
            shared character bigrams as they read in the later problem, and shared words or numbers.
    """

    later: str
    earlier: str
    score: float
    shared: tuple[str, ...] = ()


def suggest_links(
    earlier: Inspection, later: Inspection, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 3
) -> list[Suggestion]:
    """Rank, for each problem of *later*, the problems of *earlier* it most likely finds again.

    The text of a problem is its title and its description. Term weights are counted over
    the problems of both rounds, so a pair's score depends on the other problems too: the
    words many of them share weigh little. A pair the later problem already links (by a
    link of any :class:`~rectmodel.LinkKind` naming ``earlier.id`` and the earlier problem's
    id) is not suggested; the later problem may still get other suggestions. The result is
    the same for the same input, whatever the hash seed.

    Args:
        earlier: the earlier round.
        later: the later round, usually of the same unit (or of a unit that continues it).
        threshold: the lowest score suggested, from 0 to 1. The default was chosen so that the
            best suggestion is right about nine times in ten on realistic generated rounds.
        limit: the most suggestions per problem of *later*.

    Returns:
        The suggestions, by score (highest first), then later and earlier problem id.

    Raises:
        ValueError: if *threshold* is not between 0 and 1, *limit* is below 1, or
            *earlier* and *later* have the same id.

    >>> from rectmodel import Inspection, Link, LinkKind, Problem
    >>> earlier = Inspection("r1", "regular", "县委第一巡察组", "县水利局党组", problems=(
    ...     Problem("P1", "公务用车管理不规范，存在公车私用现象"),
    ...     Problem("P2", "党费收缴不及时，部分党员少交漏交"),
    ...     Problem("P3", "“三重一大”事项未经集体研究决定"),
    ... ))
    >>> later = Inspection("r2", "regular", "县委第二巡察组", "县水利局党组", problems=(
    ...     Problem("Q1", "上一轮巡察反馈的公车私用问题本轮巡察依然存在",
    ...             description="公务用车管理仍不规范。"),
    ...     Problem("Q2", "意识形态阵地管理存在薄弱环节"),
    ... ))
    >>> for s in suggest_links(earlier, later):
    ...     print(s.later, s.earlier, s.score, s.shared)
    Q1 P1 0.53 ('公车私用', '公务用车管理', '不规范')
    >>> linked = attrs.evolve(later.problems[0], links=(Link(LinkKind.RECURRENCE, "r1", "P1"),))
    >>> suggest_links(earlier, attrs.evolve(later, problems=(linked,)))
    []
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit!r}")
    if earlier.id == later.id:
        raise ValueError(f"earlier and later are the same inspection {earlier.id!r}")
    if not earlier.problems or not later.problems:
        return []

    old_terms = [_problem_terms(p) for p in earlier.problems]
    new_terms = [_problem_terms(p) for p in later.problems]
    df: dict[str, int] = {}
    for counts in (*old_terms, *new_terms):
        for term in counts:
            df[term] = df.get(term, 0) + 1
    n = len(old_terms) + len(new_terms)
    idf = {term: math.log((1 + n) / (1 + k)) + 1.0 for term, k in df.items()}
    old_vectors = [_vector(counts, idf) for counts in old_terms]
    new_vectors = [_vector(counts, idf) for counts in new_terms]

    # The inverted index of the earlier round: term -> (problem indexes, weights), in report order.
    index: dict[str, tuple[list[int], list[float]]] = {}
    for i, vector in enumerate(old_vectors):
        for term, weight in vector.items():
            postings = index.get(term)
            if postings is None:
                index[term] = postings = ([], [])
            postings[0].append(i)
            postings[1].append(weight)
    # Frequent terms find no candidates; they are added to the scores of the best candidates only.
    cutoff = max(_MIN_FREQUENT, _MAX_DF * len(old_vectors))
    frequent = {term for term, postings in index.items() if len(postings[0]) > cutoff}
    # The length of each earlier vector's part in frequent terms: a bound on what they add (Cauchy-Schwarz).
    reach = [math.sqrt(math.fsum(w * w for t, w in v.items() if t in frequent)) for v in old_vectors]
    breadth = max(_CANDIDATES, 4 * limit)
    budget = threshold - 0.5 * 10.0**-_DIGITS  # a score this far below the threshold may still round up to it

    old_ids = [p.id for p in earlier.problems]
    result: list[Suggestion] = []
    for problem, vector in zip(later.problems, new_vectors, strict=True):
        partial: dict[int, float] = {}
        common: list[tuple[str, float]] = []
        for term, q in vector.items():
            if term in frequent:
                common.append((term, q))
            elif term in index:
                docs, weights = index[term]
                for i, w in zip(docs, weights, strict=True):
                    partial[i] = partial.get(i, 0.0) + q * w
        more = math.sqrt(math.fsum(q * q for _, q in common))
        linked = {link.problem for link in problem.links if link.inspection == earlier.id}
        candidates = [(i, p) for i, p in partial.items() if p + more * reach[i] >= budget and old_ids[i] not in linked]
        if len(candidates) > breadth:
            candidates = heapq.nlargest(breadth, candidates, key=_second)
        ranked: list[tuple[float, str, int]] = []
        for i, p in candidates:
            other = old_vectors[i]
            score = round(min(1.0, p + sum(q * other.get(term, 0.0) for term, q in common)), _DIGITS)
            if score >= threshold:
                ranked.append((-score, old_ids[i], i))
        for negative, other_id, i in heapq.nsmallest(limit, ranked):
            shared = _shared(_text(problem), vector, old_vectors[i])
            result.append(Suggestion(problem.id, other_id, -negative, shared))
    result.sort(key=lambda s: (-s.score, s.later, s.earlier))
    return result


def _second(item: tuple[int, float]) -> float:
    """The score of a (problem index, score) pair."""
    return item[1]


def _text(problem: Problem) -> str:
    """Title and description; a full stop between them, so that no bigram spans the two."""
    if problem.description:
        return f"{problem.title}。{problem.description}"
    return problem.title


def _problem_terms(problem: Problem) -> dict[str, float]:
    """The sublinear term frequencies of a problem's text, the title's weighted by ``_TITLE_WEIGHT``."""
    counts: dict[str, float] = {}
    for term, k in _terms(problem.title).items():
        counts[term] = _TITLE_WEIGHT * (1.0 + math.log(k))
    if problem.description:
        for term, k in _terms(problem.description).items():
            counts[term] = counts.get(term, 0.0) + 1.0 + math.log(k)
    return counts


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """The normalised pieces of *text*, in order: (a run of Chinese, True) or (a number or word, False)."""
    normal = _JOIN.sub("", _MARKERS.sub(",", unicodedata.normalize("NFKC", text).casefold()))
    for run, number, word in _PIECE.findall(normal):
        if run:
            yield run, True
        else:
            yield number or word, False


def _grams(run: str) -> list[str]:
    """The character bigrams of a run of Chinese; a run of one character is its own term."""
    if len(run) == 1:
        return [run]
    return [a + b for a, b in pairwise(run)]


def _terms(text: str) -> dict[str, int]:
    """How often each term occurs in *text*, in order of first occurrence."""
    counts: dict[str, int] = {}
    for piece, chinese in _pieces(text):
        for term in _grams(piece) if chinese else (piece,):
            counts[term] = counts.get(term, 0) + 1
    return counts


def _vector(counts: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    """TF-IDF weights, scaled to unit length."""
    weights = {term: k * idf[term] for term, k in counts.items()}
    norm = math.sqrt(math.fsum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else weights


def _shared(text: str, vector: dict[str, float], other: dict[str, float]) -> tuple[str, ...]:
    """The phrases of *text* made of terms both vectors have, the most telling (largest share of the score) first.

    A phrase is a maximal run of shared bigrams as it reads in *text* (公务, 务用, 用车 → 公务用车),
    or a shared word or number. A phrase found inside a longer one is left out.
    """
    weight = {term: q * other[term] for term, q in vector.items() if term in other}
    found: dict[str, tuple[float, int]] = {}  # phrase -> (its share of the score, first position)
    for phrase, terms in _runs(text, weight):
        if phrase not in found:
            found[phrase] = (math.fsum(weight[t] for t in dict.fromkeys(terms)), len(found))
    kept = [p for p in found if not any(p != q and p in q for q in found)]
    kept.sort(key=lambda p: (-found[p][0], found[p][1]))
    return tuple(kept[:_SHARED])


def _runs(text: str, weight: dict[str, float]) -> Iterable[tuple[str, list[str]]]:
    """The maximal runs of terms in *weight*, in the order of *text*: (phrase, its terms)."""
    for piece, chinese in _pieces(text):
        if not chinese or len(piece) == 1:
            if piece in weight:
                yield piece, [piece]
            continue
        grams = _grams(piece)
        start = None
        for k, gram in enumerate([*grams, ""]):
            if gram in weight:
                if start is None:
                    start = k
            elif start is not None:
                yield piece[start : k + 1], grams[start:k]
                start = None
