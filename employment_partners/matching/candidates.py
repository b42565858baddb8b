"""Rank participants for a job order, or open job orders for a participant.

Each direction is one parameterised query over indexed columns: the skill overlap is counted
in the database (join of the two skill child tables on `skill`), past separation reasons come
back as one GROUP_CONCAT per row, and no document is loaded.  The rows are then scored by
`matching.score` and ordered: score, then fewer recurring risks, then name for a stable order.
Ranking participants counts the points part by part (`part_points`), without an object per
person, and scores in full, with the reasons, only the rows shown.
"""

import heapq
from itertools import count
from operator import itemgetter, neg

import frappe
from frappe.utils import cint, flt

from employment_partners import participants, permissions
from employment_partners.matching.score import PARTS, JobFacts, PersonFacts, score
from employment_partners.placements import job_orders, placements
from employment_partners.utils import get_settings

REASON_SEPARATOR = "\x1f"  # between past job losses
PAIR_SEPARATOR = "\x1e"  # between a loss's reason and what makes it recur
MAX_LIMIT = 100

PERSON_COLUMNS = """
	p.name, p.full_name, p.case_manager, p.available_day, p.available_evening, p.available_night,
	p.available_weekend, p.employment_preference, p.max_hours_per_week, p.transport_mode,
	p.max_physical_demand, p.target_hourly_wage,
	(select group_concat(distinct concat(jl.reason, %(pair_sep)s, ifnull(sr.recurs_when, ''))
			separator %(sep)s)
		from `tabParticipant Job Loss` jl
		left join `tabSeparation Reason` sr on sr.name = jl.reason
		where jl.parent = p.name and jl.parenttype = 'Participant') as losses
"""

JOB_COLUMNS = """
	jo.name, jo.job_title, jo.employer_name, jo.hiring_partnership, jo.shift, jo.employment_type,
	jo.hours_per_week, jo.hourly_wage, jo.physical_demand, jo.transit_accessible,
	jo.requires_own_vehicle, jo.openings, jo.filled,
	(select count(distinct js.skill) from `tabJob Order Skill` js
		where js.parent = jo.name and js.parenttype = 'Job Order') as required_skills
"""


def _limit(limit) -> int:
	"""How many matches to show: the caller's number, else "Matches shown" in Settings (20), within
	1 .. MAX_LIMIT."""
	return max(1, min(cint(limit) or cint(get_settings().match_results) or 20, MAX_LIMIT))


def job_facts(row: dict) -> JobFacts:
	return JobFacts(
		required_skills=cint(row["required_skills"]),
		shift=row["shift"],
		employment_type=row["employment_type"],
		hours_per_week=flt(row["hours_per_week"]),
		hourly_wage=flt(row["hourly_wage"]),
		physical_demand=row["physical_demand"],
		transit_accessible=bool(row["transit_accessible"]),
		requires_own_vehicle=bool(row["requires_own_vehicle"]),
	)


def person_facts(row: dict, matched_skills: int) -> PersonFacts:
	return PersonFacts(
		matched_skills=cint(matched_skills),
		available_day=bool(row["available_day"]),
		available_evening=bool(row["available_evening"]),
		available_night=bool(row["available_night"]),
		available_weekend=bool(row["available_weekend"]),
		employment_preference=row["employment_preference"] or "Either",
		max_hours_per_week=flt(row["max_hours_per_week"]),
		transport_mode=row["transport_mode"],
		max_physical_demand=row["max_physical_demand"] or None,
		target_hourly_wage=flt(row["target_hourly_wage"]),
		losses=tuple(
			tuple(pair.split(PAIR_SEPARATOR, 1))
			for pair in (row["losses"] or "").split(REASON_SEPARATOR)
			if pair
		),
	)


def _top(totals, retention, names, limit) -> list[int]:
	"""Which rows to show, best first: score, then fewer recurring risks (more retention points),
	then name."""
	best = heapq.nsmallest(_limit(limit), zip(map(neg, totals), map(neg, retention), names, count()))
	return [row for *_order, row in best]


def _shown(identity: dict, total: int, parts: list) -> dict:
	"""A row shown: who or what it is, the score and its parts in words."""
	return {**identity, "score": total, "parts": [p.as_dict() for p in parts]}


def part_points(job: JobFacts, rows: list[dict]) -> list[list[int]]:
	"""Each part's points for every candidate row: one column a part, in the order of `score.PARTS`.

	A part reads the job and a few of the person's values (named in `PARTS`), and thousands of
	people share a few hundred sets of them, so a part is scored once per distinct set (on the facts
	of one person holding it, cut down to those values) and looked up for the others.  The sets are
	the values as fetched: equal values make equal facts.  At worst, every set distinct, each part is
	scored for every person."""
	columns = []
	for part, reads in PARTS:
		key_of = itemgetter(*reads)
		keys = list(map(key_of, rows))
		one_each = dict(zip(keys, rows, strict=True))
		points = {key: part(job, _facts_for(row, reads)).points for key, row in one_each.items()}
		columns.append(list(map(points.__getitem__, keys)))
	return columns


