"""The public strategies draw valid ledgers, and every rule's mutator breaks exactly that rule."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import rectmodel
from rectmodel import Inspection, Ledger, LoadError, Measure, Problem, dumps, loads, validate
from rectmodel import strategies as S
from rectmodel.rules import RULES

from support import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "ledger.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _found(ledger: Ledger) -> list[str]:
    return [str(d) for d in validate(ledger).diagnostics]


def test_strategies_module_only_reexports_and_lists_everything() -> None:
    public = {n for n in vars(S) if not n.startswith("_") and n not in {"annotations"}}
    assert public == set(S.__all__)
    for name in S.__all__:
        value = getattr(S, name)
        assert getattr(value, "__module__", "rectmodel._") != "rectmodel.strategies", (
            f"{name} is defined, not re-exported"
        )
        assert value.__doc__, f"{name} has no docstring"


@given(S.ledgers(texts="any"))
def test_generated_ledgers_pass_every_rule_without_any_diagnostic(ledger: Ledger) -> None:
    assert _found(ledger) == []


@pytest.mark.parametrize(
    "options",
    [
        {"grouping": "categories", "problem_level": rectmodel.ProblemLevel.PROBLEM, "statuses": True, "declared": True},
        {"grouping": "none", "problem_level": rectmodel.ProblemLevel.CATEGORY, "declared": True},
        {"statuses": False, "links": False, "max_units": 1, "min_problems": 0},
        {"min_units": 3, "max_units": 3, "max_rounds": 1, "min_problems": 5, "max_problems": 8},
    ],
    ids=["categories-statuses-declared", "category-level", "no-statuses-no-links", "three-units"],
)
def test_ledger_parameters_are_honoured_and_stay_valid(options: dict[str, Any]) -> None:
    @settings(max_examples=25)
    @given(S.ledgers(**options))
    def check(ledger: Ledger) -> None:
        assert _found(ledger) == []
        inspections = ledger.inspections
        if "min_units" in options:
            assert len({x.unit for x in inspections}) == options["min_units"]
            assert all(options["min_problems"] <= len(x.problems) <= options["max_problems"] for x in inspections)
        if options.get("grouping") == "categories":
            assert all(p.group and "-C" in p.group for x in inspections for p in x.problems)
        if options.get("grouping") == "none":
            assert all(not x.groups for x in inspections)
        if options.get("statuses") is False:
            assert all(not p.history and not m.history for x in inspections for p in x.problems for m in p.measures)
        if options.get("statuses") is True:
            assert all(p.history for x in inspections for p in x.problems)
        if options.get("links") is False:
            assert all(not p.links for x in inspections for p in x.problems)

    check()


@pytest.mark.parametrize(
    ("strategy", "options"),
    [
        (S.ledgers, {"min_units": 0}),
        (S.ledgers, {"min_units": 3, "max_units": 2}),
        (S.ledgers, {"max_rounds": 0}),
        (S.ledgers, {"min_problems": 3, "max_problems": 2}),
        (S.ledgers, {"texts": "klingon"}),
        (S.inspections, {"min_problems": -1}),
        (S.inspections, {"grouping": "chapters"}),
        (S.problems, {"max_measures": 0}),
        (S.measures, {"max_history": 0}),
        (S.responsibilities, {"texts": "klingon"}),
        (S.statuses, {"states": []}),
        (S.partial_dates, {"precisions": []}),
        (S.partial_dates, {"precisions": ["week"]}),
        (S.partial_dates, {"min_value": dt.date(2020, 1, 1), "max_value": dt.date(2019, 1, 1)}),
    ],
)
def test_strategies_refuse_impossible_options_when_built(strategy: Callable[..., Any], options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        strategy(**options)


@given(S.inspections(), S.problems(), S.measures(), S.responsibilities(), S.statuses(), S.partial_dates())
def test_each_element_strategy_draws_its_type(  # noqa: PLR0917 - one argument per strategy
    inspection: Inspection,
    problem: Problem,
    measure: Measure,
    responsibility: rectmodel.Responsibility,
    status: rectmodel.Status,
    date: rectmodel.PartialDate,
) -> None:
    assert isinstance(inspection, Inspection)
    assert _found(Ledger((inspection,))) == []
    assert problem.measures
    assert all(m.responsibility and not m.responsibility.is_empty for m in problem.measures)
    assert isinstance(measure, Measure)
    assert measure.responsibility is not None
    assert not measure.responsibility.is_empty
    assert not responsibility.is_empty
    assert status.state is not rectmodel.State.CLOSED or status.evidence
    assert isinstance(date, rectmodel.PartialDate)


@given(S.problems(id="问题1"), S.responsibilities(allow_empty=True))
def test_problem_ids_carry_into_measure_ids(problem: Problem, who: rectmodel.Responsibility) -> None:
    assert all(m.id.startswith("问题1-M") for m in problem.measures)


def test_a_failing_example_shrinks_to_a_tiny_ledger() -> None:
    def has_three_measures(ledger: Ledger) -> bool:  # a "bug" that needs three measures to show
        return sum(len(p.measures) for x in ledger.inspections for p in x.problems) >= 3

    smallest = find(
        S.ledgers(max_units=1, max_problems=2, max_measures=2),
        has_three_measures,
        settings=settings(database=None, max_examples=500),
    )
    assert len(smallest.inspections) == 1
    assert sum(len(p.measures) for p in smallest.inspections[0].problems) == 3
    assert not smallest.successions


@settings(max_examples=50)
@given(S.ledgers())
def test_realistic_texts_are_chinese(ledger: Ledger) -> None:
    for inspection in ledger.inspections:
        assert CJK.search(inspection.inspector)
        assert CJK.search(inspection.target)
        for problem in inspection.problems:
            assert CJK.search(problem.title)
            assert all(CJK.search(m.text) for m in problem.measures)


def test_any_texts_reach_the_edge_cases() -> None:
    titles: set[str] = set()

    @settings(max_examples=300, phases=[Phase.generate])
    @given(S.problems(texts="any", max_measures=1, statuses=False))
    def collect(problem: Problem) -> None:
        titles.add(problem.title)

    collect()
    for edge in ("\n", "「", "“", '"', "/"):
        assert any(edge in title for title in titles), edge
    assert "" in titles
    assert any(CJK.search(title) for title in titles)
    assert any(title and not CJK.search(title) and title.strip() for title in titles)


# --- single-fault mutators -------------------------------------------------------------------------------


def test_every_rule_has_a_mutator_and_every_mutator_a_rule() -> None:
    assert set(RULES) - set(S.MUTATORS) == set(), "a rule without a mutator: add one in strategies/_mutators.py"
    assert set(S.MUTATORS) - set(RULES) == set()


@pytest.mark.parametrize("rule", sorted(RULES))
def test_mutator_breaks_exactly_its_rule_at_its_pointer(rule: str) -> None:
    @settings(
        max_examples=max(10, settings.default.max_examples // 2),
        suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
    )
    @given(S.violations([rule], base=S.ledgers(texts="any")))
    def check(violation: S.Violation) -> None:
        found = {(d.rule, d.pointer) for d in validate(violation.ledger).diagnostics}
        assert found == {(violation.rule, violation.pointer)}

    check()


@given(S.violations())
def test_violations_draw_any_rule_and_break_only_it(violation: S.Violation) -> None:
    report = validate(violation.ledger)
    assert {d.rule for d in report.diagnostics} == {violation.rule}
    assert violation.pointer in {d.pointer for d in report.diagnostics}


def test_violations_refuses_a_rule_without_mutator() -> None:
    with pytest.raises(KeyError, match="no-such-rule"):
        S.violations(["no-such-rule"])


# --- round trips and the schema ------------------------------------------------------------------------


@given(S.ledgers(texts="any"))
def test_json_round_trips_both_ways(ledger: Ledger) -> None:
    text = dumps(ledger)
    assert loads(text) == ledger
    assert dumps(loads(text)) == text


@given(S.ledgers(texts="any"))
def test_generated_ledgers_obey_the_committed_schema(ledger: Ledger) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(json.loads(dumps(ledger)))]
    assert errors == []


@settings(suppress_health_check=list(HealthCheck))
@given(from_schema(SCHEMA))
def test_schema_valid_documents_load_or_give_a_load_error(document: Any) -> None:
    try:
        ledger = loads(json.dumps(document))
    except LoadError as e:
        issues = e.issues
    else:
        issues = ()
        assert list(VALIDATOR.iter_errors(json.loads(dumps(ledger)))) == []
    assert all(issue.message() and issue.message("zh") for issue in issues)


@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_arbitrary_input_gives_a_ledger_or_a_load_error(data: bytes | str) -> None:
    issues: tuple[rectmodel.LoadIssue, ...] = ()
    try:
        loads(data)
    except LoadError as e:
        issues = e.issues
        assert issues, "a LoadError always says what is wrong"
