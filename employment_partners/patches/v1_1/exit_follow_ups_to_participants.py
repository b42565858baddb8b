"""Follow-ups after exit belong to the participant, once, placed or not.

Before: every follow-up anchored on the program exit hung on a placement, so a participant
with two placements had each exit contact twice, and one whose placement ended before the exit
(or who was never placed) had none.  Now:

1. each participant gets a follow-up schedule (their latest placement's, else the default);
2. exit follow-ups are grouped by participant, schedule and row; one of each group stays (a
   done one first, the latest done; then a missed one; then the earliest), takes the group's
   attempts and notes, and what another one recorded as its outcome is written into its notes;
   it leaves its placement (a "same employer" outcome names that placement instead);
3. every exited participant's follow-ups are regenerated from their schedule: open ones move to
   the corrected dates, missing ones are made when their window has not yet ended (nobody can
   still make a contact whose window closed before the upgrade), done ones are never touched.

Since program enrolments (v1_4), a participant has no schedule of their own: the follow-ups after
exit belong to an enrolment, from its program's schedule, and `Participant.follow_up_schedule`
is gone from the doctype (a site that had it keeps the column; one upgraded from before this
patch never had it).  So on today's schema step 1 is skipped where the column is absent; step 2
stands; step 3 stamps each merged follow-up with the participant's exited enrolment whose program
has its schedule (when exactly one has) and regenerates the participants with an exited enrolment.
Those who have none yet are enrolled by v1_4 program_enrolments, which stamps their follow-ups
with the enrolment it makes (reconciling them here would close every one as no longer due).
"""

import frappe
from frappe.utils import get_datetime, getdate, today

from employment_partners.retention import follow_ups, schedule

STATUS_RANK = {follow_ups.DONE: 0, follow_ups.MISSED: 1, follow_ups.OPEN: 2}


def execute():
	set_participant_schedules()
	merge_exit_follow_ups()
	stamp_enrolments()
	exited = frappe.get_all(
		"Program Enrolment",
		filters={"parenttype": "Participant", "exit_date": ("is", "set")},
		pluck="parent",
		distinct=True,
	)
	for name in sorted(set(exited)):
		follow_ups.sync_participant(name, create_not_before=today())


def set_participant_schedules():
	if not frappe.db.has_column("Participant", "follow_up_schedule"):
		return  # the field is gone (program enrolments name the schedules): nothing to set
	default = follow_ups.default_schedule()
	# the column, read and written as a column: the doctype no longer has the field
	for participant in frappe.db.sql_list(
		"select name from `tabParticipant` where ifnull(follow_up_schedule, '') = ''"
	):
		latest = frappe.get_all(
			"Placement",
			filters={"participant": participant, "follow_up_schedule": ("is", "set")},
			fields=["follow_up_schedule"],
			order_by="start_date desc, creation desc",
			limit=1,
		)
		value = latest[0].follow_up_schedule if latest else default
		if value:
			frappe.db.sql(
				"update `tabParticipant` set follow_up_schedule = %s where name = %s", (value, participant)
			)


def merge_exit_follow_ups():
	rows = frappe.get_all(
		"Retention Follow-up",
		filters={"anchor": schedule.PROGRAM_EXIT, "placement": ("is", "set")},
		fields=["name", "participant", "follow_up_schedule", "schedule_row_id"],
	)
	groups: dict[tuple, list[str]] = {}
	for row in rows:
		groups.setdefault((row.participant, row.follow_up_schedule, row.schedule_row_id), []).append(row.name)
	for names in groups.values():
		merge_group([frappe.get_doc("Retention Follow-up", name) for name in names])


def stamp_enrolments():
	"""A follow-up after exit that names no enrolment belongs to the participant's exited
	enrolment whose program has its schedule, when exactly one has (as v1_4 program_enrolments
	stamps the one enrolment it makes); then reconciling finds it and makes nothing twice."""
	frappe.db.sql(
		"""
		update `tabRetention Follow-up` f
		join `tabProgram Enrolment` e on e.parent = f.participant and e.parenttype = 'Participant'
			and e.exit_date is not null
		join `tabProgram` p on p.name = e.program and p.follow_up_schedule = f.follow_up_schedule
		set f.program = e.program, f.program_enrolment = e.name
		where ifnull(f.placement, '') = '' and ifnull(f.program_enrolment, '') = ''
			and f.anchor = %(anchor)s
			and (
				select count(*) from `tabProgram Enrolment` e2
				join `tabProgram` p2 on p2.name = e2.program
				where e2.parent = f.participant and e2.parenttype = 'Participant'
					and e2.exit_date is not null and p2.follow_up_schedule = f.follow_up_schedule
			) = 1
		""",
		{"anchor": schedule.PROGRAM_EXIT},
	)


def keeper_order(doc) -> tuple:
	"""Done first (the latest done), then Missed, then Open (the earliest made)."""
	latest_first = -getdate(doc.completed_on).toordinal() if doc.completed_on else 0
	return (STATUS_RANK.get(doc.status, 3), latest_first, get_datetime(doc.creation))


def merge_group(docs: list):
	docs.sort(key=keeper_order)
	keeper, others = docs[0], docs[1:]
	placement = keeper.placement
	notes = [keeper.notes] if (keeper.notes or "").strip() else []
	for other in others:
		recorded = []
		if other.outcome:
			recorded.append(
				f"outcome {other.outcome}"
				+ (f" at {other.current_employer}" if other.current_employer else "")
				+ (f", {other.hourly_wage}/h" if other.hourly_wage else "")
				+ (f", done {other.completed_on}" if other.completed_on else "")
			)
		if (other.notes or "").strip():
			recorded.append(other.notes.strip())
		if recorded:
			notes.append(f"Merged from {other.name} (placement {other.placement}): " + "; ".join(recorded))
		for attempt in other.attempts:
			frappe.db.set_value(
				"Follow-up Attempt", attempt.name, "parent", keeper.name, update_modified=False
			)
	values = {"placement": None, "notes": "\n".join(notes) or None}
	if keeper.outcome == follow_ups.SAME_EMPLOYER and not keeper.employer_placement:
		values["employer_placement"] = placement
		values["employer_partnership"] = frappe.db.get_value("Placement", placement, "hiring_partnership")
	frappe.db.set_value("Retention Follow-up", keeper.name, values, update_modified=False)
	_renumber_attempts(keeper.name)
	for other in others:
		frappe.db.delete("ToDo", {"reference_type": "Retention Follow-up", "reference_name": other.name})
		frappe.db.delete("Retention Follow-up", {"name": other.name})


def _renumber_attempts(parent: str):
	attempts = frappe.get_all(
		"Follow-up Attempt",
		filters={"parent": parent, "parenttype": "Retention Follow-up"},
		fields=["name"],
		order_by="attempted_on, creation",
	)
	for idx, attempt in enumerate(attempts, start=1):
		frappe.db.set_value("Follow-up Attempt", attempt.name, "idx", idx, update_modified=False)
