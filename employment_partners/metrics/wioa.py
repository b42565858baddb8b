"""WIOA employment measures of an exit cohort, from the agency's own follow-ups.

These are supplemental wage information (pay stubs, employer verification, the participant's
word) that the agency gathered itself, not UI wage records: the rules allow such evidence for
each indicator (TEGL 10-16 Change 1, "supplemental wage information").

- **Cohort**: the enrolments (Program Enrolment of a participant) in a program that counts in
  WIOA (`counts_in_wioa`) whose exit date is in the cohort period; a person who exits, returns and
  exits again is two exits.  An exit whose reason is one of WIOA's exclusions (PIRL data element
  923: institutionalized, health or medical, deceased, reserve or National Guard call-up, foster
  care, ineligible; participants/enrolments.EXCLUDED_EXIT_REASONS) leaves every numerator and
  denominator and is counted apart (TEGL 10-16 Change 1, the exclusions of each indicator).
  Someone not enrolled in such a program is not in the cohort at all.
- **Quarters after exit**: calendar quarters after the one holding the exit date (exit
  2025-11-20: 2nd quarter Apr-Jun 2026, 4th Oct-Dec 2026).  A measure counts an exit once the
  quarter it reads has ended by the as-of day; the others are "still open" (TEGL 10-16 Change 2:
  an indicator is measured once its quarter has closed).
- **Evidence of employment in a quarter**: a Done follow-up of the participant (after any exit, or
  of a placement) with an employed outcome, completed by the as-of day, whose evidence period
  (Employed From .. Employed To; the day it was done for rows recorded before periods existed)
  overlaps the quarter.  The quarter the evidence *covers* is credited, not the one it was
  collected in: a June pay stub collected in August counts for Apr-Jun.  Subsidized work does not
  count (34 CFR 361.155(a)(1)(i), TEGL 10-16 Change 1: unsubsidized employment): an outcome at
  the employer of a placement whose Placement Type is subsidized (an agency-paid work
  experience) is not evidence.
- **Employer** of a record: its hiring partnership; a typed employer name that matches a
  partnership's name (case and spaces ignored) is that partnership; any other name is itself,
  case and spaces ignored.
- **Quarterly earnings** (`EARNINGS`): per employer, each day of the quarter that some record
  covers is paid at the latest such record's hourly wage x weekly hours / 7 (latest: completed
  last, then modified last); the quarter's earnings are the sum over the exit's employers,
  rounded to the cent.  Overlapping records of one employer never pay a day twice; two employers
  on one day are two jobs and both pay.  Weeks worked, never x 13.
- **Employment rate, 2nd (4th) quarter after exit**: exits employed in that quarter / exits whose
  quarter has ended (TEGL 10-16 Change 1 and 2; 34 CFR 361.155(a)(1)(i) and (ii)).
- **Median earnings, 2nd quarter after exit**: the median of the quarterly earnings of the exits
  employed in their 2nd quarter with earnings above 0 (the mean of the two middle ones for an
  even count), to the cent (34 CFR 361.155(a)(1)(iii)).
- **Retention with the same employer** (89 FR 13814, 23 Feb 2024: the indicator of Effectiveness
  in Serving Employers): of the exits employed in the 2nd quarter whose 4th has ended, those
  employed by one same employer in both: any of the 2nd quarter's employers among the 4th's.

Program-year mode (`program_year`): the ETA-9169 WIOA Statewide and Local Performance Report (OMB
1205-0526), "Annual Periods of Reporting", and TEGL 10-16 Change 2 assign each indicator of
program year Y (1 July Y - 30 June Y+1) its own exit cohort, the latest whose quarters have
closed: the 2nd-quarter employment rate and median earnings count the exits of 1 July Y-1 to
30 June Y; the 4th-quarter employment rate and retention with the same employer those of
1 January to 31 December Y-1.

The employer measures of the former pilot (repeat business, employer penetration) are in
metrics/employer_services.py.
"""

from dataclasses import dataclass
from datetime import date

import frappe
from frappe import _
from frappe.utils import cint, getdate

from employment_partners import arithmetic
from employment_partners.metrics.period import Period
from employment_partners.participants import enrolments
from employment_partners.retention import follow_ups

