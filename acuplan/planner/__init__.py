"""The planner: pure functions from a profile, a screening, a history and a date to a plan.

This package is the one place the planning rules live. No Flask, no I/O, no clock: the
same inputs always give the same plan.
"""

from acuplan.vocabulary import FLAGS

from .choose import Session, Swap, Version
from .fitting import StepRules, fit_routine
from .output import plan_json
from .plan import Day, Plan, Week, build_plan
from .profile import (
    PlanInputError,
    Profile,
    Screening,
    SessionRecord,
    parse_date,
    parse_history,
)
from .progression import LYING, STANDING, mat_limit, rung, standing_limit
from .safety import Safety, assess_screening

__all__ = [
    "FLAGS",
    "LYING",
    "STANDING",
    "Day",
    "Plan",
    "PlanInputError",
    "Profile",
    "Safety",
    "Screening",
    "Session",
    "SessionRecord",
    "StepRules",
    "Swap",
    "Version",
    "Week",
    "assess_screening",
    "build_plan",
    "fit_routine",
    "mat_limit",
    "parse_date",
    "parse_history",
    "plan_json",
    "rung",
    "standing_limit",
]
