"""Participant outcomes after exit, as the Ontario outcome report (15D) counts them, and each
participant's own record (Participant Outcomes).

15D (the Ontario ES guide, shared sources ontario-eo-es-participant-guide-15c-15d.txt, section
3.2.d "15D Outcomes Follow up Report": results at close and at 3, 6 and 12 months, the lost-contact
rate, the average wage and the average time in service, in overlapping service-component columns;
funder-definitions-notes.md, Ontario) counts program ENROLMENTS, not people: the enrolments in a
program that counts in 15D (Program.counts_in_15d).  Someone not enrolled in such a program is
outside the figures; a person who exits, returns (a new enrolment) and exits again is counted once
per exit, each enrolment with its own milestones.

- Milestone date: the enrolment's exit date + 0, 3, 6 or 12 calendar months (a shorter month clamps
  to its last day; retention/schedule.MILESTONES).  The cohort at a milestone: the enrolments whose
  milestone date falls in the period (start..end).
- Window: that of the enrolment's follow-up for the milestone (its due date to its window end; with
  several, the earliest opening to the latest close).  With no such follow-up: the milestone date
  and the days after it that the program's schedule row for the milestone gives (its window days),
  or DEFAULT_WINDOW_DAYS (14, the shipped 15D schedule's) when the schedule has no such row.
- A milestone is counted once its window has closed by the as-of day (window end <= as of); until
  then it is "still open", never unknown.  Nothing done after the window counts, so a closed cohort
  re-run later reads the same.
- Outcome: what a Done follow-up completed inside the window says.  The enrolment's own milestone
  follow-up first; without a reached one, another Done follow-up of the same participant completed
  inside the window that reports no milestone (a contact after a placement, a co-enrolled
  program's monthly contact, a WIOA quarter contact): the latest of them.  A follow-up that
  reports a milestone counts only for its own enrolment's own milestone, so outcomes are never
  credited across enrolments or milestones.  Unable to Contact counts only when nothing inside the
  window reached them.  Unknown: nothing done inside the window, or only Unable to Contact (the
  lost contacts, a part of Unknown).
- Columns (service components, overlapping: one enrolment can be in several; guide sections 2.1
  and 3.1): All; Job Search (every enrolment: the app records no job-search service, and Ontario's
  15D shows nearly every assisted participant in it, 94,616 of 95,895 at 3 months); Job Matching,
  Placement and Incentive (a referral made, or a placement started, between the enrolment and the
  exit: incentive placements are placements); Job Retention (a placement started during the
  enrolment, then, from its start to the milestone's window end, a retention service: a Done
  follow-up that reports no milestone, a coaching session, a service referral or an intervention on
  a retention issue).  And by the type of the latest placement started during the enrolment.
"""

import frappe

from employment_partners import arithmetic
from employment_partners.metrics import retention_days
from employment_partners.participants import suitability
from employment_partners.retention import follow_ups, schedule

EMPLOYED, TRAINING, INDEPENDENT, VOLUNTEER, UNABLE_TO_WORK, UNEMPLOYED, UNKNOWN = (
	"employed",
	"training",
	"independent",
	"volunteer",
	"unable_to_work",
	"unemployed",
	"unknown",
)
OUTCOME_KEYS = (EMPLOYED, TRAINING, INDEPENDENT, VOLUNTEER, UNABLE_TO_WORK, UNEMPLOYED, UNKNOWN)
ALL, JOB_SEARCH, JMPI, JOB_RETENTION = (
	"All Participants",
	"Job Search",
	"Job Matching, Placement and Incentive",
	"Job Retention",
)
COMPONENTS = (ALL, JOB_SEARCH, JMPI, JOB_RETENTION)
# a milestone's window when the enrolment has no follow-up for it and its program's schedule no
# row: the shipped 15D schedule's (defaults/follow_up_schedule.json, 14 days from the due date)
DEFAULT_WINDOW_DAYS = 14

