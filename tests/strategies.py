"""Hypothesis strategies the planner tests share."""

from __future__ import annotations

from hypothesis import strategies as st

from acuplan.planner import Profile
from acuplan.vocabulary import EXPERIENCE, GOALS, SENSITIVITY

profiles = st.builds(  # any person the onboarding accepts
    Profile,
    goals=st.lists(st.sampled_from(list(GOALS)), min_size=1, max_size=3, unique=True).map(tuple),
    minutes_per_day=st.integers(5, 120),
    days_per_week=st.integers(1, 7),
    times=st.sampled_from([("morning",), ("evening",), ("morning", "evening")]),
    experience=st.sampled_from(EXPERIENCE),
    sensitivity=st.sampled_from(SENSITIVITY),
)
