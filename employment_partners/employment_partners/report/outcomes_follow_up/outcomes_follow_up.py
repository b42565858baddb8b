"""Outcomes Follow-up, Ontario 15D style: participant outcomes at close and 3, 6 and 12 months
after exit, as counts and shares, for all participants, placed and not placed, and by placement
type.  Figures from metrics/outcomes.py."""

import frappe
from frappe import _

from employment_partners import reporting
from employment_partners.metrics import outcomes
from employment_partners.metrics import period as periods
from employment_partners.retention import schedule

DEFINITIONS = [
	(
		"Counted",
		"at each milestone, the exited participants whose milestone date (exit date + 0, 3, 6 or 12 calendar months; a shorter month clamps to its last day) falls in the period, on or before the as-of day.",
	),
	(
		"Outcome",
		"that of the participant's follow-up marked for the milestone (a schedule row's 'Counts as Outcome'), done on or before the as-of day (the latest if several).",
	),
	("Employed", "employed with the same or another employer."),
	("In Training", "in education or training."),
	(
		"Unknown / Unable to Contact",
		"no such follow-up done by the as-of day, or done as unable to contact (three attempts without reaching the participant).",
	),
	("%", "of the participants counted at the milestone, to 1 decimal (rounded half up)."),
	("Lost-Contact Rate", "those done as unable to contact / those counted."),
	("Average Wage", "the mean hourly wage over the employed outcomes at the milestone, to 2 decimals."),
	(
		"Average Program Duration (weeks)",
		"the mean of (exit date - enrolment date) / 7 over those counted at close, to 1 decimal.",
	),
	(
		"Placed / Not Placed",
		"placed: a placement that started on or before the exit date; by type: the type of the latest such placement.",
	),
]
OUTCOME_ROWS = (
	(outcomes.EMPLOYED, "Employed"),
	(outcomes.TRAINING, "In Training"),
	(outcomes.UNEMPLOYED, "Unemployed"),
	(outcomes.UNABLE_TO_WORK, "Unable to Work"),
	(outcomes.UNKNOWN, "Unknown / Unable to Contact"),
)


def execute(filters=None):
	reporting.check_filters(filters, set())
	period = periods.from_filters(filters)
	figures = outcomes.outcomes_at_milestones(period)
	groups = _groups(figures)
	return (
		columns(groups),
		data(figures, groups),
		reporting.definitions(DEFINITIONS, period),
		chart(figures),
		summary(figures),
	)


def _groups(figures) -> list[str]:
	fixed = [outcomes.ALL, outcomes.PLACED, outcomes.NOT_PLACED]
	types = sorted({g for milestone in figures.values() for g in milestone} - set(fixed))
	return fixed + types


def columns(groups):
	cols = [reporting.column("Outcome", "measure", "Data", 260)]
	for group in groups:
		key = frappe.scrub(group)
		cols.append(reporting.column(group, key, "Float", 110))
		cols.append(reporting.column(f"{group} %", f"{key}_percent", "Percent", 90))
	return cols


def data(figures, groups):
	rows = []
	for milestone, by_group in figures.items():

		def row(label, field, kind, percent_field=None, indent=1):
			values = {
				"measure": _(label),
				"milestone": milestone,
				"figure": field,
				"row_fieldtype": kind,
				"indent": indent,
			}
			for group in groups:
				key = frappe.scrub(group)
				f = by_group.get(group)
				values[key] = f[field] if f else (0 if kind == "Int" else None)
				values[f"{key}_percent"] = f[percent_field] if f and percent_field else None
			return values

		rows.append(row(milestone, "counted", "Int", indent=0))
		for key, label in OUTCOME_ROWS:
			rows.append(row(label, key, "Int", f"{key}_percent"))
		rows.append(row("Lost-Contact Rate", "lost_contact_rate", "Percent"))
		rows.append(row("Average Wage (employed)", "average_wage", "Currency"))
		if milestone == schedule.AT_CLOSE:
			rows.append(row("Average Program Duration (weeks)", "average_duration_weeks", "Float"))
	return rows


def chart(figures):
	everyone = {milestone: by_group[outcomes.ALL] for milestone, by_group in figures.items()}
	if not any(f["counted"] for f in everyone.values()):
		return None
	return {
		"data": {
			"labels": [_(m) for m in everyone],
			"datasets": [
				{"name": _(label), "values": [f[key] for f in everyone.values()]}
				for key, label in OUTCOME_ROWS
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#2f9e44", "#1c7ed6", "#f08c00", "#868e96", "#e03131"],
	}


def summary(figures):
	items = [
		reporting.summary_item(
			_("Counted at Close"), figures[schedule.AT_CLOSE][outcomes.ALL]["counted"], "Int"
		)
	]
	for milestone, by_group in figures.items():
		items.append(
			reporting.summary_item(
				_("Employed: {0}").format(_(milestone)),
				by_group[outcomes.ALL]["employed_percent"],
				"Percent",
				"Green",
			)
		)
	return items
