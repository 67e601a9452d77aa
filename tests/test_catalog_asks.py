"""What stretches, breathing patterns and steps ask of the body, for the safety answers."""

from __future__ import annotations

import pytest

from acuplan.catalog import ASKS, CatalogError, load_library
from acuplan.catalog.model import LONG_LYING_SECONDS
from tests.conftest import LIBRARY


@pytest.fixture(scope="module")
def library():
    return load_library(LIBRARY)


def problems_for(library_dir) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_library(library_dir)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("stretch", "ask"),
    [
        ("supine-twist", "deep-twist"),
        ("thread-the-needle", "deep-twist"),
        ("sphinx", "lying-front"),
        ("seated-forward-fold", "forward-fold"),
        ("legs-up-the-wall", "inversion"),
        ("reclined-butterfly", "lying-back"),
    ],
)
def test_stretches_carry_what_they_ask(library, stretch, ask):
    assert ask in library.stretches[stretch].asks


@pytest.mark.parametrize(
    ("pattern", "ask"),
    [
        ("relaxing-478", "breath-hold"),
        ("box", "breath-hold"),
        ("pranayama-ratio", "breath-hold"),
        ("energising", "fast-breathing"),
    ],
)
def test_patterns_carry_what_they_ask(library, pattern, ask):
    assert ask in library.patterns[pattern].asks


def test_gentle_things_ask_nothing(library):
    assert library.stretches["shoulder-rolls"].asks == frozenset()
    assert library.patterns["coherent"].asks == frozenset()
    assert library.patterns["physiological-sigh"].asks == frozenset()


def test_every_pattern_with_a_long_hold_asks_breath_hold(library):
    for pattern in library.patterns.values():
        held = max(pattern.hold_in, pattern.hold_out) >= 4
        assert held == ("breath-hold" in pattern.asks), pattern.id


def test_every_tag_in_the_library_is_known(library):
    things = [*library.stretches.values(), *library.patterns.values()]
    assert all(isinstance(t.asks, frozenset) and t.asks <= set(ASKS) for t in things)
    used = {a for t in things for a in t.asks}
    # lying-back also comes from long mat steps; every other tag is used by some stretch or pattern
    assert used == set(ASKS)


def test_a_step_asks_for_its_stretch_and_carried_pattern(library):
    steps = [s for r in library.routines.values() for s in r.steps]
    for step in steps:
        if step.stretch:
            assert step.stretch.asks <= step.asks
        if step.breathing:
            assert step.breathing.asks <= step.asks


def test_long_lying_on_the_mat_asks_lying_back(write_routine, library_copy):
    write_routine(
        'title = "Lying"\nsummary = "s"\ngoals = ["stress"]\nlevel = "intermediate"\n'
        '[[steps]]\nkind = "mat"\nposition = "upper-back"\nlayer = "shirt"\nminutes = 10\n'
        'breathing = "box"\ninstruction = "Lie down slowly."\n'
        '[[steps]]\nkind = "mat"\nposition = "neck-pillow"\nlayer = "bare"\nminutes = 2\n'
        'instruction = "Rest your neck."\n'
        '[[steps]]\nkind = "mat"\nposition = "sitting"\nlayer = "shirt"\nminutes = 10\n'
        'instruction = "Sit on the mat."\n',
        name="lying.toml",
    )
    long_lie, short_lie, sitting = load_library(library_copy).routines["lying"].steps
    assert long_lie.seconds > LONG_LYING_SECONDS
    assert long_lie.asks == {"lying-back", "breath-hold"}
    assert short_lie.asks == frozenset()
    assert sitting.asks == frozenset()


def test_api_lists_each_steps_asks_sorted(client, app):
    data = client.get("/api/routines").get_json()
    library = app.extensions["acuplan.library"].routines
    for routine in data["routines"]:
        for step_json, step in zip(routine["steps"], library[routine["slug"]].steps, strict=True):
            assert step_json["asks"] == sorted(step.asks)
    assert any(s["asks"] for r in data["routines"] for s in r["steps"])


def test_an_unknown_tag_is_refused_with_file_and_field(library_copy):
    path = library_copy / "shared" / "stretches.toml"
    path.write_text(
        path.read_text().replace('asks = ["lying-front"]', 'asks = ["lying-front", "handstand"]')
    )
    problems = problems_for(library_copy)
    assert any(
        p.startswith("routines/shared/stretches.toml: sphinx.asks: unknown value(s) 'handstand'")
        for p in problems
    ), problems


def test_a_missing_asks_list_is_refused(library_copy):
    path = library_copy / "shared" / "breathing.toml"
    text = path.read_text()
    path.write_text(text.replace('exhale = 2\nasks = ["fast-breathing"]\n', "exhale = 2\n"))
    assert "routines/shared/breathing.toml: energising.asks: is required" in problems_for(
        library_copy
    )


def test_a_hold_without_the_breath_hold_tag_is_refused(library_copy):
    path = library_copy / "shared" / "breathing.toml"
    path.write_text(
        path.read_text() + '\n[held]\nname = "Held"\nsummary = "s"\ninstruction = "i"\n'
        "inhale = 4\nhold_in = 5\nexhale = 4\nasks = []\n"
    )
    assert (
        "routines/shared/breathing.toml: held.asks: must include 'breath-hold': "
        "the pattern holds for 5 s" in problems_for(library_copy)
    )
