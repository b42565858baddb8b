"""Participant Outcomes: one row per participant placed in the period, with whether they were
still employed 30, 90 and 180 days after their first placement started (metrics/retention_days),
the latest word on their employment, the latest wage on that same job against their starting
wage, and their barriers; filter by a barrier or a suitability indicator
to see who is and is not being retained.  Figures from metrics/outcomes.py."""

import frappe
from frappe import _
from frappe.model import get_permitted_fields

from employment_partners import arithmetic, reporting
from employment_partners.metrics import outcomes, retention_days
from employment_partners.metrics import period as periods
from employment_partners.security import query_guard

DEFINITIONS = [
	(
		"Participants",
		"those you may read (your role and User Permissions) with a placement that started in the period.",
	),
	("Placements", "their placements that started in the period."),
	(
		"Retained at 30 / 90 / 180 Days",
		"for their first placement in the period: {retention_rule} Yes: still in the placement on day N; Yes: completed, then employed, or Yes: employed after it ended: "
		"the placement ended before day N and employment on day N was recorded otherwise; No: completed, then not "
		"employed: a time-limited placement ran its course before day N and nothing shows them employed on day N; "
		"No: it ended before day N and nothing shows them employed on day N. Empty while the window is still open.",
	),
	(
		"Retention Rates",
		"Yes / (Yes + No) over the participants listed whose window has closed, to 1 decimal (rounded half up); "
		"Still Open counts those whose window has not closed by the as-of day (in neither figure).",
	),
	(
		"Completed, Then Employed / Not Employed",
		"of the participants listed whose first placement was Completed before day N (a time-limited placement that "
		"ran its course): those employed on day N (counted as retained) and those not (counted as not retained).",
	),
	(
		"Latest Follow-up",
		"the outcome of their latest follow-up done on or before the as-of day (of a placement or after exit), and when; "
		"of two done the same day, the one last changed, and of two changed at the same moment, the one named first.",
	),
	(
		"Latest Wage There",
		"the hourly wage of their latest follow-up done on or before the as-of day that found them working for the "
		"first placement's employer (Employed - Same Employer, naming that placement), and when: the wage on the same "
		"job. A follow-up about another job (an earlier or later placement, or another employer) does not count.",
	),
	(
		"Wage Gain",
		"Latest Wage There minus the first placement's starting wage: the change in hourly pay on the same job; "
		"the average over those with one, to 2 decimals (rounded half up).",
	),
	("Barriers", "the barriers on the participant's record now."),
]
# the words of a first placement's standing at N days (metrics/retention_days.kind)
STANDING_WORDS = {
	retention_days.IN_PLACEMENT_KIND: "Yes",
	retention_days.COMPLETED_EMPLOYED: "Yes: completed, then employed",
	retention_days.ENDED_EMPLOYED: "Yes: employed after it ended",
	retention_days.COMPLETED_NOT_EMPLOYED: "No: completed, then not employed",
	retention_days.ENDED_NOT_EMPLOYED: "No",
}


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"barrier", "indicator", "case_manager"})
	# a barrier or indicator the reader may not read (level 1) can neither filter nor show
	for field in (filters.barrier, filters.indicator):
		if field:
			query_guard.check_filters("Participant", {field: 1})
	readable = set(get_permitted_fields("Participant"))
	period = periods.from_filters(filters)
	rows = outcomes.participant_outcomes(
		period, filters.barrier or None, filters.indicator or None, filters.case_manager or None
	)
	rows = reporting.readable(rows, "Participant", "participant")
	rates = retention_rates(rows)
	for row in rows:
		row["barriers"] = ", ".join(
			_(frappe.get_meta("Participant").get_label(b)) for b in row["barriers"] if b in readable
		)
	summary_rows = summary(rows, rates)
	for row in rows:
		for days in retention_days.DAYS:
			kind = row[f"standing_{days}"]
			row[f"retained_{days}"] = _(STANDING_WORDS[kind]) if kind else None
	return (
		columns(),
		rows,
		reporting.definitions(DEFINITIONS, period, {"retention_rule": _(retention_days.RULE)}),
		chart(rates),
		summary_rows,
	)


def retention_rates(rows) -> dict[int, float | None]:
	"""Retained / counted at each N over the rows (the participants the reader may read)."""
	rates = {}
	for days in retention_days.DAYS:
		known = [row[f"retained_{days}"] for row in rows if row[f"retained_{days}"] is not None]
		rates[days] = arithmetic.percent(sum(known), len(known))
	return rates


def counts(rows, kind: str | None) -> str:
	"""How many rows have standing `kind` (None: window still open) at 30, 90 and 180 days: "a / b / c"."""
	return " / ".join(
		str(sum(1 for row in rows if row[f"standing_{days}"] == kind)) for days in retention_days.DAYS
	)


def columns():
	return [
		reporting.column("Participant", "participant", "Link", 130, "Participant"),
		reporting.column("Name", "full_name", "Data", 160),
		reporting.column("Placements", "placements", "Int", 90),
		reporting.column("First Placement", "placement", "Link", 130, "Placement"),
		reporting.column("Employer", "employer_name", "Data", 150),
		reporting.column("Start", "start_date", "Date", 100),
		reporting.column("Start Wage", "start_wage", "Currency", 100),
		reporting.column("Retained 30 Days", "retained_30", "Data", 110),
		reporting.column("Retained 90 Days", "retained_90", "Data", 110),
		reporting.column("Retained 180 Days", "retained_180", "Data", 110),
		reporting.column("Latest Follow-up", "latest_outcome", "Data", 180),
		reporting.column("On", "latest_on", "Date", 100),
		reporting.column("Latest Wage There", "latest_wage", "Currency", 110),
		reporting.column("Wage On", "latest_wage_on", "Date", 100),
		reporting.column("Wage Gain", "wage_gain", "Currency", 100),
		reporting.column("Barriers", "barriers", "Data", 220),
		reporting.column("Suitability Indicators", "suitability_count", "Int", 100),
		reporting.column("Case Manager", "case_manager", "Link", 150, "User"),
	]


def chart(rates):
	labels, values = reporting.chart_values(
		(_("{0} days").format(days), rate) for days, rate in rates.items()
	)
	if not labels:
		return None
	return {
		"data": {"labels": labels, "datasets": [{"name": _("Retained %"), "values": values}]},
		"type": "bar",
		"colors": ["#2f6f4f"],
	}


def summary(rows, rates):
	gains = [row["wage_gain"] for row in rows if row["wage_gain"] is not None]
	return [
		reporting.summary_item(_("Participants"), len(rows), "Int"),
		*(
			reporting.summary_item(_("Retained {0} Days").format(days), rates[days], "Percent")
			for days in rates
		),
		reporting.summary_item(_("Still Open (30 / 90 / 180 Days)"), counts(rows, None), "Data"),
		reporting.summary_item(
			_("Completed, Then Employed (30 / 90 / 180 Days)"),
			counts(rows, retention_days.COMPLETED_EMPLOYED),
			"Data",
		),
		reporting.summary_item(
			_("Completed, Then Not Employed (30 / 90 / 180 Days)"),
			counts(rows, retention_days.COMPLETED_NOT_EMPLOYED),
			"Data",
		),
		reporting.summary_item(_("Average Wage Gain"), arithmetic.mean(gains, 2), "Currency"),
	]
