"""WIOA Employer Services Performance: employment and retention of the period's exiters in the
2nd and 4th quarters after exit, their median earnings, repeat business and employer
penetration; each figure says which follow-ups or records it used.  Figures from
metrics/wioa.py.  "Exiters" lists each exiter with the follow-ups the measures read."""

import frappe
from frappe import _

from employment_partners import reporting
from employment_partners.metrics import employer_services, wioa
from employment_partners.metrics import period as periods
from employment_partners.utils import get_settings

MEASURES, EXITERS = "Measures", "Exiters"
DEFINITIONS = [
	("Exiters", "participants whose exit date is in the period, on or before the as-of day."),
	(
		"Quarters after Exit",
		"calendar quarters counted after the one holding the exit date: exit 2025-11-20, 2nd quarter after exit Apr-Jun 2026, 4th Oct-Dec 2026. A measure counts an exiter once the quarter it reads has ended by the as-of day.",
	),
	(
		"Employed in a Quarter",
		"a follow-up of the participant (of a placement or after exit) done on a day in the quarter recorded employment with the same or another employer; when several did, the latest gives the employer and the earnings. Supplemental figures from the agency's follow-ups, not UI wage records.",
	),
	(
		"Employment Rate, 2nd / 4th Quarter after Exit",
		"exiters employed in that quarter / exiters whose quarter has ended.",
	),
	(
		"Retention with the Same Employer",
		"exiters employed in the 2nd and the 4th quarter after exit by the same employer (the same hiring partnership, or the same employer name, ignoring case and spaces, when not a partner) / exiters employed in the 2nd quarter whose 4th quarter has ended.",
	),
	(
		"Median Earnings, 2nd Quarter after Exit",
		"hourly wage x weekly hours x 13 from each employed exiter's latest 2nd-quarter follow-up; the median over them (the mean of the two middle ones for an even count), to 2 decimals.",
	),
	(
		"Repeat Business Customers (supplemental: former pilot approach, 2016–2024)",
		"establishments served in the period that were also served at any time in the three years before it / establishments served at any time in those three years, as TEGL 10-16 Change 1 words the pilot measure. Supplemental only: since the joint final rule of 23 February 2024 (89 FR 13814) Retention with the Same Employer is the indicator of Effectiveness in Serving Employers. An establishment is a hiring partnership (a lead not yet converted is one of its own); served = a job order opened, a referral sent, a placement started, an employer event the agency ran (information session, job fair, rapid response: an interaction of type Event) or a job fair attended, dated in the period.",
	),
	(
		"Employer Penetration (supplemental: former pilot approach, 2016–2024)",
		"establishments served in the period / the establishments in the service area (Settings; the rule counts the state's establishments from the BLS QCEW). Supplemental only since 89 FR 13814 (2024).",
	),
	("Rates", "percentages to 1 decimal, rounded half up."),
]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"view"})
	view = filters.view or MEASURES
	if view not in (MEASURES, EXITERS):
		frappe.throw(
			_("Show {0} or {1}, not {2}").format(_(MEASURES), _(EXITERS), view), title=_("Invalid filter")
		)
	period = periods.from_filters(filters)
	definitions = reporting.definitions(DEFINITIONS, period)
	employment = wioa.employment_measures(period)
	employers = employer_services.employer_measures(period, get_settings().establishments_count)
	if view == EXITERS:
		return exiter_columns(), exiter_rows(period), definitions, None, summary(employment, employers)
	return (
		measure_columns(),
		measure_rows(employment, employers),
		definitions,
		chart(employment, employers),
		summary(employment, employers),
	)


def measure_columns():
	return [
		reporting.column("Measure", "measure", "Data", 300),
		reporting.column("Numerator", "numerator", "Int", 100),
		reporting.column("Denominator", "denominator", "Int", 110),
		reporting.column("Value", "value", "Float", 120),
		reporting.column("Counted From", "basis", "Data", 420),
	]


