"""The routine library: routines/*.toml validated into typed objects. No Flask here."""

from ..fields import CatalogError, Problem
from ..vocabulary import ASKS, GOALS, LAYERS, LEVELS, MEDITATION_KINDS, POSITIONS
from .load import load_library
from .model import (
    BreathingPattern,
    Library,
    Meditation,
    Routine,
    Step,
    Stretch,
)
from .query import Filters, filter_routines, library_counts, routine_json

__all__ = [
    "ASKS",
    "GOALS",
    "LAYERS",
    "LEVELS",
    "MEDITATION_KINDS",
    "POSITIONS",
    "BreathingPattern",
    "CatalogError",
    "Filters",
    "Library",
    "Meditation",
    "Problem",
    "Routine",
    "Step",
    "Stretch",
    "filter_routines",
    "library_counts",
    "load_library",
    "routine_json",
]
