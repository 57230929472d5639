"""Suggest links between the problems of two rounds of a unit, by similarity of their Chinese text.

A later round often finds again what an earlier round found (上一轮巡察反馈…本轮巡察依然存在).
:func:`suggest_links` ranks, for each problem of the later round, the problems of
the earlier round whose title and description read most alike, with a score and
the phrases they share, for a person to confirm.

The text is compared without a tokenizer: it is normalised (NFKC, case folded;
whitespace, quotes and brackets inside a Chinese phrase are dropped; other
punctuation ends a phrase), cut into overlapping character bigrams (ASCII words
and numbers stay whole), weighted by TF-IDF over both rounds and compared by
cosine similarity. Boilerplate (问题, 存在, 不到位, 巡察…) is not listed by hand: it
occurs in many problems, so its inverse document frequency makes it weigh little.

Candidates come from an inverted index of the earlier round, over the terms that
are not frequent in it; a frequent term only adds to the score of a pair that
shares a rarer term, so a pair that shares nothing but boilerplate is never
suggested. The work grows with the number of shared rare terms, not with the
product of the two rounds' sizes.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

from .model import Inspection, Problem

__all__ = ["Suggestion", "suggest_links"]

# Tuned on the generated evaluation set of tests/test_suggest.py (seed 1, 300 problems a round);
# see benchmarks/bench_suggest.py for precision and recall at this and other thresholds.
DEFAULT_THRESHOLD = 0.47
# A term in more than this fraction of the earlier round's problems (and in more than
# _MIN_PRUNED of them) generates no candidates; it still counts in the score of a candidate.
_MAX_DF = 0.05
_MIN_STOP = 10
_SHARED = 5  # the most shared phrases a suggestion shows
_DIGITS = 4  # scores are rounded to this many decimals, so that ties and thresholds do not hang on the last bit

# Scripts written without spaces between words: compared by character bigrams.
_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
# What a Chinese phrase runs across: whitespace (line breaks of extracted text), quotes, brackets.
_JOINERS = "\\s\u200b-\u200d\u2060\ufeff\"'‘’“”「」『』《》〈〉()\\[\\]{}<>【】〔〕〖〗"
_JOIN = re.compile(f"(?<=[{_HAN}])[{_JOINERS}]+(?=[{_HAN}])")
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

    The text of a problem is its title and its description. A pair the later problem
    already links (any :class:`~rectmodel.LinkKind`, naming ``earlier.id`` and the earlier
    problem's id) is not suggested; the later problem may still get other suggestions.
    The result is the same for the same input, whatever the hash seed.

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
    Q1 P1 0.5345 ('公务用车管理', '公车私用', '不规范')
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
    cutoff = max(_MIN_STOP, _MAX_DF * n)
    idf = {term: math.log((1 + n) / (1 + k)) + 1.0 for term, k in df.items() if k <= cutoff}
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

    result: list[Suggestion] = []
    for problem, vector in zip(later.problems, new_vectors, strict=True):
        scores: dict[int, float] = {}
        for term, q in vector.items():
            postings = index.get(term)
            if postings is not None:
                for i, w in zip(*postings, strict=True):
                    scores[i] = scores.get(i, 0.0) + q * w
        linked = {(link.inspection, link.problem) for link in problem.links}
        ranked: list[tuple[float, str, int]] = []
        for i, raw in scores.items():
            score = round(min(1.0, raw), _DIGITS)
            if score >= threshold and (earlier.id, earlier.problems[i].id) not in linked:
                ranked.append((-score, earlier.problems[i].id, i))
        for negative, other_id, i in heapq.nsmallest(limit, ranked):
            shared = _shared(_text(problem), vector, old_vectors[i])
            result.append(Suggestion(problem.id, other_id, -negative, shared))
    result.sort(key=lambda s: (-s.score, s.later, s.earlier))
    return result


def _text(problem: Problem) -> str:
    """Title and description; a full stop between them, so that no bigram spans the two."""
    if problem.description:
        return f"{problem.title}。{problem.description}"
    return problem.title


_TITLE_WEIGHT = 2.0


def _problem_terms(problem: Problem) -> dict[str, float]:
    counts: dict[str, float] = {}
    for term, k in _terms(problem.title).items():
        counts[term] = _TITLE_WEIGHT * (1.0 + math.log(k))
    if problem.description:
        for term, k in _terms(problem.description).items():
            counts[term] = counts.get(term, 0.0) + 1.0 + math.log(k)
    return counts


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """The normalised pieces of *text*, in order: (a run of Chinese, True) or (a number or word, False)."""
    normal = _JOIN.sub("", unicodedata.normalize("NFKC", text).casefold())
    for run, number, word in _PIECE.findall(normal):
        if run:
            yield run, True
        else:
            yield number or word, False


def _grams(run: str) -> list[str]:
    """The character bigrams of a run of Chinese; a run of one character is its own term."""
    if len(run) == 1:
        return [run]
    return [a + b for a, b in zip(run, run[1:])]


def _terms(text: str) -> dict[str, int]:
    """How often each term occurs in *text*, in order of first occurrence."""
    counts: dict[str, int] = {}
    for piece, chinese in _pieces(text):
        for term in _grams(piece) if chinese else (piece,):
            counts[term] = counts.get(term, 0) + 1
    return counts


def _vector(counts: dict[str, float], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear TF-IDF weights of the terms *idf* has, scaled to unit length."""
    weights = {term: k * idf[term] for term, k in counts.items() if term in idf}
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
