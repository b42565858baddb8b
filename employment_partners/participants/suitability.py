"""Suitability indicators funders ask for (Ontario Employment Services style), and readiness.

Two indicators are derived rather than entered: age (under 20 or over 44 at enrolment) and a
history of poor retention (two or more job losses within a year).  The count of indicators
met is what funders read.
"""

from datetime import date
from itertools import pairwise

from frappe import _
from frappe.utils import date_diff, getdate

READINESS_MIN, READINESS_MAX = 0, 4

# source-of-income answers that count as the funder's indicator
INCOME_INDICATORS = ("Social assistance", "Disability support", "No income")

# the barriers a participant may face (Participant's barrier_* checks), in the form's order
BARRIERS = (
	"barrier_housing",
	"barrier_transportation",
	"barrier_childcare",
	"barrier_health",
	"barrier_legal",
	"barrier_financial",
)

ENTERED_INDICATORS = (
	"age_indicator",
	"grade_12_or_less",
	"foreign_credentials",
	"limited_work_experience",
	"out_of_work_26_weeks",
	"poor_retention_history",
	"language_indicator",
	"recent_labour_market_change",
	"has_disability",
	"indigenous",
)


def age_on(date_of_birth, on_date) -> int:
	born, on = getdate(date_of_birth), getdate(on_date)
	return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_indicator(date_of_birth, enrolment_date) -> bool:
	if not date_of_birth or not enrolment_date:
		return False
	age = age_on(date_of_birth, enrolment_date)
	return age < 20 or age > 44


def poor_retention(loss_end_dates: list) -> bool:
	"""Two or more job losses within any 365 days."""
	ends: list[date] = sorted(getdate(d) for d in loss_end_dates if d)
	return any(date_diff(later, earlier) <= 365 for earlier, later in pairwise(ends))


def indicator_count(doc) -> int:
	"""How many suitability indicators a participant meets."""
	count = sum(1 for field in ENTERED_INDICATORS if doc.get(field))
	return count + (1 if doc.get("source_of_income") in INCOME_INDICATORS else 0)


def readiness_problem(label: str, value) -> str | None:
	if value is None or not READINESS_MIN <= int(value) <= READINESS_MAX:
		return _("{0} must be between {1} and {2}, not {3}").format(
			label, READINESS_MIN, READINESS_MAX, value
		)
	return None
