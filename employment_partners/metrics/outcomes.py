"""Participant outcomes after exit, as the Ontario outcome report (15D) counts them, and each
participant's own record (Participant Outcomes).

15D counts participants.  At each milestone (at close, 3, 6 and 12 months after exit) the people
counted are the exited participants whose milestone date (exit date + 0, 3, 6 or 12 calendar
months, clamped to a shorter month's end) falls in the period, on or before the as-of day.  Each
one's outcome is that of their follow-up marked for the milestone (a schedule row's "Counts as
Outcome") done on or before the as-of day (the latest, if several); without one, or done as
unable to contact, it is unknown.  Employed is employed with the same or another employer.
"""

import frappe

from employment_partners.metrics import arithmetic
from employment_partners.retention import follow_ups, schedule

EMPLOYED, TRAINING, UNEMPLOYED, UNABLE_TO_WORK, UNKNOWN = (
	"employed",
	"training",
	"unemployed",
	"unable_to_work",
	"unknown",
)
OUTCOME_KEYS = (EMPLOYED, TRAINING, UNEMPLOYED, UNABLE_TO_WORK, UNKNOWN)
ALL, PLACED, NOT_PLACED = "All Participants", "Placed", "Not Placed"


def outcomes_at_milestones(period) -> dict[str, dict[str, dict]]:
	"""{milestone: {group: figures}}: groups All, Placed, Not Placed and each placement type.

	One query for the four milestones: the participants counted at each, and only for them, read
	by participant (indexes on Retention Follow-up and Placement), their outcome follow-up for
	the milestone and their latest placement started on or before the exit date."""
	milestones = " union all ".join(
		f"select {frappe.db.escape(milestone)} as milestone, {int(months)} as months"
		for milestone, months in schedule.MILESTONES.items()
	)
	rows = frappe.db.sql(
		f"""
		with counted as (
			select m.milestone, p.name as participant, p.exit_date, p.enrolment_date
			from `tabParticipant` p
			join ({milestones}) m
				on date_add(p.exit_date, interval m.months month) between %(start)s and %(as_of)s
			where p.exit_date between date_sub(%(start)s, interval %(longest)s month) and %(as_of)s
		),
		people as (select distinct participant, exit_date from counted),
		done as (
			select f.participant, f.outcome_milestone, f.outcome, f.hourly_wage,
				row_number() over (partition by f.participant, f.outcome_milestone
					order by f.completed_on desc, f.modified desc) as rn
			from people x
			join `tabRetention Follow-up` f on f.participant = x.participant
			where f.outcome_milestone is not null and f.status = %(done)s and f.completed_on <= %(as_of)s
		),
		latest as (
			select pl.participant, pl.placement_type,
				row_number() over (partition by pl.participant order by pl.start_date desc, pl.creation desc) as rn
			from people x
			join `tabPlacement` pl on pl.participant = x.participant and pl.start_date <= x.exit_date
		)
		select c.milestone, lp.placement_type,
			count(*) as counted,
			sum(d.outcome in %(employed)s) as employed,
			sum(d.outcome = %(training)s) as training,
			sum(d.outcome = %(unemployed)s) as unemployed,
			sum(d.outcome = %(unable_to_work)s) as unable_to_work,
			sum(d.outcome = %(unable_to_contact)s) as unable_to_contact,
			sum(d.outcome is null) as not_done,
			sum(case when d.outcome in %(employed)s then d.hourly_wage end) as wage_sum,
			sum(datediff(c.exit_date, c.enrolment_date)) as duration_days
		from counted c
		left join done d on d.participant = c.participant and d.outcome_milestone = c.milestone and d.rn = 1
		left join latest lp on lp.participant = c.participant and lp.rn = 1
		group by c.milestone, lp.placement_type
		""",
		{
			"longest": max(schedule.MILESTONES.values()),
			"start": period.start,
			"as_of": period.as_of,
			"done": follow_ups.DONE,
			"employed": follow_ups.EMPLOYED,
			"training": follow_ups.IN_TRAINING,
			"unemployed": follow_ups.UNEMPLOYED,
			"unable_to_work": follow_ups.UNABLE_TO_WORK,
			"unable_to_contact": follow_ups.UNABLE_TO_CONTACT,
		},
		as_dict=True,
	)
	return {
		milestone: _milestone([row for row in rows if row.milestone == milestone], milestone)
		for milestone in schedule.MILESTONES
	}


def _milestone(rows: list, milestone: str) -> dict[str, dict]:
	groups: dict[str, dict] = {ALL: _sums(), PLACED: _sums(), NOT_PLACED: _sums()}
	for row in rows:
		targets = [ALL, PLACED if row.placement_type else NOT_PLACED]
		if row.placement_type:
			targets.append(row.placement_type)
		for name in targets:
			sums = groups.setdefault(name, _sums())
			for key in sums:
				sums[key] += row[key] or 0
	return {name: _figures(sums, milestone == schedule.AT_CLOSE) for name, sums in groups.items()}


