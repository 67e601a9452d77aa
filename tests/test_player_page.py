"""The player page as the server renders it: one page for every routine, cached offline."""

from __future__ import annotations

import json
import re

from tests.test_pwa import worker_constants


def test_play_renders_one_page_for_every_routine(client):
    first = client.get("/play?routine=evening-unwind")
    assert first.status_code == 200
    assert first.data == client.get("/play").data, "the routine is chosen on the device"
    html = first.get_data(as_text=True)
    assert "data-player" in html and "pages/player" in html
    labels = json.loads(re.search(r"data-labels='([^']*)'", html)[1])
    assert labels["positions"]["upper-back"] == "Lying, upper back"
    assert labels["layers"]["shirt"] == "Thin shirt"


def test_play_has_no_inline_script_or_style(client):
    html = client.get("/play").get_data(as_text=True)
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert 'type="importmap"' in attrs or (body == "" and "src=" in attrs), attrs
    assert " style=" not in html and "onclick" not in html


def test_the_worker_precaches_the_player(client):
    _, precache = worker_constants(client)
    assert "/play" in precache


def test_a_routine_page_links_to_its_player(client):
    html = client.get("/routines/evening-unwind").get_data(as_text=True)
    assert 'href="/play?routine=evening-unwind"' in html
