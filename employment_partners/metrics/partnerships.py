"""Partnership health: what each hiring partnership's record adds up to over a period, and one
0-100 score with a band (Healthy / Watch / At risk), or "Not enough data".

An activity report: the period (From .. To, the cohort ending at `end`) selects the activity
counted (referrals, hires, feedback, events, messages, issues reported, pulses sent); a state is
read as of `end` (active placements, open issues, days since the last contact); evidence that
arrives later (a reply, an acknowledgement, an answer) counts when recorded by the as-of day.
Retention is the reports' one definition (metrics/retention_days): the partnership's placements
that started in the period, retained at 90 / 180 days once their window has closed by the as-of
day.  Each figure is one grouped query (see the Partnership Health report for the words a manager
reads).  The score weighs six parts, each scored 0-1:

| part            | weight (Settings) | scores 1 when                        | scores 0 when          |
|-----------------|-------------------|--------------------------------------|------------------------|
| retention       | 30                | every placement retained at 90 days  | none was               |
| acceptance      | 15                | every decided referral accepted      | none accepted          |
| satisfaction    | 15                | mean employer satisfaction 5 of 5    | 1 of 5                 |
| responsiveness  | 15                | median reply within 24 h             | 120 h or more          |
| reporting       | 15                | median reporting lag 1 day or less   | 14 days or more        |
| contact         | 10                | last contact 30 days ago or less     | 120 days or more, or never |

in between, linearly.  A part with no data in the period (no placement whose 90-day window has
closed, no decided referral, no feedback, no reply awaited, no issue reported) is left out and the
other weights are weighed among themselves; contact always counts (never contacted scores 0).
score = 100 x (sum of weight x part) / (sum of the weights counted), rounded half up.

**Not enough data**: a partnership with fewer than MIN_REFERRALS (3) referrals sent in the period
and no placement started in it has too little activity for a score to mean anything (before, one
with nothing at all scored on contact alone, or 100 Healthy with a recent call): it gets no score,
the band "Not enough data", and comes after every scored partnership.
"""

from fractions import Fraction

import frappe
from frappe import _

from employment_partners import arithmetic
from employment_partners.metrics import period as periods
from employment_partners.metrics import pulse as pulse_metrics
from employment_partners.metrics import retention_days
from employment_partners.pipeline import organisations
from employment_partners.placements import referrals
from employment_partners.retention import issues
from employment_partners.utils import get_settings

HEALTHY, WATCH, AT_RISK, NOT_ENOUGH_DATA = "Healthy", "Watch", "At risk", "Not enough data"
BANDS = (HEALTHY, WATCH, AT_RISK, NOT_ENOUGH_DATA)
# too little activity for a score: fewer referrals than this in the period, and no hire
MIN_REFERRALS = 3
PARTS = ("retention", "acceptance", "satisfaction", "responsiveness", "reporting", "contact")
WEIGHT_FIELDS = {part: f"health_weight_{part}" for part in PARTS}
# retention at these marks is shown; the score's part reads the first
RETENTION_MARKS = (90, 180)

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
		"retention": share(row["retained_90"], row["counted_90"]),
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


def enough_data(referrals: int, hires: int) -> bool:
	"""A score needs MIN_REFERRALS referrals sent in the period, or a placement started in it."""
	return int(referrals or 0) >= MIN_REFERRALS or int(hires or 0) > 0


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

	settings = get_settings()
	weights = settings_weights(settings)
	base = _partnerships(partnerships, status, assigned_bsr)
	if not base:
		return []
	names = list(base)
	values = {**period.values(), "names": names}
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
	pulses = pulse_metrics.response_figures(names, period.start, period.end, period.as_of)
	rows = []
	for row in base.values():
		row.update(_pulse_figures(pulses.get(row["name"])))
		row.update(_finish(row, period.end))
		row["parts"] = parts_of(row)
		if enough_data(row["referrals"], row["hires"]):
			row["health_score"] = score(row["parts"], weights)
			row["band"] = band(row["health_score"], settings.health_healthy_from, settings.health_watch_from)
		else:
			row["health_score"], row["band"] = None, NOT_ENOUGH_DATA
		rows.append(row)
	rows.sort(key=order)
	return rows


def order(row: dict) -> tuple:
	"""Scored partnerships first, healthiest first; then those without a score (not enough data)."""
	return (row["health_score"] is None, -(row["health_score"] or 0), row["partner_name"])


