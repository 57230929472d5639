"""The catalogue: every code of every family renders in both languages, and the families match their emitters."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any

import pytest

import rectmodel
from rectmodel.messages import (
    FAMILIES,
    LEXICONS,
    MESSAGES,
    CliText,
    LoadCode,
    Message,
    OpCode,
    ParseCode,
    SheetCode,
    WaiverCode,
    fill,
    render,
    say,
)
from rectmodel.model import InspectionKind, State
from rectmodel.rules import RULES

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
CODES: dict[str, type[StrEnum]] = {
    "load": LoadCode,
    "parse": ParseCode,
    "sheet": SheetCode,
    "waivers": WaiverCode,
    "operations": OpCode,
    "cli": CliText,
}
SAME_IN_BOTH = {("lexicon type", "null")}  # words Chinese writes as English does


def _examples(family: str, code: str, message: Message) -> tuple[Mapping[str, Any], ...]:
    if family == "rules":  # each rule's own example, in the registry, and further branches here
        return (RULES[code].example.params, *message.examples)
    return message.examples or ({},)


CASES = [
    pytest.param(family, code, params, id=f"{family}:{code}:{k}")
    for family, entries in FAMILIES.items()
    for code, message in entries.items()
    for k, params in enumerate(_examples(family, code, message))
]


def _values(params: Mapping[str, Any]) -> Iterator[str]:
    for value in params.values():
        if isinstance(value, Mapping):
            yield from _values(value)
        else:
            yield str(value)


def _without_values(text: str, params: Mapping[str, Any]) -> str:
    for value in sorted(_values(params), key=len, reverse=True):
        text = text.replace(value, "")
    return text


@pytest.mark.parametrize(("family", "code", "params"), CASES)
def test_every_code_of_every_family_renders_in_both_languages(
    family: str, code: str, params: Mapping[str, Any]
) -> None:
    message = FAMILIES[family][code]
    en, zh = fill(message, params, "en"), fill(message, params, "zh")
    for text in (en, zh):
        assert text.strip()
        assert "{'" not in text, f"a raw mapping: {text}"
        assert not re.search(r"[{}]", _without_values(text, params)), f"an unfilled field: {text}"
    assert not CJK.search(_without_values(en, params)), f"Chinese in the English text: {en}"
    if (family, code) not in SAME_IN_BOTH:
        assert CJK.search(zh), f"no Chinese in the Chinese text: {zh}"


@pytest.mark.parametrize(("family", "codes"), list(CODES.items()))
def test_each_family_has_a_message_for_exactly_its_declared_codes(family: str, codes: type[StrEnum]) -> None:
    assert set(FAMILIES[family]) == set(codes)
    assert all(FAMILIES[family][code].examples for code in codes), "an entry renders without a finding"


def test_every_rule_has_a_message_and_every_rule_message_a_rule() -> None:
    assert set(FAMILIES["rules"]) == set(RULES)


def test_the_lexicons_name_every_state_and_kind() -> None:
    assert set(LEXICONS["state"]) == set(State)
    assert set(LEXICONS["kind"]) == set(InspectionKind)


def test_diagnostic_codes_are_unique_across_families() -> None:
    families = ("load", "rules", "reconcile", "parse", "sheet", "waivers", "operations", "reconcile refusals")
    assert len(MESSAGES) == sum(len(FAMILIES[f]) for f in families)


def test_load_and_parse_diagnostics_render_by_their_own_code() -> None:
    assert render("load", {"code": LoadCode.NOT_JSON, "reason": "Expecting value"}) == "not JSON: Expecting value"
    d = rectmodel.Diagnostic("parse", rectmodel.Severity.INFO, "", {"code": "round-counts", "counts": "problems 35"})
    assert d.message("zh").endswith("未采用:problems 35")


def test_emitted_codes_are_the_declared_types_and_equal_their_strings() -> None:
    with pytest.raises(rectmodel.LoadError) as info:
        rectmodel.loads('{"inspections": 3}')
    (issue,) = info.value.issues
    assert issue.code is LoadCode.WRONG_TYPE
    assert issue.code == "wrong-type"
    assert rectmodel.Diagnostic.from_load_issue(issue).to_json()["params"]["code"] == "wrong-type"


def test_a_message_picks_its_words_from_the_lexicons() -> None:
    params = {"problem": "P2", "state": "completed", "measure": "M3", "measure_state": "in_progress"}
    assert render("status-inconsistent", params, "zh") == "问题“P2”状态为已完成整改,但其整改措施“M3”状态为正在整改"
    assert render("wrong-type", {"expected": "object", "got": "null"}, "zh") == "应为对象,实为 null"
    assert render("wrong-type", {"expected": "integer", "got": '"object"'}) == 'expected an integer, got "object"'


def test_a_refusal_for_a_broken_rule_carries_that_rule_s_message() -> None:
    finding = {"rule": "problem-without-measure", "params": {"problem": "P4"}}
    params = {**finding, "rules": "problem-without-measure", "pointers": "/inspections/0/problems/3"}
    assert render(OpCode.WOULD_BREAK, params, "zh").endswith(":问题“P4”没有整改措施")


def test_english_counts_are_plural_unless_one() -> None:
    assert say(CliText.SUMMARY, "en", files=1, errors=2, warnings=1, infos=0, waived=3) == (
        "1 file: 2 errors, 1 warning, 0 infos, 3 waived"
    )
    assert say(CliText.LOAD_FAILED, "zh", count=1) == "加载时发现 1 个问题"


def test_a_code_without_a_message_still_says_what_was_found_without_a_raw_mapping() -> None:
    assert render("no-such-rule", {"problem": "P1", "count": 2}) == "no-such-rule: problem P1, count 2"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert render("problem-without-measure", {"problem": "P5"}, "fr") == 'problem "P5" has no measure'
