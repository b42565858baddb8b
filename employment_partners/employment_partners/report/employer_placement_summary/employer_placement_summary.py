"""Employer Placement Summary, Ontario 15C style: the profile of the placements made in a
period, for all of them and split by whether an employer incentive was paid."""

import frappe
from frappe import _

from employment_partners import reporting
from employment_partners.metrics import period as periods
from employment_partners.metrics import placements as placement_metrics
from employment_partners.metrics.placements import TOTAL, WITH_INCENTIVE, WITHOUT_INCENTIVE

GROUPS = (TOTAL, WITH_INCENTIVE, WITHOUT_INCENTIVE)
DEFINITIONS = [
	(
		"Placements",
		"placements whose start date is in the period (From to To, or the as-of day when that is earlier): the cohort, as the Placement Profile of the Ontario Employment Ontario ES guide's Employer Placement #15C Report (ontario-eo-es-participant-guide-15c-15d.txt).",
	),
	(
		"Participants",
		"distinct participants with such a placement (a person placed twice counts once; one placed with and without an incentive counts in both columns, once in Total).",
	),
	(
		"With / Without Incentive",
		"the employer incentive amount on the placement is more than 0 / is 0, as the 15C's With Incentive and Without columns.",
	),
	(
		"Placements with Employment History",
		'placements whose employment history before the placement is recorded (had a prior job, or no prior job); the guide makes it mandatory ("it is mandatory that each placement has a work history recorded"), so it should equal Placements.',
	),
	(
		"Average Hourly Wage",
		"the mean starting hourly wage over the placements in the column, to 2 decimals (rounded half up).",
	),
	("Average Placements per Participant", "placements divided by participants, to 2 decimals."),
	(
		"Average Duration (weeks)",
		"the mean of (end date - start date) / 7 over the cohort's placements that had ended (an end date on or before the as-of day), whatever their status (completed, ended, made permanent), to 1 decimal. A placement still running on the as-of day is not in the average: run the period again later and it counts once it has ended.",
	),
	(
		"Placements Still Running",
		"the cohort's placements with no end date on or before the as-of day: those the average duration waits for.",
	),
	("Average Incentive", "the mean employer incentive over the placements that have one, to 2 decimals."),
	("Average Hours per Week", "the mean weekly hours over the placements in the column, to 1 decimal."),
	("By Placement Type", "the cohort's placements of each type, as the 15C's second table."),
]
ROWS = (
	("participants", "# of Participants", "Int"),
	("placements", "# of Placements", "Int"),
	("with_history", "# of Placements with Employment History", "Int"),
	("average_wage", "Average Hourly Wage", "Currency"),
	("placements_per_participant", "Average # of Placements per Participant", "Float2"),
	("average_weeks", "Average Duration (weeks)", "Float"),
	("running", "# of Placements Still Running (not in the average duration)", "Int"),
	("average_incentive", "Average Incentive per Placement with One", "Currency"),
	("average_hours", "Average Hours per Week", "Float"),
)


@reporting.fitted_report
def execute(filters=None):
	reporting.check_filters(filters, set())
	period = periods.from_filters(filters)
	summary = placement_metrics.placement_summary(period)
	return (
		columns(),
		data(summary),
		reporting.definitions(DEFINITIONS, period),
		chart(summary),
		report_summary(summary),
	)


def columns():
	# each row holds one measure, so a cell is shown as its row's kind (public/js/reports.js)
	return [
		reporting.column("Placement Profile", "measure", "Data", 300),
		reporting.column("Total", "total", "Float", 140),
		reporting.column("With Incentive", "with_incentive", "Float", 140),
		reporting.column("Without Incentive", "without_incentive", "Float", 150),
	]


def data(summary):
	groups = summary["groups"]
	keys = ("total", "with_incentive", "without_incentive")
	rows = [
		{
			"measure": _(label),
			**{key: groups[group][field] for key, group in zip(keys, GROUPS, strict=True)},
			"figure": field,
			"row_fieldtype": fieldtype,
		}
		for field, label, fieldtype in ROWS
	]
	for placement_type, counts in summary["types"]:
		rows.append(
			{
				"measure": _("Placements: {0}").format(_(placement_type)),
				"placement_type": placement_type,
				"total": counts[TOTAL],
				"with_incentive": counts[WITH_INCENTIVE],
				"without_incentive": counts[WITHOUT_INCENTIVE],
				"figure": "type",
				"row_fieldtype": "Int",
			}
		)
	return rows


def chart(summary):
	if not summary["types"]:
		return None
	return {
		"data": {
			"labels": [_(t) for t, _counts in summary["types"]],
			"datasets": [
				{"name": _("With Incentive"), "values": [c[WITH_INCENTIVE] for _t, c in summary["types"]]},
				{
					"name": _("Without Incentive"),
					"values": [c[WITHOUT_INCENTIVE] for _t, c in summary["types"]],
				},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#2f6f4f", "#9bc2ae"],
	}


def report_summary(summary):
	total = summary["groups"][TOTAL]
	return [
		reporting.summary_item(_("Placements"), total["placements"], "Int"),
		reporting.summary_item(_("Participants"), total["participants"], "Int"),
		reporting.summary_item(_("Average Hourly Wage"), total["average_wage"], "Currency"),
		reporting.summary_item(_("Average Duration (weeks)"), total["average_weeks"], "Float", precision=1),
		reporting.summary_item(_("Still Running"), total["running"], "Int"),
	]
