"""The signed-in account page holds several forms: every label names exactly one field."""

from __future__ import annotations

import re
from collections import Counter


def test_every_label_on_the_account_page_points_to_one_field(client, auth):
    auth.register()
    html = client.get("/account").get_data(as_text=True)
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    targets = re.findall(r'<label for="([^"]+)"', html)
    assert len(targets) >= 4  # change password (3 fields) and delete (1)
    for target in targets:
        assert ids[target] == 1, f"label for={target!r} matches {ids[target]} elements"
