"""What the early warning knows about a placement on a given day, read only from what was known
on that day.

Each feature is a yes/no fact about one current placement on one day `d`, written once as an SQL
expression over the placement (`p`), its participant (`pt`) and the day (`snap.d`), so scoring
today, backtesting a past week and training over a year of weeks run the same SQL (`QUERY`) and
cannot disagree.  Every dated record counts only when its date is on or before `d`: a concern
reported after `d`, a follow-up completed after `d`, a referral connected after `d` is read as
not having happened yet (tests/test_early_warning.py changes data dated after a day and checks
that nothing scored for that day moves).  The participant's barriers and the placement's wage
and hours are undated profile facts: they are read as they stand.

The signals are the ones the product's sources name as coming before a separation: an
employer's concern and its severity, an unanswered pulse, missed or unreached follow-ups (SETA
WIA Directive #02-09: contact in the first week and every month; SERCO: employers do not tell
the agency about attendance), the first weeks and months of a job, past job losses, open
transport or childcare needs and barriers (LA:RISE: retention coaching and quick referrals for
support services keep people employed).
"""

from dataclasses import dataclass

from frappe import _
from frappe.utils import getdate

from employment_partners.placements.placements import ENDED

# Service categories whose open referral is a practical obstacle to getting to work
SUPPORT_CATEGORIES = ("Transportation", "Childcare")
SEVERE = ("High", "Critical")
# the window the warning looks ahead: a separation on the day scored or the 29 after it
HORIZON_DAYS = 30


@dataclass(frozen=True)
class Feature:
	code: str
	sql: str
	reason: str  # the reason in words, as a reader sees it (translated when shown)
	# the (doctype, field) a reader must be able to read to be shown this reason; None: anyone
	# who may read the risk may read it
	needs: tuple[str, str] | None = None


def _on_or_before(column: str) -> str:
	"""`column` (a date or datetime) fell on `snap.d` or before it."""
	return f"{column} < snap.d + interval 1 day"


FEATURES: tuple[Feature, ...] = (
	Feature(
		"first_30_days",
		"datediff(snap.d, p.start_date) < 30",
		"In the first 30 days of the job",
	),
	Feature(
		"days_31_to_90",
		"datediff(snap.d, p.start_date) between 30 and 89",
		"In days 31 to 90 of the job",
	),
	Feature(
		"concern_recent",
		"exists (select 1 from `tabRetention Issue Report` i where i.placement = p.name"
		f" and {_on_or_before('i.reported_on')} and i.reported_on >= snap.d - interval 29 day)",
		"The employer raised a concern in the last 30 days",
	),
	Feature(
		"concern_severe",
		"exists (select 1 from `tabRetention Issue Report` i where i.placement = p.name"
		f" and {_on_or_before('i.reported_on')} and i.reported_on >= snap.d - interval 29 day"
		f" and i.severity in {SEVERE!r})",
		"That concern was High or Critical",
	),
	Feature(
		"pulse_unanswered",
		"exists (select 1 from `tabEmployer Pulse` u where u.placement = p.name"
		f" and {_on_or_before('u.expires_on')} and u.expires_on >= snap.d - interval 59 day"
		" and (u.answered_on is null or u.answered_on > u.expires_on))",
		"The employer left a pulse question unanswered in the last 60 days",
	),
	Feature(
		"follow_up_missed",
		"exists (select 1 from `tabRetention Follow-up` f where f.participant = p.participant"
		" and f.window_end < snap.d and f.window_end >= snap.d - interval 90 day"
		" and (f.completed_on is null or f.completed_on > snap.d))",
		"A follow-up window closed in the last 90 days without a contact",
	),
	Feature(
		"unable_to_contact",
		# contact attempts in the last 30 days, none of which reached the person (max of none: null)
		"coalesce((select max(a.reached) from `tabFollow-up Attempt` a join `tabRetention Follow-up` f"
		" on f.name = a.parent and a.parenttype = 'Retention Follow-up'"
		" where f.participant = p.participant"
		f" and {_on_or_before('a.attempted_on')} and a.attempted_on >= snap.d - interval 29 day), 1) = 0"
		" or exists (select 1 from `tabRetention Follow-up` f where f.participant = p.participant"
		" and f.outcome = 'Unable to Contact' and f.completed_on <= snap.d"
		" and f.completed_on >= snap.d - interval 29 day)",
		"Could not be reached in the last 30 days",
	),
	Feature(
		"past_job_loss",
		"exists (select 1 from `tabPlacement` q where q.participant = p.participant and q.name <> p.name"
		f" and q.status = '{ENDED}' and q.end_date < snap.d)"
		" or exists (select 1 from `tabParticipant Job Loss` j where j.parent = p.participant"
		" and j.parenttype = 'Participant' and j.end_date < snap.d)",
		"Has lost a job before",
	),
	Feature(
		"part_time",
		"p.hours_per_week > 0 and p.hours_per_week < 20",
		"Fewer than 20 hours a week",
	),
	Feature(
		"below_target_wage",
		"pt.target_hourly_wage > 0 and p.hourly_wage > 0 and p.hourly_wage < pt.target_hourly_wage",
		"Paid less than the wage they aimed for",
	),
	Feature(
		"support_referral_open",
		"exists (select 1 from `tabService Referral` s where s.participant = p.participant"
		f" and s.category in {SUPPORT_CATEGORIES!r} and s.referred_on <= snap.d"
		" and s.referred_on >= snap.d - interval 90 day"
		" and (s.connected_on is null or s.connected_on > snap.d))",
		"A transportation or childcare referral is not yet connected",
	),
	Feature(
		"barrier_transport_childcare",
		"pt.barrier_transportation = 1 or pt.barrier_childcare = 1",
		"Transportation or childcare is a barrier",
	),
	Feature(
		"barrier_housing",
		"pt.barrier_housing = 1",
		"Housing is a barrier",
	),
	Feature(
		"barrier_personal",
		"pt.barrier_health = 1 or pt.barrier_legal = 1 or pt.barrier_financial = 1",
		"A health, legal or financial barrier",
		needs=("Participant", "barrier_health"),
	),
)
CODES = tuple(f.code for f in FEATURES)
BY_CODE = {f.code: f for f in FEATURES}

# On `snap.d`, a placement is current when it has started and its last day worked (End Date) is
# not before that day; it separated within the horizon when it Ended (not Completed or
# Transitioned) on that day or one of the 29 after it.
CURRENT = "p.start_date <= snap.d and (p.end_date is null or p.end_date >= snap.d)"
SEPARATED = (
	f"p.status = '{ENDED}' and p.end_date >= snap.d and p.end_date < snap.d + interval {HORIZON_DAYS} day"
)
FIRST_90_DAYS = "datediff(snap.d, p.start_date) < 90"


def days_table(days) -> str:
	"""A derived table `snap` of the days asked for (dates, escaped as ISO literals)."""
	days = sorted({getdate(day).isoformat() for day in days})
	if not days:
		raise ValueError("no days")
	return "(" + " union all ".join(f"select date '{day}' as d" for day in days) + ") snap"


def select_features() -> str:
	# a fact that cannot be told (an empty wage or target) is absent, never NULL
	return ", ".join(f"coalesce(({f.sql}), 0) as {f.code}" for f in FEATURES)


def from_current(days) -> str:
	"""The placements current on each of `days`, one row per (placement, day)."""
	return (
		f"from {days_table(days)} join `tabPlacement` p on {CURRENT}"
		" join `tabParticipant` pt on pt.name = p.participant"
	)


def reason(code: str) -> str:
	return _(BY_CODE[code].reason)