FIRST_PROGRAM_YEAR, LAST_PROGRAM_YEAR = 2000, 2099


@dataclass(frozen=True)
class Cohorts:
	"""The exits each group of measures counts: `q2` for the 2nd-quarter employment rate and
	median earnings, `q4` for the 4th-quarter rate and retention with the same employer (the same
	period unless a program year assigns them different ones)."""

	q2: Period
	q4: Period
	program_year: int | None = None

	@property
	def as_of(self) -> date:
		return self.q2.as_of


def of_period(period: Period) -> Cohorts:
	"""Every measure counts the exits of the report's period."""
	return Cohorts(q2=period, q4=period)


def program_year_dates(year: int) -> tuple[date, date]:
	"""Program year `year`: 1 July `year` to 30 June `year` + 1."""
	return date(year, 7, 1), date(year + 1, 6, 30)


def program_year_problem(year, from_date=None, to_date=None, as_of=None) -> str | None:
	"""Why a program year (with the From / To / As of also given) is refused, or None."""
	text = str(year).strip()
	if not text.isdigit() or not FIRST_PROGRAM_YEAR <= int(text) <= LAST_PROGRAM_YEAR:
		return _("Program year {0} is not a year: enter one like 2024 (1 July 2024 to 30 June 2025)").format(
			year
		)
	start, end = program_year_dates(int(text))
	if (from_date and getdate(from_date) != start) or (to_date and getdate(to_date) != end):
		return _(
			"Program year {0} runs from {1} to {2}, but From and To say {3} to {4}: clear the program "
			"year to report on From and To, or set them to the program year's days"
		).format(
			text,
			frappe.format(start, "Date"),
			frappe.format(end, "Date"),
			frappe.format(getdate(from_date), "Date") if from_date else "…",
			frappe.format(getdate(to_date), "Date") if to_date else "…",
		)
	if as_of and getdate(as_of) < start:
		return _("Program year {0} starts on {1}: there are no figures for it as of {2}").format(
			text, frappe.format(start, "Date"), frappe.format(getdate(as_of), "Date")
		)
	return None


def of_program_year(year, as_of) -> Cohorts:
	"""The exit cohorts ETA-9169's annual periods of reporting assign program year `year`."""
	year, as_of = cint(year), getdate(as_of)

	def cohort(start: date, end: date) -> Period:
		return Period(start=start, end=min(end, as_of), as_of=as_of, to=end)

	return Cohorts(
		q2=cohort(date(year - 1, 7, 1), date(year, 6, 30)),
		q4=cohort(date(year - 1, 1, 1), date(year - 1, 12, 31)),
		program_year=year,
	)


def _name_key(expression: str) -> str:
	"""An employer name with case and every space ignored."""
	return f"regexp_replace(lower(trim({expression})), '[[:space:]]+', '')"


def _quarter_start(n: int) -> str:
	"""The first day of the `n`th calendar quarter after the one holding the exit date."""
	return f"makedate(year(pe.exit_date), 1) + interval (quarter(pe.exit_date) + {n - 1}) quarter"


# the first and last day of quarter k.q (2 or 4) after exit x's
Q_START = "if(k.q = 2, x.q2_start, x.q4_start)"
Q_END = f"{Q_START} + interval 1 quarter - interval 1 day"

