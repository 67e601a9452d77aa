"""The journal's pages. They are shells: the entries live on the device (IndexedDB) and
the page modules fill them in, so the journal works offline and without an account."""

from __future__ import annotations

from flask import Blueprint, render_template

from ..sync import ADVERSE_EFFECTS, BODY_AREAS, SENSATIONS

bp = Blueprint("journal", __name__, url_prefix="/journal")

AREA_LABELS = {
    "head": "Head",
    "neck": "Neck",
    "shoulders": "Shoulders",
    "upper-back": "Upper back",
    "lower-back": "Lower back",
    "hips": "Hips",
    "legs": "Legs",
    "feet": "Feet",
    "belly": "Belly",
    "whole-body": "Whole body",
}
SENSATION_LABELS = {
    "warmth": "Warmth",
    "tingling": "Tingling",
    "relaxation": "Relaxation",
    "prickling": "Prickling",
    "heaviness": "Heaviness",
    "lightness": "Lightness",
    "calm": "Calm",
    "energy": "Energy",
    "sleepiness": "Sleepiness",
}
ADVERSE_LABELS = {
    "lasting-redness": "Redness lasting over an hour",
    "bruising": "Bruising",
    "broken-skin": "Broken skin",
    "dizziness": "Dizziness",
    "numbness": "Numbness",
    "growing-pain": "Pain that grew instead of settling",
}
assert set(AREA_LABELS) == set(BODY_AREAS) and set(SENSATION_LABELS) == set(SENSATIONS)
assert set(ADVERSE_LABELS) == set(ADVERSE_EFFECTS)


@bp.app_context_processor
def journal_labels():
    """The journal's code-to-label tables, for every template."""
    return {
        "AREA_LABELS": AREA_LABELS,
        "SENSATION_LABELS": SENSATION_LABELS,
        "ADVERSE_LABELS": ADVERSE_LABELS,
    }


@bp.get("")
def entries():
    """The list of journal entries."""
    return render_template("journal/list.html")


@bp.get("/entry")
def entry():
    """The form for one journal entry, new or edited."""
    return render_template("journal/entry.html")


@bp.get("/report")
def report():
    """The journal as a report to read or print."""
    return render_template("journal/report.html")