def _sums() -> dict:
	return dict.fromkeys(
		(
			"counted",
			"employed",
			"training",
			"unemployed",
			"unable_to_work",
			"unable_to_contact",
			"not_done",
			"wage_sum",
			"duration_days",
		),
		0,
	)


def _figures(sums: dict, at_close: bool) -> dict:
	counted = int(sums["counted"])
	counts = {
		EMPLOYED: int(sums["employed"]),
		TRAINING: int(sums["training"]),
		UNEMPLOYED: int(sums["unemployed"]),
		UNABLE_TO_WORK: int(sums["unable_to_work"]),
		UNKNOWN: int(sums["not_done"]) + int(sums["unable_to_contact"]),
	}
	return {
		"counted": counted,
		**counts,
		**{f"{key}_percent": arithmetic.percent(value, counted) for key, value in counts.items()},
		"unable_to_contact": int(sums["unable_to_contact"]),
		"lost_contact_rate": arithmetic.percent(sums["unable_to_contact"], counted),
		"average_wage": arithmetic.ratio(sums["wage_sum"], counts[EMPLOYED], 2),
		"average_duration_weeks": arithmetic.weeks(sums["duration_days"], counted, 1) if at_close else None,
	}


# ------------------------------------------------------------------ Participant Outcomes
RETENTION_DAYS = (30, 90, 180)


# a participant's latest follow-up done by the as-of day, one index read each (Retention Follow-up:
# participant, status, completed_on, modified); of two done the same day and saved at the same
# moment, the one named first (the definition leaves that tie open; before, the query plan chose)
LATEST_DONE = """
	select f.name from `tabRetention Follow-up` f
	where f.participant = {participant} and f.status = %(done)s and f.completed_on <= %(as_of)s
	order by f.completed_on desc, f.modified desc, f.name limit 1
"""


def participant_outcomes(
	period, barrier: str | None = None, indicator: str | None = None, case_manager=None
) -> list[dict]:
	"""One row per participant with a placement that started in the period: their placements in
	the period, their first one's retention at 30, 90 and 180 days, the latest follow-up's word,
	the wage then against the wage they started at, and their barriers.  One query."""
	from employment_partners.participants import suitability
	from employment_partners.placements import placements

	conditions, values = (
		[],
		{
			"start": period.start,
			"as_of": period.as_of,
			"done": follow_ups.DONE,
			"employed": follow_ups.EMPLOYED,
			"ended_status": placements.ENDED,
		},
	)
	if barrier:
		conditions.append(f"p.`{_checked(barrier, suitability.BARRIERS)}` = 1")
	if indicator:
		conditions.append(f"p.`{_checked(indicator, suitability.ENTERED_INDICATORS)}` = 1")
	if case_manager:
		conditions.append("p.case_manager = %(case_manager)s")
		values["case_manager"] = case_manager
	retained = ",\n".join(
		f"""case when fp.start_date <= date_sub(%(as_of)s, interval {days} day)
			then not (fp.status = %(ended_status)s and fp.end_date < date_add(fp.start_date, interval {days} day))
			end as retained_{days}"""
		for days in RETENTION_DAYS
	)
	rows = frappe.db.sql(
		f"""
		with placed as (
			select pl.participant, pl.name, pl.start_date, pl.hourly_wage, pl.status, pl.end_date,
				pl.employer_name,
				row_number() over (partition by pl.participant order by pl.start_date, pl.creation) as rn,
				count(*) over (partition by pl.participant) as placements
			from `tabPlacement` pl
			where pl.start_date between %(start)s and %(as_of)s
		)
		select p.name as participant, p.full_name, p.case_manager, p.suitability_count,
			{", ".join(f"p.{b}" for b in suitability.BARRIERS)},
			fp.name as placement, fp.employer_name, fp.start_date, fp.hourly_wage as start_wage, fp.placements,
			{retained},
			lf.outcome as latest_outcome, lf.completed_on as latest_on,
			case when lf.outcome in %(employed)s then lf.hourly_wage end as latest_wage
		from `tabParticipant` p
		join placed fp on fp.participant = p.name and fp.rn = 1
		left join `tabRetention Follow-up` lf on lf.name = ({LATEST_DONE.format(participant="p.name")})
		{"where " + " and ".join(conditions) if conditions else ""}
		order by p.full_name, p.name
		""",
		values,
		as_dict=True,
	)
	for row in rows:
		row["barriers"] = [b for b in suitability.BARRIERS if row.pop(b)]
		row["wage_gain"] = (
			arithmetic.rounded(row["latest_wage"] - row["start_wage"], 2)
			if row["latest_wage"] is not None
			else None
		)
		for days in RETENTION_DAYS:
			value = row[f"retained_{days}"]
			row[f"retained_{days}"] = None if value is None else bool(value)
	return rows


def _checked(field: str, allowed: tuple[str, ...]) -> str:
	"""A participant field a filter names, only when it is one of `allowed` (it goes into SQL)."""
	if field not in allowed:
		frappe.throw(
			frappe._("{0} is not a barrier or suitability indicator").format(field),
			title=frappe._("Invalid filter"),
		)
	return field