# the counted outcomes by the follow-up outcomes they come from
RECORDED = {
	EMPLOYED: follow_ups.EMPLOYED,
	TRAINING: (follow_ups.IN_TRAINING,),
	INDEPENDENT: (follow_ups.INDEPENDENT,),
	VOLUNTEER: (follow_ups.VOLUNTEER,),
	UNABLE_TO_WORK: (follow_ups.UNABLE_TO_WORK,),
	UNEMPLOYED: (follow_ups.UNEMPLOYED,),
}

# a retention service to the participant from the first placement of the enrolment (its start,
# `w.first_start`) to the milestone's window end (never after the as-of day); each read through
# the participant's index
RETENTION_SERVICE = """(
	exists (select 1 from `tabRetention Follow-up` rf
		where rf.participant = w.participant and rf.status = %(done)s and ifnull(rf.outcome_milestone, '') = ''
			and rf.completed_on between w.first_start and least(w.closes, %(as_of)s))
	or exists (select 1 from `tabCoaching Session` cs
		where cs.participant = w.participant and cs.session_date between w.first_start and least(w.closes, %(as_of)s))
	or exists (select 1 from `tabService Referral` sr
		where sr.participant = w.participant and sr.referred_on between w.first_start and least(w.closes, %(as_of)s))
	or exists (select 1 from `tabPlacement` ip
		join `tabRetention Issue Report` ri on ri.placement = ip.name
		join `tabRetention Intervention` iv on iv.parent = ri.name and iv.parenttype = 'Retention Issue Report'
		where ip.participant = w.participant
			and iv.intervention_date between w.first_start and least(w.closes, %(as_of)s))
)"""

# the follow-up whose outcome counts for enrolment and milestone `w` (window `w.opens`..`w.closes`):
# done inside the window, the enrolment's own milestone follow-up or one that reports no milestone;
# a reached one before Unable to Contact, its own before another, then the latest (of two done the
# same day, the one changed last, then the one named first).  Read through the participant's index
# (participant, status, completed_on, modified)
EVIDENCE = """
	select f.name from `tabRetention Follow-up` f
	where f.participant = w.participant and f.status = %(done)s and f.completed_on between w.opens and w.closes
		and (ifnull(f.outcome_milestone, '') = ''
			or (f.outcome_milestone = w.milestone and f.program_enrolment = w.enrolment))
	order by f.outcome = %(unable_to_contact)s, ifnull(f.outcome_milestone, '') = '',
		f.completed_on desc, f.modified desc, f.name
	limit 1
"""


