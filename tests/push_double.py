"""A push service for tests: an HTTP endpoint on loopback that keeps what it is sent and
answers as told, and the subscriber's keys to decrypt it with. Everything up to the HTTP
request (VAPID signing, aes128gcm encryption) is the app's real code."""

from __future__ import annotations

import base64
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class PushService:
    """`received`: (path, headers, body) of each push; `answers`: statuses to give, in turn
    (then 201); `headers`: extra response headers (Retry-After)."""

    def __init__(self):
        self.received: list[tuple[str, dict, bytes]] = []
        self.answers: list[int] = []
        self.headers: dict[str, str] = {}
        self.lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with service.lock:
                    service.received.append(
                        (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    status = service.answers.pop(0) if service.answers else 201
                self.send_response(status)
                for name, value in service.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    def subscription(self, name: str = "device") -> dict:
        """A browser's PushSubscription.toJSON() for an endpoint on this service."""
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"{self.url}/push/{name}",
            "expirationTime": None,
            "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)},
        }

    def decrypt(self, body: bytes) -> dict:
        """The payload as the browser would read it."""
        text = http_ece.decrypt(body, private_key=self.private_key, auth_secret=self.auth)
        return json.loads(text)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
