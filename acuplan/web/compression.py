"""Pre-compressed responses for bodies that never change while the app runs.

Built assets and the routine library are compressed once (brotli and gzip at their
highest levels) instead of on every request; Flask-Compress handles everything else.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

import brotli
from flask import Response, request

ENCODINGS = ("br", "gzip")


@lru_cache(maxsize=256)
def precompress(data: bytes) -> dict[str, bytes]:
    """The body in every encoding we serve; cached, as tests build many apps."""
    return {
        "identity": data,
        "br": brotli.compress(data, quality=11),
        "gzip": gzip.compress(data, compresslevel=9, mtime=0),
    }


def send_precompressed(variants: dict[str, bytes], mimetype: str, headers: dict) -> Response:
    """The smallest variant the client accepts, with Content-Encoding and Vary set."""
    accepted = request.accept_encodings
    encoding = next(
        (e for e in ENCODINGS if accepted[e] and len(variants[e]) < len(variants["identity"])),
        "identity",
    )
    headers = {**headers, "Vary": "Accept-Encoding"}
    if encoding != "identity":
        headers["Content-Encoding"] = encoding
    return Response(variants[encoding], mimetype=mimetype, headers=headers)
