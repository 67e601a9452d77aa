"""Chaos: three devices of one account, hundreds of random writes, flaky networks.

Devices go offline and online at random; a share of sync requests is aborted before the
server sees them, and a share of responses is dropped after the server committed. At the
end, with everything online and synced, every device and the server hold exactly the
records a model of the operations says: none lost, none duplicated.

The seed is fixed (CHAOS_SEED overrides it) and printed, so a failure can be replayed.
"""

from __future__ import annotations

import os
import random

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.test_sync import login, register, store, sync

pytestmark = pytest.mark.browser

SEED = int(os.environ.get("CHAOS_SEED", "20261121"))
OPERATIONS = int(os.environ.get("CHAOS_OPERATIONS", "300"))
ABORT, DROP = 0.15, 0.15


class Device:
    def __init__(self, browser, name):
        self.context = browser.new_context(service_workers="block")
        self.page = self.context.new_page()
        # Its own generator: route handlers run between the test's steps, so sharing one
        # would make the sequence of operations depend on timing.
        self.name, self.rng, self.online = name, random.Random(f"{SEED}-{name}"), True
        self.aborted = self.dropped = 0

    def chaos(self, route):
        roll = self.rng.random()
        try:
            if roll < ABORT:
                self.aborted += 1
                route.abort()
            elif roll < ABORT + DROP:
                route.fetch()  # the server does the work; the device never hears back
                self.dropped += 1
                route.abort()
            else:
                route.continue_()
        except PlaywrightError:
            pass  # the request went away meanwhile (the device went offline): fine too

    def set_online(self, online):
        self.online = online
        self.context.set_offline(not online)

    def live(self):
        records = store(self.page, "allRecords")
        return {r["id"]: r["data"] for r in records if not r["deleted"]}


def test_every_device_and_the_server_agree_after_chaos(browser, live_server):
    rng = random.Random(SEED)
    print(f"\nchaos seed {SEED}, {OPERATIONS} operations (CHAOS_SEED=... to replay)")
    devices = [Device(browser, f"phone{i}") for i in range(3)]
    register(devices[0].page, live_server, email="chaos@example.com")
    for device in devices[1:]:
        login(device.page, live_server, email="chaos@example.com")
    for device in devices:
        device.page.route("**/api/sync/**", device.chaos)

    model: dict[str, tuple[int, dict | None]] = {}  # id -> (modified, data or None if deleted)
    for step in range(OPERATIONS):
        device = rng.choice(devices)
        known = sorted(device.live())
        roll = rng.random()
        if roll < 0.45 or not known:
            data = {
                "date": f"2026-11-{rng.randint(1, 28):02d}",
                "minutes": rng.randint(1, 30),
                "notes": f"{device.name} op {step}",
            }
            record = store(device.page, "saveRecord", "journal", data)
        elif roll < 0.8:
            record_id = rng.choice(known)
            data = {
                "date": "2026-11-20",
                "minutes": rng.randint(1, 30),
                "notes": f"{device.name} edit {step}",
            }
            record = store(device.page, "saveRecord", "journal", data, record_id)
        else:
            record_id = rng.choice(known)
            store(device.page, "deleteRecord", record_id)
            record = store(device.page, "getRecord", record_id)
        previous = model.get(record["id"])
        assert previous is None or record["modified"] != previous[0], "same-ms tie: reseed"
        if previous is None or record["modified"] > previous[0]:
            model[record["id"]] = (
                record["modified"],
                None if record["deleted"] else record["data"],
            )
        if rng.random() < 0.1:
            device.set_online(not device.online)
        if rng.random() < 0.25 and device.online:
            sync(device.page)
        device.page.wait_for_timeout(2)  # distinct modified times across devices

    for device in devices:
        device.page.unroute("**/api/sync/**")
        device.set_online(True)
    for _ in range(3):  # a round per device, three times: pushes then pulls reach everyone
        for device in devices:
            assert sync(device.page)["state"] == "synced", device.name
    expected = {record_id: data for record_id, (_, data) in model.items() if data is not None}
    for device in devices:
        assert device.live() == expected, device.name
        assert store(device.page, "pendingRecords") == []
    server = devices[0].page.evaluate(
        """async () => {
          const records = []; let cursor = 0;
          for (;;) {
            const page = await (await fetch(`/api/sync/pull?cursor=${cursor}&limit=1000`)).json();
            records.push(...page.records); cursor = page.cursor;
            if (!page.more) return records;
          }
        }"""
    )
    assert len(server) == len({r["id"] for r in server}), "no duplicates on the server"
    assert {r["id"]: r["data"] for r in server if not r["deleted"]} == expected
    aborted = sum(d.aborted for d in devices)
    dropped = sum(d.dropped for d in devices)
    print(
        f"{len(expected)} live records, {len(model) - len(expected)} deleted; "
        f"{aborted} requests aborted, {dropped} responses dropped after commit"
    )
    assert aborted and dropped, "the chaos must actually happen"
    for device in devices:
        device.context.close()
