"""The JSON API: the whole library with an ETag, one routine, JSON errors, health."""

from __future__ import annotations

import json


def test_library_response_has_every_routine_with_its_slug(client, app):
    response = client.get("/api/routines")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.get_json()
    library = app.extensions["acuplan.library"].routines
    assert data["count"] == len(library) == len(data["routines"])
    assert {r["slug"] for r in data["routines"]} == set(library)


def test_routine_json_shape(client, app):
    data = client.get("/api/routines/evening-unwind").get_json()
    routine = app.extensions["acuplan.library"].routines["evening-unwind"]
    assert data["slug"] == "evening-unwind"
    assert data["seconds"] == routine.seconds == sum(s["seconds"] for s in data["steps"])
    assert set(data) >= {
        "title",
        "summary",
        "goals",
        "level",
        "safety",
        "mat_seconds",
        "positions",
        "steps",
    }
    kinds = {step["kind"]: step for step in data["steps"]}
    mat = kinds["mat"]
    assert mat["position"] in {
        "upper-back",
        "lower-back",
        "neck-pillow",
        "standing",
        "sitting",
        "feet-seated",
    }
    assert mat["layer"] in {"bare", "shirt", "towel", "socks"}
    breathing = kinds["breathing"]["breathing"]
    assert breathing["phases"][0]["name"] == "inhale"
    assert sum(p["seconds"] for p in breathing["phases"]) == breathing["cycle_seconds"]
    stretch = kinds["stretch"]
    assert {"hold", "reps", "switch_pause"} <= set(stretch)
    assert set(stretch["stretch"]) == {"id", "name", "sided"}


def test_meditation_steps_carry_their_prompts(client):
    routines = client.get("/api/routines").get_json()["routines"]
    steps = [s for r in routines for s in r["steps"] if s["kind"] == "meditation"]
    assert steps
    for step in steps:
        prompts = step["meditation"]["prompts"]
        assert prompts and all(p["at"] < step["seconds"] for p in prompts)


def test_library_response_is_revalidated_by_etag(client):
    first = client.get("/api/routines")
    etag = first.headers["ETag"]
    assert "no-cache" in first.headers["Cache-Control"]
    again = client.get("/api/routines", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    stale = client.get("/api/routines", headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


def test_etag_changes_when_the_library_changes(make_app, library_copy):
    before = make_app().test_client().get("/api/routines").headers["ETag"]
    path = library_copy / "evening-unwind.toml"
    path.write_text(path.read_text().replace("Evening unwind", "Evening wind-down"))
    after = make_app(ROUTINES_DIR=str(library_copy)).test_client().get("/api/routines")
    assert after.headers["ETag"] != before


def test_unknown_routine_is_a_json_404_with_a_message(client):
    response = client.get("/api/routines/no-such-routine")
    assert response.status_code == 404
    assert response.get_json() == {
        "error": "Not Found",
        "message": "There is no routine called 'no-such-routine'.",
    }


def test_unknown_api_path_is_json(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert response.get_json()["message"]


def test_wrong_method_on_api_is_json(client):
    response = client.delete("/api/routines")
    assert response.status_code == 405
    assert response.get_json()["error"] == "Method Not Allowed"


def test_user_text_in_json_is_not_html(client):
    body = client.get("/api/routines").get_data(as_text=True)
    json.loads(body)
    assert "<script" not in body


def test_health_reports_the_database(client, database_url):
    data = client.get("/api/health").get_json()
    assert data["status"] == "ok"
    assert data["database"] == ("postgresql" if database_url.startswith("postgresql") else "sqlite")
