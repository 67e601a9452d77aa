"""One reminder: its words from the plan, its payload (Safari's declarative Web Push shape,
which the worker also shows on other browsers), and the push itself, signed with VAPID."""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from pywebpush import WebPushException, webpush

from ..catalog.model import Library

log = logging.getLogger(__name__)
MAX_PAYLOAD = 4096  # what every push service takes (RFC 8030 allows no less)
TIMEOUT = 10  # seconds for the push service to answer


@dataclass(frozen=True)
class Outcome:
    """What the push service said: sent, gone (delete the subscription), retry later, or
    refused (our key or request: logged, not retried)."""

    status: str  # sent, gone, retry, refused
    code: int | None = None
    retry_after: int | None = None  # seconds, when the service said


def payload(session: dict, library: Library, on: date, slot: str, base_url: str) -> str:
    """The notification as JSON text: what is planned, and where a tap goes."""
    routine = library.routines.get(session["routine"])
    title = routine.title if routine else "Your session"
    minutes = max(1, round(session["seconds"] / 60))
    mat = round(session["mat_seconds"] / 60)
    body = f"{title} · {minutes} min" + (f" · {mat} on the mat" if mat else " · no mat today")
    data = {
        "web_push": 8030,
        "notification": {
            "title": "Time for your session" if slot == "evening" else "Your morning session",
            "body": body,
            "navigate": f"{base_url.rstrip('/')}/?from=reminder",
            "lang": "en",
            "tag": f"acuplan-{on.isoformat()}-{slot}",
            "silent": False,
            "data": {"date": on.isoformat(), "slot": slot, "routine": session["routine"]},
        },
        "options": {"actions": [{"action": "skip", "title": "Skip today"}]},
    }
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    if len(text.encode()) > MAX_PAYLOAD:  # a very long title: the words can go, not the push
        data["notification"]["body"] = body[:200]
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return text


def push(
    subscription, text: str, private_key, subject: str, *, private_endpoints: bool = False
) -> Outcome:
    """Send `text` to one subscription; what the push service answered, as an Outcome.

    Unless `private_endpoints` (tests, a closed network), an endpoint whose name resolves to
    an address off the internet is never posted to, and its subscription is dropped.
    """
    endpoint = subscription.endpoint
    parts = urlsplit(endpoint)
    claims = {"sub": subject, "aud": f"{parts.scheme}://{parts.netloc}"}
    try:
        if not private_endpoints and (inward := inward_address(parts.hostname, parts.port)):
            log.warning("push endpoint %s resolves to %s: not sent", parts.hostname, inward)
            return Outcome("gone")
        webpush(
            {
                "endpoint": endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=text,
            vapid_private_key=private_key,
            vapid_claims=claims,
            ttl=3600,  # a reminder an hour late is no reminder
            timeout=TIMEOUT,
            headers={"Urgency": "normal", "Topic": "reminder"},
        )
    except WebPushException as error:
        return _outcome(error)
    except OSError as error:  # the service could not be reached: try again later
        log.warning("push to %s failed: %s", parts.netloc, error)
        return Outcome("retry")
    return Outcome("sent", 201)


def inward_address(host: str | None, port: int | None) -> str | None:
    """The first address `host` resolves to that is not on the internet, or None.

    The subscription's endpoint was checked when it was saved, but only by its name: a name
    can point anywhere, and be pointed elsewhere later, so the server looks again before it
    posts (an unresolvable name raises OSError: tried again later).
    """
    for *_, sockaddr in socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM):
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if not address.is_global:
            return str(address)
    return None


def _outcome(error: WebPushException) -> Outcome:
    response = error.response
    code = response.status_code if response is not None else None
    if code in (404, 410):
        return Outcome("gone", code)
    if code in (401, 403):
        # our VAPID key or claims were refused: every push would be, so say so loudly
        log.error("push service refused our VAPID signature (%s): check VAPID_PRIVATE_KEY", code)
        return Outcome("refused", code)
    if code == 429 or code is None or code >= 500:
        after = response.headers.get("Retry-After") if response is not None else None
        return Outcome("retry", code, int(after) if after and after.isdigit() else None)
    log.error("push service answered %s: %s", code, (response.text or "")[:200])
    return Outcome("refused", code)
