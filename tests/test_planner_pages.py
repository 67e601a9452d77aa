"""The planner's pages: onboarding at /start and Today at /, shells the device fills in."""

from __future__ import annotations

import re

from acuplan.catalog import GOALS
from acuplan.onboarding import FLAG_QUESTIONS
from acuplan.planner import FLAGS
from tests.test_pwa import worker_constants


def values(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]+)"', html)


def test_onboarding_asks_every_question_the_planner_knows(client):
    response = client.get("/start")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert values(html, "goals") == list(GOALS)
    assert values(html, "times") == ["morning", "evening"]
    assert values(html, "experience") == ["never", "few", "regular"]
    assert values(html, "sensitivity") == ["low", "medium", "high"]
    assert values(html, "flags") == [*FLAGS, "none"]
    assert "None of these apply to me" in html
    for question in FLAG_QUESTIONS.values():
        assert question in html.replace("&#39;", "'")
    assert 'name="minutes_per_day" min="5" max="120"' in html
    assert re.findall(r'<option value="(\d)"', html) == [str(n) for n in range(1, 8)]
    assert 'data-error-for="minutes_per_day"' in html


def test_onboarding_has_no_inline_script_or_style(client):
    html = client.get("/start").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\b(type=\"importmap\"|src=))", html)
    assert " style=" not in html and " onclick=" not in html


def test_today_welcomes_and_offers_to_plan_the_week(client):
    html = client.get("/").get_data(as_text=True)
    assert '<a class="button button-primary" href="/start">Plan my week</a>' in html
    assert "breathe slowly" in html
    # Today itself is a template the device fills in once the person has answered
    assert "<template data-today-template>" in html
    assert html.count("<h1") == 2 and html.index("hero-title") < html.index("<template")
    assert "Add to calendar (.ics)" in html
    assert 'value="07:30"' in html and 'value="21:00"' in html


def test_the_worker_precaches_onboarding_and_today(client):
    _, precache = worker_constants(client)
    assert {"/", "/start"} <= set(precache)
    assert any(re.search(r"/pages/today\.[0-9a-f]+\.js$", url) for url in precache)
    assert any(re.search(r"/pages/start\.[0-9a-f]+\.js$", url) for url in precache)


def test_the_safety_page_names_the_red_flags_and_what_is_left_out_beyond_the_mat(client):
    html = client.get("/safety").get_data(as_text=True)
    assert "changes in bladder or bowel control" in html and "after a head injury" in html
    assert "moles, warts and very sensitive skin" in html and "numb" in html
    assert "gentle forward bends only" in html and "no deep twists" in html


def test_a_routine_page_is_ready_to_be_shown_as_adapted(client):
    html = client.get("/routines/evening-unwind").get_data(as_text=True)
    assert 'data-routine-page="evening-unwind"' in html
    assert html.count("data-step-note hidden") == html.count("data-step>")
    assert "data-adapt-notice" in html and "data-safety-check" in html
    assert re.search(r'src="/static/gen/js/pages/routine\.[0-9a-f]+\.js"', html)
