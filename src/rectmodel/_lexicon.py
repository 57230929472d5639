"""The Chinese words of the genre, shared by every reader and writer: one place per word list."""

from __future__ import annotations

from .dates import DeadlineTerm

__all__ = ["DEADLINE_TERMS", "deadline_term"]

# Deadline terms as documents write them, the writer's word first.
DEADLINE_TERMS: dict[DeadlineTerm, tuple[str, ...]] = {
    DeadlineTerm.IMMEDIATE: ("立行立改", "立即整改", "即知即改", "立查立改"),
    DeadlineTerm.LONG_TERM: ("长期坚持", "长期", "长期推进", "长期整改"),
    DeadlineTerm.ONGOING: ("持续整改", "常态化", "持续推进", "持续落实", "常态长效", "长效"),
}


def deadline_term(text: str) -> DeadlineTerm | None:
    """The term a deadline's text names (``长期坚持`` → ``long_term``), or None.

    >>> deadline_term(" 长期坚持 "), deadline_term("2021年底")
    (<DeadlineTerm.LONG_TERM: 'long_term'>, None)
    """
    words = text.strip()
    for term, forms in DEADLINE_TERMS.items():
        if any(form in words for form in forms):
            return term
    return None
