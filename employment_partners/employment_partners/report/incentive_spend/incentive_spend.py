"""Incentive Spend: each fiscal year's allocation for employer incentives and participant
retention bonuses against what was committed and paid.  Figures from metrics/placements.py."""

import frappe
from frappe import _

from employment_partners import reporting
from employment_partners.metrics import placements as placement_metrics

DEFINITIONS = [
	(
		"Fiscal Year",
		"an Incentive Allocation: its dates and the amounts allocated; figures as of the year's end or today, whichever is earlier.",
	),
	(
		"Committed",
		"the employer incentive and the participant retention bonuses on the placements that started in the year.",
	),
	(
		"Paid",
		"incentive milestone payments and retention bonuses with a paid-on date in the year, whatever year their placement started.",
	),
	("% Spent", "paid / allocated, to 1 decimal (rounded half up); in total, all paid / all allocated."),
	("Remaining", "allocated - paid."),
	("Placements", "placements that started in the year."),
	(
		"Average Cost per Placement",
		"(incentives committed + bonuses committed) / placements started in the year, to 2 decimals.",
	),
]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"fiscal_year"})
	if filters.fiscal_year and not frappe.db.exists("Incentive Allocation", filters.fiscal_year):
		frappe.throw(_("There is no fiscal year {0}").format(filters.fiscal_year), title=_("Invalid filter"))
	rows = placement_metrics.incentive_spend(filters.fiscal_year or None)
	return columns(), rows, reporting.definitions(DEFINITIONS), chart(rows), summary(rows)


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
		reporting.column("Average Cost per Placement", "cost_per_placement", "Currency", 140),
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
		reporting.summary_item(_("Average Cost per Placement"), latest["cost_per_placement"], "Currency"),
	]
