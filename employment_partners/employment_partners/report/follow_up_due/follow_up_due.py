"""Follow-up Due: the case managers' roster of open retention follow-ups, overdue first."""

import frappe
from frappe import _
from frappe.utils import add_days, cint, getdate, today

from employment_partners import reporting
from employment_partners.metrics import retention

DEFINITIONS = [
	(
		"Roster",
		'the open follow-ups (not yet Done or Missed) due on or before the as-of day plus the days chosen, by case manager, overdue first, then by due date: the Follow-up Due roster of SETA WIA Directive #02-09 (Additional Information 1: "quarterly Follow-up Due rosters ... to complete and enter quarterly Follow-up forms on a timely basis"; seta-wia-02-09-job-retention.txt), made from every schedule a participant is enrolled in.',
	),
	(
		"Due / Window Ends",
		"the day the follow-up falls due and the last day it may be done, both included, from its schedule row (e.g. within 1 week of employment: the start day and the six after; a quarter's EWIF form: the quarter's third month).",
	),
	(
		"Overdue",
		"the window ended before the as-of day and the follow-up is still open; Days Overdue = the as-of day - the window's last day.",
	),
	("In Window", "the follow-up falls due on or before the as-of day and its window has not ended."),
	("Upcoming", "it falls due after the as-of day, within the days chosen."),
	(
		"Who Sees What",
		"a case manager sees their own caseload, a supervisor their team's; other staff see every follow-up they may read. The chart and the counts are of the rows shown.",
	),
]


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	as_of = filters.as_of or today()
	within = cint(filters.within_days) if filters.within_days not in (None, "") else 14
	rows = retention.follow_ups_due(as_of, within, filters.case_manager)
	counts = retention.tally(rows)
	return columns(), rows, definitions(as_of, within), chart(counts), summary(counts)


def definitions(as_of, within: int) -> str:
	note = _("As of {0}: the open follow-ups due by {1} ({2} days later).").format(
		frappe.format(getdate(as_of), "Date"), frappe.format(add_days(getdate(as_of), within), "Date"), within
	)
	return reporting.definitions(DEFINITIONS, note=note)


def columns():
	return [
		{"label": _("Case Manager"), "fieldname": "case_manager_name", "fieldtype": "Data", "width": 180},
		{"label": _("Standing"), "fieldname": "standing", "fieldtype": "Data", "width": 100},
		{"label": _("Days Overdue"), "fieldname": "days_overdue", "fieldtype": "Int", "width": 100},
		{"label": _("Participant"), "fieldname": "participant_name", "fieldtype": "Data", "width": 160},
		{"label": _("Follow-up"), "fieldname": "label", "fieldtype": "Data", "width": 220},
		{"label": _("Due"), "fieldname": "due_date", "fieldtype": "Date", "width": 100},
		{"label": _("Window Ends"), "fieldname": "window_end", "fieldtype": "Date", "width": 100},
		{"label": _("Employer"), "fieldname": "employer_name", "fieldtype": "Data", "width": 160},
		{
			"label": _("Follow-up Record"),
			"fieldname": "name",
			"fieldtype": "Link",
			"options": "Retention Follow-up",
			"width": 140,
		},
		{
			"label": _("Placement"),
			"fieldname": "placement",
			"fieldtype": "Link",
			"options": "Placement",
			"width": 130,
		},
		{"label": _("Escalated On"), "fieldname": "escalated_on", "fieldtype": "Datetime", "width": 150},
	]


def chart(counts):
	if not counts:
		return None
	return {
		"data": {
			"labels": [c.case_manager_name or _("Unassigned") for c in counts],
			"datasets": [
				{"name": _("Overdue"), "values": [c.overdue for c in counts]},
				{"name": _("In Window"), "values": [c.in_window for c in counts]},
				{"name": _("Upcoming"), "values": [c.upcoming for c in counts]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#e24c4c", "#f8814f", "#2490ef"],
	}


def summary(counts):
	totals = {key: sum(c[key] for c in counts) for key in ("overdue", "in_window", "upcoming")}
	return [
		{
			"label": _("Overdue"),
			"value": totals["overdue"],
			"indicator": "Red" if totals["overdue"] else "Green",
		},
		{"label": _("In Window"), "value": totals["in_window"], "indicator": "Orange"},
		{"label": _("Upcoming"), "value": totals["upcoming"], "indicator": "Blue"},
	]
