"""Hypothesis strategies for ledgers, and single-fault mutators, to property-test ledger tools.

Every ledger these strategies draw passes every rule with no diagnostic at all;
``violations()`` draws one broken in exactly one known way, ``round_edits()`` two
versions of a round's document with the findings reconciling them must give. See
``docs/property-testing.md``.

>>> from hypothesis import given
>>> from rectmodel import dumps, loads
>>> from rectmodel.strategies import ledgers
>>> @given(ledgers())
... def test_round_trip(ledger):
...     assert loads(dumps(ledger)) == ledger
>>> test_round_trip()
"""

from ._edits import RoundEdits, round_edits
from ._items import measures, problems, responsibilities, statuses
from ._ledgers import inspections, ledgers
from ._mutators import MUTATORS, Mutator, Violation, violations
from ._timelines import partial_dates

__all__ = [
    "MUTATORS",
    "Mutator",
    "RoundEdits",
    "Violation",
    "inspections",
    "ledgers",
    "measures",
    "partial_dates",
    "problems",
    "responsibilities",
    "round_edits",
    "statuses",
    "violations",
]
