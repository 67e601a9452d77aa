"""The ES modules keep no dead code: every exported name is used somewhere."""

from __future__ import annotations

import re

from acuplan.config import ROOT

JS = ROOT / "static" / "js"
EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)", re.M)


def test_every_exported_name_is_used_beyond_its_definition():
    """Used by its own module, another one, a test or a bench; else it is dead code."""
    sources = {path: path.read_text() for path in JS.rglob("*.js")}
    others = [p.read_text() for folder in ("tests", "bench") for p in (ROOT / folder).rglob("*.py")]
    dead = []
    for path, text in sources.items():
        for name in EXPORT.findall(text):
            word = re.compile(rf"(?<![\w$.]){re.escape(name)}(?![\w$])")
            uses = sum(len(word.findall(t)) for t in [*sources.values(), *others])
            if uses < 2:  # its definition alone
                dead.append(f"{path.relative_to(JS)}: {name}")
    assert dead == []
