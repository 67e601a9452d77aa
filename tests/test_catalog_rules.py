"""The validator keeps DOMAIN.md's limits over whole routines, levels and safety caveats."""

from __future__ import annotations

import pytest

from acuplan.catalog import load_library
from acuplan.catalog.rules import BEGINNER_ROUTINE_MAT_MAX, FEET_POSITIONS, STANDING_MAX
from tests.conftest import LIBRARY
from tests.test_catalog_validation import mat_routine, problems_for

BREATHING = '\n[[steps]]\nkind = "breathing"\npattern = "{pattern}"\n{extra}'


def breathing(pattern: str, extra: str = "cycles = 4\n") -> str:
    return BREATHING.format(pattern=pattern, extra=extra)


def mat(position: str, layer: str, minutes: float, extra: str = "") -> str:
    return (
        f'\n[[steps]]\nkind = "mat"\nposition = "{position}"\nlayer = "{layer}"\n'
        f'minutes = {minutes}\ninstruction = "Settle on the mat."\n{extra}'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            mat_routine(minutes=3) + mat("neck-pillow", "towel", 3),
            "steps: mat steps add up to 6 min; a beginner routine has at most 5 min on the mat",
        ),
        (
            mat_routine(layer="socks"),
            "steps[0].layer: socks are for feet on the mat; a lying position ('upper-back')",
        ),
        (
            mat_routine(level="intermediate", position="sitting", layer="socks"),
            "steps[0].layer: socks are for feet on the mat; a sitting position ('sitting')",
        ),
        (
            mat_routine(level="intermediate", position="standing", layer="socks", minutes=6),
            "steps[0].minutes: a mat step here may last at most 5 min (standing starts short)",
        ),
        (
            mat_routine(level="experienced", position="standing", layer="bare", minutes=11),
            "steps[0].minutes: a mat step here may last at most 10 min (standing starts short)",
        ),
        (
            mat_routine(level="intermediate", position="standing", layer="socks", minutes=3)
            + mat("standing", "socks", 3),
            "steps: standing steps add up to 6 min; an intermediate routine stands at most 5 min",
        ),
        (
            mat_routine(minutes=2) + breathing("pranayama-ratio"),
            "steps[1].pattern: 'pranayama-ratio' is for experienced routines and up; "
            "this one is beginner",
        ),
        (
            mat_routine(level="intermediate", minutes=2) + breathing("pranayama-ratio"),
            "steps[1].pattern: 'pranayama-ratio' is for experienced routines and up; "
            "this one is intermediate",
        ),
        (
            mat_routine(minutes=2) + breathing("even-breath"),
            "steps[1].pattern: 'even-breath' is for intermediate routines and up",
        ),
        (
            mat_routine(minutes=2) + breathing("relaxing-478", "cycles = 6\n"),
            "steps[1].cycles: 6 cycles of 'relaxing-478'; a beginner routine asks for at most 4",
        ),
        (
            mat_routine(minutes=2) + breathing("relaxing-478", "minutes = 2\n"),
            "steps[1].pattern: 6 cycles of 'relaxing-478'; a beginner routine asks for at most 4",
        ),
        (
            mat_routine(level="experienced", minutes=2) + breathing("relaxing-478", "cycles = 9\n"),
            "steps[1].cycles: 9 cycles of 'relaxing-478'; an experienced routine asks for "
            "at most 8",
        ),
        (
            mat_routine(minutes=2, extra='breathing = "pranayama-ratio"\n'),
            "steps[0].breathing: 'pranayama-ratio' is for experienced routines and up",
        ),
        (
            mat_routine(level="intermediate", minutes=10, extra='breathing = "relaxing-478"\n'),
            "steps[0].breathing: 31 cycles of 'relaxing-478'; an intermediate routine asks for "
            "at most 8",
        ),
        (
            mat_routine(minutes=2)
            + breathing(
                "relaxing-478", 'cycles = 4\ninstruction = "In for four, hold seven, out eight."\n'
            ),
            "steps[1].instruction: drops the safety caveat of 'relaxing-478'; say it: "
            "'If the hold feels too long, shorten it.'",
        ),
        (
            mat_routine(minutes=2)
            + breathing("energising", 'cycles = 8\ninstruction = "Breathe in for six, out two."\n'),
            "steps[1].instruction: drops the safety caveat of 'energising'",
        ),
    ],
    ids=[
        "beginner-mat-total",
        "socks-lying",
        "socks-sitting",
        "standing-intermediate",
        "standing-experienced",
        "standing-total",
        "pattern-above-beginner",
        "pattern-above-intermediate",
        "intermediate-pattern-for-beginner",
        "478-cycles-beginner",
        "478-minutes-beginner",
        "478-cycles-experienced",
        "carried-pattern-level",
        "carried-pattern-cycles",
        "caveat-dropped",
        "energising-caveat-dropped",
    ],
)
def test_routine_breaking_a_rule_is_refused(write_routine, library_copy, text, expected):
    write_routine(text)
    problems = problems_for(library_copy)
    assert any(p.startswith(f"routines/broken.toml: {expected}") for p in problems), problems


