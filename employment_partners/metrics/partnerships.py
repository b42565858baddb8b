"""Partnership health: what each hiring partnership's record adds up to over a period, and one
0-100 score with a band (Healthy / Watch / At risk).

Each figure is one grouped query over the period (see the Partnership Health report for the
words a manager reads).  The score weighs six parts, each scored 0-1:

| part            | weight (Settings) | scores 1 when                        | scores 0 when          |
|-----------------|-------------------|--------------------------------------|------------------------|
| retention       | 30                | every placement kept 90 days         | none did               |
| acceptance      | 15                | every decided referral accepted      | none accepted          |
| satisfaction    | 15                | mean employer satisfaction 5 of 5    | 1 of 5                 |
| responsiveness  | 15                | median reply within 24 h             | 120 h or more          |
| reporting       | 15                | median reporting lag 1 day or less   | 14 days or more        |
| contact         | 10                | last contact 30 days ago or less     | 120 days or more, or never |

in between, linearly.  A part with no data in the period (no placement 90 days old yet, no
decided referral, no feedback, no reply awaited, no issue reported) is left out and the other
weights are weighed among themselves; contact always counts (never contacted scores 0).
score = 100 x (sum of weight x part) / (sum of the weights counted), rounded half up.
"""

from fractions import Fraction

import frappe
from frappe import _

from employment_partners.metrics import arithmetic
from employment_partners.metrics import placements as placement_metrics
from employment_partners.metrics import pulse as pulse_metrics
from employment_partners.placements import referrals
from employment_partners.retention import issues

HEALTHY, WATCH, AT_RISK = "Healthy", "Watch", "At risk"
PARTS = ("retention", "acceptance", "satisfaction", "responsiveness", "reporting", "contact")
WEIGHT_FIELDS = {part: f"health_weight_{part}" for part in PARTS}

# (scores 1 at or better than, scores 0 at or worse than)
RESPONSE_HOURS = (24, 120)
REPORTING_LAG_DAYS = (1, 14)
CONTACT_DAYS = (30, 120)


def weights_problem(weights: dict[str, int], healthy_from: int, watch_from: int) -> str | None:
	"""Settings: weights 0 or more adding up to 100; Watch below Healthy, both within 0-100."""
	if any((w or 0) < 0 for w in weights.values()):
		return _("A health score weight cannot be negative")
	total = sum(int(w or 0) for w in weights.values())
	if total != 100:
		return _("The health score weights must add up to 100, not {0}").format(total)
	if not 0 <= int(watch_from or 0) < int(healthy_from or 0) <= 100:
		return _("Watch must start below Healthy, both between 0 and 100 (Watch {0}, Healthy {1})").format(
			watch_from, healthy_from
		)
	return None


def falling(value, best, worst) -> Fraction | None:
	"""1 at or below `best`, 0 at or above `worst`, linear in between; None for no value."""
	if value is None:
		return None
	value = Fraction(str(value))
	if value <= best:
		return Fraction(1)
	if value >= worst:
		return Fraction(0)
	return (worst - value) / (worst - best)


def parts_of(row: dict) -> dict[str, Fraction | None]:
	"""Each part of the score, 0-1 (or None: no data), from a partnership's figures: shares and
	the mean from the exact counts and sums, the medians and days as shown."""

	def share(part, whole):
		return Fraction(int(part), int(whole)) if whole else None

	return {
		"retention": share(row["retained_90"], row["eligible_90"]),
		"acceptance": share(row["accepted"], row["decided"]),
		"satisfaction": None
		if not row["feedback_count"]
		else (Fraction(str(row["satisfaction_sum"])) / int(row["feedback_count"]) - 1) / 4,
		"responsiveness": falling(row["median_response_hours"], *RESPONSE_HOURS),
		"reporting": falling(row["median_reporting_lag_days"], *REPORTING_LAG_DAYS),
		"contact": Fraction(0)
		if row["days_since_contact"] is None
		else falling(row["days_since_contact"], *CONTACT_DAYS),
	}


def score(parts: dict[str, Fraction | None], weights: dict[str, int]) -> int | None:
	counted = {part: value for part, value in parts.items() if value is not None and weights.get(part)}
	total = sum(weights[part] for part in counted)
	if not total:
		return None
	exact = Fraction(100) * sum(weights[part] * value for part, value in counted.items()) / total
	return int(arithmetic.ratio(exact.numerator, exact.denominator, 0))


