"""Incentive Spend: each fiscal year's allocation for employer incentives and participant
retention bonuses against what was committed and paid, and the average incentive cost per
participant as the Ontario DSQ reports it.  Figures from metrics/placements.py."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from employment_partners import reporting
from employment_partners.metrics import placements as placement_metrics

DEFINITIONS = [
	(
		"Fiscal Year",
		"an Incentive Allocation: its dates and the amounts allocated (allocations may not overlap, so each payment counts against one year); figures as of the year's end or the as-of day, whichever is earlier.",
	),
	(
		"Committed",
		"the employer incentive and the participant retention bonuses on the placements that started in the year.",
	),
	(
		"Paid",
		"incentive milestone payments and retention bonuses with a paid-on date in the year, whatever year their placement started.",
	),
	(
		"% Spent",
		'paid / allocated, to 1 decimal (rounded half up), as the Ontario DSQ\'s "% Alloc Spent" (funder-definitions-notes.md, Ontario Employment Ontario ES: DSQ).',
	),
	("Remaining", "allocated - paid."),
	("Placements", "placements that started in the year."),
	(
		"Participants with an Incentive Placement",
		"distinct participants with a placement that started in the year and carries an employer incentive (more than 0).",
	),
	(
		"Average Cost per Participant (paid)",
		'employer incentives paid in the year / participants with an incentive placement, to 2 decimals: the Ontario DSQ\'s average cost of "Placement with incentive", expenditure / clients with an incentive placement (funder-definitions-notes.md, Ontario Employment Ontario ES: DSQ, e.g. $22,929,795 / 12,719 clients = $1,802.80). Retention bonuses are participant payments, not employer incentives, and are left out.',
	),
	(
		"Average Committed per Participant",
		"employer incentives committed on the year's placements / the same participants, to 2 decimals: what the average cost comes to once every committed milestone is paid.",
	),
]


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"fiscal_year"})
	if filters.fiscal_year and not frappe.db.exists("Incentive Allocation", filters.fiscal_year):
		frappe.throw(_("There is no fiscal year {0}").format(filters.fiscal_year), title=_("Invalid filter"))
	as_of = _as_of(filters.as_of)
	rows = placement_metrics.incentive_spend(filters.fiscal_year or None, as_of)
	return columns(), rows, definitions(as_of), chart(rows), summary(rows)


def _as_of(value):
	try:
		return getdate(value or today())
	except Exception:
		frappe.throw(_("As of {0} is not a date").format(value), title=_("Invalid filter"))


def definitions(as_of) -> str:
	note = _(
		"Measured as of {0}: payments dated after that day, or after their year's end, do not count."
	).format(frappe.format(as_of, "Date"))
	return reporting.definitions(DEFINITIONS, note=note)


def columns():
	return [
		reporting.column("Fiscal Year", "name", "Link", 110, "Incentive Allocation"),
		reporting.column("Incentives Allocated", "employer_incentive_allocation", "Currency", 130),
		reporting.column("Incentives Committed", "incentives_committed", "Currency", 130),
		reporting.column("Incentives Paid", "incentives_paid", "Currency", 120),
		reporting.column("Incentives % Spent", "incentives_spent_percent", "Percent", 110),
		reporting.column("Bonuses Allocated", "participant_bonus_allocation", "Currency", 120),
		reporting.column("Bonuses Committed", "bonuses_committed", "Currency", 120),
		reporting.column("Bonuses Paid", "bonuses_paid", "Currency", 110),
		reporting.column("Bonuses % Spent", "bonuses_spent_percent", "Percent", 110),
		reporting.column("% Spent", "spent_percent", "Percent", 90),
		reporting.column("Remaining", "remaining", "Currency", 120),
		reporting.column("Placements", "placements", "Int", 90),
		reporting.column("Participants with an Incentive Placement", "incentive_participants", "Int", 150),
		reporting.column("Average Cost per Participant (paid)", "average_cost", "Currency", 150),
		reporting.column("Average Committed per Participant", "average_committed", "Currency", 150),
	]


def chart(rows):
	if not rows:
		return None
	return {
		"data": {
			"labels": [row["name"] for row in rows],
			"datasets": [
				{"name": _("Allocated"), "values": [row["allocated"] for row in rows]},
				{"name": _("Committed"), "values": [row["committed"] for row in rows]},
				{"name": _("Paid"), "values": [row["paid"] for row in rows]},
			],
		},
		"type": "bar",
		"colors": ["#adb5bd", "#f08c00", "#2f6f4f"],
	}


def summary(rows):
	if not rows:
		return []
	latest = rows[-1]
	return [
		reporting.summary_item(_("Fiscal Year"), latest["name"], "Data"),
		reporting.summary_item(_("% Spent"), latest["spent_percent"], "Percent"),
		reporting.summary_item(_("Remaining"), latest["remaining"], "Currency"),
		reporting.summary_item(_("Average Cost per Participant (paid)"), latest["average_cost"], "Currency"),
		reporting.summary_item(
			_("Average Committed per Participant"), latest["average_committed"], "Currency"
		),
	]
