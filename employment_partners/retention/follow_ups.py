"""Retention follow-ups: made from schedules, and what a recorded outcome means.

Two owners, by the row's anchor (retention/schedule.py):

- rows anchored on the **placement start** make one follow-up per placement, from the
  placement's schedule (`sync_placement`): within a week of employment, a month after;
- rows anchored on the **program exit** make one follow-up per exited program enrolment, placed
  or not, from the program's schedule (`sync_participant`): at close, 3, 6 and 12 months, the
  quarters after exit. A placement that ended before the exit, a second placement, or no
  placement at all changes nothing: outcomes after exit are the enrolment's, and a second exit
  (a new enrolment) gets its own.

Both are idempotent: a follow-up is identified by its owner (placement, or enrolment), schedule
and schedule row id, so running again creates nothing twice. Open follow-ups move when their anchor date moves (or
disappear with it); Done and Missed ones are history and never change. Each new follow-up is
assigned to the participant's case manager with a Frappe ToDo.
"""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as add_assignment
from frappe.utils import flt, getdate

from employment_partners.placements import placements, rules
from employment_partners.retention import schedule
from employment_partners.utils import get_settings

OPEN, DONE, MISSED = "Open", "Done", "Missed"

SAME_EMPLOYER = "Employed - Same Employer"
OTHER_EMPLOYER = "Employed - Other Employer"
EMPLOYED = (SAME_EMPLOYER, OTHER_EMPLOYER)
IN_TRAINING = "In Education or Training"
# Ontario's CaMS outcome categories beside employed, training, unemployed and unable to work
# (the 15D report; funder-definitions-notes.md, Ontario): neither is employment
INDEPENDENT = "Independent"
VOLUNTEER = "Volunteer"
UNEMPLOYED = "Unemployed"
UNABLE_TO_WORK = "Unable to Work"
UNABLE_TO_CONTACT = "Unable to Contact"
MIN_ATTEMPTS = 3


def outcome_problem(
	outcome: str | None,
	employer: str | None,
	wage,
	hours,
	attempts: list,
	employer_placement: str | None = None,
) -> str | None:
	"""Why a recorded outcome is refused, or None.  `attempts` holds the reached flags;
	`employer_placement` is the placement whose employer "the same employer" means."""
	if outcome == SAME_EMPLOYER and not employer_placement:
		return _("Choose the placement whose employer they still work for")
	if outcome in EMPLOYED:
		if not (employer or "").strip():
			return _("An employed outcome needs the employer's name")
		# wage and weekly hours give the earnings funders report (WIOA: wage x hours x 13 a quarter)
		problem = rules.pay_problem(wage, hours)
		if problem:
			return problem
	if outcome == UNABLE_TO_CONTACT:
		if any(attempts):
			return _("A contact attempt reached the participant: record what they said instead")
		if len(attempts) < MIN_ATTEMPTS:
			return _("Unable to contact needs at least {0} recorded attempts, not {1}").format(
				MIN_ATTEMPTS, len(attempts)
			)
	return None


def milestone_problem(milestone: str | None, label: str, completed_on, due_date, window_end) -> str | None:
	"""Why a follow-up that reports an outcome milestone (15D: at close, 3, 6, 12 months after
	exit) cannot be done on `completed_on`, or None: a milestone's outcome is what the person is
	doing at that milestone, so it cannot be recorded before its window opens (a 12-month outcome
	at month 4).  Done after the window it is kept, but the report does not count it for the
	milestone (metrics/outcomes.py)."""
	if not milestone or not completed_on or not due_date:
		return None
	if getdate(completed_on) < getdate(due_date):
		return _(
			"{0} reports the {1} outcome: it can be recorded from {2}, when its window opens (it runs to {3}), not on {4}"
		).format(
			label,
			_(milestone),
			frappe.format(getdate(due_date), "Date"),
			frappe.format(getdate(window_end or due_date), "Date"),
			frappe.format(getdate(completed_on), "Date"),
		)
	return None


def evidence_problem(employed_from, employed_to, completed_on) -> str | None:
	"""Why the period an employment outcome covers is refused, or None: it ends on or before the
	day the follow-up was done (evidence cannot show tomorrow's work) and starts before it ends."""
	if employed_from and employed_to and getdate(employed_from) > getdate(employed_to):
		return _("Employed From {0} is after Employed To {1}").format(
			frappe.format(getdate(employed_from), "Date"), frappe.format(getdate(employed_to), "Date")
		)
	if employed_to and completed_on and getdate(employed_to) > getdate(completed_on):
		return _(
			"The evidence cannot show employment after the day it was gathered: Employed To {0} is after {1}"
		).format(frappe.format(getdate(employed_to), "Date"), frappe.format(getdate(completed_on), "Date"))
	return None