def band(value: int | None, healthy_from: int, watch_from: int) -> str | None:
	if value is None:
		return None
	if value >= healthy_from:
		return HEALTHY
	return WATCH if value >= watch_from else AT_RISK


def settings_weights(settings) -> dict[str, int]:
	return {part: int(settings.get(field) or 0) for part, field in WEIGHT_FIELDS.items()}


def partnership_health(
	period,
	partnerships: list[str] | None = None,
	status: str | None = None,
	assigned_bsr: str | None = None,
) -> list[dict]:
	"""One dict per partnership (of those named, with the status and BSR given) with every figure,
	the parts, the score and the band; best first."""
	from employment_partners.utils import get_settings

	settings = get_settings()
	weights = settings_weights(settings)
	base = _partnerships(partnerships, status, assigned_bsr)
	if not base:
		return []
	names = list(base)
	values = {"start": period.start, "as_of": period.as_of, "names": names}
	for figures in (
		_placements(values),
		_referrals(values),
		_issues(values),
		_responses(values),
		_last_contacts(values),
		_events(values),
		_feedback(values),
	):
		for name, row in figures.items():
			base[name].update(row)
	pulses = pulse_metrics.response_figures(names, period.start, period.as_of)
	rows = []
	for row in base.values():
		row.update(_pulse_figures(pulses.get(row["name"])))
		row.update(_finish(row, period.as_of))
		row["parts"] = parts_of(row)
		row["health_score"] = score(row["parts"], weights)
		row["band"] = band(row["health_score"], settings.health_healthy_from, settings.health_watch_from)
		rows.append(row)
	rows.sort(key=lambda r: (r["health_score"] is None, -(r["health_score"] or 0), r["partner_name"]))
	return rows


def rank_for_invitation(limit: int = 20, exclude: list[str] | None = None, on=None) -> list[dict]:
	"""Active partnerships not flagged as problematic, healthiest first (over the last 365 days),
	then by hires and name: the top partners an appreciation event invites."""
	from employment_partners.metrics import period as periods

	period = periods.from_filters({}, default_days=365, on=on)
	rows = [
		row
		for row in partnership_health(period, status="Active")
		if not row["problematic_employer"] and row["name"] not in (exclude or [])
	]
	rows.sort(
		key=lambda r: (r["health_score"] is None, -(r["health_score"] or 0), -r["hires"], r["partner_name"])
	)
	return rows[: int(limit)]


def _partnerships(names, status, assigned_bsr) -> dict[str, dict]:
	filters = {}
	if names is not None:
		filters["name"] = ("in", names or [""])
	if status:
		filters["status"] = status
	if assigned_bsr:
		filters["assigned_bsr"] = assigned_bsr
	rows = frappe.get_all(
		"Hiring Partnership",
		filters=filters,
		fields=[
			"name",
			"partner_name",
			"status",
			"tier",
			"assigned_bsr",
			"problematic_employer",
			"industry",
			"primary_contact",
		],
	)
	empty = {
		"referrals": 0,
		"decided": 0,
		"accepted": 0,
		"hires": 0,
		"active_placements": 0,
		"eligible_90": 0,
		"retained_90": 0,
		"eligible_180": 0,
		"retained_180": 0,
		"open_issues": 0,
		"median_reporting_lag_days": None,
		"median_acknowledge_hours": None,
		"median_response_hours": None,
		"last_contact": None,
		"events_attended": 0,
		"feedback_count": 0,
		"satisfaction_sum": 0,
	}
	return {row.name: {**row, **empty} for row in rows}


def _by_partnership(sql: str, values: dict) -> dict[str, dict]:
	return {row.pop("hiring_partnership"): row for row in frappe.db.sql(sql, values, as_dict=True)}


def _placements(values) -> dict:
	return _by_partnership(
		f"""
		select p.hiring_partnership,
			sum(p.start_date >= %(start)s) as hires,
			sum({placement_metrics.ACTIVE_AS_OF_SQL.format(p="p")}) as active_placements,
			{placement_metrics.retained_sql("p", 90)},
			{placement_metrics.retained_sql("p", 180)}
		from `tabPlacement` p
		where p.hiring_partnership in %(names)s and p.start_date <= %(as_of)s
		group by p.hiring_partnership
		""",
		{**values, **placement_metrics.STATUS_VALUES},
	)


