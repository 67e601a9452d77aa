"""A broken routine file fails with an error naming the file, the field and the problem."""

from __future__ import annotations

import pytest

from acuplan.catalog import CatalogError, load_library

VALID_MAT = """
title = "Broken"
summary = "A routine written to be broken in tests."
goals = ["stress"]
level = "{level}"

[[steps]]
kind = "mat"
position = "{position}"
layer = "{layer}"
minutes = {minutes}
instruction = "Lie down slowly."
"""


def mat_routine(level="beginner", position="upper-back", layer="shirt", minutes=5, extra=""):
    text = VALID_MAT.format(level=level, position=position, layer=layer, minutes=minutes)
    return text + extra


def problems_for(library_dir) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_library(library_dir)
    return [str(p) for p in caught.value.problems]


def test_a_valid_extra_routine_loads(write_routine, library_copy):
    write_routine(mat_routine())
    routine = load_library(library_copy).routines["broken"]
    assert routine.seconds == 300
    assert routine.mat_seconds == 300


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title = 'x\n", "routines/broken.toml: invalid TOML"),
        ("colour = 'blue'\n" + mat_routine(), "routines/broken.toml: colour: unknown field"),
        (
            mat_routine(extra="colour = 'blue'\n"),
            "routines/broken.toml: steps[0].colour: unknown field",
        ),
        (
            mat_routine(extra='breathing = "no-such-breath"\n'),
            "routines/broken.toml: steps[0].breathing: unknown breathing pattern 'no-such-breath'",
        ),
        (
            mat_routine(minutes=-3),
            "routines/broken.toml: steps[0].minutes: must be between 0.25 and 60 (got -3)",
        ),
        (
            mat_routine(level="experienced", minutes=31),
            "routines/broken.toml: steps[0].minutes: a mat step here may last at most 30 min "
            "(longer sessions risk bruising); got 31 min",
        ),
        (
            mat_routine(level="beginner", minutes=6),
            "routines/broken.toml: steps[0].minutes: a mat step here may last at most 5 min "
            "(beginners start with short sessions); got 6 min",
        ),
        (
            mat_routine(position="standing", layer="socks", minutes=3),
            "routines/broken.toml: steps[0].minutes: a mat step here may last at most 2 min "
            "(standing starts short); got 3 min",
        ),
        (
            mat_routine(position="standing", layer="bare", minutes=1),
            "routines/broken.toml: steps[0].layer: beginners stand on the mat in socks",
        ),
        (
            mat_routine(position="feet-seated", layer="towel", level="intermediate"),
            "routines/broken.toml: steps[0].layer: feet on the mat go bare or in socks, "
            "not 'towel'",
        ),
        (
            mat_routine(position="ceiling"),
            "routines/broken.toml: steps[0].position: unknown value 'ceiling'",
        ),
        (
            mat_routine(extra='breathing = "box"\nmeditation = "body-scan"\n'),
            "routines/broken.toml: steps[0].meditation: a mat step carries a breathing pattern "
            "or meditation prompts, not both",
        ),
        (
            mat_routine().replace('goals = ["stress"]', 'goals = ["flying"]'),
            "routines/broken.toml: goals: unknown value(s) 'flying'",
        ),
        (
            mat_routine().replace('title = "Broken"\n', ""),
            "routines/broken.toml: title: is required",
        ),
        (
            mat_routine().replace("minutes = 5", 'minutes = "five"'),
            "routines/broken.toml: steps[0].minutes: must be a number, not text",
        ),
        (
            mat_routine().replace("minutes = 5", "minutes = 5\nseconds = 300"),
            "routines/broken.toml: steps[0].minutes: give exactly one of minutes or seconds",
        ),
        (
            mat_routine(level="intermediate", minutes=20)
            + '\n[[steps]]\nkind = "mat"\nposition = "neck-pillow"\nlayer = "bare"\n'
            'minutes = 15\ninstruction = "Rest your neck."\n',
            "routines/broken.toml: steps: mat steps add up to 35 min; at most 30 min",
        ),
        (
            mat_routine() + '\n[[steps]]\nkind = "meditation"\nmeditation = "body-scan"\n'
            "seconds = 60\n",
            "routines/broken.toml: steps[1].seconds: must be longer than the last prompt of "
            "'body-scan'",
        ),
        (
            mat_routine() + '\n[[steps]]\nkind = "stretch"\nstretch = "bridge"\nreps = 0\n',
            "routines/broken.toml: steps[1].reps: must be between 1 and 20 (got 0)",
        ),
        (
            mat_routine() + '\n[[steps]]\nkind = "juggling"\n',
            "routines/broken.toml: steps[1].kind: unknown value 'juggling'",
        ),
    ],
    ids=[
        "bad-toml",
        "unknown-field",
        "unknown-step-field",
        "unknown-pattern",
        "negative-duration",
        "mat-over-30",
        "beginner-over-5",
        "beginner-standing-long",
        "standing-bare",
        "feet-in-towel",
        "unknown-position",
        "breathing-and-meditation",
        "unknown-goal",
        "missing-title",
        "wrong-type",
        "two-durations",
        "routine-mat-total",
        "prompts-overrun",
        "zero-reps",
        "unknown-kind",
    ],
)
def test_broken_routine_is_reported(write_routine, library_copy, text, expected):
    write_routine(text)
    problems = problems_for(library_copy)
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_of_the_library_is_reported_at_once(write_routine, library_copy):
    write_routine(mat_routine(minutes=9), name="one.toml")
    write_routine(mat_routine(position="roof"), name="two.toml")
    problems = problems_for(library_copy)
    assert any(p.startswith("routines/one.toml: steps[0].minutes") for p in problems)
    assert any(p.startswith("routines/two.toml: steps[0].position") for p in problems)


