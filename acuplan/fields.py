"""Reading untyped tables (TOML files, JSON records) into typed values, collecting every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MISSING = object()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the library: where it is and what it is."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        """`file: field: message`, the field left out when the whole file is meant."""
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class CatalogError(Exception):
    """The library is invalid; `problems` lists everything wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        """Keep every problem; the message lists them, one a line."""
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"the routine library has {len(problems)} problem(s):\n{lines}")


class Fields:
    """Typed access to one TOML table; problems go to a shared list, never raise.

    Every getter returns None when the value is missing or wrong, so a caller can read
    all fields first and report every problem of a file at once.
    """

    def __init__(self, data: Any, file: str, path: str, problems: list[Problem]):
        """Read `data` (a table) found in `file` at `path`, adding problems to `problems`."""
        self.file, self.path, self.problems = file, path, problems
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        self.read: set[str] = set()
        if not isinstance(data, dict):
            self.error("", f"must be a table, not {_type_name(data)}")

    def error(self, name: str, message: str) -> None:
        """Note a problem with the field `name` of this table ("" for the table itself)."""
        field = ".".join(p for p in (self.path, name) if p)
        self.problems.append(Problem(self.file, field, message))

    def has(self, name: str) -> bool:
        """Whether the table gives the field `name` at all."""
        return name in self.data

    def child(self, name: str, value: Any) -> Fields:
        """Fields for a table nested in this one under `name`, sharing its problems."""
        return Fields(value, self.file, f"{self.path}.{name}" if self.path else name, self.problems)

    def _get(self, name: str, required: bool) -> Any:
        self.read.add(name)
        value = self.data.get(name, _MISSING)
        if value is _MISSING and required:
            self.error(name, "is required")
        return value

    def text(
        self, name: str, *, required: bool = True, default: str = "", max_length: int = 2000
    ) -> str | None:
        """Non-empty text of at most `max_length` characters, its whitespace collapsed."""
        value = self._get(name, required)
        if value is _MISSING:
            return None if required else default
        if not isinstance(value, str) or not value.strip():
            self.error(name, f"must be non-empty text, not {_type_name(value)}")
            return None
        if len(value) > max_length:
            self.error(name, f"must be at most {max_length} characters")
            return None
        return " ".join(value.split())

    def number(
        self,
        name: str,
        *,
        required: bool = True,
        default: float | None = None,
        minimum: float = 0,
        maximum: float = 86400,
        integer: bool = False,
        within: tuple[float, float] | None = None,
    ) -> float | None:
        """A number (a whole one if `integer`) from `minimum` to `maximum`, or `within`."""
        if within is not None:
            minimum, maximum = within
        value = self._get(name, required)
        if value is _MISSING:
            return default
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            wanted = "a whole number" if integer else "a number"
            self.error(name, f"must be {wanted}, not {_type_name(value)}")
            return None
        if not minimum <= value <= maximum:
            got = f"{value:g}" if abs(value) < 1e15 else "a number out of range"
            self.error(name, f"must be between {minimum:g} and {maximum:g} (got {got})")
            return None
        return value

    def flag(self, name: str, *, default: bool = False) -> bool | None:
        """true or false; `default` when absent."""
        value = self._get(name, False)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.error(name, f"must be true or false, not {_type_name(value)}")
            return None
        return value

    def choice(self, name: str, choices: Any, *, required: bool = True) -> str | None:
        """One of `choices` (codes)."""
        value = self._get(name, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str) or value not in choices:
            self.error(name, f"unknown value {value!r}; expected one of: {', '.join(choices)}")
            return None
        return value

    def reference(
        self, name: str, known: dict[str, Any], what: str, *, required: bool = True
    ) -> Any:
        """The object `known` holds under the name given (a `what`: a pattern, a stretch)."""
        value = self._get(name, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str) or value not in known:
            self.error(name, f"unknown {what} {value!r}")
            return None
        return known[value]

    def texts(
        self, name: str, *, required: bool = True, choices: Any = None
    ) -> tuple[str, ...] | None:
        """A list of non-empty texts, each one of `choices` when they are given."""
        value = self._get(name, required)
        if value is _MISSING:
            return None if required else ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(name, "must be a list of non-empty texts")
            return None
        if choices is not None:
            unknown = [v for v in value if v not in choices]
            if unknown:
                self.error(
                    name,
                    f"unknown value(s) {', '.join(map(repr, unknown))}; "
                    f"expected any of: {', '.join(choices)}",
                )
                return None
        return tuple(" ".join(v.split()) for v in value)

    def table_list(self, name: str) -> list[Fields]:
        """A non-empty list of tables, each as Fields named `name[i]`."""
        value = self._get(name, True)
        if value is _MISSING:
            return []
        if not isinstance(value, list) or not value:
            self.error(name, "must be a non-empty list of tables")
            return []
        return [self.child(f"{name}[{i}]", item) for i, item in enumerate(value)]

    def finish(self) -> None:
        """Report every field that was never read: unknown fields are errors."""
        unknown = self.data.keys() - self.read
        for name in sorted(unknown) if unknown else ():
            self.error(name, "unknown field")


def _type_name(value: Any) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
