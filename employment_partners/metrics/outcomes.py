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

# the latest placement each participant started on or before their exit date
LATEST_PLACEMENT_BEFORE_EXIT = """
	select pl.participant, pl.placement_type,
		row_number() over (partition by pl.participant order by pl.start_date desc, pl.creation desc) as rn
	from `tabPlacement` pl
	join `tabParticipant` pp on pp.name = pl.participant
	where pl.start_date <= pp.exit_date
"""


def outcomes_at_milestones(period) -> dict[str, dict[str, dict]]:
	"""{milestone: {group: figures}}: groups All, Placed, Not Placed and each placement type."""
	return {
		milestone: _milestone(period, milestone, months) for milestone, months in schedule.MILESTONES.items()
	}


def _milestone(period, milestone: str, months: int) -> dict[str, dict]:
	rows = frappe.db.sql(
		f"""
		with done as (
			select f.participant, f.outcome, f.hourly_wage,
				row_number() over (partition by f.participant order by f.completed_on desc, f.modified desc) as rn
			from `tabRetention Follow-up` f
			where f.outcome_milestone = %(milestone)s and f.status = %(done)s and f.completed_on <= %(as_of)s
		),
		latest as ({LATEST_PLACEMENT_BEFORE_EXIT})
		select lp.placement_type,
			count(*) as counted,
			sum(d.outcome in %(employed)s) as employed,
			sum(d.outcome = %(training)s) as training,
			sum(d.outcome = %(unemployed)s) as unemployed,
			sum(d.outcome = %(unable_to_work)s) as unable_to_work,
			sum(d.outcome = %(unable_to_contact)s) as unable_to_contact,
			sum(d.outcome is null) as not_done,
			sum(case when d.outcome in %(employed)s then d.hourly_wage end) as wage_sum,
			sum(datediff(p.exit_date, p.enrolment_date)) as duration_days
		from `tabParticipant` p
		left join done d on d.participant = p.name and d.rn = 1
		left join latest lp on lp.participant = p.name and lp.rn = 1
		where p.exit_date is not null
			and date_add(p.exit_date, interval %(months)s month) between %(start)s and %(as_of)s
		group by lp.placement_type
		""",
		{
			"milestone": milestone,
			"months": int(months),
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
