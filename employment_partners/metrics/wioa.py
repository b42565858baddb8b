"""WIOA employer-services and employment measures, from the agency's own follow-ups.

The cohort is the participants who exited in the period (exit date from the period's start to
its as-of day).  Quarters are calendar quarters; the 2nd quarter after exit is the second
quarter after the one holding the exit date (exit 2025-11-20 → Apr-Jun 2026), the 4th likewise.

- Employed in a quarter: a follow-up of the participant (of a placement or after exit) done on
  a day in that quarter recorded employment (with the same or another employer); when several
  did, the latest gives the employer and the earnings.  These are supplemental figures from the
  agency's follow-ups, not UI wage records.
- A measure counts an exiter only once the quarter it reads has ended by the as-of day.
- Employment rate, 2nd (4th) quarter: employed in it / exiters whose 2nd (4th) quarter ended.
- Retention with the same employer: of the exiters employed in the 2nd quarter whose 4th has
  ended, those employed in the 4th by the same employer: the same hiring partnership, or (not a
  partner) the same employer name, ignoring case and surrounding spaces.
- Median earnings, 2nd quarter: hourly wage x weekly hours x 13 from each employed exiter's
  latest 2nd-quarter follow-up; the median (the mean of the two middle ones for an even count).
- The employer measures of the former pilot (repeat business, employer penetration) are in
  metrics/employer_services.py.
"""

import frappe

from employment_partners.metrics import arithmetic
from employment_partners.retention import follow_ups

# each exiter with their 2nd and 4th quarters after exit
EXITERS = """
	select e.*,
		date_sub(date_add(e.q2_start, interval 1 quarter), interval 1 day) as q2_end,
		date_sub(date_add(e.q4_start, interval 1 quarter), interval 1 day) as q4_end
	from (
		select p.name as participant, p.full_name, p.exit_date,
			date_add(makedate(year(p.exit_date), 1), interval quarter(p.exit_date) + 1 quarter) as q2_start,
			date_add(makedate(year(p.exit_date), 1), interval quarter(p.exit_date) + 3 quarter) as q4_start
		from `tabParticipant` p
		where p.exit_date between %(start)s and %(as_of)s
	) e
"""

# every employed outcome recorded by the as-of day, with its employer's key
EMPLOYED = """
	select f.name, f.participant, f.completed_on, f.modified, f.hourly_wage, f.hours_per_week,
		coalesce(nullif(f.employer_partnership, ''), concat('name:', lower(trim(f.current_employer)))) as employer,
		f.hourly_wage * f.hours_per_week * 13 as earnings
	from `tabRetention Follow-up` f
	where f.status = %(done)s and f.outcome in %(employed)s and f.completed_on <= %(as_of)s
"""


def _quarter(alias: str) -> str:
	"""The latest employed follow-up of each exiter in their quarter `alias` (q2 or q4)."""
	return f"""
		select x.participant, e.name, e.employer, e.earnings, e.completed_on,
			row_number() over (partition by x.participant order by e.completed_on desc, e.modified desc) as rn
		from exiters x
		join employed e on e.participant = x.participant
			and e.completed_on between x.{alias}_start and x.{alias}_end
	"""


WITH = f"""
	with exiters as ({EXITERS}),
	employed as ({EMPLOYED}),
	q2 as ({_quarter("q2")}),
	q4 as ({_quarter("q4")})
"""


def _values(period) -> dict:
	return {
		"start": period.start,
		"as_of": period.as_of,
		"done": follow_ups.DONE,
		"employed": follow_ups.EMPLOYED,
	}


def exiters(period) -> list[dict]:
	"""Each exiter of the period, their quarters, and the follow-ups each measure used."""
	return frappe.db.sql(
		f"""{WITH}
		select x.participant, x.full_name, x.exit_date, x.q2_start, x.q2_end, x.q4_start, x.q4_end,
			x.q2_end <= %(as_of)s as q2_ended, x.q4_end <= %(as_of)s as q4_ended,
			q2.name as q2_follow_up, q2.employer as q2_employer, q2.earnings as q2_earnings,
			q4.name as q4_follow_up, q4.employer as q4_employer
		from exiters x
		left join q2 on q2.participant = x.participant and q2.rn = 1
		left join q4 on q4.participant = x.participant and q4.rn = 1
		order by x.exit_date, x.participant
		""",
		_values(period),
		as_dict=True,
	)


def employment_measures(period) -> dict:
	"""The exiter counts behind the employment and retention measures, and the median earnings."""
	counts = frappe.db.sql(
		f"""{WITH}
		select count(*) as exiters,
			sum(x.q2_end <= %(as_of)s) as q2_counted,
			sum(x.q2_end <= %(as_of)s and q2.participant is not null) as q2_employed,
			sum(x.q4_end <= %(as_of)s) as q4_counted,
			sum(x.q4_end <= %(as_of)s and q4.participant is not null) as q4_employed,
			sum(x.q4_end <= %(as_of)s and q2.participant is not null) as retention_counted,
			sum(x.q4_end <= %(as_of)s and q2.participant is not null and q4.employer = q2.employer) as retained
		from exiters x
		left join q2 on q2.participant = x.participant and q2.rn = 1
		left join q4 on q4.participant = x.participant and q4.rn = 1
		""",
		_values(period),
		as_dict=True,
	)[0]
	median = frappe.db.sql(
		f"""{WITH}
		select distinct median(q2.earnings) over () as median_earnings, count(*) over () as earners
		from exiters x
		join q2 on q2.participant = x.participant and q2.rn = 1
		where x.q2_end <= %(as_of)s and q2.earnings > 0
		""",
		_values(period),
		as_dict=True,
	)
	figures = {key: int(value or 0) for key, value in counts.items()}
	figures["q2_rate"] = arithmetic.percent(figures["q2_employed"], figures["q2_counted"])
	figures["q4_rate"] = arithmetic.percent(figures["q4_employed"], figures["q4_counted"])
	figures["retention_rate"] = arithmetic.percent(figures["retained"], figures["retention_counted"])
	figures["earners"] = int(median[0].earners) if median else 0
	figures["median_earnings"] = arithmetic.rounded(str(median[0].median_earnings), 2) if median else None
	return figures