@pytest.mark.parametrize(
    "text",
    [
        mat_routine(minutes=2) + mat("neck-pillow", "towel", 3),
        mat_routine(position="feet-seated", layer="socks"),
        mat_routine(level="intermediate", position="standing", layer="socks", minutes=5),
        mat_routine(minutes=2) + breathing("relaxing-478"),
        mat_routine(level="experienced", minutes=2) + breathing("pranayama-ratio"),
        mat_routine(minutes=2)
        + breathing(
            "relaxing-478",
            'cycles = 4\ninstruction = "In for four, hold for seven, out for eight. '
            'If the hold feels too long, shorten it."\n',
        ),
    ],
    ids=[
        "beginner-5-in-all",
        "socks-feet",
        "standing-5",
        "478-x4",
        "pranayama-experienced",
        "caveat-kept",
    ],
)
def test_routine_within_the_rules_loads(write_routine, library_copy, text):
    write_routine(text)
    assert "broken" in load_library(library_copy).routines


def test_every_problem_of_a_file_is_reported_with_routine_level_ones(write_routine, library_copy):
    write_routine(
        mat_routine(minutes=4)
        + mat("neck-pillow", "towel", 4)
        + mat("ceiling", "shirt", 2)
        + breathing("pranayama-ratio")
    )
    problems = problems_for(library_copy)
    expected = [
        "routines/broken.toml: steps[2].position: unknown value 'ceiling'",
        "routines/broken.toml: steps[3].pattern: 'pranayama-ratio' is for experienced",
        "routines/broken.toml: steps: mat steps add up to 8 min; a beginner routine",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_a_too_short_routine_is_only_judged_when_every_step_parsed(write_routine, library_copy):
    write_routine(mat_routine(minutes=0.5) + mat("ceiling", "shirt", 2))
    problems = problems_for(library_copy)
    assert not any("the routine lasts" in p for p in problems), problems


def shared_pattern(body: str) -> str:
    return f'\n[held]\nname = "Held"\nsummary = "s"\ninhale = 4\nexhale = 4\n{body}'


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'hold_in = 5\nasks = ["breath-hold"]\nlevel = "beginner"\ninstruction = "In."\n',
            "held.caveat: is required: the pattern asks breath-hold",
        ),
        (
            'asks = []\nlevel = "beginner"\ncaveat = "Stop if dizzy."\ninstruction = "In, out."\n',
            "held.instruction: must say the pattern's caveat: 'Stop if dizzy.'",
        ),
        ('asks = []\ninstruction = "In, out."\n', "held.level: is required"),
        (
            'asks = []\nlevel = "novice"\ninstruction = "In, out."\n',
            "held.level: unknown value 'novice'",
        ),
        (
            'asks = []\nlevel = "beginner"\ninstruction = "In."\nmax_cycles = { novice = 4 }\n',
            "held.max_cycles.novice: unknown field",
        ),
        (
            'asks = []\nlevel = "beginner"\ninstruction = "In."\nmax_cycles = { beginner = 0 }\n',
            "held.max_cycles.beginner: must be between 1 and 200",
        ),
    ],
    ids=[
        "caveat-required",
        "instruction-without-caveat",
        "no-level",
        "bad-level",
        "bad-limit-key",
        "zero-limit",
    ],
)
def test_a_pattern_without_its_level_or_caveat_is_refused(library_copy, body, expected):
    path = library_copy / "shared" / "breathing.toml"
    path.write_text(path.read_text() + shared_pattern(body))
    problems = problems_for(library_copy)
    assert any(p.startswith(f"routines/shared/breathing.toml: {expected}") for p in problems), (
        problems
    )


def test_api_carries_each_patterns_caveat_on_its_steps(client):
    routines = {r["slug"]: r for r in client.get("/api/routines").get_json()["routines"]}
    relaxing = routines["evening-unwind"]["steps"][4]
    assert relaxing["breathing"]["id"] == "relaxing-478"
    assert relaxing["caveat"] == "If the hold feels too long, shorten it."
    carried = next(s for s in routines["morning-wake-up"]["steps"] if s["kind"] == "mat")
    assert carried["breathing"]["id"] == "box"
    assert carried["caveat"] == "If a hold feels hard, make it shorter."
    for routine in routines.values():
        for step in routine["steps"]:
            assert ("caveat" in step) == bool(step.get("breathing") and _has_caveat(step)), step


def _has_caveat(step) -> bool:
    return step["breathing"]["id"] in {
        "box",
        "relaxing-478",
        "physiological-sigh",
        "triangle",
        "energising",
        "pranayama-ratio",
    }


def test_the_real_library_keeps_the_whole_routine_rules():
    library = load_library(LIBRARY)
    for routine in library.routines.values():
        steps = routine.steps
        if routine.level == "beginner":
            assert routine.mat_seconds <= BEGINNER_ROUTINE_MAT_MAX, routine.slug
        standing = sum(s.seconds for s in steps if s.position == "standing")
        assert standing <= STANDING_MAX[routine.level], routine.slug
        for step in steps:
            if step.layer == "socks":
                assert step.position in FEET_POSITIONS, routine.slug
            if step.kind == "breathing" and step.breathing.caveat:
                assert step.breathing.caveat in step.instruction, routine.slug
            if step.breathing:
                limit = step.breathing.cycle_limit(routine.level)
                cycles = step.cycles or step.seconds // step.breathing.cycle_seconds
                assert limit is None or cycles <= limit, routine.slug
