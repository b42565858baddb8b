"""Retention by Service: which retention services go with people staying employed.  Figures from
metrics/services.py; associations, not causes."""

import frappe
from frappe import _
from frappe.utils import cint

from employment_partners import reporting
from employment_partners.metrics import period as periods
from employment_partners.metrics import retention_days
from employment_partners.metrics import services as service_metrics
from employment_partners.utils import get_settings

DEFINITIONS = [
	(
		"Associations, not causes",
		"these figures show how retention differs between placements that received a service and those that did not. They do not show that the service caused the difference: who is offered or takes up a service is not random.",
	),
	(
		"Placements",
		"placements started in the period whose window at 90 (180) days has closed: day N + 14 on or before the as-of day, day N = start date + 90 (180) days. Still Open (summary): the period's placements whose window has not closed yet, counted in neither placements nor retained.",
	),
	("Retained", "{retention_rule}"),
	(
		"Completed, Then Employed / Not Employed",
		"(summary) of the placements counted, those Completed before day N (a time-limited placement that ran its course) with employment on day N recorded otherwise (retained) and without (not retained).",
	),
	(
		"Rate",
		"retained / placements, as a percentage to 1 decimal (rounded half up); empty when there are no placements.",
	),
	(
		"Received a service",
		"in the placement's first 90 days (start date to start + 89 days): 2 or more job-coaching sessions; for each service category, a referral in that category connected (its Connected On date); a participant retention bonus on the placement paid; membership of a lending circle running in those days. Without: every other placement in the same group.",
	),
	(
		"Views",
		"All placements; by barrier (the participant's barrier checks; a placement counts under each barrier its participant has); by placement type.",
	),
	(
		"Suppressed",
		"small-cell suppression with complementary suppression, as statistical disclosure control practises it (Federal Committee on Statistical Methodology, Statistical Policy Working Paper 22, Report on Statistical Disclosure Limitation Methodology: primary and complementary cell suppression, so that a suppressed cell cannot be recovered by subtraction from the cells and totals shown). Primary: a side (with, or without, at 90 or 180 days) of 1 to fewer than {min_group} placements (Settings: Smallest Group Shown). Complementary: the other side of the same row and mark, since the group's total is shown elsewhere and total minus shown would give the hidden side back. In the Placement Type view, whose groups add up to the All view, a service and mark with only one group suppressed also suppresses the group with the fewest placements after it. A suppressed cell shows neither placements, retained nor rate.",
	),
]


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"view"})
	view = filters.view or "All"
	if view not in service_metrics.VIEWS:
		frappe.throw(
			_("View is one of {0}").format(", ".join(service_metrics.VIEWS)), title=_("Invalid filter")
		)
	period = periods.from_filters(filters, default_days=365)
	min_group = min_group_setting()
	result = service_metrics.retention_by_service(period, view, min_group)
	definitions = reporting.definitions(
		DEFINITIONS, period, {"min_group": min_group, "retention_rule": _(retention_days.RULE)}
	)
	rows = result["rows"]
	return columns(view), rows, definitions, chart(rows, view), summary(result["cohort"])


def min_group_setting() -> int:
	value = get_settings().retention_min_group
	return service_metrics.DEFAULT_MIN_GROUP if value in (None, "") else max(cint(value), 1)


def columns(view: str):
	cols = [reporting.column("Service", "service", "Data", 300)]
	if view != "All":
		cols.append(reporting.column(_(view), "group", "Data", 140))
	for d in (90, 180):
		for side, label in (("with", "With"), ("without", "Without")):
			cols += [
				reporting.column(f"{label}: Placements ({d} d)", f"{side}_{d}", "Int", 120),
				reporting.column(f"{label}: Retained ({d} d)", f"{side}_retained_{d}", "Int", 110),
				reporting.column(f"{label}: Retention % ({d} d)", f"{side}_rate_{d}", "Percent", 120),
			]
	return cols


def chart(rows, view: str):
	"""90-day retention with and without each service (the All view)."""
	if view != "All" or not rows:
		return None
	shown = [r for r in rows if r["with_rate_90"] is not None and r["without_rate_90"] is not None]
	if not shown:
		return None
	return {
		"data": {
			"labels": [r["service"] for r in shown],
			"datasets": [
				{"name": _("With the service"), "values": [r["with_rate_90"] for r in shown]},
				{"name": _("Without"), "values": [r["without_rate_90"] for r in shown]},
			],
		},
		"type": "bar",
		"colors": ["#2f9e44", "#adb5bd"],
		"title": _("90-day retention, with and without each service (%)"),
	}


def summary(cohort: dict):
	"""The whole cohort at 90 and 180 days: counted, retained %, still open, and the completed
	placements employed and not employed on day N."""
	items = []
	for d in service_metrics.MARKS:
		items += [
			reporting.summary_item(_("Placements Counted ({0} d)").format(d), cohort[f"counted_{d}"], "Int"),
			reporting.summary_item(_("Retained ({0} d)").format(d), cohort[f"retention_{d}"], "Percent"),
			reporting.summary_item(_("Still Open ({0} d)").format(d), cohort[f"open_{d}"], "Int"),
			reporting.summary_item(
				_("Completed, Then Employed ({0} d)").format(d), cohort[f"completed_employed_{d}"], "Int"
			),
			reporting.summary_item(
				_("Completed, Then Not Employed ({0} d)").format(d),
				cohort[f"completed_not_employed_{d}"],
				"Int",
			),
		]
	return items