def test_broken_shared_definition_is_reported(library_copy):
    path = library_copy / "shared" / "breathing.toml"
    path.write_text(
        path.read_text() + '\n[slow-one]\nname = "Slow"\nsummary = "s"\n'
        'instruction = "i"\ninhale = 4\nexhale = -1\n'
    )
    problems = problems_for(library_copy)
    assert (
        "routines/shared/breathing.toml: slow-one.exhale: must be between 0.5 and 30 "
        "(got -1)" in problems
    )


def test_a_missing_shared_file_is_reported(library_copy):
    (library_copy / "shared" / "stretches.toml").unlink()
    problems = problems_for(library_copy)
    assert "routines/shared/stretches.toml: file is missing" in problems


def test_a_bad_file_name_is_reported(write_routine, library_copy):
    write_routine(mat_routine(), name="Bad Name.toml")
    problems = problems_for(library_copy)
    assert any(p.startswith("routines/Bad Name.toml: file name must be") for p in problems)


def test_durations_are_derived_from_steps(write_routine, library_copy):
    write_routine(
        mat_routine(minutes=2) + '\n[[steps]]\nkind = "stretch"\n'
        'stretch = "figure-four"\nhold = 30\nreps = 2\nswitch_pause = 5\n'
        '\n[[steps]]\nkind = "breathing"\npattern = "box"\ncycles = 3\n'
    )
    routine = load_library(library_copy).routines["broken"]
    # figure-four is sided: 2 reps x 2 sides = 4 holds of 30 s and 3 pauses of 5 s
    assert [s.seconds for s in routine.steps] == [120, 4 * 30 + 3 * 5, 3 * 16]
    assert routine.seconds == 120 + 135 + 48


def test_a_mat_instruction_in_parts_loads_with_its_later_words(write_routine, library_copy):
    parts = (
        'lower = "Lower your back slowly."\nget_up = "Roll onto one side."\n'
        'later = [{ at = 60, text = "It usually settles." }, { at = 120, text = "Rest." }]\n'
    )
    write_routine(mat_routine(extra=parts))
    (step,) = load_library(library_copy).routines["broken"].steps
    assert (step.lower, step.get_up) == ("Lower your back slowly.", "Roll onto one side.")
    assert [(p.at, p.text) for p in step.later] == [(60, "It usually settles."), (120, "Rest.")]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            'later = [{ at = 60, text = "A." }, { at = 50, text = "B." }]\n',
            "steps[0].later[1].at: must come after the previous part (60 s)",
        ),
        (
            'later = [{ at = 295, text = "Too late." }]\n',
            "steps[0].later[0].at: must be at least 10 s before the step ends (300 s)",
        ),
        ('later = [{ at = 5, text = "Too soon." }]\n', "steps[0].later[0].at: must be between"),
        ("later = [{ at = 60 }]\n", "steps[0].later[0].text: is required"),
        ('later = [{ at = 60, text = "A.", when = 3 }]\n', "steps[0].later[0].when: unknown field"),
        ("lower = " + '"' + "word " * 36 + '"\n', "steps[0].lower: has 36 words; keep each"),
    ],
)
def test_bad_instruction_parts_are_named(write_routine, library_copy, extra, expected):
    write_routine(mat_routine(extra=extra))
    assert any(expected in p for p in problems_for(library_copy)), problems_for(library_copy)
