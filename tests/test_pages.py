"""The HTML pages: home, the filterable library, one routine, safety, errors."""

from __future__ import annotations

import re

import pytest


def cards(html: str) -> list[str]:
    """The routine slugs listed as cards on a page, in order."""
    return re.findall(r'class="card-title"><a href="/routines/([a-z0-9-]+)"', html)


def test_home_links_to_the_library(client):
    html = client.get("/").get_data(as_text=True)
    assert "Browse 28 routines" in html or re.search(r"Browse \d+ routines", html)
    assert 'href="/routines"' in html
    assert cards(html), "featured routines are shown"


def test_routine_list_shows_every_routine(client, app):
    response = client.get("/routines")
    assert response.status_code == 200
    listed = cards(response.get_data(as_text=True))
    library = app.extensions["acuplan.library"].routines
    assert sorted(listed) == sorted(library)


def test_routine_list_is_shortest_first(client, app):
    listed = cards(client.get("/routines").get_data(as_text=True))
    routines = app.extensions["acuplan.library"].routines
    lengths = [routines[slug].seconds for slug in listed]
    assert lengths == sorted(lengths)


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("goal=sleep", lambda r: "sleep" in r.goals),
        ("level=experienced", lambda r: r.level == "experienced"),
        ("position=standing", lambda r: "standing" in r.positions),
        ("duration=short", lambda r: r.seconds <= 600),
        ("duration=long", lambda r: r.seconds > 1200),
        ("goal=stress&level=beginner", lambda r: "stress" in r.goals and r.level == "beginner"),
    ],
)
def test_filters_narrow_the_list(client, app, query, keep):
    routines = app.extensions["acuplan.library"].routines.values()
    expected = sorted(r.slug for r in routines if keep(r))
    assert expected, "the filter should match something in the shipped library"
    assert len(expected) < len(routines)
    html = client.get(f"/routines?{query}").get_data(as_text=True)
    assert sorted(cards(html)) == expected


def test_selected_filters_stay_selected(client):
    html = client.get("/routines?goal=sleep").get_data(as_text=True)
    assert '<option value="sleep" selected>' in html


def test_unknown_filter_value_is_named_and_ignored(client):
    response = client.get("/routines?goal=flying&level=beginner")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "goal: unknown value &#39;flying&#39;" in html
    assert cards(html), "the valid filters still apply"


def test_no_match_shows_an_empty_state(client, app):
    routines = app.extensions["acuplan.library"].routines.values()
    assert not any(r.level == "beginner" and r.seconds > 1200 for r in routines)
    html = client.get("/routines?level=beginner&duration=long").get_data(as_text=True)
    assert cards(html) == []
    assert "No routine matches all of these filters." in html


def test_routine_page_shows_timeline_total_and_safety(client, app):
    routine = app.extensions["acuplan.library"].routines["evening-unwind"]
    html = client.get("/routines/evening-unwind").get_data(as_text=True)
    assert f'<h1 id="routine-title">{routine.title}</h1>' in html
    assert f"<dd>{round(routine.seconds / 60)} min</dd>" in html
    assert html.count('class="step step-') == len(routine.steps)
    for note in routine.safety:
        assert note.replace("'", "&#39;") in html
    assert "Who should not use a mat" in html


def test_a_routine_page_says_stop_if_dizzy_or_numb_once(client, app):
    library = app.extensions["acuplan.library"].routines
    on_the_mat = [slug for slug, routine in library.items() if routine.mat_seconds]
    for slug in on_the_mat:
        html = client.get(f"/routines/{slug}").get_data(as_text=True)
        safety = html.split('id="safety-title"')[1].split("</section>")[0]
        assert safety.count("dizzy or numb") == 1, slug
        assert "bruises" in safety, slug


def test_unknown_routine_is_a_friendly_404(client):
    response = client.get("/routines/no-such-routine")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We can’t find that page" in html
    assert "no-such-routine" in html
    assert 'href="/routines"' in html


def test_any_unknown_page_is_a_friendly_404(client):
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert "text/html" in response.content_type
    html = response.get_data(as_text=True)
    assert "Go to Today" in html
    assert "<title>We can’t find that page" in html
    assert "That address isn’t part of Acuplan" in html
    assert "requested URL" not in html and "Not Found" not in html


def test_server_error_page_says_nothing_is_lost(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Nothing you saved is lost" in response.get_data(as_text=True)


def test_safety_page_lists_who_should_ask_first(client):
    html = client.get("/safety").get_data(as_text=True)
    for words in ("pregnant", "blood-thinning", "epilepsy", "pacemaker", "roll onto one side"):
        assert words in html


@pytest.mark.parametrize(
    "path", ["/", "/routines", "/routines/evening-unwind", "/safety", "/nowhere"]
)
def test_pages_have_landmarks_and_no_inline_script(client, path):
    html = client.get(path).get_data(as_text=True)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<nav" in html and "<footer" in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    for attrs, body in scripts:
        assert 'type="importmap"' in attrs or (body == "" and "src=" in attrs), attrs
    assert " style=" not in html and "onclick" not in html
