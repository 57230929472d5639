"""Reconciling two versions of a round's document finds exactly the edits made between them."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings

from rectmodel import Diagnostic, dumps, loads, reconcile, validate
from rectmodel import strategies as S

# The parameter that names what a finding is about: a problem, a measure, a declared count, or an item.
_ID_PARAMS = ("problem", "measure", "count", "item")


def _about(d: Diagnostic) -> tuple[str, str]:
    return d.rule, str(next(d.params[k] for k in _ID_PARAMS if k in d.params))


@settings(max_examples=200)
@given(S.round_edits())
def test_reconciling_an_edited_version_finds_exactly_the_edits_made(edits: S.RoundEdits) -> None:
    found = [_about(d) for d in reconcile(edits.before, edits.after).report.diagnostics]
    assert Counter(found) == Counter(edits.expected), f"{sorted(found)} != {sorted(edits.expected)}"


@given(S.round_edits())
def test_both_versions_of_an_edited_round_are_valid_ledgers(edits: S.RoundEdits) -> None:
    for ledger in (edits.before, edits.after):
        assert [str(d) for d in validate(ledger).diagnostics] == []
        assert loads(dumps(ledger)) == ledger
        assert len(ledger.inspections) == 1
