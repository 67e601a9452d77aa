"""The journal's pages. They are shells: the entries live on the device (IndexedDB) and
the page modules fill them in, so the journal works offline and without an account."""

from __future__ import annotations

from flask import Blueprint, render_template

from ..vocabulary import ADVERSE_LABELS, BODY_AREA_LABELS, SENSATION_LABELS

bp = Blueprint("journal", __name__, url_prefix="/journal")


@bp.app_context_processor
def journal_labels():
    """The journal's code-to-label tables, for every template."""
    return {
        "AREA_LABELS": BODY_AREA_LABELS,
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
