"""The shipped library: it loads, covers what DOMAIN.md asks, and keeps its limits."""

from __future__ import annotations

import pytest

from acuplan.catalog import GOALS, LEVELS, MEDITATION_KINDS, POSITIONS, load_library
from tests.conftest import LIBRARY


@pytest.fixture(scope="module")
def library():
    return load_library(LIBRARY)


def test_every_routine_file_loads(library):
    files = sorted(p.stem for p in LIBRARY.glob("*.toml"))
    assert sorted(library.routines) == files
    assert len(files) >= 20


def test_library_covers_every_goal_position_and_level(library):
    routines = library.routines.values()
    assert {g for r in routines for g in r.goals} == set(GOALS)
    assert {p for r in routines for p in r.positions} == set(POSITIONS)
    assert {r.level for r in routines} == set(LEVELS)


def test_routines_last_two_to_thirty_minutes(library):
    lengths = [r.seconds for r in library.routines.values()]
    assert all(2 * 60 <= s <= 30 * 60 for s in lengths)
    assert min(lengths) < 3 * 60 and max(lengths) > 25 * 60
    # Only the quick resets are under five minutes.
    short = [r for r in library.routines.values() if r.seconds < 5 * 60]
    assert short and all("reset" in r.slug for r in short)


def test_breathing_patterns_include_the_domain_table(library):
    labels = {p.id: p.label for p in library.patterns.values()}
    assert len(labels) >= 9
    for label in (
        "4-4-4-4",
        "4-7-8-0",
        "5.5-0-5.5-0",
        "4-0-6-0",
        "4-0-8-0",
        "4-4-4-0",
        "7-0-7-0",
        "6-0-2-0",
        "7-4-8-4",
    ):
        assert label in labels.values(), label
    coherent = next(p for p in library.patterns.values() if p.label == "5.5-0-5.5-0")
    assert 60 / coherent.cycle_seconds == pytest.approx(5.45, abs=0.1)
    sigh = [p for p in library.patterns.values() if p.top_up > 0]
    assert sigh and sigh[0].phases[0].name == "inhale" and sigh[0].phases[1].name == "top-up"


def test_stretches_and_meditations_are_plentiful(library):
    assert len(library.stretches) >= 15
    assert any(s.sided for s in library.stretches.values())
    kinds = {m.kind for m in library.meditations.values()}
    assert len(kinds) >= 6 and kinds <= set(MEDITATION_KINDS)


def test_library_keeps_the_mat_limits(library):
    for routine in library.routines.values():
        assert routine.mat_seconds <= 30 * 60, routine.slug
        for step in routine.steps:
            if step.kind != "mat":
                continue
            assert step.seconds <= 30 * 60, routine.slug
            if routine.level == "beginner":
                assert step.seconds <= 5 * 60, routine.slug
            if step.position == "standing" and routine.level == "beginner":
                assert step.seconds <= 120 and step.layer == "socks", routine.slug


def test_shared_definitions_are_referenced_not_copied(library):
    used = {s.breathing.id for r in library.routines.values() for s in r.steps if s.breathing}
    assert used <= set(library.patterns)
    for routine in library.routines.values():
        for step in routine.steps:
            if step.kind == "breathing":
                assert step.breathing is library.patterns[step.breathing.id]


def test_content_makes_no_cure_claims(library):
    banned = ("cure", "heals", "treats ", "guaranteed", "detox")
    texts = [r.summary for r in library.routines.values()]
    texts += [s.instruction for r in library.routines.values() for s in r.steps]
    texts += [p.text for m in library.meditations.values() for p in m.prompts]
    for text in texts:
        assert not any(word in text.lower() for word in banned), text
