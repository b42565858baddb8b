"""The daily retention job: reminders before a follow-up is due, escalation once its window
has passed, Missed after `missed_after_days`, follow-ups for placements and exited
participants that have none, and open follow-ups after exit moved to the participant's dates
when they no longer match (a change whose background job never ran).

Every step selects its follow-ups with one query and stamps what it did (`reminder_sent_on`,
`escalated_on`, status Missed), so running it twice sends nothing twice.  The messages are
Frappe Notifications ("Retention Follow-up Due" and "Retention Follow-up Overdue", shipped as
defaults), which an agency can reword or switch to another channel without code.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce
from frappe.utils import add_days, getdate, now_datetime, today
from pypika.functions import NullIf
from pypika.terms import ExistsCriterion

from employment_partners.placements import placements
from employment_partners.retention import follow_ups, schedule
from employment_partners.utils import get_settings


def run_daily() -> dict:
	on = getdate(today())
	return {
		"generated": generate_missing(),
		"realigned": realign_exit_follow_ups(),
		"reminded": send_reminders(on),
		"escalated": escalate_overdue(on),
		"missed": mark_missed(on),
	}


def _open_follow_ups(*conditions) -> list[str]:
	follow_up = frappe.qb.DocType("Retention Follow-up")
	query = frappe.qb.from_(follow_up).select(follow_up.name).where(follow_up.status == follow_ups.OPEN)
	for condition in conditions:
		query = query.where(condition(follow_up))
	return query.orderby(follow_up.due_date).run(pluck=True)


def send_reminders(on) -> list[str]:
	"""Open follow-ups due within `reminder_days` (or already due) and not reminded yet."""
	horizon = add_days(on, get_settings().reminder_days)
	names = _open_follow_ups(
		lambda f: f.due_date <= horizon,
		lambda f: ~follow_ups.overdue(f, on),
		lambda f: f.reminder_sent_on.isnull(),
	)
	for name in names:
		doc = frappe.get_doc("Retention Follow-up", name)
		doc.db_set("reminder_sent_on", now_datetime())
		doc.run_method("on_due_reminder")
	return names


def supervisor_of(case_manager: str | None) -> str | None:
	for row in get_settings().supervisors:
		if row.case_manager == case_manager:
			return row.supervisor
	return None


def escalate_overdue(on) -> list[str]:
	"""Open follow-ups whose window has ended go to the case manager's supervisor (Settings),
	or to every Partnership Manager when none is set."""
	names = _open_follow_ups(lambda f: follow_ups.overdue(f, on), lambda f: f.escalated_on.isnull())
	for name in names:
		doc = frappe.get_doc("Retention Follow-up", name)
		doc.db_set({"escalated_on": now_datetime(), "escalated_to": supervisor_of(doc.case_manager)})
		doc.run_method("on_overdue_escalation")
	return names


def mark_missed(on) -> list[str]:
	cutoff = add_days(on, -get_settings().missed_after_days)
	names = _open_follow_ups(lambda f: follow_ups.overdue(f, cutoff))
	for name in names:
		doc = frappe.get_doc("Retention Follow-up", name)
		note = _("Marked missed: the window ended on {0} with no outcome recorded").format(
			frappe.format(doc.window_end, "Date")
		)
		doc.notes = f"{doc.notes}\n{note}" if doc.notes else note
		doc.status = follow_ups.MISSED
		doc.flags.ignore_permissions = True
		doc.save()
	return names


def generate_missing() -> list[str]:
	"""Records that should have follow-ups and have none (made by data import, say): placements
	whose schedule has rows anchored on the start, and exited program enrolments whose program's
	schedule has rows anchored on the exit.  Returns the names of those given follow-ups."""
	default = follow_ups.default_schedule() or ""
	row = frappe.qb.DocType("Follow-up Schedule Row")
	follow_up = frappe.qb.DocType("Retention Follow-up")

	def has_rows(schedule_field, anchor):
		# the few schedules with rows for this anchor, read once: a list, not a subquery per record
		schedules = (
			frappe.qb.from_(row)
			.select(row.parent)
			.distinct()
			.where(row.parenttype == "Follow-up Schedule")
			.where(row.anchor == anchor)
			.run(pluck=True)
		)
		return Coalesce(NullIf(schedule_field, ""), default).isin(schedules or [""])

	placement = frappe.qb.DocType("Placement")
	bare_placements = (
		frappe.qb.from_(placement)
		.select(placement.name)
		.where(placement.status.isin(placements.SCHEDULED))
		.where(has_rows(placement.follow_up_schedule, schedule.PLACEMENT_START))
		.where(
			ExistsCriterion(
				frappe.qb.from_(follow_up).select(follow_up.name).where(follow_up.placement == placement.name)
			).negate()
		)
		.run(pluck=True)
	)
	# exited enrolments whose program's schedule has rows after exit and that have no follow-up
	enrolment, program = frappe.qb.DocType("Program Enrolment"), frappe.qb.DocType("Program")
	bare_participants = (
		frappe.qb.from_(enrolment)
		.join(program)
		.on(program.name == enrolment.program)
		.select(enrolment.parent)
		.distinct()
		.where(enrolment.parenttype == "Participant")
		.where(enrolment.exit_date.isnotnull())
		.where(has_rows(program.follow_up_schedule, schedule.PROGRAM_EXIT))
		.where(
			ExistsCriterion(
				frappe.qb.from_(follow_up)
				.select(follow_up.name)
				.where(follow_up.participant == enrolment.parent)
				.where(follow_up.program_enrolment == enrolment.name)
			).negate()
		)
		.run(pluck=True)
	)
	made = []
	for name in bare_placements:
		if follow_ups.sync_placement(frappe.get_doc("Placement", name))["created"]:
			made.append(name)
	for name in bare_participants:
		if follow_ups.sync_participant(name)["created"]:
			made.append(name)
	return made


def realign_exit_follow_ups() -> list[str]:
	"""Participants whose open follow-ups after exit no longer match their enrolments (another
	exit date or program schedule, an enrolment removed or no longer exited: a save whose job
	never ran, or a change written around the controller) are reconciled as a save would; the
	follow-ups are read in one query and each distinct schedule and exit date is worked out once.
	Returns the participants changed."""
	follow_up = frappe.qb.DocType("Retention Follow-up")
	enrolment, program = frappe.qb.DocType("Program Enrolment"), frappe.qb.DocType("Program")
	rows = (
		frappe.qb.from_(follow_up)
		.left_join(enrolment)
		.on((enrolment.name == follow_up.program_enrolment) & (enrolment.parent == follow_up.participant))
		.left_join(program)
		.on(program.name == enrolment.program)
		.select(
			follow_up.participant,
			enrolment.name.as_("enrolment"),
			enrolment.exit_date,
			program.follow_up_schedule.as_("schedule"),
			follow_up.follow_up_schedule,
			follow_up.schedule_row_id,
			follow_up.due_date,
			follow_up.window_end,
		)
		.where(follow_up.status == follow_ups.OPEN)
		.where(Coalesce(follow_up.placement, "") == "")
		.where(Coalesce(follow_up.schedule_row_id, "") != "")  # made from a schedule, not by hand
		.run(as_dict=True)
	)
	schedule_rows, expected = {}, {}

	def dates_of(schedule_name, exit_date) -> dict:
		if schedule_name not in schedule_rows:
			schedule_rows[schedule_name] = follow_ups.schedule_rows(schedule_name, schedule.PROGRAM_EXIT)
		key = (schedule_name, exit_date)
		if key not in expected:
			dues = schedule.generate(schedule_rows[schedule_name], None, exit_date)
			expected[key] = {due.row_id: (due.due_date, due.window_end) for due in dues}
		return expected[key]

	stale = set()
	for row in rows:
		if not row.enrolment or not row.exit_date or row.follow_up_schedule != row.schedule:
			stale.add(row.participant)
		elif dates_of(row.schedule, getdate(row.exit_date)).get(row.schedule_row_id) != (
			getdate(row.due_date),
			getdate(row.window_end),
		):
			stale.add(row.participant)
	return [name for name in sorted(stale) if any(follow_ups.sync_participant(name).values())]