# Each exit of the cohorts, its quarters and what the evidence shows in them (see the module's
# docstring).  Steps: x = the exits; evidence = each employed record's days inside the exit's 2nd
# or 4th quarter after exit, with its employer's key; spans = the pieces of a
# quarter between consecutive start / end days of one employer's records; paid = each span paid
# by the latest record covering it; by_employer / employment = per exit; exits = one row each.
EXITS = f"""
	with x as (
		select pe.name as enrolment, pe.parent as participant, pe.program, pe.exit_date, pe.exit_reason,
			coalesce(pe.exit_reason, '') in %(excluded)s as excluded,
			pe.exit_date between %(q2_from)s and %(q2_to)s as in_q2,
			pe.exit_date between %(q4_from)s and %(q4_to)s as in_q4,
			{_quarter_start(2)} as q2_start,
			{_quarter_start(4)} as q4_start
		from `tabProgram Enrolment` pe
		join `tabProgram` pr on pr.name = pe.program and pr.counts_in_wioa = 1
		where pe.parenttype = 'Participant'
			and (pe.exit_date between %(q2_from)s and %(q2_to)s or pe.exit_date between %(q4_from)s and %(q4_to)s)
	),
	partners as (
		select {_name_key("hp.partner_name")} as name_key, min(hp.name) as partnership
		from `tabHiring Partnership` hp
		group by 1
	),
	evidence as (
		select e.enrolment, e.q, e.name, e.completed_on, e.modified, e.employer_name, e.weekly, e.c_from, e.c_to,
			coalesce(e.partnership, hp.partnership, concat('name:', e.name_key)) as employer
		from (
			select straight_join  -- the cohort's participants first, then their follow-ups by index
				x.enrolment, k.q, f.name, f.completed_on, f.modified, trim(f.current_employer) as employer_name,
				ifnull(f.hourly_wage, 0) * ifnull(f.hours_per_week, 0) as weekly,
				nullif(f.employer_partnership, '') as partnership, {_name_key("f.current_employer")} as name_key,
				greatest(coalesce(f.employed_from, f.employed_to, f.completed_on), {Q_START}) as c_from,
				least(coalesce(f.employed_to, f.completed_on), {Q_END}) as c_to,
				row_number() over () as n  -- a table of its own: each name normalised once
			from x
			join `tabRetention Follow-up` f on f.participant = x.participant
			join (select 2 as q union all select 4) k  -- the exit's 2nd and 4th quarters after exit
			left join `tabPlacement` pl on pl.name = f.employer_placement
			left join `tabPlacement Type` pt on pt.name = pl.placement_type
			where f.status = %(done)s and f.outcome in %(employed)s and f.completed_on <= %(as_of)s
				and coalesce(f.employed_from, f.employed_to, f.completed_on) <= {Q_END}
				and coalesce(f.employed_to, f.completed_on) >= {Q_START}
				and ifnull(pt.subsidized, 0) = 0
		) e
		left join partners hp on e.partnership is null and hp.name_key = e.name_key
	),
	points as (
		select distinct e.enrolment, e.q, e.employer, if(k.n = 0, e.c_from, e.c_to + interval 1 day) as day
		from evidence e cross join (select 0 as n union all select 1) k
	),
	spans as (
		select p.enrolment, p.q, p.employer, p.day as s_from,
			lead(p.day) over (partition by p.enrolment, p.q, p.employer order by p.day) - interval 1 day as s_to
		from points p
	),
	paid as (
		select s.enrolment, s.q, s.employer, e.employer_name, e.weekly * (datediff(s.s_to, s.s_from) + 1) as pay,
			row_number() over (partition by s.enrolment, s.q, s.employer, s.s_from
				order by e.completed_on desc, e.modified desc, e.name desc) as latest
		from spans s
		join evidence e on e.enrolment = s.enrolment and e.q = s.q and e.employer = s.employer
			and e.c_from <= s.s_from and e.c_to >= s.s_to
	),
	by_employer as (
		select p.enrolment, p.employer, max(p.q = 2) as in_q2, max(p.q = 4) as in_q4,
			sum(if(p.q = 2, p.pay, 0)) as q2_pay, sum(if(p.q = 4, p.pay, 0)) as q4_pay,
			coalesce(max(hp.partner_name), max(p.employer_name)) as label
		from paid p
		left join `tabHiring Partnership` hp on hp.name = p.employer
		where p.latest = 1
		group by p.enrolment, p.employer
	),
	employment as (
		select b.enrolment, max(b.in_q2) as q2_employed, max(b.in_q4) as q4_employed,
			max(b.in_q2 and b.in_q4) as same_employer,
			if(max(b.in_q2), round(sum(b.q2_pay) / 7, 2), null) as q2_earnings,
			if(max(b.in_q4), round(sum(b.q4_pay) / 7, 2), null) as q4_earnings,
			group_concat(if(b.in_q2, b.label, null) order by b.label separator ', ') as q2_employers,
			group_concat(if(b.in_q4, b.label, null) order by b.label separator ', ') as q4_employers
		from by_employer b
		group by b.enrolment
	),
	exits as (
		select x.*,
			x.q2_start + interval 1 quarter - interval 1 day as q2_end,
			x.q4_start + interval 1 quarter - interval 1 day as q4_end,
			x.q2_start + interval 1 quarter - interval 1 day <= %(as_of)s as q2_ended,
			x.q4_start + interval 1 quarter - interval 1 day <= %(as_of)s as q4_ended,
			ifnull(m.q2_employed, 0) as q2_employed, ifnull(m.q4_employed, 0) as q4_employed,
			ifnull(m.same_employer, 0) as same_employer,
			m.q2_earnings, m.q4_earnings, m.q2_employers, m.q4_employers
		from x
		left join employment m on m.enrolment = x.enrolment
	)
"""

