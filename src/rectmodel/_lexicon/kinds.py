"""Kinds of round and of unit: the words that name an inspection's kind and the party organs inspected."""

from __future__ import annotations

from ..model import InspectionKind

__all__ = ["KIND_NAMES", "NOTICE_KIND_WORDS", "PARTY_ORGAN", "kind_of"]

# The party organs that are inspected and sign notices (中共某局党组), as a regex alternation.
PARTY_ORGAN = "(?:党组|党委|党工委|党总支|党支部)"

# The writer's word for each kind of round, as a ledger's cover states it.
KIND_NAMES: dict[InspectionKind, str] = {
    InspectionKind.REGULAR: "常规巡察",
    InspectionKind.SPECIAL: "专项巡察",
    InspectionKind.LOOK_BACK: "巡察“回头看”",
}

# How a notice names its round: (in the title, in the preamble). A regular round is said to be regular in
# the preamble, so that a 专项巡察组's regular round reads back as regular.
NOTICE_KIND_WORDS: dict[InspectionKind | None, tuple[str, str]] = {
    InspectionKind.LOOK_BACK: ("巡察“回头看”", "巡察“回头看”"),
    InspectionKind.SPECIAL: ("专项巡察", "专项巡察"),
    InspectionKind.REGULAR: ("巡察", "常规巡察"),
    None: ("巡察", "巡察"),
}

# The word in a text that names a kind of round, the most telling first (a 专项巡察“回头看” is a look-back).
_KIND_WORDS = ((InspectionKind.LOOK_BACK, "回头看"), (InspectionKind.SPECIAL, "专项"), (InspectionKind.REGULAR, "常规"))


def kind_of(text: str) -> InspectionKind | None:
    """The kind of round a text names: 回头看, 专项, 常规; None if none.

    >>> kind_of("专项巡察“回头看”"), kind_of("常规巡察"), kind_of("巡察")
    (<InspectionKind.LOOK_BACK: 'lookback'>, <InspectionKind.REGULAR: 'regular'>, None)
    """
    for kind, word in _KIND_WORDS:
        if word in text:
            return kind
    return None
