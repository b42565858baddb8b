"""Retained at N days: the one definition every report and the health score use.

The rule is the point-in-time ("snapshot") way of measuring job retention (shared sources,
funder-definitions-notes.md, "Ways to define job retention (PerformWell, Job Retention
indicator)": point in time): a placement is **retained at N days** (N = 30, 90 or 180) when its
participant was employed on **day N**, the start date + N days (a placement started on 1 January
is measured at 90 days on 1 April).  Employed on day N means:

(a) still in the placement on day N: its end date (the last day worked) is empty or on or after
    day N, or it was Transitioned to Permanent; or
(b) after a placement that ended before day N, employment on day N recorded otherwise: another
    placement of the participant running on day N (started on or before it, its end date empty or
    on or after it, or transitioned), or a Retention Follow-up of the participant done with an
    employed outcome (same or another employer) and completed within 14 days either side of day N
    (day N - 14 to day N + 14: the evidence tolerance).

Finishing a time-limited placement is not retention (the same note: "finishing a time-limited
placement is none of these"): a Completed placement that ended before day N, with nothing in (b),
is not retained.  The figures show those "completed, then employed" (retained through (b)) and
"completed, then not employed" apart.

**When it is measured.**  A placement counts once its window has closed: day N + 14 on or before
the as-of day.  Before then it is "still open": in neither the numerator nor the denominator, and
the reports say how many.  **Evidence** is what was recorded by the as-of day: follow-ups completed
on or before it; every date the rule reads (day N, the 14 days either side, an end date before day
N) is then on or before the as-of day too, so an end date after the as-of day (not known then)
reads as still running.  A cohort whose windows have all closed therefore reads the same whenever
it is re-run.  The cohort (which placements) is the caller's: placements started in the period
(%(start)s to %(end)s).

Each placement gets one SQL value per N (`standing_sql`): NULL while its window is open,
IN_PLACEMENT (a), EMPLOYED_AFTER (b) or NOT_EMPLOYED; `sums_sql` adds those up for a group.
"""

import frappe

from employment_partners import arithmetic
from employment_partners.placements import placements
from employment_partners.retention import follow_ups

# the rule as the reports' definitions print it (their {retention_rule})
RULE = (
	"Retained at N days (N = 30, 90, 180) is employed on day N = start date + N days, point in time "
	'(shared sources, funder-definitions-notes.md, "Ways to define job retention (PerformWell, Job Retention '
	'indicator)": point in time, measured on day N with a 14-day evidence tolerance). Employed on day N: still in '
	"the placement (its end date, the last day worked, empty or on or after day N, or Transitioned to Permanent); "
	"or, after a placement that ended before day N, another placement of the participant running on day N, or a "
	"follow-up done with an employed outcome (same or another employer) completed within 14 days either side of "
	"day N. Finishing a time-limited placement (Completed) is not retention: completed, then not employed, is not "
	"retained. A placement counts once day N + 14 is on or before the as-of day (only evidence recorded by then "
	"counts); until then it is still open, in neither the numerator nor the denominator, so a cohort whose "
	"windows have closed reads the same whenever it is re-run."
)
DAYS = (30, 90, 180)
TOLERANCE_DAYS = 14
# a placement's standing on day N (NULL: its window has not closed by the as-of day)
NOT_EMPLOYED, IN_PLACEMENT, EMPLOYED_AFTER = 0, 1, 2

FIGURES = ("counted", "open", "retained", "completed_employed", "completed_not_employed")


def values() -> dict:
	"""The query values the fragments below use (besides the caller's %(as_of)s)."""
	return {
		"rd_transitioned": placements.TRANSITIONED,
		"rd_completed": placements.COMPLETED,
		"rd_done": follow_ups.DONE,
		"rd_employed": follow_ups.EMPLOYED,
	}


def day_sql(alias: str, days: int) -> str:
	"""Day N of placement `alias`: its start date + N days."""
	return f"date_add({alias}.start_date, interval {int(days)} day)"


def running_on_sql(alias: str, day: str) -> str:
	"""Placement `alias` ran on `day` (an SQL date): started by then, and its last day worked is
	that day or later, or not recorded, or it was made permanent."""
	return (
		f"({alias}.start_date <= {day} and ({alias}.end_date is null or {alias}.end_date >= {day}"
		f" or {alias}.status = %(rd_transitioned)s))"
	)


def closed_sql(alias: str, days: int) -> str:
	"""The placement's window at N days has closed by the as-of day: day N + 14 <= as of."""
	return f"({alias}.start_date <= date_sub(%(as_of)s, interval {int(days) + TOLERANCE_DAYS} day))"


