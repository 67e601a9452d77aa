"""The baseline: a bare Flask app answering with a constant JSON body read from a file."""

import os
from pathlib import Path

from flask import Flask, Response

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
app = Flask(__name__)


@app.get("/api/routines")
def routines():
    return Response(BODY, mimetype="application/json")