def _referrals(values) -> dict:
	return _by_partnership(
		"""
		select r.hiring_partnership,
			sum(r.referred_on between %(start)s and %(as_of)s) as referrals,
			sum(r.decided_on between %(start)s and %(as_of)s and r.status in %(decided)s) as decided,
			sum(r.decided_on between %(start)s and %(as_of)s and r.status in %(accepted)s) as accepted
		from `tabReferral` r
		where r.hiring_partnership in %(names)s
		group by r.hiring_partnership
		""",
		{**values, "decided": referrals.DECIDED, "accepted": referrals.ACCEPTED},
	)


def _issues(values) -> dict:
	counts = _by_partnership(
		"""
		select i.hiring_partnership,
			sum(i.status not in %(closed)s) as open_issues
		from `tabRetention Issue Report` i
		where i.hiring_partnership in %(names)s and date(i.reported_on) <= %(as_of)s
		group by i.hiring_partnership
		""",
		{**values, "closed": (issues.RESOLVED, issues.SEPARATED)},
	)
	medians = _by_partnership(
		"""
		select distinct i.hiring_partnership,
			median(case when i.reported_by_type = 'Employer Contact' and i.incident_start is not null
				then datediff(date(i.reported_on), i.incident_start) end)
				over (partition by i.hiring_partnership) as median_reporting_lag_days,
			median(case when i.acknowledged_on is not null and date(i.acknowledged_on) <= %(as_of)s
				then i.acknowledge_hours end)
				over (partition by i.hiring_partnership) as median_acknowledge_hours
		from `tabRetention Issue Report` i
		where i.hiring_partnership in %(names)s and date(i.reported_on) between %(start)s and %(as_of)s
		""",
		values,
	)
	for name, row in medians.items():
		counts.setdefault(name, {}).update(row)
	return counts


def _responses(values) -> dict:
	return _by_partnership(
		"""
		select distinct e.hiring_partnership,
			median(e.response_hours) over (partition by e.hiring_partnership) as median_response_hours
		from `tabEmployer Interaction` e
		where e.hiring_partnership in %(names)s and e.direction = 'Outbound' and e.needs_reply = 1
			and e.replied_on is not null
			and date(e.interaction_date) between %(start)s and %(as_of)s
			and date(e.replied_on) <= %(as_of)s
		""",
		values,
	)


def _last_contacts(values) -> dict:
	return _by_partnership(
		"""
		select e.hiring_partnership, max(date(e.interaction_date)) as last_contact
		from `tabEmployer Interaction` e
		where e.hiring_partnership in %(names)s and date(e.interaction_date) <= %(as_of)s
		group by e.hiring_partnership
		""",
		values,
	)


def _events(values) -> dict:
	return _by_partnership(
		"""
		select i.hiring_partnership, count(distinct ev.name) as events_attended
		from `tabEmployer Appreciation Invitee` i
		join `tabEmployer Appreciation Event` ev on ev.name = i.parent and i.parenttype = 'Employer Appreciation Event'
		where i.hiring_partnership in %(names)s and i.attended = 1
			and ev.event_date between %(start)s and %(as_of)s
		group by i.hiring_partnership
		""",
		values,
	)


def _feedback(values) -> dict:
	return _by_partnership(
		"""
		select f.hiring_partnership, count(*) as feedback_count, sum(f.satisfaction) as satisfaction_sum
		from `tabEmployer Feedback` f
		where f.hiring_partnership in %(names)s and f.received_on between %(start)s and %(as_of)s
		group by f.hiring_partnership
		""",
		values,
	)


def _pulse_figures(figures: dict | None) -> dict:
	"""The employer pulse answered rate and median answer hours (metrics/pulse.py), over the pulses
	sent in the period; not part of the score."""
	figures = figures or {}
	return {
		"pulse_answered_rate": figures.get("answered_rate"),
		"pulse_median_hours": figures.get("median_hours"),
	}


def _finish(row: dict, as_of) -> dict:
	"""The rates, means and day counts of a partnership's raw sums."""
	return {
		"accepted_rate": arithmetic.percent(row["accepted"], row["decided"]),
		"retention_90": arithmetic.percent(row["retained_90"], row["eligible_90"]),
		"retention_180": arithmetic.percent(row["retained_180"], row["eligible_180"]),
		"satisfaction": arithmetic.ratio(row["satisfaction_sum"], row["feedback_count"], 2),
		"median_reporting_lag_days": arithmetic.rounded(row["median_reporting_lag_days"], 1),
		"median_acknowledge_hours": arithmetic.rounded(row["median_acknowledge_hours"], 1),
		"median_response_hours": arithmetic.rounded(row["median_response_hours"], 1),
		"days_since_contact": (as_of - row["last_contact"]).days if row["last_contact"] else None,
	}
