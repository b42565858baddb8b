"""The employer fit score: how good the jobs are and how open the employer is to our participants.

Quality-job checklist (60 points) + friendly-employer flags (40 points) = 0-100.
"""

from frappe import _, _lt

# (fieldname, label, points)
QUALITY_JOB = (
	("pays_living_wage", _lt("Living wage"), 20),
	("offers_benefits", _lt("Benefits"), 12),
	("career_pathway", _lt("Career pathway"), 12),
	("schedule_fits_participants", _lt("Schedule fits"), 8),
	("transit_access", _lt("Transit access"), 8),
)
FRIENDLY_EMPLOYER = (
	("fair_chance_hiring", _lt("Fair-chance hiring"), 15),
	("inclusive_hiring", _lt("Inclusive hiring"), 10),
	("existing_connection", _lt("Existing connection"), 10),
	("social_responsibility", _lt("Social responsibility"), 5),
)
CRITERIA = QUALITY_JOB + FRIENDLY_EMPLOYER
assert sum(points for _f, _l, points in CRITERIA) == 100


def pays_living_wage(typical_hourly_wage: float | None, living_wage: float) -> bool:
	return bool(typical_hourly_wage) and float(typical_hourly_wage) >= float(living_wage or 0)


def fit_score(values) -> tuple[int, list[tuple[object, int]]]:
	"""(score, parts) where parts lists each met criterion (its label translated when shown)
	with its points."""
	parts = [(label, points) for fieldname, label, points in CRITERIA if values.get(fieldname)]
	return sum(points for _label, points in parts), parts


def describe(parts: list[tuple[str, int]]) -> str:
	if not parts:
		return _("No criterion met yet")
	return ", ".join(f"{label} +{points}" for label, points in parts)
