"""Request input the rest of the app can trust: JSON with bounded nesting and well-formed
Unicode, form fields that all have a name."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Request as FlaskRequest
from flask import current_app, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.datastructures import ImmutableMultiDict

MAX_DEPTH = 32
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def well_formed(text: str) -> str:
    """The text with every lone UTF-16 surrogate replaced by U+FFFD.

    JSON may spell half of a surrogate pair ("\\ud83d"), as a note cut inside an emoji
    does; such text cannot be stored or encoded as UTF-8. Replacing the half keeps the
    rest of the note, which is what the person would want.
    """
    return LONE_SURROGATE.sub("\ufffd", text)


def clean(value: Any) -> Any:
    """The parsed JSON with well-formed text throughout; ValueError if nested too deeply."""
    return _clean(value, 0)


def check_depth(value: Any) -> None:
    """ValueError if the parsed JSON nests containers more than MAX_DEPTH deep.

    Walks containers only, so a long batch of flat records costs little.
    """
    level, depth = [value], 0
    while level:  # one nesting level at a time; parsed JSON holds exact dicts and lists
        if depth >= MAX_DEPTH:
            raise ValueError(f"JSON nested more than {MAX_DEPTH} levels deep")
        deeper = []
        for container in level:
            for child in container.values() if type(container) is dict else container:
                if type(child) is dict or type(child) is list:
                    deeper.append(child)
        level, depth = deeper, depth + 1


def _clean(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return well_formed(value)
    if isinstance(value, list | dict) and depth >= MAX_DEPTH:
        raise ValueError(f"JSON nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, list):
        return [_clean(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {well_formed(key): _clean(item, depth + 1) for key, item in value.items()}
    return value


def json_body() -> tuple[Any, str | None]:
    """The request's JSON body and None, or None and why it could not be read."""
    if not request.is_json:
        return None, "the body must be JSON (Content-Type: application/json)"
    try:
        return current_app.json.loads(request.get_data(cache=True)), None
    except ValueError as error:  # json's decode errors included
        return None, f"the body is not readable JSON ({error})"


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, reading request bodies through clean()."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse JSON text into well-formed, boundedly nested data."""
        if isinstance(s, bytes):
            s = s.decode(json.detect_encoding(s), "surrogatepass")
        try:
            value = super().loads(s, **kwargs)
            # A lone surrogate comes as a \u escape or, in UTF-16 text, as itself; text
            # with neither (nearly all) skips the walk that rebuilds every string.
            if "\\ud" in s.lower() or LONE_SURROGATE.search(s):
                return clean(value)
            if isinstance(value, list | dict):
                check_depth(value)
            return value
        except RecursionError:
            # The parser itself gives up on very deep nesting; that is bad input too.
            raise ValueError(f"JSON nested more than {MAX_DEPTH} levels deep") from None


class Request(FlaskRequest):
    """Flask's request, without multipart parts that have no field name.

    A part whose Content-Disposition names no field comes out under the key None, and
    code that reads every key (Flask-WTF's CSRF check among it) fails on it.
    """

    def _load_form_data(self) -> None:
        super()._load_form_data()
        for name in ("form", "files"):
            fields = self.__dict__[name]
            if None in fields:
                for unnamed in fields.getlist(None):
                    if hasattr(unnamed, "close"):
                        unnamed.close()  # a dropped upload's temporary file
                named = [(k, v) for k, v in fields.items(multi=True) if k is not None]
                self.__dict__[name] = ImmutableMultiDict(named)