def status_problem(
	from_status: str | None, to_status: str, outcome: str | None, notes: str | None
) -> str | None:
	"""Open → Done (with an outcome) or Missed (with a note); a Missed one may still be Done late."""
	if from_status == to_status:
		return None
	if from_status == DONE:
		return _("This follow-up is already done")
	if to_status == DONE and not outcome:
		return _("Record the outcome before marking the follow-up done")
	if to_status == MISSED and not (notes or "").strip():
		return _("Say in the notes why the follow-up was missed")
	if to_status == OPEN and from_status:
		return _("A follow-up cannot be reopened once {0}").format(_(from_status))
	return None


def default_schedule() -> str | None:
	return get_settings().default_follow_up_schedule


def schedule_rows(schedule_name: str | None, anchor: str) -> list[dict]:
	"""The rows of a schedule that have this anchor, in the schedule's order, with their ids."""
	if not schedule_name:
		return []
	return frappe.get_all(
		"Follow-up Schedule Row",
		filters={"parent": schedule_name, "parenttype": "Follow-up Schedule", "anchor": anchor},
		fields=["name", "label", "anchor", "offset_value", "offset_unit", "window_days", "outcome_milestone"],
		order_by="idx",
	)


def sync_placement(placement) -> dict:
	"""Create, move or remove the placement's open follow-ups (rows anchored on its start)."""
	existing = _existing({"placement": placement.name})
	if placement.status not in placements.SCHEDULED and not existing:
		return _counts()
	schedule_name = placement.follow_up_schedule or default_schedule()
	rows = schedule_rows(schedule_name, schedule.PLACEMENT_START)
	dues = schedule.generate(rows, placement.start_date, None)
	owner = {"placement": placement.name, "participant": placement.participant}
	return _reconcile(existing, schedule_name, dues, owner, placement.status in placements.SCHEDULED)


def sync_participant(participant, create_not_before=None) -> dict:
	"""Create, move or remove the participant's open follow-ups after exit (rows anchored on the
	program exit): one set per exited enrolment, from its program's schedule, placed or not
	(participants/enrolments.py).  `participant` is a document or a name; with
	`create_not_before`, follow-ups whose window ended before that day are not made (an upgrade
	does not invent contacts nobody could still make).  Open follow-ups of an enrolment that no
	longer exists, or no longer has an exit, go (remove_follow_up keeps what was recorded)."""
	if isinstance(participant, str):
		participant = frappe.get_doc("Participant", participant)
	# made from a schedule: one a case manager added by hand (no schedule row) is theirs, not ours
	existing = _existing(
		{"participant": participant.name, "placement": ("is", "not set"), "schedule_row_id": ("is", "set")}
	)
	by_enrolment: dict[str, list] = {}
	for follow_up in existing:
		by_enrolment.setdefault(follow_up.program_enrolment or "", []).append(follow_up)
	schedules = dict(
		frappe.get_all(
			"Program",
			filters={"name": ("in", list({row.program for row in participant.enrolments}) or [""])},
			fields=["name", "follow_up_schedule"],
			as_list=True,
		)
	)
	counts = _counts()
	for row in participant.enrolments:
		schedule_name = schedules.get(row.program)
		rows = schedule_rows(schedule_name, schedule.PROGRAM_EXIT)
		dues = schedule.generate(rows, None, row.exit_date)
		owner = {"participant": participant.name, "program": row.program, "program_enrolment": row.name}
		made = _reconcile(by_enrolment.pop(row.name, []), schedule_name, dues, owner, True, create_not_before)
		for key, value in made.items():
			counts[key] += value
	for orphans in by_enrolment.values():  # enrolments removed since
		made = _reconcile(orphans, None, [], {"participant": participant.name}, False)
		counts["removed"] += made["removed"]
	return counts


def queue_participant_sync(participant: str):
	"""Up to a score of follow-ups with their assignments are made by a worker once the save is
	committed, not while the person waits.  Every save queues its own job (none is deduplicated
	away: a job already running may have read the row before this save), and the jobs take their
	turns on the participant's row, so the last one reads the last save."""
	frappe.enqueue(
		"employment_partners.retention.follow_ups.sync_participant_job",
		participant=participant,
		queue="short",
		enqueue_after_commit=True,
	)