def outcomes_at_milestones(period) -> dict[str, dict[str, dict]]:
	"""{milestone: {group: figures}}: the components (COMPONENTS, overlapping) and each placement
	type.  One query for the four milestones: a row per enrolment and milestone with its window,
	made once (grouped), then its outcome follow-up and components by index lookups, added up by
	milestone, components and type."""
	milestones = " union all ".join(
		f"select {frappe.db.escape(milestone)} as milestone, {int(months)} as months"
		for milestone, months in schedule.MILESTONES.items()
	)
	outcome_sums = ",\n".join(f"sum(closed and outcome in %({key})s) as {key}" for key in RECORDED)
	rows = frappe.db.sql(
		f"""
		with milestone as ({milestones}),
		cohort as (
			select e.name as enrolment, e.parent as participant, e.enrolled_on, e.exit_date, m.milestone,
				date_add(e.exit_date, interval m.months month) as milestone_date,
				(select max(r.window_days) from `tabFollow-up Schedule Row` r
					where r.parent = pr.follow_up_schedule and r.parenttype = 'Follow-up Schedule'
						and r.outcome_milestone = m.milestone) as window_days
			from `tabProgram Enrolment` e
			join `tabProgram` pr on pr.name = e.program and pr.counts_in_15d = 1
			join milestone m on date_add(e.exit_date, interval m.months month) between %(start)s and %(end)s
			where e.parenttype = 'Participant'
				and e.exit_date between date_sub(%(start)s, interval %(longest)s month) and %(end)s
		),
		windowed as (
			select c.enrolment, c.participant, c.enrolled_on, c.exit_date, c.milestone,
				coalesce(min(f.due_date), c.milestone_date) as opens,
				coalesce(max(f.window_end), date_add(c.milestone_date,
					interval greatest(coalesce(c.window_days, %(default_window)s), 1) - 1 day)) as closes,
				(select min(pl.start_date) from `tabPlacement` pl
					where pl.participant = c.participant and pl.start_date between c.enrolled_on and c.exit_date
				) as first_start,
				(select pl.placement_type from `tabPlacement` pl
					where pl.participant = c.participant and pl.start_date between c.enrolled_on and c.exit_date
					order by pl.start_date desc, pl.creation desc limit 1) as placement_type,
				exists (select 1 from `tabReferral` r
					where r.participant = c.participant and r.referred_on between c.enrolled_on and c.exit_date
				) as referred
			from cohort c
			left join `tabRetention Follow-up` f on f.participant = c.participant
				and f.outcome_milestone = c.milestone and f.program_enrolment = c.enrolment
			group by c.enrolment, c.milestone, c.participant, c.enrolled_on, c.exit_date, c.milestone_date,
				c.window_days
		),
		flagged as (
			select w.milestone, w.closes <= %(as_of)s as closed, ev.outcome, ev.hourly_wage,
				datediff(w.exit_date, w.enrolled_on) as days, w.placement_type,
				(w.first_start is not null or w.referred) as jmpi,
				(w.first_start is not null and {RETENTION_SERVICE}) as job_retention
			from windowed w
			left join `tabRetention Follow-up` ev on w.closes <= %(as_of)s and ev.name = ({EVIDENCE})
		)
		select milestone, jmpi, job_retention, placement_type,
			sum(not closed) as still_open,
			sum(closed) as counted,
			{outcome_sums},
			sum(closed and outcome = %(unable_to_contact)s) as unable_to_contact,
			sum(closed and outcome is null) as no_record,
			sum(case when closed and outcome in %(employed)s then hourly_wage end) as wage_sum,
			sum(case when closed then days end) as duration_days
		from flagged
		group by milestone, jmpi, job_retention, placement_type
		""",
		{
			**period.values(),
			**RECORDED,
			"longest": max(schedule.MILESTONES.values()),
			"default_window": DEFAULT_WINDOW_DAYS,
			"done": follow_ups.DONE,
			"unable_to_contact": follow_ups.UNABLE_TO_CONTACT,
		},
		as_dict=True,
	)
	return {
		milestone: _milestone([row for row in rows if row.milestone == milestone], milestone)
		for milestone in schedule.MILESTONES
	}


def _milestone(rows: list, milestone: str) -> dict[str, dict]:
	"""The grouped rows added up into each column they belong to (the columns overlap)."""
	groups: dict[str, dict] = {name: _sums() for name in COMPONENTS}
	for row in rows:
		targets = [ALL, JOB_SEARCH]
		if row.jmpi:
			targets.append(JMPI)
		if row.job_retention:
			targets.append(JOB_RETENTION)
		if row.placement_type:
			targets.append(row.placement_type)
		for name in targets:
			sums = groups.setdefault(name, _sums())
			for key in sums:
				sums[key] += row[key] or 0
	return {name: _figures(sums, milestone == schedule.AT_CLOSE) for name, sums in groups.items()}


SUMS = (
	"counted",
	"still_open",
	*RECORDED,
	"unable_to_contact",
	"no_record",
	"wage_sum",
	"duration_days",
)


def _sums() -> dict:
	return dict.fromkeys(SUMS, 0)


def _figures(sums: dict, at_close: bool) -> dict:
	counted = int(sums["counted"])
	counts = {key: int(sums[key]) for key in RECORDED}
	counts[UNKNOWN] = int(sums["no_record"]) + int(sums["unable_to_contact"])
	return {
		"counted": counted,
		"still_open": int(sums["still_open"]),
		**counts,
		**{f"{key}_percent": arithmetic.percent(value, counted) for key, value in counts.items()},
		"unable_to_contact": int(sums["unable_to_contact"]),
		"lost_contact_rate": arithmetic.percent(sums["unable_to_contact"], counted),
		"average_wage": arithmetic.ratio(sums["wage_sum"], counts[EMPLOYED], 2),
		"average_duration_weeks": arithmetic.weeks(sums["duration_days"], counted, 1) if at_close else None,
	}