def employed_after_sql(alias: str, days: int) -> str:
	"""(b): employment on day N recorded by another placement of the participant, or by an employed
	follow-up completed within the tolerance of day N and by the as-of day.  Indexes: Placement
	(participant, start_date), Retention Follow-up (participant, status, completed_on)."""
	day = day_sql(alias, days)
	return f"""(exists (select 1 from `tabPlacement` rd_o
			where rd_o.participant = {alias}.participant and rd_o.name != {alias}.name
				and {running_on_sql("rd_o", day)})
		or exists (select 1 from `tabRetention Follow-up` rd_f
			where rd_f.participant = {alias}.participant and rd_f.status = %(rd_done)s
				and rd_f.completed_on between date_sub({day}, interval {TOLERANCE_DAYS} day)
					and date_add({day}, interval {TOLERANCE_DAYS} day)
				and rd_f.completed_on <= %(as_of)s and rd_f.outcome in %(rd_employed)s))"""


def standing_sql(alias: str, days: int) -> str:
	"""Placement `alias` at N days: NULL (window open), IN_PLACEMENT, EMPLOYED_AFTER or NOT_EMPLOYED."""
	return f"""(case when {closed_sql(alias, days)} then
		case when {running_on_sql(alias, day_sql(alias, days))} then {IN_PLACEMENT}
			when {employed_after_sql(alias, days)} then {EMPLOYED_AFTER}
			else {NOT_EMPLOYED} end
		end)"""


def sums_sql(standing: str, status: str, days: int, among: str | None = None) -> str:
	"""Aggregates over a group of placements whose standing at N days is the column `standing` and
	whose status is `status` (only the rows meeting `among`, when given): counted_N (window
	closed), open_N, retained_N, completed_employed_N, completed_not_employed_N."""
	days = int(days)
	completed = f"{status} = %(rd_completed)s"
	only = f"{among} and " if among else ""
	return (
		f"sum({only}{standing} is not null) as counted_{days}, "
		f"sum({only}{standing} is null) as open_{days}, "
		f"sum({only}{standing} in ({IN_PLACEMENT}, {EMPLOYED_AFTER})) as retained_{days}, "
		f"sum({only}{standing} = {EMPLOYED_AFTER} and {completed}) as completed_employed_{days}, "
		f"sum({only}{standing} = {NOT_EMPLOYED} and {completed}) as completed_not_employed_{days}"
	)


# a placement's standing at N days in words a report can map: still in the placement; after it
# ended (completed, or any other end), employed or not
IN_PLACEMENT_KIND = "in_placement"
COMPLETED_EMPLOYED, COMPLETED_NOT_EMPLOYED = "completed_employed", "completed_not_employed"
ENDED_EMPLOYED, ENDED_NOT_EMPLOYED = "ended_employed", "ended_not_employed"
RETAINED_KINDS = (IN_PLACEMENT_KIND, COMPLETED_EMPLOYED, ENDED_EMPLOYED)


def kind(standing, status: str | None) -> str | None:
	"""The kind of one placement's `standing_sql` value (None while its window is open)."""
	if standing is None:
		return None
	standing, completed = int(standing), status == placements.COMPLETED
	if standing == IN_PLACEMENT:
		return IN_PLACEMENT_KIND
	if standing == EMPLOYED_AFTER:
		return COMPLETED_EMPLOYED if completed else ENDED_EMPLOYED
	return COMPLETED_NOT_EMPLOYED if completed else ENDED_NOT_EMPLOYED


def is_retained(kind_: str | None) -> bool | None:
	return None if kind_ is None else kind_ in RETAINED_KINDS


def figures(row, days: int) -> dict:
	"""The counts of `sums_sql` as ints, and the rate: retained / counted, 1 decimal half up."""
	counts = {f"{key}_{days}": int((row or {}).get(f"{key}_{days}") or 0) for key in FIGURES}
	counts[f"retention_{days}"] = arithmetic.percent(counts[f"retained_{days}"], counts[f"counted_{days}"])
	return counts


def cohort(period, days=DAYS, where: str = "", params: dict | None = None) -> dict:
	"""The figures at each N of every placement started in the period (and meeting `where`, a
	condition on placement `p` with `params`).  One query."""
	sums = ", ".join(sums_sql(f"r{d}", "status", d) for d in days)
	standings = ", ".join(f"{standing_sql('p', d)} as r{d}" for d in days)
	row = frappe.db.sql(
		f"""
		select {sums} from (
			select p.status, {standings}
			from `tabPlacement` p
			where p.start_date between %(start)s and %(end)s {"and " + where if where else ""}
		) rd
		""",
		{**period.values(), **values(), **(params or {})},
		as_dict=True,
	)[0]
	out = {}
	for d in days:
		out.update(figures(row, d))
	return out


def retention_rate(period, days: int) -> float | None:
	"""Retained at N days, as a percentage, over the period's placements whose window has closed."""
	return cohort(period, (days,))[f"retention_{days}"]
