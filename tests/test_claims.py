"""No text shown to people claims to treat or cure; cited evidence says what was studied."""

from __future__ import annotations

import ast
import re
import tomllib

import pytest

from acuplan.config import ROOT

# Words and phrases that claim an effect on health the app cannot promise (DOMAIN.md: it
# never claims to treat a condition; README: "may help you relax", not "relieves pain").
CLAIMS = [
    r"cur(?:e|es|ed|ing)",
    r"treat(?:s|ed|ing|ment|ments)?",
    r"heal(?:s|ing)?",  # "until the skin has healed" is about bruising, not a claim
    r"detox\w*",
    r"toxins?",
    r"immun\w*",
    r"boost\w*",
    r"reliev\w*",
    r"relief",
    r"guarantee\w*",
    r"(?:clinically |scientifically )?proven",
    r"science-backed",
    r"miracle\w*",
    r"remed(?:y|ies)",
    r"therapeutic",
    r"prevents?",
    r"revers(?:e|es|ing)",
    r"eliminat\w*",
    r"endorphins?",
    r"(?:improves?|increases?|boosts?) (?:your )?circulation",
    r"blood flow",
    r"lymph\w*",
    r"anti-inflammatory",
    r"(?:lowers?|reduces?) (?:your )?(?:blood pressure|inflammation|cortisol)",
    r"weight loss",
    r"burns? fat",
    r"pain-free",
    r"painkill\w*",
    r"get rid of",
    r"fix(?:es)? (?:your|the) (?:back|pain|posture|sleep|neck|headache)",
]
CLAIM = re.compile(r"\b(?:" + "|".join(CLAIMS) + r")\b", re.I)
# A claim word right after a negation is a disclaimer: "does not diagnose or treat".
DISCLAIMER = re.compile(r"\b(?:not|never|nor|no)\b(?:\W+\w+){0,3}?\W+$", re.I)


def claims_in(text: str) -> list[str]:
    """The claim words in `text` that are not part of a disclaimer."""
    return [m.group(0) for m in CLAIM.finditer(text) if not DISCLAIMER.search(text[: m.start()])]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def library_texts() -> list[tuple[str, str]]:
    """Every text of the routine library: titles, summaries, safety notes, instructions..."""
    texts = []
    for path in sorted((ROOT / "routines").rglob("*.toml")):
        with path.open("rb") as file:
            texts += [(path.name, text) for text in _strings(tomllib.load(file))]
    return texts


def template_texts() -> list[tuple[str, str]]:
    """What the templates show, one paragraph or item at a time, without tags or Jinja code."""
    code = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<[^>]+>", re.S)
    ends = re.compile(r"</(?:p|li|h\d|summary|label|option|button|a)>")
    texts = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for part in ends.split(path.read_text()):
            text = " ".join(code.sub(" ", part).split())
            if text:
                texts.append((path.name, text))
    return texts


def script_texts() -> list[tuple[str, str]]:
    """The string literals of the front end's own modules (what they show or say)."""
    literal = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`')
    texts = []
    js = ROOT / "static" / "js"
    for path in sorted(js.rglob("*.js")):
        for match in literal.finditer(path.read_text()):
            name = path.relative_to(js).as_posix()
            texts.append((name, next(g for g in match.groups() if g is not None)))
    return texts


def python_texts() -> list[tuple[str, str]]:
    """The server's string literals (labels, notes and messages), docstrings left out."""
    texts = []
    for path in sorted((ROOT / "acuplan").rglob("*.py")):
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and id(node) not in docstrings:
                texts.append((path.name, node.value))
    return texts


@pytest.mark.parametrize(
    "source", [library_texts, template_texts, script_texts, python_texts], ids=lambda f: f.__name__
)
def test_no_text_shown_to_people_claims_to_treat_or_cure(source):
    texts = source()
    assert len(texts) > 10
    found = [(name, claims_in(text), text[:120]) for name, text in texts if claims_in(text)]
    assert not found, found


@pytest.mark.parametrize(
    "text",
    [
        "This routine cures back pain.",
        "Relieves tension headaches in minutes.",
        "A natural treatment for insomnia.",
        "Boosts your immune system.",
        "Helps your body detox.",
        "Improves circulation and releases endorphins.",
        "Clinically proven to lower blood pressure.",
        "The mat heals sore muscles.",
        "Say goodbye to pain: get rid of stiffness for good.",
    ],
)
def test_the_claims_check_catches_a_claim(text):
    assert claims_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Acuplan does not diagnose or treat anything.",
        "It never claims to cure a condition.",
        "No mat on that area until the skin has healed.",
        "Slow breathing may help you relax.",
        "Let the week settle.",
    ],
)
def test_the_claims_check_lets_plain_kind_words_through(text):
    assert not claims_in(text)


def test_safety_page_says_what_the_studies_looked_at_and_for_how_long(client):
    page = " ".join(client.get("/safety").get_data(as_text=True).split())
    # The mat: small pilot studies, two weeks of daily use, what they did and did not find.
    assert "Two randomized pilot studies, each of about 40 adults" in page
    assert "every day for two weeks" in page
    assert "91 adults with lower-back pain" in page
    assert "about one in ten stopped because the mat was too painful" in page
    # Cyclic sighing: 2023, healthy adults, mood, 5 minutes a day for a month.
    assert "a randomized study published in 2023 asked 114 healthy adults" in page
    assert "5 minutes a day for a month" in page
    assert "not at any health condition" in page
    assert "does not replace" in page


def test_every_mention_of_a_study_says_who_took_part_and_for_how_long():
    """A study is never cited vaguely: wherever people read of one, its size and length too."""
    cited = re.compile(r"\b(?:study|studies|trial|trials|research)\b", re.I)
    sized = re.compile(r"\b\d+ (?:healthy )?adults\b")
    lasted = re.compile(r"\bfor (?:two|\d+) weeks\b|\bfor a month\b")
    mentions = 0
    for name, text in library_texts() + template_texts() + script_texts():
        if cited.search(text):
            mentions += 1
            assert sized.search(text) and lasted.search(text), (name, text[:200])
    assert mentions >= 2