# ------------------------------------------------------------------ Participant Outcomes
# a participant's latest follow-up done by the as-of day, one index read each (Retention Follow-up:
# participant, status, completed_on, modified); of two done the same day and saved at the same
# moment, the one named first (the definition leaves that tie open; before, the query plan chose)
LATEST_DONE = """
	select f.name from `tabRetention Follow-up` f
	where f.participant = {participant} and f.status = %(done)s and f.completed_on <= %(as_of)s
	order by f.completed_on desc, f.modified desc, f.name limit 1
"""

# the participant's latest follow-up done by the as-of day that found them working for the
# employer of `placement` (employer_placement: the placement whose employer they still work for,
# set for "Employed - Same Employer"): the wage on that same job; read through the participant's
# index like LATEST_DONE
LATEST_THERE = """
	select f.name from `tabRetention Follow-up` f
	where f.participant = {participant} and f.status = %(done)s and f.completed_on <= %(as_of)s
		and f.employer_placement = {placement} and f.outcome in %(employed)s
	order by f.completed_on desc, f.modified desc, f.name limit 1
"""


def participant_outcomes(
	period, barrier: str | None = None, indicator: str | None = None, case_manager=None
) -> list[dict]:
	"""One row per participant with a placement that started in the period: their placements in
	the period, their first one's standing (`standing_N`: retention_days.kind) and whether it was
	retained (`retained_N`: None while its window is open) at 30, 90 and 180 days, the
	latest follow-up's word, the latest wage recorded at the first placement's employer against the
	wage they started at there, and their barriers.  One query."""

	conditions, values = (
		[],
		{
			**period.values(),
			**retention_days.values(),
			"done": follow_ups.DONE,
			"employed": follow_ups.EMPLOYED,
		},
	)
	if barrier:
		conditions.append(f"p.`{_checked(barrier, suitability.BARRIERS)}` = 1")
	if indicator:
		conditions.append(f"p.`{_checked(indicator, suitability.ENTERED_INDICATORS)}` = 1")
	if case_manager:
		conditions.append("p.case_manager = %(case_manager)s")
		values["case_manager"] = case_manager
	standings = ",\n".join(
		f"{retention_days.standing_sql('fp', days)} as standing_{days}" for days in retention_days.DAYS
	)
	rows = frappe.db.sql(
		f"""
		with placed as (
			select pl.participant, pl.name, pl.start_date, pl.hourly_wage, pl.status, pl.end_date,
				pl.employer_name,
				row_number() over (partition by pl.participant order by pl.start_date, pl.creation) as rn,
				count(*) over (partition by pl.participant) as placements
			from `tabPlacement` pl
			where pl.start_date between %(start)s and %(end)s
		)
		select p.name as participant, p.full_name, p.case_manager, p.suitability_count,
			{", ".join(f"p.{b}" for b in suitability.BARRIERS)},
			fp.name as placement, fp.employer_name, fp.start_date, fp.hourly_wage as start_wage, fp.placements,
			fp.status as placement_status,
			{standings},
			lf.outcome as latest_outcome, lf.completed_on as latest_on,
			wf.hourly_wage as latest_wage, wf.completed_on as latest_wage_on
		from `tabParticipant` p
		join placed fp on fp.participant = p.name and fp.rn = 1
		left join `tabRetention Follow-up` lf on lf.name = ({LATEST_DONE.format(participant="p.name")})
		left join `tabRetention Follow-up` wf on wf.name = ({LATEST_THERE.format(participant="p.name", placement="fp.name")})
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
		status = row.pop("placement_status")
		for days in retention_days.DAYS:
			row[f"standing_{days}"] = retention_days.kind(row[f"standing_{days}"], status)
			row[f"retained_{days}"] = retention_days.is_retained(row[f"standing_{days}"])
	return rows


def _checked(field: str, allowed: tuple[str, ...]) -> str:
	"""A participant field a filter names, only when it is one of `allowed` (it goes into SQL)."""
	if field not in allowed:
		frappe.throw(
			frappe._("{0} is not a barrier or suitability indicator").format(field),
			title=frappe._("Invalid filter"),
		)
	return field
