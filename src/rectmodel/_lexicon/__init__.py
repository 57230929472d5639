"""The genre's Chinese words, shared by every reader and writer: one place per word list.

``numerals`` (Chinese numerals read and written), ``dates`` (the grammar of written dates and
deadlines, and their writer), ``states`` (progress words → states), ``kinds`` (kinds of round and
of unit), ``headers`` (column and label synonyms), ``furniture`` (page chrome), ``text`` (folding,
display width, quotes). The names the readers and writers use most are re-exported here.
"""

from __future__ import annotations

from .dates import (
    DEADLINE_TERMS,
    DateReading,
    date_text,
    deadline_term,
    deadline_text,
    parse_date_text,
    parse_deadline_text,
    read_dates,
)
from .headers import COVER_LABELS, HEADER_GROUPS, HEADERS, header_key
from .kinds import KIND_NAMES, NOTICE_KIND_WORDS, PARTY_ORGAN, kind_of
from .numerals import ordinal, read_number, write_number
from .states import (
    NOTICE_STATE_WORDS,
    STATE_ALONE,
    STATE_NAMES,
    STATE_WORDS,
    state_at_end,
    state_at_start,
    state_in,
    state_of,
)
from .text import fold, nfkc, width

__all__ = [
    "COVER_LABELS",
    "DEADLINE_TERMS",
    "HEADERS",
    "HEADER_GROUPS",
    "KIND_NAMES",
    "NOTICE_KIND_WORDS",
    "NOTICE_STATE_WORDS",
    "PARTY_ORGAN",
    "STATE_ALONE",
    "STATE_NAMES",
    "STATE_WORDS",
    "DateReading",
    "date_text",
    "deadline_term",
    "deadline_text",
    "fold",
    "header_key",
    "kind_of",
    "nfkc",
    "ordinal",
    "parse_date_text",
    "parse_deadline_text",
    "read_dates",
    "read_number",
    "state_at_end",
    "state_at_start",
    "state_in",
    "state_of",
    "width",
    "write_number",
]