def rank_for_invitation(limit: int = 20, exclude: list[str] | None = None, on=None) -> list[dict]:
	"""Active partnerships not flagged as problematic, healthiest first (over the last 365 days),
	then by hires and name: the top partners an appreciation event invites."""

	period = periods.from_filters({}, default_days=365, on=on)
	rows = [
		row
		for row in partnership_health(period, status=organisations.ACTIVE)
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
		**{f"{key}_{d}": 0 for d in RETENTION_MARKS for key in retention_days.FIGURES},
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
	"""Hires (placements started in the period), placements active on the period's last day, and
	retention at 90 and 180 days of the hires (metrics/retention_days)."""
	standings = ", ".join(
		f"case when p.start_date >= %(start)s then {retention_days.standing_sql('p', d)} end as s{d}"
		for d in RETENTION_MARKS
	)
	sums = ", ".join(
		retention_days.sums_sql(f"x.s{d}", "x.status", d, among="x.hire") for d in RETENTION_MARKS
	)
	return _by_partnership(
		f"""
		select x.hiring_partnership, sum(x.hire) as hires, sum(x.active) as active_placements, {sums}
		from (
			-- row_number() keeps MariaDB from merging this table into the sums, which would work
			-- each standing out again for every sum that reads it (measured: 3x slower)
			select p.hiring_partnership, p.status, p.start_date >= %(start)s as hire,
				{retention_days.running_on_sql("p", "%(end)s")} as active,
				{standings}, row_number() over () as _materialized
			from `tabPlacement` p
			where p.hiring_partnership in %(names)s and p.start_date <= %(end)s
		) x
		group by x.hiring_partnership
		""",
		{**values, **retention_days.values()},
	)


def _referrals(values) -> dict:
	"""Referrals sent in the period, and of those the employer decided on in the period (by decided-on
	date) the decisions as made: Referral.decision keeps the employer's Accepted (offered or hired)
	when the participant later withdraws."""
	return _by_partnership(
		"""
		select r.hiring_partnership,
			sum(r.referred_on between %(start)s and %(end)s) as referrals,
			sum(r.decided_on between %(start)s and %(end)s and r.decision in %(decided)s) as decided,
			sum(r.decided_on between %(start)s and %(end)s and r.decision = %(accepted)s) as accepted
		from `tabReferral` r
		where r.hiring_partnership in %(names)s
		group by r.hiring_partnership
		""",
		{
			**values,
			"decided": (referrals.DECISION_ACCEPTED, referrals.DECISION_DECLINED),
			"accepted": referrals.DECISION_ACCEPTED,
		},
	)


def _issues(values) -> dict:
	"""Open issues on the period's last day (reported by then and not closed by then: closed_on, or
	for a row closed without one, its last change), and the medians of the issues reported in the
	period (acknowledgements recorded by the as-of day)."""
	counts = _by_partnership(
		"""
		select i.hiring_partnership,
			sum(not (i.status in %(closed)s
				and date(coalesce(i.closed_on, i.modified)) <= %(end)s)) as open_issues
		from `tabRetention Issue Report` i
		where i.hiring_partnership in %(names)s and date(i.reported_on) <= %(end)s
		group by i.hiring_partnership
		""",
		{**values, "closed": issues.CLOSED},
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
		where i.hiring_partnership in %(names)s and date(i.reported_on) between %(start)s and %(end)s
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
			and date(e.interaction_date) between %(start)s and %(end)s
			and date(e.replied_on) <= %(as_of)s
		""",
		values,
	)


def _last_contacts(values) -> dict:
	return _by_partnership(
		"""
		select e.hiring_partnership, max(date(e.interaction_date)) as last_contact
		from `tabEmployer Interaction` e
		where e.hiring_partnership in %(names)s and date(e.interaction_date) <= %(end)s
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
			and ev.event_date between %(start)s and %(end)s
		group by i.hiring_partnership
		""",
		values,
	)


def _feedback(values) -> dict:
	return _by_partnership(
		"""
		select f.hiring_partnership, count(*) as feedback_count, sum(f.satisfaction) as satisfaction_sum
		from `tabEmployer Feedback` f
		where f.hiring_partnership in %(names)s and f.received_on between %(start)s and %(end)s
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


def _finish(row: dict, end) -> dict:
	"""The rates, means and day counts of a partnership's raw sums (days since contact: to `end`)."""
	retention = {}
	for d in RETENTION_MARKS:
		retention.update(retention_days.figures(row, d))
	return {
		**retention,
		"accepted_rate": arithmetic.percent(row["accepted"], row["decided"]),
		"satisfaction": arithmetic.ratio(row["satisfaction_sum"], row["feedback_count"], 2),
		"median_reporting_lag_days": arithmetic.rounded(row["median_reporting_lag_days"], 1),
		"median_acknowledge_hours": arithmetic.rounded(row["median_acknowledge_hours"], 1),
		"median_response_hours": arithmetic.rounded(row["median_response_hours"], 1),
		"days_since_contact": (end - row["last_contact"]).days if row["last_contact"] else None,
	}