def _facts_for(row: dict, reads: tuple[str, ...]) -> PersonFacts:
	"""A candidate's facts with only the values a part reads; the rest left at their defaults."""
	facts = person_facts(row, row["matched_skills"])
	return PersonFacts(**{name: getattr(facts, name) for name in reads})


def _job(job_order: str) -> dict | None:
	rows = frappe.db.sql(
		f"select {JOB_COLUMNS} from `tabJob Order` jo where jo.name = %(job_order)s",
		{"job_order": job_order},
		as_dict=True,
	)
	return rows[0] if rows else None


def rank_participants(job_order: str, limit: int | None = None) -> list[dict]:
	"""Active participants who are not in an active placement, best match first."""
	job = _job(job_order)
	if not job:
		return []
	facts = job_facts(job)
	rows = participant_candidates(job_order)
	columns = part_points(facts, rows)
	# the retention part is the last
	shown = _top(map(sum, zip(*columns, strict=True)), columns[-1], [row.name for row in rows], limit)
	results = []
	for i in shown:
		row = rows[i]
		identity = {
			"participant": row.name,
			"full_name": row.full_name,
			"case_manager": row.case_manager,
			"referral_status": row.referral_status,
		}
		results.append(_shown(identity, *score(facts, person_facts(row, row.matched_skills))))
	return results


def participant_candidates(job_order: str) -> list[dict]:
	"""Active participants not in an active placement whom the session's user may read (a case
	manager: their caseload), with what the score needs: one query.
	(benchmarks/bench_matching.py times this query alone as the ranking's lower bound.)"""
	readable = permissions.query_conditions(frappe.session.user, "Participant")
	if readable:
		readable = f"and p.name in (select `tabParticipant`.name from `tabParticipant` where {readable})"
	return frappe.db.sql(
		f"""select {PERSON_COLUMNS},
			(select count(distinct ps.skill) from `tabParticipant Skill` ps
				join `tabJob Order Skill` js on js.skill = ps.skill
					and js.parent = %(job_order)s and js.parenttype = 'Job Order'
				where ps.parent = p.name and ps.parenttype = 'Participant') as matched_skills,
			(select r.status from `tabReferral` r
				where r.participant = p.name and r.job_order = %(job_order)s
				order by r.creation desc limit 1) as referral_status
		from `tabParticipant` p
		where p.status = %(active_participant)s
			and not exists (select 1 from `tabPlacement` pl
				where pl.participant = p.name and pl.status = %(active_placement)s)
			{readable}""",
		{
			"job_order": job_order,
			"sep": REASON_SEPARATOR,
			"pair_sep": PAIR_SEPARATOR,
			"active_participant": participants.ACTIVE,
			"active_placement": placements.ACTIVE,
		},
		as_dict=True,
	)


def _person(participant: str) -> dict | None:
	rows = frappe.db.sql(
		f"select {PERSON_COLUMNS} from `tabParticipant` p where p.name = %(participant)s",
		{"participant": participant, "sep": REASON_SEPARATOR, "pair_sep": PAIR_SEPARATOR},
		as_dict=True,
	)
	return rows[0] if rows else None


def _jobs_for(participant: str, where: str, values: dict) -> list[dict]:
	"""Job order rows with the skills required and the skills this participant holds."""
	return frappe.db.sql(
		f"""select {JOB_COLUMNS},
			(select count(distinct js.skill) from `tabJob Order Skill` js
				join `tabParticipant Skill` ps on ps.skill = js.skill
					and ps.parent = %(participant)s and ps.parenttype = 'Participant'
				where js.parent = jo.name and js.parenttype = 'Job Order') as matched_skills,
			(select r.status from `tabReferral` r
				where r.participant = %(participant)s and r.job_order = jo.name
				order by r.creation desc limit 1) as referral_status
		from `tabJob Order` jo
		where {where}""",
		{"participant": participant, **values},
		as_dict=True,
	)


def rank_job_orders(participant: str, limit: int | None = None) -> list[dict]:
	"""Open job orders with openings left, best match for this participant first."""
	person = _person(participant)
	if not person:
		return []
	rows = _jobs_for(
		participant, "jo.status = %(open)s and jo.filled < jo.openings", {"open": job_orders.OPEN}
	)
	scored = [score(job_facts(row), person_facts(person, row.matched_skills)) for row in rows]
	# the retention part is the last
	shown = _top(
		[total for total, _parts in scored],
		[parts[-1].points for _total, parts in scored],
		[row.name for row in rows],
		limit,
	)
	results = []
	for i in shown:
		row = rows[i]
		identity = {
			"job_order": row.name,
			"job_title": row.job_title,
			"employer_name": row.employer_name,
			"hourly_wage": flt(row.hourly_wage),
			"referral_status": row.referral_status,
		}
		results.append(_shown(identity, *scored[i]))
	return results


def pair_score(job_order: str, participant: str) -> tuple[int, list] | None:
	"""The score and parts of one participant for one job order (a referral stores them)."""
	person = _person(participant)
	rows = _jobs_for(participant, "jo.name = %(job_order)s", {"job_order": job_order}) if person else []
	if not rows:
		return None
	return score(job_facts(rows[0]), person_facts(person, rows[0].matched_skills))