def sync_participant_job(participant: str) -> dict | None:
	"""The worker's side of `queue_participant_sync`: wait for any other run for this participant
	to commit (the row lock, taken before anything is read, so every read after it sees what the
	run before committed), then reconcile the follow-ups with the participant as committed now."""
	frappe.db.commit()  # a transaction that starts with the lock: no earlier snapshot to read from
	if not frappe.db.get_value("Participant", participant, "name", for_update=True):
		return None  # deleted since the save
	return sync_participant(participant)


def _counts() -> dict:
	return {"created": 0, "moved": 0, "removed": 0}


def _existing(filters: dict) -> list[dict]:
	return frappe.get_all(
		"Retention Follow-up",
		filters=filters,
		fields=[
			"name",
			"follow_up_schedule",
			"schedule_row_id",
			"program_enrolment",
			"status",
			"due_date",
			"window_end",
		],
	)


def _reconcile(
	existing: list[dict],
	schedule_name: str,
	dues: list,
	owner: dict,
	may_create: bool,
	create_not_before=None,
) -> dict:
	"""Make the owner's open follow-ups match `dues`: create the missing (when `may_create`),
	move the open ones whose dates changed, remove the open ones no longer due."""
	counts = _counts()
	by_row = {(f.follow_up_schedule, f.schedule_row_id): f for f in existing}
	for due in dues:
		current = by_row.get((schedule_name, due.row_id))
		if not current:
			if may_create and not (create_not_before and due.window_end < getdate(create_not_before)):
				create_follow_up(owner, schedule_name, due)
				counts["created"] += 1
		elif current.status == OPEN and (getdate(current.due_date), getdate(current.window_end)) != (
			due.due_date,
			due.window_end,
		):
			move_follow_up(current.name, due)
			counts["moved"] += 1

	due_rows = {due.row_id for due in dues}
	for follow_up in existing:
		still_due = follow_up.follow_up_schedule == schedule_name and follow_up.schedule_row_id in due_rows
		if follow_up.status == OPEN and not still_due:
			remove_follow_up(follow_up.name)
			counts["removed"] += 1
	return counts


def remove_follow_up(name: str):
	"""An open follow-up no longer due goes, unless something was recorded on it: then it is
	closed as Missed with a note saying why, so no attempt or note is lost."""
	doc = frappe.get_doc("Retention Follow-up", name)
	if not doc.attempts and not (doc.notes or "").strip():
		frappe.delete_doc("Retention Follow-up", name, ignore_permissions=True)
		return
	note = _("Closed: no longer on the follow-up schedule (its anchor date or schedule changed)")
	doc.notes = f"{doc.notes}\n{note}" if doc.notes else note
	doc.status = MISSED
	doc.flags.ignore_permissions = True
	doc.save()


def create_follow_up(owner: dict, schedule_name: str, due: schedule.Due):
	"""A new Open follow-up for `owner` ({"placement", "participant"} or {"participant"}),
	assigned to the participant's case manager."""
	follow_up = frappe.get_doc(
		{
			"doctype": "Retention Follow-up",
			**owner,
			"follow_up_schedule": schedule_name,
			"schedule_row_id": due.row_id,
			"label": due.label,
			"anchor": due.anchor,
			"outcome_milestone": due.outcome_milestone or None,
			"due_date": due.due_date,
			"window_end": due.window_end,
			"status": OPEN,
		}
	)
	follow_up.flags.ignore_permissions = True
	follow_up.insert()
	if follow_up.case_manager:
		add_assignment(
			{
				"assign_to": [follow_up.case_manager],
				"doctype": follow_up.doctype,
				"name": follow_up.name,
				"date": due.due_date,
				"description": _("{0}: {1}").format(follow_up.participant_name, due.label),
			},
			ignore_permissions=True,
		)
	return follow_up


def plan_check_in(placement: str, participant: str, label: str, due_date, window_end):
	"""A follow-up planned by hand (no schedule row: never reconciled away), with the caller's
	permissions, assigned to the participant's case manager like a scheduled one."""
	follow_up = frappe.get_doc(
		{
			"doctype": "Retention Follow-up",
			"participant": participant,
			"placement": placement,
			"label": label,
			"due_date": due_date,
			"window_end": window_end,
			"status": OPEN,
		}
	).insert()
	if follow_up.case_manager:
		add_assignment(
			{
				"assign_to": [follow_up.case_manager],
				"doctype": follow_up.doctype,
				"name": follow_up.name,
				"date": due_date,
				"description": _("{0}: {1}").format(follow_up.participant_name, label),
			},
			ignore_permissions=True,
		)
	return follow_up


