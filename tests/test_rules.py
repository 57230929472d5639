"""Every rule fires where a ledger breaks it and stays silent where the ledger keeps it."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import rectmodel
from rectmodel import (
    Config,
    DeadlineTerm,
    DeclaredCounts,
    DocumentKind,
    Group,
    GroupLevel,
    Inspection,
    Ledger,
    Link,
    LinkKind,
    Measure,
    PartialDate,
    Problem,
    ProblemLevel,
    Responsibility,
    Severity,
    State,
    Status,
    ValidationError,
    Waiver,
    iter_diagnostics,
    validate,
)
from rectmodel.rules import RULES

from support import ROOT

D = PartialDate.parse
WHO = Responsibility(("张三",), ("办公室",), ("李四",))


def measure(id_: str, *states: tuple[State, str], **kw: Any) -> Measure:
    history = tuple(Status(s, D(d), evidence=("台账.pdf",) if s is State.CLOSED else ()) for s, d in states)
    return Measure(id_, "建立制度并抓好落实", responsibility=WHO, deadline=D("2021-10-31"), history=history, **kw)


def clean_inspection(**kw: Any) -> Inspection:
    """A small inspection that keeps every rule."""
    done = (State.COMPLETED, "2021-09-30")
    base = Inspection(
        "r1",
        "regular",
        "市委第二巡察组",
        "某局党组",
        unit="u1",
        start=D("2021-03-11"),
        end=D("2021-06-18"),
        feedback_date=D("2021-08-04"),
        plan_date=D("2021-08"),
        as_of=D("2021-10"),
        report_date=D("2021-10-04"),
        declared=DeclaredCounts(aspects=1, problems=2, measures=3, completed=1, in_progress=1, completion_rate="50%"),
        groups=(Group("A1", GroupLevel.ASPECT, "方面"),),
        problems=(
            Problem(
                "P1",
                "议事决策不规范",
                group="A1",
                measures=(measure("M1", done), measure("M2", done)),
                history=(Status(State.COMPLETED, D("2021-10-01")),),
            ),
            Problem(
                "P2",
                "制度建设不完善",
                group="A1",
                measures=(measure("M3", (State.IN_PROGRESS, "2021-09")),),
                history=(Status(State.IN_PROGRESS),),
            ),
        ),
    )
    return attrs.evolve(base, **kw)


def found(ledger: Ledger | Inspection, rule: str) -> list[tuple[str, dict[str, Any], tuple[str, ...]]]:
    if isinstance(ledger, Inspection):
        ledger = Ledger((ledger,))
    return [(d.pointer, dict(d.params), d.related) for d in iter_diagnostics(ledger, Config(select={rule}))]


def with_problem(index: int, inspection: Inspection | None = None, **kw: Any) -> Inspection:
    inspection = inspection or clean_inspection()
    problems = list(inspection.problems)
    problems[index] = attrs.evolve(problems[index], **kw)
    return attrs.evolve(inspection, problems=tuple(problems))


def with_measure(p: int, m: int, **kw: Any) -> Inspection:
    inspection = clean_inspection()
    measures = list(inspection.problems[p].measures)
    measures[m] = attrs.evolve(measures[m], **kw)
    return with_problem(p, inspection, measures=tuple(measures))


def test_clean_ledger_has_no_diagnostic_at_all() -> None:
    assert list(iter_diagnostics(Ledger((clean_inspection(),)))) == []


def test_registry_lists_the_rules_of_the_issue() -> None:
    assert set(RULES) >= {
        "duplicate-id", "dangling-reference", "declared-count-mismatch", "declared-count-unverifiable",
        "declared-sum-mismatch", "declared-rate-mismatch", "dates-out-of-order", "problem-without-measure",
        "measure-without-responsibility", "status-inconsistent", "status-regression", "closed-without-evidence",
        "deadline-passed", "report-overdue",
    }  # fmt: skip


# duplicate-id


def test_duplicate_id_points_at_second_holder_and_names_the_first() -> None:
    inspection = with_problem(1, id="P1")
    assert found(inspection, "duplicate-id") == [
        ("/inspections/0/problems/1/id", {"kind": "problem", "id": "P1"}, ("/inspections/0/problems/0/id",))
    ]
    twice = Ledger((clean_inspection(), clean_inspection()))
    assert found(twice, "duplicate-id")[0][:2] == ("/inspections/1/id", {"kind": "inspection", "id": "r1"})


def test_same_measure_id_in_two_inspections_is_not_a_duplicate() -> None:
    assert found(Ledger((clean_inspection(), clean_inspection(id="r2"))), "duplicate-id") == []


# dangling-reference


def test_dangling_group_parent_and_link_are_each_reported() -> None:
    inspection = clean_inspection(
        groups=(Group("A1", GroupLevel.ASPECT, "方面"), Group("C1", GroupLevel.CATEGORY, "类", parent="C9"))
    )
    inspection = with_problem(0, inspection, group="A7", links=(Link(LinkKind.RECURRENCE, "r0", "P1"),))
    assert found(inspection, "dangling-reference") == [
        ("/inspections/0/groups/1/parent", {"kind": "parent", "target": "C9"}, ()),
        ("/inspections/0/problems/0/group", {"kind": "group", "target": "A7"}, ()),
        ("/inspections/0/problems/0/links/0", {"kind": "link", "target": "r0/P1"}, ()),
    ]


def test_link_to_a_problem_of_another_inspection_in_the_document_resolves() -> None:
    later = with_problem(0, clean_inspection(id="r2"), links=(Link(LinkKind.RECURRENCE, "r1", "P2"),))
    assert found(Ledger((clean_inspection(), later)), "dangling-reference") == []


# declared counts


def test_declared_count_mismatch_gives_declared_and_itemized() -> None:
    inspection = clean_inspection(declared=DeclaredCounts(aspects=1, problems=2, measures=4, completed=2))
    assert found(inspection, "declared-count-mismatch") == [
        ("/inspections/0/declared/measures", {"count": "measures", "declared": 4, "itemized": 3}, ()),
        ("/inspections/0/declared/completed", {"count": "completed", "declared": 2, "itemized": 1}, ()),
    ]


def test_declared_count_unverifiable_says_what_is_not_itemized() -> None:
    inspection = clean_inspection(declared=DeclaredCounts(categories=9, completed=1, completion_rate="约八成"))
    inspection = with_problem(1, inspection, history=())
    assert found(inspection, "declared-count-unverifiable") == [
        ("/inspections/0/declared/categories", {"count": "categories", "declared": 9, "reason": "not-itemized",
                                                "instead": "problems", "itemized": 2}, ()),
        ("/inspections/0/declared/completed", {"count": "completed", "declared": 1, "reason": "no-statuses",
                                               "missing": 1}, ()),
        ("/inspections/0/declared/completion_rate", {"count": "completion_rate", "declared": "约八成",
                                                     "reason": "unreadable"}, ()),
    ]  # fmt: skip
    assert found(inspection, "declared-count-mismatch") == []


def test_category_level_problems_count_as_categories() -> None:
    inspection = with_problem(0, clean_inspection(declared=DeclaredCounts(categories=1)), level=ProblemLevel.CATEGORY)
    assert found(inspection, "declared-count-mismatch") == []
    assert found(inspection, "declared-count-unverifiable") == []


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (DeclaredCounts(problems=25, completed=19, in_progress=5), ("completed 19 + in_progress 5", 24, 25)),
        (DeclaredCounts(problems=25, completed=24, long_term=2), ("completed 24 + long_term 2", 26, 25)),
        (
            DeclaredCounts(problems=25, completed=19, not_completed=5, in_progress=9),
            ("completed 19 + not_completed 5", 24, 25),
        ),
        (DeclaredCounts(problems=25, completed=24, long_term=1), None),
        (DeclaredCounts(problems=25, completed=20), None),
        (DeclaredCounts(problems=25, completed=19, in_progress=6), None),
    ],
)
def test_declared_sum_mismatch(declared: DeclaredCounts, expected: tuple[str, int, int] | None) -> None:
    result = found(clean_inspection(declared=declared), "declared-sum-mismatch")
    if expected is None:
        assert result == []
    else:
        parts, total_sum, total = expected
        assert result == [("/inspections/0/declared", {"parts": parts, "sum": total_sum, "total": total}, ())]


@pytest.mark.parametrize(
    ("rate", "completed", "total", "fires"),
    [
        ("76%", 19, 25, False),
        ("76%", 18, 25, True),
        ("98.71%", 688, 697, False),  # 98.708…: rounded
        ("98.70%", 688, 697, False),  # truncated
        ("98.72%", 688, 697, True),
        ("100%", 25, 25, False),
        ("96%", 24, 25, False),
    ],
)
def test_declared_rate_mismatch_at_written_precision(rate: str, completed: int, total: int, fires: bool) -> None:
    inspection = clean_inspection(declared=DeclaredCounts(problems=total, completed=completed, completion_rate=rate))
    expected = [
        ("/inspections/0/declared/completion_rate", {"declared": rate, "completed": completed, "total": total}, ())
    ]
    assert found(inspection, "declared-rate-mismatch") == (expected if fires else [])


def test_rate_counting_long_term_as_done_is_accepted() -> None:
    inspection = clean_inspection(
        declared=DeclaredCounts(problems=25, completed=24, long_term=1, completion_rate="100%")
    )
    assert found(inspection, "declared-rate-mismatch") == []


# dates


def test_round_dates_out_of_order_point_at_the_later_field() -> None:
    inspection = clean_inspection(feedback_date=D("2021-05-04"))
    assert found(inspection, "dates-out-of-order") == [
        ("/inspections/0/feedback_date",
         {"field": "feedback_date", "date": "2021-05-04", "before": "end", "other": "2021-06-18"},
         ("/inspections/0/end",)),
    ]  # fmt: skip


def test_partial_dates_are_reported_only_when_certainly_out_of_order() -> None:
    assert found(clean_inspection(end=D("2021-03"), start=D("2021-03-11")), "dates-out-of-order") == []
    assert found(clean_inspection(end=D("2021-02"), start=D("2021-03-11")), "dates-out-of-order")[0][0] == (
        "/inspections/0/end"
    )


def test_deadline_and_completion_before_feedback_and_unordered_history() -> None:
    inspection = with_measure(
        0, 0, deadline=D("2021-07-01"),
        history=(Status(State.IN_PROGRESS, D("2021-09-01")), Status(State.COMPLETED, D("2021-08-20"))),
    )  # fmt: skip
    inspection = with_problem(1, inspection, history=(Status(State.COMPLETED, D("2021-07")),),
                              measures=(measure("M3", (State.COMPLETED, "2021-09-01")),))  # fmt: skip
    assert found(inspection, "dates-out-of-order") == [
        ("/inspections/0/problems/0/measures/0/history/1/date",
         {"field": "status", "date": "2021-08-20", "before": "status", "other": "2021-09-01"},
         ("/inspections/0/problems/0/measures/0/history/0/date",)),
        ("/inspections/0/problems/0/measures/0/deadline",
         {"field": "deadline", "date": "2021-07-01", "before": "feedback", "other": "2021-08-04"},
         ("/inspections/0/feedback_date",)),
        ("/inspections/0/problems/1/history/0/date",
         {"field": "completion", "date": "2021-07", "before": "feedback", "other": "2021-08-04"}, ()),
    ]  # fmt: skip


def test_a_status_before_any_earlier_one_is_reported_against_the_latest_such() -> None:
    # 2021-09-01 is not before "2021" (the year may end later) but is before 2021-10-01.
    history = (Status(State.IN_PROGRESS, D("2021-10-01")), Status(State.IN_PROGRESS, D("2021")),
               Status(State.COMPLETED, D("2021-09-01")), Status(State.COMPLETED, D("2021-09-15")))  # fmt: skip
    at = "/inspections/0/problems/0/measures/0/history"
    assert found(with_measure(0, 0, history=history), "dates-out-of-order") == [
        (f"{at}/2/date", {"field": "status", "date": "2021-09-01", "before": "status", "other": "2021-10-01"},
         (f"{at}/0/date",)),
        (f"{at}/3/date", {"field": "status", "date": "2021-09-15", "before": "status", "other": "2021-10-01"},
         (f"{at}/0/date",)),
    ]  # fmt: skip
    later = (Status(State.IN_PROGRESS, D("2021-09")), Status(State.IN_PROGRESS, D("2021-10-01")),
             Status(State.COMPLETED, D("2021-09-20")))  # fmt: skip
    assert found(with_measure(0, 0, history=later), "dates-out-of-order") == [
        (f"{at}/2/date", {"field": "status", "date": "2021-09-20", "before": "status", "other": "2021-10-01"},
         (f"{at}/1/date",)),
    ]  # fmt: skip


# coverage


def test_problem_without_measure() -> None:
    assert found(with_problem(1, measures=()), "problem-without-measure") == [
        ("/inspections/0/problems/1", {"problem": "P2"}, ())
    ]


@pytest.mark.parametrize("responsibility", [None, Responsibility()])
def test_measure_without_responsibility(responsibility: Responsibility | None) -> None:
    plan = attrs.evolve(with_measure(0, 1, responsibility=responsibility), document=DocumentKind.PLAN)
    assert found(plan, "measure-without-responsibility") == [
        ("/inspections/0/problems/0/measures/1", {"measure": "M2"}, ())
    ]


def test_a_department_alone_is_a_responsibility() -> None:
    inspection = with_measure(0, 1, responsibility=Responsibility(departments=("办公室",)))
    assert found(inspection, "measure-without-responsibility") == []


# statuses


def test_status_inconsistent_completed_problem_with_unfinished_measure() -> None:
    inspection = with_measure(0, 1, history=(Status(State.IN_PROGRESS, D("2021-09")),))
    assert found(inspection, "status-inconsistent") == [
        ("/inspections/0/problems/0/history/0",
         {"problem": "P1", "state": "completed", "measure": "M2", "measure_state": "in_progress"},
         ("/inspections/0/problems/0/measures/1/history/0",)),
    ]  # fmt: skip


def test_deemed_completed_problem_may_have_measures_in_progress() -> None:
    inspection = with_measure(0, 1, history=(Status(State.IN_PROGRESS, D("2021-09")),))
    inspection = with_problem(0, inspection, history=(Status(State.DEEMED_COMPLETED),))
    assert found(inspection, "status-inconsistent") == []


def test_status_regression_unless_reopened() -> None:
    back = (Status(State.CLOSED, D("2021-09-01"), evidence=("x",)), Status(State.IN_PROGRESS, D("2021-09-05")))
    assert found(with_measure(0, 0, history=back), "status-regression") == [
        ("/inspections/0/problems/0/measures/0/history/1",
         {"item": "M1", "state": "in_progress", "previous": "closed"},
         ("/inspections/0/problems/0/measures/0/history/0",)),
    ]  # fmt: skip
    reopened = (back[0], Status(State.REOPENED, D("2021-09-03")), back[1])
    assert found(with_measure(0, 0, history=reopened), "status-regression") == []


def test_closed_without_evidence_and_with_it() -> None:
    bare = (Status(State.CLOSED, D("2021-09-20")),)
    assert found(with_measure(0, 0, history=bare), "closed-without-evidence") == [
        ("/inspections/0/problems/0/measures/0/history/0", {"item": "M1"}, ())
    ]
    assert found(with_measure(0, 0, history=bare, evidence=("会议纪要",)), "closed-without-evidence") == []
    closed_problem = with_problem(1, history=(Status(State.CLOSED, D("2021-09-30")),))
    assert found(closed_problem, "closed-without-evidence") == [
        ("/inspections/0/problems/1/history/0", {"item": "P2"}, ())
    ]


def test_deadline_passed_only_for_measures_not_done() -> None:
    inspection = with_measure(1, 0, deadline=D("2021-08-31"))
    assert found(inspection, "deadline-passed") == [
        ("/inspections/0/problems/1/measures/0/deadline",
         {"measure": "M3", "deadline": "2021-08-31", "as_of": "2021-10", "state": "in_progress"}, ()),
    ]  # fmt: skip
    assert found(with_measure(0, 0, deadline=D("2021-08-31")), "deadline-passed") == []
    assert found(with_measure(1, 0, deadline=D("2021-10-15")), "deadline-passed") == []  # as-of is only a month


def test_report_overdue_is_configurable() -> None:
    late = clean_inspection(as_of=None, report_date=D("2021-11-12"))
    assert found(late, "report-overdue") == [
        ("/inspections/0/report_date",
         {"feedback": "2021-08-04", "report": "2021-11-12", "months": 2, "due": "2021-10-04"},
         ("/inspections/0/feedback_date",)),
    ]  # fmt: skip
    assert list(iter_diagnostics(Ledger((late,)), Config(select={"report-overdue"}, report_due_months=4))) == []
    assert found(clean_inspection(), "report-overdue") == []


# configuration and the API trio


def test_config_selects_ignores_and_overrides_severity() -> None:
    inspection = with_problem(1, measures=())
    ledger = Ledger((inspection,))
    assert {d.rule for d in iter_diagnostics(ledger)} == {"problem-without-measure", "declared-count-mismatch"}
    assert {d.rule for d in iter_diagnostics(ledger, Config(ignore={"declared-count-mismatch"}))} == {
        "problem-without-measure"
    }
    config = Config(select={"problem-without-measure"}, severities={"problem-without-measure": Severity.WARNING})
    report = validate(ledger, config)
    assert (report.ok, report.summary()) == (True, {"errors": 0, "warnings": 1, "infos": 0, "waived": 0})
    with pytest.raises(ValueError, match="unknown rule: no-such-rule"):
        Config(select={"no-such-rule"})


def test_waiver_suppresses_and_is_counted() -> None:
    ledger = Ledger((with_problem(1, measures=()),))
    waiver = Waiver("problem-without-measure", "/inspections/0/problems/1", "accepted: merged into P1")
    report = validate(ledger, Config(select={"problem-without-measure"}), [waiver])
    assert report.diagnostics == ()
    assert [(d.rule, w.justification) for d, w in report.waived] == [("problem-without-measure", waiver.justification)]
    assert report.summary()["waived"] == 1


def test_check_raises_with_the_report_and_validate_sorts_worst_first() -> None:
    ledger = Ledger((with_problem(1, measures=()),))
    with pytest.raises(ValidationError) as info:
        rectmodel.check(ledger)
    assert info.value.report.errors == 2
    late = Ledger((clean_inspection(as_of=None, report_date=D("2021-12-01"), declared=DeclaredCounts(measures=9)),))
    severities = [d.severity for d in validate(late).diagnostics]
    assert severities == sorted(severities, key=lambda s: s.rank)
    assert rectmodel.check(Ledger((clean_inspection(),))).ok


def test_iter_diagnostics_is_lazy() -> None:
    ledger = Ledger(tuple(with_problem(1, clean_inspection(id=f"r{i}"), measures=()) for i in range(1000)))
    first = next(iter_diagnostics(ledger, Config(select={"problem-without-measure"})))
    assert first.pointer == "/inspections/0/problems/1"


def test_every_rule_message_renders_in_both_languages() -> None:
    for rule in RULES.values():
        d = rectmodel.Diagnostic(rule.name, rule.severity, rule.example.pointer, rule.example.params)
        assert d.message("en") != d.message("zh")
        assert "{" not in d.message("en")
        assert rule.name not in d.message("en"), "a message must be rendered from a template"


# the real notices


def _report(name: str) -> list[tuple[str, str, dict[str, Any]]]:
    ledger = rectmodel.load(ROOT / "examples" / name)
    config = Config(ignore={"measure-without-responsibility"})
    return [(d.rule, d.pointer, dict(d.params)) for d in validate(ledger, config).diagnostics]


def test_haizhu_declares_measures_and_outcomes_it_does_not_itemize() -> None:
    assert _report("haizhu-2020.json") == [
        ("report-overdue", "/inspections/0/report_date",
         {"feedback": "2019-09-30", "report": "2020-04-09", "months": 2, "due": "2019-11-30"}),
        ("declared-count-unverifiable", "/inspections/0/declared/measures",
         {"count": "measures", "declared": 53, "reason": "not-itemized", "instead": "tasks", "itemized": 45}),
        ("declared-count-unverifiable", "/inspections/0/declared/completed",
         {"count": "completed", "declared": 24, "reason": "no-statuses", "missing": 25}),
        ("declared-count-unverifiable", "/inspections/0/declared/long_term",
         {"count": "long_term", "declared": 1, "reason": "no-statuses", "missing": 25}),
    ]  # fmt: skip


def test_xianning_itemizes_more_measures_than_it_declares() -> None:
    assert _report("xianning-2025.json")[0] == (
        "declared-count-mismatch", "/inspections/0/declared/measures",
        {"count": "measures", "declared": 146, "itemized": 186},
    )  # fmt: skip


def test_jiangmen_specific_problems_are_only_counted() -> None:
    assert ("declared-count-unverifiable", "/inspections/0/declared/problems",
            {"count": "problems", "declared": 28, "reason": "not-itemized", "instead": "categories", "itemized": 9},
            ) in _report("jiangmen-2021.json")  # fmt: skip


def test_real_notices_name_no_responsibility_per_measure_and_are_not_held_to_it() -> None:
    """A public notice never names who answers for a measure: no flood of one non-finding."""
    ledger = rectmodel.load(ROOT / "examples" / "haizhu-2020.json")
    assert validate(ledger, Config(select={"measure-without-responsibility"})).diagnostics == ()
    # The user can still ask for it, in notices only, at the severity they choose.
    asked = Config(
        select={"measure-without-responsibility"}, severities={"measure-without-responsibility:notice": Severity.INFO}
    )
    report = validate(ledger, asked)
    assert (report.infos, report.diagnostics[0].pointer) == (45, "/inspections/0/problems/0/measures/0")


# document kinds: what each kind must state


def _bare(document: DocumentKind | None) -> Ledger:
    """A document of *document* kind with one problem whose one measure states nothing but its text."""
    x = Inspection(
        "r1", document=document, problems=(Problem("P1", "议事决策不规范", measures=(Measure("M1", "修订规则"),)),)
    )
    return Ledger((x,))


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            DocumentKind.PLAN,
            {"missing-fact", "measure-without-responsibility", "measure-without-deadline"},
        ),
        (
            DocumentKind.LEDGER,
            {"missing-fact", "measure-without-responsibility", "measure-without-deadline", "measure-without-status"},
        ),
        (DocumentKind.REPORT, {"missing-fact"}),
        (DocumentKind.NOTICE, {"missing-fact"}),
        (None, set()),
    ],
    ids=["plan", "ledger", "report", "notice", "unknown"],
)
def test_each_kind_of_document_is_held_to_what_it_must_state(document: DocumentKind | None, expected: set[str]) -> None:
    found = {d.rule for d in validate(_bare(document)).diagnostics}
    assert found == expected


def test_missing_facts_are_named_one_by_one() -> None:
    x = attrs.evolve(clean_inspection(), document=DocumentKind.REPORT, inspector=None, start=None, end=None)
    assert found(x, "missing-fact") == [
        ("/inspections/0/inspector", {"fact": "inspector"}, ()),
        ("/inspections/0/start", {"fact": "start"}, ()),
        ("/inspections/0/end", {"fact": "end"}, ()),
    ]


@pytest.mark.parametrize(
    "ledger",
    [Ledger(), Ledger((Inspection("r1"),)), Ledger((Inspection("r1", document=DocumentKind.NOTICE),) * 1)],
    ids=["no-inspection", "unknown-kind", "notice"],
)
def test_an_empty_document_is_an_error_not_a_pass(ledger: Ledger) -> None:
    report = validate(ledger)
    assert [(d.rule, d.pointer) for d in report.diagnostics] == [("empty-document", "")]
    assert not report.ok


def test_declared_counts_alone_are_not_an_empty_document() -> None:
    x = Inspection("r1", declared=DeclaredCounts(problems=3))
    assert "empty-document" not in {d.rule for d in validate(Ledger((x,))).diagnostics}


def test_severity_overrides_per_kind_and_everywhere() -> None:
    notice = _bare(DocumentKind.NOTICE)
    everywhere = Config(severities={"missing-fact": Severity.WARNING})
    assert {d.severity for d in validate(notice, everywhere).diagnostics} == {Severity.WARNING}
    assert validate(_bare(None), everywhere).diagnostics == ()  # still not for documents of unknown kind
    unknown = Config(severities={"missing-fact:unknown": Severity.INFO})
    assert {(d.rule, d.severity) for d in validate(_bare(None), unknown).diagnostics} == {("missing-fact", "info")}
    with pytest.raises(ValueError, match="unknown document kind"):
        Config(severities={"missing-fact:memo": Severity.INFO})


@pytest.mark.parametrize("months", [-1, 100_000, -30_000])
def test_nonsense_settings_are_refused_clearly(months: int) -> None:
    with pytest.raises(ValueError, match="report_due_months must be from 0 to 1200"):
        Config(report_due_months=months)


def test_deadline_terms_are_never_passed_and_immediate_is_due_at_feedback() -> None:
    def with_deadline(deadline: DeadlineTerm) -> Inspection:
        x = with_measure(0, 1, deadline=deadline, history=(Status(State.IN_PROGRESS),))
        return attrs.evolve(x, feedback_date=D("2021-08-04"), as_of=D("2021-11-03"))

    def passed(deadline: DeadlineTerm) -> list[str]:
        at = "/inspections/0/problems/0/measures/1/deadline"
        return [p for p, _, _ in found(with_deadline(deadline), "deadline-passed") if p == at]

    assert passed(DeadlineTerm.LONG_TERM) == []
    assert passed(DeadlineTerm.ONGOING) == []
    assert passed(DeadlineTerm.IMMEDIATE) == ["/inspections/0/problems/0/measures/1/deadline"]


def test_the_report_due_date_past_year_9999_is_no_crash() -> None:
    x = attrs.evolve(clean_inspection(), feedback_date=D("9999-11"), report_date=D("9999-12"))
    assert found(x, "report-overdue") == []


@pytest.mark.parametrize("rate", ["1" * 40 + "%", "99." + "9" * 40 + "%", "1e5%"])
def test_a_completion_rate_of_any_length_is_no_crash(rate: str) -> None:
    x = attrs.evolve(clean_inspection(), declared=DeclaredCounts(completed=1, completion_rate=rate))
    validate(Ledger((x,)))
