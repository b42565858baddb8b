"""WIOA Employer Services Performance: the WIOA employment measures of an exit cohort (employment
in the 2nd and 4th quarters after exit, median earnings in the 2nd, retention with the same
employer: the indicator of Effectiveness in Serving Employers since 2024), and the former pilot
employer measures (repeat business, employer penetration) as supplemental figures.  Each row
names its exit cohort and what it counted; "Still Open" rows count the exits whose quarter has
not ended by the as-of day.  A program year (1 July - 30 June) replaces From and To and gives each
measure the exit cohort ETA-9169's annual periods of reporting assign it.  Figures from
metrics/wioa.py and metrics/employer_services.py.  "Exiters" lists each exit with its quarters,
employers and earnings."""

import frappe
from frappe import _

from employment_partners import reporting
from employment_partners.metrics import employer_services, wioa
from employment_partners.metrics import period as periods
from employment_partners.metrics.period import Period
from employment_partners.utils import get_settings

MEASURES, EXITERS = "Measures", "Exiters"
DEFINITIONS = [
	(
		"Exiters",
		"program enrolments of participants in a program that counts in WIOA (Program: Counts in WIOA) whose exit date is in the cohort period (From to To, or to the as-of day when that is earlier). Each exit is a period of participation: a participant who exits, returns and exits again is two exits (TEGL 10-16 Change 1). Someone not enrolled in such a program is not counted at all, neither employed nor not employed.",
	),
	(
		"Excluded Exits",
		"exits whose exit reason is one of WIOA's exclusions from performance (PIRL data element 923, Other Reasons for Exit: institutionalized, health or medical, deceased, reserve or National Guard called to active duty, foster care (youth), ineligible or fraud). They are left out of every numerator and denominator and counted apart (TEGL 10-16 Change 1, the exclusions of each indicator).",
	),
	(
		"Quarters after Exit",
		"calendar quarters after the one holding the exit date: an exit on 2025-11-20 (Oct-Dec 2025) has its 2nd quarter after exit in Apr-Jun 2026 and its 4th in Oct-Dec 2026. A measure counts an exit once the quarter it reads has ended by the as-of day; the Still Open rows count the exits whose quarter has not. An exit cohort is measured once its quarters have closed, and then reads the same whenever it is re-run (TEGL 10-16 Change 2).",
	),
	(
		"Employed in a Quarter",
		"in unsubsidized employment during the quarter (34 CFR 361.155(a)(1)(i); TEGL 10-16 Change 1): a Done follow-up of the participant (after any exit, or of a placement) with an employed outcome, completed by the as-of day, whose evidence period (Employed From to Employed To; the day it was done for outcomes recorded before evidence periods existed) overlaps the quarter. The quarter the evidence covers counts, not the quarter it was collected in: a pay stub for June collected in August counts for Apr-Jun. Work at the employer of a placement whose Placement Type is Subsidized (an agency-paid work experience) does not count. These are supplemental wage information from the agency's own follow-ups (pay stubs, employer verification, the participant's report), which the rule allows; they are not UI wage records.",
	),
	(
		"Employer",
		"the hiring partnership a follow-up names; a typed employer name that matches a partnership's name (case and spaces ignored) is that partnership; any other name is an employer of its own, case and spaces ignored. The rule's employer is the establishment (FEIN or state tax id; 89 FR 13814): a partnership stands for it.",
	),
	(
		"Employment Rate, 2nd / 4th Quarter after Exit",
		"exits employed in that quarter / exits whose quarter has ended, excluded exits left out (TEGL 10-16 Change 1 and Change 2, Employment Rate - 2nd and 4th Quarter After Exit; 34 CFR 361.155(a)(1)(i) and (ii)).",
	),
	(
		"Quarterly Earnings",
		"per employer, each day of the quarter that an employed follow-up's evidence period covers is paid its hourly wage x hours per week / 7; when several of that employer's follow-ups cover a day, the latest (completed last) pays it, so overlapping evidence never pays a day twice. The quarter's earnings are the sum over the exit's employers (two jobs on one day both pay), to the cent: the weeks worked in the quarter (20.00 an hour x 30 hours x 6 weeks = 3,600.00), never a weekly wage x 13.",
	),
	(
		"Median Earnings, 2nd Quarter after Exit",
		"the median of the 2nd-quarter earnings of the exits employed in that quarter with earnings above 0 (the mean of the two middle ones for an even count), to the cent (TEGL 10-16 Change 1, Median Earnings - 2nd Quarter After Exit: the earnings in the quarter; 34 CFR 361.155(a)(1)(iii)).",
	),
	(
		"Retention with the Same Employer",
		"of the exits employed in the 2nd quarter after exit whose 4th quarter has ended, those employed by the same employer in both the 2nd and the 4th quarter: any of the 2nd quarter's employers among the 4th quarter's (joint final rule, 89 FR 13814, 23 February 2024: the indicator of Effectiveness in Serving Employers since then).",
	),
	(
		"Program Year",
		"with a program year Y chosen (1 July Y to 30 June Y+1, in place of From and To), each measure counts the exit cohort the ETA-9169 WIOA Statewide and Local Performance Report (OMB 1205-0526), Annual Periods of Reporting, assigns it (TEGL 10-16 Change 2): the 2nd-quarter employment rate and median earnings the exits of 1 July Y-1 to 30 June Y; the 4th-quarter employment rate and retention with the same employer the exits of 1 January to 31 December Y-1; repeat business and employer penetration the program year's own services. Each row's Cohort names what it counted.",
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


@reporting.fitted_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	reporting.check_filters(filters, {"view", "program_year"})
	view = filters.view or MEASURES
	if view not in (MEASURES, EXITERS):
		frappe.throw(
			_("Show {0} or {1}, not {2}").format(_(MEASURES), _(EXITERS), view), title=_("Invalid filter")
		)
	cohorts, services, note = cohorts_of(filters)
	definitions = reporting.definitions(DEFINITIONS, None if note else services, note=note)
	employment = wioa.employment_measures(cohorts)
	employers = employer_services.employer_measures(services, get_settings().establishments_count)
	if view == EXITERS:
		return exiter_columns(), exiter_rows(cohorts), definitions, None, summary(employment, employers)
	return (
		measure_columns(),
		measure_rows(employment, employers, cohorts, services),
		definitions,
		chart(employment, employers),
		summary(employment, employers),
	)


def cohorts_of(filters) -> tuple[wioa.Cohorts, Period, str | None]:
	"""The exit cohorts of the measures, the period of the employer services, and (in a program
	year) the line that says so; From / To / As of, or a program year, refused when wrong."""
	if filters.get("program_year") in (None, ""):
		period = periods.from_filters(filters)
		return wioa.of_period(period), period, None
	as_of = filters.get("as_of") or frappe.utils.today()
	problem = wioa.program_year_problem(
		filters.program_year, filters.get("from_date"), filters.get("to_date"), as_of
	)
	if problem:
		frappe.throw(problem, title=_("Invalid program year"))
	cohorts = wioa.of_program_year(filters.program_year, as_of)
	start, end = wioa.program_year_dates(cohorts.program_year)
	services = Period(start=start, end=min(end, cohorts.as_of), as_of=cohorts.as_of, to=end)
	note = _(
		"Program year {0}: {1} to {2}, measured as of {3}. Each measure counts the exit cohort ETA-9169's "
		"annual periods of reporting assign it (its Cohort); evidence recorded after the as-of day does not "
		"count, and an exit whose quarter had not ended by then is counted as still open."
	).format(
		cohorts.program_year,
		frappe.format(start, "Date"),
		frappe.format(end, "Date"),
		frappe.format(cohorts.as_of, "Date"),
	)
	return cohorts, services, note


def span(start, end) -> str:
	return f"{frappe.format(start, 'Date')} - {frappe.format(end, 'Date')}"


def measure_columns():
	return [
		reporting.column("Measure", "measure", "Data", 420),
		reporting.column("Numerator", "numerator", "Int", 100),
		reporting.column("Denominator", "denominator", "Int", 110),
		reporting.column("Value", "value", "Float", 120),
		reporting.column("Cohort", "cohort", "Data", 230),
		reporting.column("Counted From", "basis", "Data", 420),
	]


def measure_rows(employment, employers, cohorts, services):
	by_year = cohorts.program_year is not None
	exits_q2 = _("exits {0}").format(span(cohorts.q2.start, cohorts.q2.end))
	exits_q4 = _("exits {0}").format(span(cohorts.q4.start, cohorts.q4.end))
	served = _("services {0}").format(span(services.start, services.end))

	def row(measure, numerator, denominator, value, kind, basis, cohort=served, indent=0):
		return {
			"measure": _(measure),
			"numerator": numerator,
			"denominator": denominator,
			"value": value,
			"row_fieldtype": kind,
			"cohort": cohort,
			"basis": _(basis),
			"indent": indent,
		}

	def exits(q, cohort):
		label = "Exiters"
		if by_year:
			label = "Exiters, 2nd-Quarter Measures" if q == 2 else "Exiters, 4th-Quarter Measures"
		return [
			row(
				label,
				None,
				None,
				employment[f"q{q}_exiters"],
				"Int",
				"WIOA program enrolments that exited in the cohort, excluded exits left out",
				cohort,
			),
			row(
				"Excluded Exits (PIRL 923)",
				None,
				None,
				employment[f"q{q}_excluded"],
				"Int",
				"exits for a reason WIOA excludes (institutionalized, health or medical, deceased, ...): in no figure",
				cohort,
				1,
			),
		]

	def still_open(q, cohort):
		if q == 2:
			label = "Still Open: 2nd Quarter after Exit Not Ended"
			basis = "exits whose 2nd quarter after exit ends after the as-of day: counted once it has ended"
		else:
			label = "Still Open: 4th Quarter after Exit Not Ended"
			basis = "exits whose 4th quarter after exit ends after the as-of day: counted once it has ended"
		return row(label, None, None, employment[f"q{q}_open"], "Int", basis, cohort, 1)

	rows = exits(2, exits_q2)
	rows += [
		row(
			"Employment Rate, 2nd Quarter after Exit",
			employment["q2_employed"],
			employment["q2_counted"],
			employment["q2_rate"],
			"Percent",
			"follow-ups whose evidence period covers part of the 2nd quarter after exit, unsubsidized",
			exits_q2,
		),
		still_open(2, exits_q2),
		row(
			"Median Earnings, 2nd Quarter after Exit",
			employment["earners"],
			None,
			employment["median_earnings"],
			"Currency",
			"hourly wage x weekly hours x the weeks the evidence covers in the 2nd quarter, summed over employers; the median",
			exits_q2,
		),
	]
	if by_year:
		rows += exits(4, exits_q4)
	rows += [
		row(
			"Employment Rate, 4th Quarter after Exit",
			employment["q4_employed"],
			employment["q4_counted"],
			employment["q4_rate"],
			"Percent",
			"follow-ups whose evidence period covers part of the 4th quarter after exit, unsubsidized",
			exits_q4,
		),
		still_open(4, exits_q4),
		row(
			"Retention with the Same Employer (2nd and 4th Quarters)",
			employment["retained"],
			employment["retention_counted"],
			employment["retention_rate"],
			"Percent",
			"exits employed in the 2nd quarter whose 4th has ended: any 2nd-quarter employer also a 4th-quarter one (partnership, or name)",
			exits_q4,
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
	return rows


def exiter_columns():
	return [
		reporting.column("Participant", "participant", "Link", 130, "Participant"),
		reporting.column("Name", "full_name", "Data", 160),
		reporting.column("Program", "program", "Link", 150, "Program"),
		reporting.column("Exit", "exit_date", "Date", 100),
		reporting.column("Exit Reason", "exit_reason", "Data", 150),
		reporting.column("Counted In", "counted_in", "Data", 200),
		reporting.column("2nd Quarter after Exit", "q2", "Data", 190),
		reporting.column("Employed Q2", "q2_status", "Data", 100),
		reporting.column("Employers Q2", "q2_employers", "Data", 180),
		reporting.column("Earnings Q2", "q2_earnings", "Currency", 110),
		reporting.column("4th Quarter after Exit", "q4", "Data", 190),
		reporting.column("Employed Q4", "q4_status", "Data", 100),
		reporting.column("Employers Q4", "q4_employers", "Data", 180),
		reporting.column("Earnings Q4", "q4_earnings", "Currency", 110),
		reporting.column("Same Employer", "same_employer", "Data", 110),
	]


def exiter_rows(cohorts):
	rows = reporting.readable(wioa.exiters(cohorts), "Participant", "participant")
	for row in rows:
		if row["excluded"]:
			row["counted_in"] = _("None: excluded exit")
		elif row["in_q2"] and row["in_q4"]:
			row["counted_in"] = _("2nd- and 4th-quarter measures")
		else:
			row["counted_in"] = _("2nd-quarter measures") if row["in_q2"] else _("4th-quarter measures")
		for q in ("q2", "q4"):
			dates = span(row[f"{q}_start"], row[f"{q}_end"])
			if row[f"{q}_ended"]:
				row[q], row[f"{q}_status"] = dates, _("Yes") if row[f"{q}_employed"] else _("No")
			else:
				row[q], row[f"{q}_status"] = _("{0} (not ended)").format(dates), _("Still open")
		if row["q4_ended"] and row["q2_employed"]:
			row["same_employer"] = _("Yes") if row["same_employer"] else _("No")
		else:
			row["same_employer"] = None
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
		reporting.summary_item(_("Exiters"), employment["q2_exiters"], "Int"),
		reporting.summary_item(_("Excluded Exits"), employment["q2_excluded"], "Int"),
		reporting.summary_item(_("Employed Q2 after Exit"), employment["q2_rate"], "Percent"),
		reporting.summary_item(_("Still Open Q2"), employment["q2_open"], "Int"),
		reporting.summary_item(_("Employed Q4 after Exit"), employment["q4_rate"], "Percent"),
		reporting.summary_item(_("Still Open Q4"), employment["q4_open"], "Int"),
		reporting.summary_item(_("Same Employer Q2 and Q4"), employment["retention_rate"], "Percent"),
		reporting.summary_item(_("Median Earnings Q2"), employment["median_earnings"], "Currency"),
		reporting.summary_item(_("Repeat Business"), employers["repeat_rate"], "Percent"),
	]
