"""At Risk This Week: current placements ranked by their risk of separating within 30 days, each
with its reasons and a one-click check-in; or, by partnership, how many are at risk."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from employment_partners import reporting
from employment_partners.early_warning import model, scoring
from employment_partners.metrics import early_warning

PEOPLE, PARTNERSHIPS = "People", "Partnerships"
BANDS = {"High and Medium": ("High", "Medium"), "High": ("High",), "All": ()}

DEFINITIONS = [
	(
		"Risk",
		"the chance that the placement ends (Ended: not Completed or Transitioned) on the day scored or one of the 29 after it, scored every day by the scheduler from what was known on the day: the employer's concerns and their severity, unanswered pulse questions, follow-up windows closed without a contact, contact attempts that reached no one, days in the job, past job losses, hours and wage, open transportation or childcare referrals and barriers. A logistic regression fitted weekly on the agency's own history, or, while that history is too short, the points rule (one point doubles the odds; 3 % with no fact present).",
	),
	(
		"Band",
		"High: a risk of {high} % or more; Medium: {medium} % to under {high} %; Low: under {medium} %.",
	),
	(
		"Reasons",
		"the facts present that raise the risk, the largest first, at most three; a reason drawn from a field the reader may not read is not shown (it still counts in the risk).",
	),
	(
		"Who Sees What",
		"a case manager sees the people in their caseload; managers see every current placement. By partnership, the counts are of the rows the reader may read. Employers never see a risk.",
	),
]


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	as_of = getdate(filters.as_of or today())
	note = early_warning.method_note(early_warning.model_in_use())
	if unscored := scoring.unscored(reader=True):
		note += " " + _(
			"{0} current placement(s) have no start date and cannot be scored until one is entered: {1}."
		).format(len(unscored), ", ".join(unscored[:10]) + (" …" if len(unscored) > 10 else ""))
	message = reporting.definitions(
		DEFINITIONS,
		values={"high": int(model.HIGH * 100), "medium": int(model.MEDIUM * 100)},
		note=_("The week of {0}. {1}").format(frappe.format(early_warning.week_start(as_of), "Date"), note),
	)
	if filters.view == PARTNERSHIPS:
		rows = early_warning.per_partnership(as_of)
		return partnership_columns(), rows, message, partnership_chart(rows), partnership_summary(rows)
	rows = early_warning.at_risk(
		as_of,
		BANDS.get(filters.band or "High and Medium", BANDS["High and Medium"]),
		filters.case_manager,
		filters.hiring_partnership,
	)
	return people_columns(), rows, message, people_chart(rows), people_summary(rows)


def people_chart(rows):
	"""How many of the people shown are at each band, by their case manager."""
	if not rows:
		return None
	managers = sorted({r.case_manager or "" for r in rows})
	names = {m: frappe.db.get_value("User", m, "full_name") or m for m in managers if m}
	count = lambda m, band: sum(1 for r in rows if (r.case_manager or "") == m and r.band == band)  # noqa: E731
	return {
		"data": {
			"labels": [names.get(m) or _("Unassigned") for m in managers],
			"datasets": [
				{"name": _("High"), "values": [count(m, "High") for m in managers]},
				{"name": _("Medium"), "values": [count(m, "Medium") for m in managers]},
				{"name": _("Low"), "values": [count(m, "Low") for m in managers]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#e24c4c", "#f8814f", "#5e64ff"],
	}


def partnership_chart(rows):
	"""The ten partnerships with the most placements at High risk."""
	top = [r for r in rows if r.high or r.medium][:10]
	if not top:
		return None
	return {
		"data": {
			"labels": [r.employer_name or r.hiring_partnership for r in top],
			"datasets": [
				{"name": _("High"), "values": [r.high for r in top]},
				{"name": _("Medium"), "values": [r.medium for r in top]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#e24c4c", "#f8814f"],
	}


def people_columns():
	return [
		{"label": _("Risk"), "fieldname": "risk", "fieldtype": "Percent", "precision": 1, "width": 80},
		{"label": _("Band"), "fieldname": "band", "fieldtype": "Data", "width": 90},
		{
			"label": _("Participant"),
			"fieldname": "participant",
			"fieldtype": "Link",
			"options": "Participant",
			"width": 120,
		},
		{"label": _("Name"), "fieldname": "participant_name", "fieldtype": "Data", "width": 160},
		{"label": _("Reasons"), "fieldname": "reason_text", "fieldtype": "Data", "width": 380},
		{"label": _("Employer"), "fieldname": "employer_name", "fieldtype": "Data", "width": 160},
		{"label": _("Job Title"), "fieldname": "job_title", "fieldtype": "Data", "width": 140},
		{"label": _("Days in Job"), "fieldname": "days_in_job", "fieldtype": "Int", "width": 90},
		{
			"label": _("Placement"),
			"fieldname": "placement",
			"fieldtype": "Link",
			"options": "Placement",
			"width": 130,
		},
		{
			"label": _("Case Manager"),
			"fieldname": "case_manager",
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
		{"label": _("Check-in"), "fieldname": "check_in", "fieldtype": "Data", "width": 130},
	]


def partnership_columns():
	return [
		{
			"label": _("Hiring Partnership"),
			"fieldname": "hiring_partnership",
			"fieldtype": "Link",
			"options": "Hiring Partnership",
			"width": 160,
		},
		{"label": _("Employer"), "fieldname": "employer_name", "fieldtype": "Data", "width": 200},
		{"label": _("Current Placements"), "fieldname": "scored", "fieldtype": "Int", "width": 150},
		{"label": _("High Risk"), "fieldname": "high", "fieldtype": "Int", "width": 110},
		{"label": _("Medium Risk"), "fieldname": "medium", "fieldtype": "Int", "width": 120},
	]


def people_summary(rows):
	high = sum(1 for r in rows if r.band == "High")
	return [
		{"label": _("High Risk"), "value": high, "indicator": "Red" if high else "Green", "datatype": "Int"},
		{"label": _("Medium Risk"), "value": len(rows) - high, "indicator": "Orange", "datatype": "Int"},
	]


def partnership_summary(rows):
	return [
		{
			"label": _("Current Placements"),
			"value": sum(r.scored for r in rows),
			"indicator": "Blue",
			"datatype": "Int",
		},
		{"label": _("High Risk"), "value": sum(r.high for r in rows), "indicator": "Red", "datatype": "Int"},
		{
			"label": _("Medium Risk"),
			"value": sum(r.medium for r in rows),
			"indicator": "Orange",
			"datatype": "Int",
		},
	]
