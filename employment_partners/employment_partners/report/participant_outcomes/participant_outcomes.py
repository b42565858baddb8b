"""Participant Outcomes: one row per participant placed in the period, with whether their first
placement lasted 30, 90 and 180 days, the latest word on their employment, their wage then
against their starting wage, and their barriers; filter by a barrier or a suitability indicator
to see who is and is not being retained.  Figures from metrics/outcomes.py."""

import frappe
from frappe import _
from frappe.model import get_permitted_fields

from employment_partners import reporting
from employment_partners.metrics import arithmetic, outcomes
from employment_partners.metrics import period as periods
from employment_partners.security import query_guard

DEFINITIONS = [
	(
		"Participants",
		"those you may read (your role and User Permissions) with a placement that started in the period, on or before the as-of day.",
	),
	("Placements", "their placements that started in the period."),
	(
		"Retained at 30 / 90 / 180 Days",
		"for their first placement in the period: Yes unless it was separated (status Ended: quit, dismissed, laid off, other) with an end date before start + 30 (90, 180) days; Completed and Transitioned to Permanent are not separations; empty until start + that many days is on or before the as-of day.",
	),
	("Retention Rates", "Yes / (Yes + No) over the participants listed, to 1 decimal (rounded half up)."),
	(
		"Latest Follow-up",
		"the outcome of their latest follow-up done on or before the as-of day (of a placement or after exit), and when; "
		"of two done the same day, the one last changed, and of two changed at the same moment, the one named first.",
	),
	(
		"Wage Gain",
		"the hourly wage that follow-up recorded (when employed) minus the first placement's starting wage; the average over those with one.",
	),
	("Barriers", "the barriers on the participant's record now."),
]


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
		for days in outcomes.RETENTION_DAYS:
			value = row[f"retained_{days}"]
			row[f"retained_{days}"] = None if value is None else (_("Yes") if value else _("No"))
	return columns(), rows, reporting.definitions(DEFINITIONS, period), chart(rates), summary(rows, rates)


def retention_rates(rows) -> dict[int, float | None]:
	rates = {}
	for days in outcomes.RETENTION_DAYS:
		known = [row[f"retained_{days}"] for row in rows if row[f"retained_{days}"] is not None]
		rates[days] = arithmetic.percent(sum(known), len(known))
	return rates


def columns():
	return [
		reporting.column("Participant", "participant", "Link", 130, "Participant"),
		reporting.column("Name", "full_name", "Data", 160),
		reporting.column("Placements", "placements", "Int", 90),
		reporting.column("First Placement", "placement", "Link", 130, "Placement"),
		reporting.column("Employer", "employer_name", "Data", 150),
		reporting.column("Start", "start_date", "Date", 100),
		reporting.column("Start Wage", "start_wage", "Currency", 100),
		reporting.column("Retained 30 Days", "retained_30", "Data", 90),
		reporting.column("Retained 90 Days", "retained_90", "Data", 90),
		reporting.column("Retained 180 Days", "retained_180", "Data", 90),
		reporting.column("Latest Follow-up", "latest_outcome", "Data", 180),
		reporting.column("On", "latest_on", "Date", 100),
		reporting.column("Latest Wage", "latest_wage", "Currency", 100),
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
		reporting.summary_item(_("Average Wage Gain"), arithmetic.mean(gains, 2), "Currency"),
	]