# per exit: counted in the 2nd-quarter measures, in the 4th-quarter ones
IN_Q2 = "e.in_q2 and not e.excluded"
IN_Q4 = "e.in_q4 and not e.excluded"
EARNER = f"{IN_Q2} and e.q2_ended and e.q2_employed and e.q2_earnings > 0"


def values(cohorts: Cohorts) -> dict:
	return {
		"q2_from": cohorts.q2.start,
		"q2_to": cohorts.q2.end,
		"q4_from": cohorts.q4.start,
		"q4_to": cohorts.q4.end,
		"as_of": cohorts.as_of,
		"done": follow_ups.DONE,
		"employed": follow_ups.EMPLOYED,
		"excluded": enrolments.EXCLUDED_EXIT_REASONS,
	}


def exiters(cohorts: Cohorts) -> list[dict]:
	"""Each exit of the cohorts (excluded ones too, marked), its quarters and what they showed."""
	return frappe.db.sql(
		f"""{EXITS}
		select e.enrolment, e.participant, p.full_name, e.program, e.exit_date, e.exit_reason, e.excluded,
			e.in_q2, e.in_q4, e.q2_start, e.q2_end, e.q2_ended, e.q4_start, e.q4_end, e.q4_ended,
			e.q2_employed, e.q2_employers, e.q2_earnings, e.q4_employed, e.q4_employers, e.q4_earnings,
			e.same_employer
		from exits e
		join `tabParticipant` p on p.name = e.participant
		order by e.exit_date, e.participant, e.program
		""",
		values(cohorts),
		as_dict=True,
	)


def employment_measures(cohorts: Cohorts) -> dict:
	"""The exit counts behind the employment and retention measures, and the median earnings."""
	counts = frappe.db.sql(
		f"""{EXITS}
		select
			sum({IN_Q2}) as q2_exiters,
			sum(e.in_q2 and e.excluded) as q2_excluded,
			sum({IN_Q2} and not e.q2_ended) as q2_open,
			sum({IN_Q2} and e.q2_ended) as q2_counted,
			sum({IN_Q2} and e.q2_ended and e.q2_employed) as q2_employed,
			sum({EARNER}) as earners,
			max(e.median_earnings) as median_earnings,
			sum({IN_Q4}) as q4_exiters,
			sum(e.in_q4 and e.excluded) as q4_excluded,
			sum({IN_Q4} and not e.q4_ended) as q4_open,
			sum({IN_Q4} and e.q4_ended) as q4_counted,
			sum({IN_Q4} and e.q4_ended and e.q4_employed) as q4_employed,
			sum({IN_Q4} and e.q4_ended and e.q2_employed) as retention_counted,
			sum({IN_Q4} and e.q4_ended and e.q2_employed and e.same_employer) as retained
		from (
			select e.*, median(if({EARNER}, e.q2_earnings, null)) over () as median_earnings
			from exits e
		) e
		""",
		values(cohorts),
		as_dict=True,
	)[0]
	median = counts.pop("median_earnings")
	figures = {key: int(value or 0) for key, value in counts.items()}
	figures["q2_rate"] = arithmetic.percent(figures["q2_employed"], figures["q2_counted"])
	figures["q4_rate"] = arithmetic.percent(figures["q4_employed"], figures["q4_counted"])
	figures["retention_rate"] = arithmetic.percent(figures["retained"], figures["retention_counted"])
	figures["median_earnings"] = arithmetic.rounded(str(median), 2) if median is not None else None
	return figures
