"""The VAPID key pair that signs every push: from the environment, or made once and kept in
instance/ beside the secret key (every worker and the scheduler read the same file)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid, b64urlencode


def vapid_key(app) -> Vapid:
    """The private key: VAPID_PRIVATE_KEY (PEM) if set, else instance/vapid_private_key.pem."""
    pem = app.config.get("VAPID_PRIVATE_KEY") or _instance_key(Path(app.instance_path))
    return Vapid.from_pem(pem.encode() if isinstance(pem, str) else pem)


def public_key(app) -> str:
    """The public key as browsers take it (applicationServerKey): base64url, uncompressed."""
    point = vapid_key(app).public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64urlencode(point)


def _instance_key(folder: Path) -> bytes:
    path = folder / "vapid_private_key.pem"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may have made it a moment ago
            pem = path.read_bytes()
            if pem.strip():
                return pem
            time.sleep(0.02)
        raise RuntimeError(f"{path} is empty: delete it to make a new key") from None
    key = Vapid()
    key.generate_keys()
    pem = key.private_pem()
    with os.fdopen(fd, "wb") as file:
        file.write(pem)
    return pem