def measure_rows(employment, employers):
	def row(measure, numerator, denominator, value, kind, basis):
		return {
			"measure": _(measure),
			"numerator": numerator,
			"denominator": denominator,
			"value": value,
			"row_fieldtype": kind,
			"basis": _(basis),
		}

	quarter_basis = "follow-ups done in the {0} quarter after exit that recorded employment (the latest each)"
	return [
		row("Exiters", None, None, employment["exiters"], "Int", "participants who exited in the period"),
		row(
			"Employment Rate, 2nd Quarter after Exit",
			employment["q2_employed"],
			employment["q2_counted"],
			employment["q2_rate"],
			"Percent",
			quarter_basis.format("2nd"),
		),
		row(
			"Employment Rate, 4th Quarter after Exit",
			employment["q4_employed"],
			employment["q4_counted"],
			employment["q4_rate"],
			"Percent",
			quarter_basis.format("4th"),
		),
		row(
			"Retention with the Same Employer (2nd and 4th Quarters)",
			employment["retained"],
			employment["retention_counted"],
			employment["retention_rate"],
			"Percent",
			"the latest employed follow-up of the 2nd and of the 4th quarter after exit: their hiring partnership, or employer name",
		),
		row(
			"Median Earnings, 2nd Quarter after Exit",
			employment["earners"],
			None,
			employment["median_earnings"],
			"Currency",
			"hourly wage x weekly hours x 13 of the latest employed follow-up in the 2nd quarter after exit",
		),
		row(
			"Repeat Business Customers (supplemental: former pilot approach, 2016–2024)",
			employers["repeat"],
			employers["served_before"],
			employers["repeat_rate"],
			"Percent",
			"establishments served in the period and in the three years before it / served in those three years (job orders, referrals, placements, employer events, job fairs)",
		),
		row(
			"Employer Penetration (supplemental: former pilot approach, 2016–2024)",
			employers["served"],
			employers["establishments"],
			employers["penetration"],
			"Percent",
			"establishments served in the period / establishments in the service area (Settings)",
		),
	]


def exiter_columns():
	return [
		reporting.column("Participant", "participant", "Link", 130, "Participant"),
		reporting.column("Name", "full_name", "Data", 160),
		reporting.column("Exit", "exit_date", "Date", 100),
		reporting.column("2nd Quarter after Exit", "q2", "Data", 170),
		reporting.column("Employed Then (follow-up)", "q2_follow_up", "Link", 150, "Retention Follow-up"),
		reporting.column("Employer Then", "q2_employer", "Data", 160),
		reporting.column("Quarterly Earnings", "q2_earnings", "Currency", 120),
		reporting.column("4th Quarter after Exit", "q4", "Data", 170),
		reporting.column("Employed Then (follow-up)", "q4_follow_up", "Link", 150, "Retention Follow-up"),
		reporting.column("Employer Then", "q4_employer", "Data", 160),
		reporting.column("Same Employer", "same_employer", "Data", 100),
	]


def exiter_rows(period):
	rows = wioa.exiters(period)
	partners = dict(frappe.get_all("Hiring Partnership", fields=["name", "partner_name"], as_list=True))

	def employer(key):
		if not key:
			return None
		return key[5:] if key.startswith("name:") else partners.get(key, key)

	for row in rows:
		if row["q2_follow_up"] and row["q4_follow_up"]:
			# the measure's own comparison: the employer keys, before they are worded
			row["same_employer"] = _("Yes") if row["q2_employer"] == row["q4_employer"] else _("No")
		for q in ("q2", "q4"):
			span = f"{frappe.format(row[f'{q}_start'], 'Date')} - {frappe.format(row[f'{q}_end'], 'Date')}"
			row[q] = span if row[f"{q}_ended"] else _("{0} (not over yet)").format(span)
			row[f"{q}_employer"] = employer(row[f"{q}_employer"])
	return rows


def chart(employment, employers):
	rates = [
		(_("Employed Q2"), employment["q2_rate"]),
		(_("Employed Q4"), employment["q4_rate"]),
		(_("Same Employer"), employment["retention_rate"]),
		(_("Repeat Business"), employers["repeat_rate"]),
		(_("Penetration"), employers["penetration"]),
	]
	labels, values = reporting.chart_values(rates)
	if not any(values):  # nothing to draw yet
		return None
	return {
		"data": {"labels": labels, "datasets": [{"name": _("%"), "values": values}]},
		"type": "bar",
		"colors": ["#2f6f4f"],
	}


def summary(employment, employers):
	return [
		reporting.summary_item(_("Exiters"), employment["exiters"], "Int"),
		reporting.summary_item(_("Employed Q2 after Exit"), employment["q2_rate"], "Percent"),
		reporting.summary_item(_("Employed Q4 after Exit"), employment["q4_rate"], "Percent"),
		reporting.summary_item(_("Same Employer Q2 and Q4"), employment["retention_rate"], "Percent"),
		reporting.summary_item(_("Median Earnings Q2"), employment["median_earnings"], "Currency"),
		reporting.summary_item(_("Repeat Business"), employers["repeat_rate"], "Percent"),
	]
