"""The device's routine rules (static/js/routines/rules.js) give exactly the problems the
catalog's validator gives, case by case (tests/cases/custom_routines.json): what the editor
says while a person builds a routine is what the server will say on push."""

from __future__ import annotations

import pytest

from tests.test_custom_routines import CASES, matches

pytestmark = pytest.mark.browser


def test_every_case_gives_the_same_problems_on_the_device(module_page):
    on_device = module_page.evaluate(
        """async (cases) => {
             const { loadRules, validateRoutine } = await import("acuplan/routines/rules");
             const rules = await loadRules();
             return cases.map((c) => validateRoutine(c.routine, rules).map((p) => ({
               field: p.step === null ? p.field : `steps[${p.step}].${p.field}`,
               message: p.message,
             })));
           }""",
        CASES["cases"],
    )
    for case, problems in zip(CASES["cases"], on_device, strict=True):
        assert matches(problems, case["expect"]), (case["name"], problems)
