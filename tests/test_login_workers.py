"""The per-account login limit holds across gunicorn workers: a real 4-worker server."""

from __future__ import annotations

import http.client
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from bench.server import acuplan_server

EMAIL, PASSWORD = "ada@example.com", "a calm evening walk"
GUESSES = 45


class Browser:
    """One visitor from one address (behind the trusted proxy), with its own cookies."""

    def __init__(self, port: int, address: str):
        self.port, self.address, self.cookies = port, address, {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "X-Forwarded-For": self.address,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        connection.close()
        return response.status, text

    def post_form(self, path: str, form: dict) -> int:
        _, body = self.request("GET", "/api/csrf")
        token = re.search(r'"token":\s*"([^"]+)"', body)[1]
        return self.request("POST", path, {**form, "csrf_token": token})[0]


def test_45_wrong_passwords_across_4_workers_get_no_more_than_the_limit_checked(
    make_app, database_url, monkeypatch
):
    make_app()  # migrates the test database (and empties it afterwards)
    # Every guess comes from another address, so only the per-account limit can stop them.
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    with acuplan_server(workers=4, database_url=database_url) as port:
        signed_up = Browser(port, "198.51.100.1").post_form(
            "/account/register", {"email": EMAIL, "password": PASSWORD, "confirm": PASSWORD}
        )
        assert signed_up == 302
        browsers = [Browser(port, f"203.0.113.{i + 1}") for i in range(GUESSES + 1)]

        def guess(index: int) -> int:
            form = {"email": EMAIL, "password": f"wrong guess {index}"}
            return browsers[index].post_form("/account/login", form)

        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = list(pool.map(guess, range(GUESSES)))
        right = browsers[GUESSES].post_form(
            "/account/login", {"email": EMAIL, "password": PASSWORD}
        )
    from acuplan.config import Defaults

    checked = codes.count(400)  # answers that came from a real password check
    print(f"\n{GUESSES} guesses over 4 workers: {checked} checked, {GUESSES - checked} refused")
    assert set(codes) <= {400, 429}
    assert 0 < checked <= Defaults.LOGIN_ACCOUNT_FAILURES
    assert codes.count(429) == GUESSES - checked
    assert right == 429  # the account is still blocked, even for its own password


def test_simultaneous_sign_ups_of_one_address_in_any_case_make_one_account(
    make_app, database_url, monkeypatch
):
    make_app()
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    spellings = ["A@x.example", "a@X.example", "A@X.EXAMPLE", "a@x.example"] * 2
    with acuplan_server(workers=4, database_url=database_url) as port:
        browsers = [Browser(port, f"203.0.113.{i + 1}") for i in range(len(spellings))]

        def sign_up(index: int) -> int:
            form = {"email": spellings[index], "password": PASSWORD, "confirm": PASSWORD}
            return browsers[index].post_form("/account/register", form)

        with ThreadPoolExecutor(max_workers=len(spellings)) as pool:
            codes = list(pool.map(sign_up, range(len(spellings))))
    assert sorted(codes) == [302] + [400] * (len(spellings) - 1)
