"""The program that funds a placement: one of the participant's enrolments (participants/enrolments.py)
open on the placement's start date.

An enrolment is open on a day when it began on or before it and has not exited before it
(`enrolled_on <= day <= exit_date`, an enrolment without an exit being open from its start on).
A placement names its program (`Placement.program`); left empty, it is the participant's enrolment
open on the start date, the first in the participant's list of enrolments when several are (one
only is the common case), none when none is.  A program the participant is not enrolled in on the
start date is refused.  Where ERPNext is installed, a placement's postings carry the cost center and
accounting dimensions its program names (books/dimensions.py)."""

import frappe
from frappe import _
from frappe.utils import getdate


def open_programs(participant: str | None, on) -> list[str]:
	"""The programs of `participant`'s enrolments open on `on`, in the order of the participant's
	list (its rows' idx)."""
	if not (participant and on):
		return []
	day = getdate(on)
	enrolment = frappe.qb.DocType("Program Enrolment")
	rows = (
		frappe.qb.from_(enrolment)
		.select(enrolment.program)
		.where(
			(enrolment.parent == participant)
			& (enrolment.parenttype == "Participant")
			& (enrolment.parentfield == "enrolments")
			& (enrolment.enrolled_on <= day)
			& ((enrolment.exit_date.isnull()) | (enrolment.exit_date >= day))
		)
		.orderby(enrolment.idx)
		.run()
	)
	programs = []
	for (program,) in rows:
		if program and program not in programs:
			programs.append(program)
	return programs


def default_program(participant: str | None, start_date) -> str | None:
	"""The program a placement starting on `start_date` is funded by when none is chosen: the
	participant's enrolment open that day (the first in their list when several are)."""
	return next(iter(open_programs(participant, start_date)), None)


def program_problem(
	program: str | None, participant: str | None, start_date, participant_name=None
) -> str | None:
	"""Why `program` cannot fund a placement of `participant` starting on `start_date`, or None."""
	if not program or not participant or not start_date:
		return None
	if program in open_programs(participant, start_date):
		return None
	return _(
		"{0} is not enrolled in {1} on the placement's start date {2}: choose a program they are "
		"enrolled in that day, or add the enrolment to the participant first"
	).format(participant_name or participant, program, frappe.format(getdate(start_date), "Date"))
