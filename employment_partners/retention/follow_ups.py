"""Retention follow-ups: made from a placement's schedule, and what a recorded outcome means.

`sync_follow_ups(placement)` is the one place follow-ups are created.  It is idempotent: a
follow-up is identified by (placement, schedule, row), so running it again creates nothing
twice.  Open follow-ups move when the placement's start or the participant's exit date moves
(or disappear when their anchor does); Done and Missed ones are history and never change.
Each new follow-up is assigned to the case manager with a Frappe ToDo.
"""

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as add_assignment
from frappe.utils import flt, getdate

from employment_partners.placements import rules
from employment_partners.retention import schedule
from employment_partners.utils import get_settings

OPEN, DONE, MISSED = "Open", "Done", "Missed"

SAME_EMPLOYER = "Employed - Same Employer"
OTHER_EMPLOYER = "Employed - Other Employer"
EMPLOYED = (SAME_EMPLOYER, OTHER_EMPLOYER)
UNABLE_TO_CONTACT = "Unable to Contact"
MIN_ATTEMPTS = 3

# placements whose schedule makes new follow-ups; an ended placement keeps what it has
SCHEDULED_STATUSES = ("Active", "Completed", "Transitioned to Permanent")


def outcome_problem(outcome: str | None, employer: str | None, wage, hours, attempts: list) -> str | None:
	"""Why a recorded outcome is refused, or None.  `attempts` holds the reached flags."""
	if outcome in EMPLOYED:
		if not (employer or "").strip():
			return _("An employed outcome needs the employer's name")
		problem = rules.wage_problem(wage)
		if problem:
			return problem
		if flt(hours):
			return rules.hours_problem(hours)
	if outcome == UNABLE_TO_CONTACT:
		if any(attempts):
			return _("A contact attempt reached the participant: record what they said instead")
		if len(attempts) < MIN_ATTEMPTS:
			return _("Unable to contact needs at least {0} recorded attempts, not {1}").format(
				MIN_ATTEMPTS, len(attempts)
			)
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


def schedule_of(placement) -> str | None:
	return placement.follow_up_schedule or get_settings().default_follow_up_schedule


def sync_follow_ups(placement) -> dict:
	"""Create, move or remove the placement's open follow-ups to match its schedule and dates."""
	counts = {"created": 0, "moved": 0, "removed": 0}
	schedule_name = schedule_of(placement)
	existing = frappe.get_all(
		"Retention Follow-up",
		filters={"placement": placement.name},
		fields=["name", "follow_up_schedule", "schedule_row", "status", "due_date", "window_end"],
	)
	if placement.status not in SCHEDULED_STATUSES and not existing:
		return counts
	exit_date = frappe.db.get_value("Participant", placement.participant, "exit_date")
	rows = frappe.get_all(
		"Follow-up Schedule Row",
		filters={"parent": schedule_name, "parenttype": "Follow-up Schedule"},
		fields=["label", "anchor", "offset_value", "offset_unit", "window_days"],
		order_by="idx",
	)
	dues = {due.row_index: due for due in schedule.generate(rows, placement.start_date, exit_date)}
	by_row = {(f.follow_up_schedule, f.schedule_row): f for f in existing}

	for row_index, due in dues.items():
		current = by_row.get((schedule_name, row_index))
		if not current:
			if placement.status in SCHEDULED_STATUSES:
				create_follow_up(placement, schedule_name, due)
				counts["created"] += 1
		elif current.status == OPEN and (getdate(current.due_date), getdate(current.window_end)) != (
			due.due_date,
			due.window_end,
		):
			move_follow_up(current.name, due)
			counts["moved"] += 1

	for follow_up in existing:
		still_due = follow_up.follow_up_schedule == schedule_name and follow_up.schedule_row in dues
		if follow_up.status == OPEN and not still_due:
			frappe.delete_doc("Retention Follow-up", follow_up.name, ignore_permissions=True)
			counts["removed"] += 1
	return counts


def create_follow_up(placement, schedule_name: str, due: schedule.Due):
	follow_up = frappe.get_doc(
		{
			"doctype": "Retention Follow-up",
			"placement": placement.name,
			"follow_up_schedule": schedule_name,
			"schedule_row": due.row_index,
			"label": due.label,
			"anchor": due.anchor,
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


def sync_participant(participant: str):
	"""The exit date moved: reschedule every placement of this participant."""
	for name in frappe.get_all("Placement", filters={"participant": participant}, pluck="name"):
		sync_follow_ups(frappe.get_doc("Placement", name))


def update_placement_employment(follow_up):
	"""A done follow-up is the placement's latest word on employment, unless a later one exists."""
	latest = frappe.db.get_value("Placement", follow_up.placement, "employment_status_date")
	as_of = getdate(follow_up.completed_on)
	if latest and getdate(latest) > as_of:
		return
	frappe.db.set_value(
		"Placement",
		follow_up.placement,
		{
			"employment_status": follow_up.outcome,
			"employment_status_date": as_of,
			"current_employer": follow_up.current_employer if follow_up.outcome in EMPLOYED else None,
			"current_hourly_wage": follow_up.hourly_wage if follow_up.outcome in EMPLOYED else 0,
		},
	)


def delete_open_follow_ups(placement: str):
	"""A placement deleted (entered by mistake) takes its open follow-ups with it; done and
	missed ones are history, and Frappe refuses the deletion while they exist."""
	for name in frappe.get_all(
		"Retention Follow-up", filters={"placement": placement, "status": OPEN}, pluck="name"
	):
		frappe.delete_doc("Retention Follow-up", name, ignore_permissions=True)
