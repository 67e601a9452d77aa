"""The clinician report on a phone (390 px): every session reads as labelled lines with no
word broken letter by letter, and every code is shown with its label."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import store

pytestmark = pytest.mark.browser

# Words split across lines: a range over one word has more than one box.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll("[data-report-rows] td")) {
    const text = cell.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    for (const match of text.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      if (range.getClientRects().length > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def entry(days_ago, **data):
    date = (datetime.date.today() - datetime.timedelta(days=days_ago)).isoformat()
    return {"date": date, "minutes": 12, **data}


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_the_report_reads_well_on_a_phone_with_every_code_labelled(phone, live_server, screenshot):
    phone.goto(live_server + "/journal")
    store(
        phone,
        "saveRecord",
        "journal",
        entry(
            2,
            routine="evening-unwind",
            pain_before=6,
            pain_after=3,
            stress_before=7,
            stress_after=2,
            sleep_quality=4,
            adverse=["growing-pain", "lasting-redness"],
            notes="Felt warmth spreading through the shoulders; the hips stayed uncomfortable.",
        ),
    )
    store(phone, "saveRecord", "journal", entry(1, routine="first-five-minutes", minutes=5))
    expect(phone.locator(".entry-adverse:not([hidden])")).to_have_text(
        "Noted: Pain that grew instead of settling, Redness lasting over an hour"
    )
    phone.goto(live_server + "/journal/report")
    rows = phone.locator("[data-report-rows] tr")
    expect(rows).to_have_count(2)
    side_effects = rows.first.locator("td[data-label='Side effects']")
    expect(side_effects).to_have_text(
        "Pain that grew instead of settling, Redness lasting over an hour"
    )
    expect(phone.locator("main")).not_to_contain_text("growing-pain")
    assert phone.evaluate(BROKEN_WORDS) == []
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    dark = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    screenshot(phone, f"journal-report-phone-{'dark' if dark else 'light'}", full_page=True)


def test_the_report_prints_as_a_table_with_whole_words(phone, live_server, screenshot):
    phone.goto(live_server + "/journal")
    store(
        phone,
        "saveRecord",
        "journal",
        entry(
            1,
            routine="evening-unwind",
            pain_before=5,
            pain_after=2,
            adverse=["growing-pain"],
            notes="Calmer afterwards; slept through.",
        ),
    )
    phone.set_viewport_size({"width": 700, "height": 990})  # an A4 page's printable width
    phone.emulate_media(media="print")
    phone.goto(live_server + "/journal/report")
    expect(phone.locator("[data-report-rows] tr")).to_have_count(1)
    assert phone.locator(".report-table").evaluate("(t) => getComputedStyle(t).display") == "table"
    expect(phone.locator(".report-table thead")).to_be_visible()
    expect(phone.locator(".site-nav")).to_be_hidden()
    assert phone.evaluate(BROKEN_WORDS) == []
    screenshot(phone, "journal-report-print", full_page=True)