def move_follow_up(name: str, due: schedule.Due):
	follow_up = frappe.get_doc("Retention Follow-up", name)
	follow_up.due_date, follow_up.window_end = due.due_date, due.window_end
	follow_up.reminder_sent_on = None
	follow_up.flags.ignore_permissions = True
	follow_up.save()
	frappe.db.set_value(
		"ToDo",
		{"reference_type": follow_up.doctype, "reference_name": name, "status": "Open"},
		"date",
		due.due_date,
	)


def overdue(follow_up, on):
	"""The one "overdue" rule, as a condition on a Retention Follow-up table: its window ended
	before `on` (window_end is the window's last day)."""
	return follow_up.window_end < on


def is_overdue(status: str, window_end, on) -> bool:
	"""`overdue` for one follow-up in hand (the calendar's colour): open, its window ended."""
	return status == OPEN and getdate(window_end) < getdate(on)


def in_window(follow_up, on):
	"""The one "in window" rule, as a condition on a Retention Follow-up table: due on or before
	`on`, and its window not yet ended."""
	return (follow_up.due_date <= on) & ~overdue(follow_up, on)


def record_attempt(placement: str, when, method: str, reached: bool, notes: str) -> str | None:
	"""A contact attempt on the placement's open follow-up that is in its window on `when`'s day
	(the earliest due, if several): the name of the follow-up it went on, or None when none is."""
	follow_up = frappe.qb.DocType("Retention Follow-up")
	on = getdate(when)
	name = (
		frappe.qb.from_(follow_up)
		.select(follow_up.name)
		.where((follow_up.placement == placement) & (follow_up.status == OPEN))
		.where(in_window(follow_up, on))
		.orderby(follow_up.due_date)
		.limit(1)
		.run(pluck=True)
	)
	if not name:
		return None
	record = frappe.get_doc("Retention Follow-up", name[0])
	record.append(
		"attempts",
		{"attempted_on": when, "method": method, "reached": int(reached), "notes": (notes or "")[:140]},
	)
	record.save(ignore_permissions=True)
	return record.name


def update_employment(follow_up):
	"""A done follow-up is the latest word on employment, unless a later one exists: for the
	participant, for its placement (start follow-ups), and for the placement whose employer they
	still work for (the same employer)."""
	employed = follow_up.outcome in EMPLOYED
	values = {
		"employment_status": follow_up.outcome,
		"employment_status_date": getdate(follow_up.completed_on),
		"current_employer": follow_up.current_employer if employed else None,
		"current_hourly_wage": follow_up.hourly_wage if employed else 0,
	}
	targets = [("Participant", follow_up.participant)]
	for placement in {follow_up.placement, follow_up.employer_placement} - {None, ""}:
		targets.append(("Placement", placement))
	for doctype, name in targets:
		latest = frappe.db.get_value(doctype, name, "employment_status_date")
		if latest and getdate(latest) > values["employment_status_date"]:
			continue
		frappe.db.set_value(doctype, name, values)


def delete_open_follow_ups(placement: str):
	"""A placement deleted (entered by mistake) takes its untouched follow-ups with it.  Follow-ups
	that were worked (done, missed, or with a contact attempt logged) are the participant's history:
	while any exists the deletion is refused, and the placement should be ended instead."""
	ft, attempt = frappe.qb.DocType("Retention Follow-up"), frappe.qb.DocType("Follow-up Attempt")
	worked = (
		frappe.qb.from_(ft)
		.select(ft.name)
		.where(ft.placement == placement)
		.where(
			(ft.status != OPEN)
			| ft.name.isin(
				frappe.qb.from_(attempt)
				.select(attempt.parent)
				.where(attempt.parenttype == "Retention Follow-up")
			)
		)
		.limit(1)
		.run(pluck=True)
	)
	if worked:
		frappe.throw(
			_(
				"Placement {0} cannot be deleted: follow-up {1} holds the participant's history. End the "
				"placement (status Ended, with its end date and reason) instead."
			).format(placement, worked[0]),
			frappe.LinkExistsError,
			title=_("Placement has follow-up history"),
		)
	for name in frappe.get_all(
		"Retention Follow-up", filters={"placement": placement, "status": OPEN}, pluck="name"
	):
		frappe.delete_doc("Retention Follow-up", name, ignore_permissions=True)
