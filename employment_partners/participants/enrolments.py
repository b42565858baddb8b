"""Program enrolments: the programs a participant is in, each with its own start, exit and exit
reason.

A person can be enrolled in several programs at once: agencies co-enrol (the same person is in a
SETA retention program and owes Ontario 15D or WIOA outcomes).  A Program names its follow-up
schedule after exit and the funder figures it owes (`counts_in_15d`, `counts_in_wioa`); each
report counts the enrolments of the programs it serves, and someone not enrolled in a program is
outside its figures.  Exit follow-ups belong to the enrolment (retention/follow_ups.py), so a
second exit (a person who returns and leaves again: a new enrolment) gets its own.

The participant's own exit date is the day they left every program: it is worked out from the
enrolments (the latest exit, once every enrolment has exited; empty while any is open).  Setting
it on the form is the shortcut "exit every open program on this day"; moving it moves the exits
that were on the old day.

Exit reasons that WIOA excludes from its performance indicators ("Other Reasons for Exit", PIRL
data element 923: institutionalized, health or medical, deceased, reserve or National Guard
called to active duty, youth in foster care, ineligible; TEGL 10-16 Change 1, the exclusions of
each employment indicator) leave the enrolment out of both numerator and denominator.
"""

from itertools import pairwise

import frappe
from frappe import _
from frappe.utils import getdate

from employment_partners.utils import get_settings

# the shipped programs (employment_partners/defaults/program.json)
SETA_PROGRAM = "Job Retention (SETA 02-09)"
ONTARIO_PROGRAM = "Employment Ontario (15D Outcomes)"
WIOA_PROGRAM = "WIOA Title I"

# WIOA exclusions (PIRL 923), as the Exit Reason options spell them
EXCLUDED_EXIT_REASONS = (
	"Institutionalized",
	"Health or Medical",
	"Deceased",
	"Reserve or National Guard Called to Active Duty",
	"Foster Care (Youth)",
	"Ineligible or Fraud",
)


def default_programs() -> list[str]:
	"""The programs Settings enrols every new participant in, enabled ones only, in order."""
	names = [row.program for row in get_settings().get("default_programs") or [] if row.program]
	if not names:
		return []
	enabled = set(frappe.get_all("Program", filters={"name": ("in", names), "disabled": 0}, pluck="name"))
	return [name for name in names if name in enabled]


def enrolment_problem(rows, enrolment_date=None) -> str | None:
	"""Why a participant's enrolments are refused, or None.  `rows` are the child rows (or dicts
	with program, enrolled_on, exit_date, exit_reason, idx)."""
	by_program: dict[str, list] = {}
	for row in rows:
		get = row.get
		if not get("program"):
			return _("Row {0}: choose the program").format(get("idx"))
		if not get("enrolled_on"):
			return _("Row {0}: enter the day they were enrolled in {1}").format(get("idx"), get("program"))
		start = getdate(get("enrolled_on"))
		if enrolment_date and start < getdate(enrolment_date):
			return _("Row {0}: enrolled in {1} on {2}, before they came to the agency on {3}").format(
				get("idx"),
				get("program"),
				frappe.format(start, "Date"),
				frappe.format(getdate(enrolment_date), "Date"),
			)
		if get("exit_date") and getdate(get("exit_date")) < start:
			return _("Row {0}: the exit from {1} on {2} is before the enrolment on {3}").format(
				get("idx"),
				get("program"),
				frappe.format(getdate(get("exit_date")), "Date"),
				frappe.format(start, "Date"),
			)
		if get("exit_reason") and not get("exit_date"):
			return _("Row {0}: an exit reason needs the exit date").format(get("idx"))
		by_program.setdefault(get("program"), []).append(row)
	for program, spans in by_program.items():
		spans = sorted(spans, key=lambda r: getdate(r.get("enrolled_on")))
		for before, after in pairwise(spans):
			if not before.get("exit_date") or getdate(before.get("exit_date")) >= getdate(
				after.get("enrolled_on")
			):
				return _(
					"Rows {0} and {1}: two enrolments in {2} overlap; a new enrolment starts after the "
					"last one's exit"
				).format(before.get("idx"), after.get("idx"), program)
	return None


def move_exit(rows, old_exit, new_exit) -> None:
	"""The participant's exit date changed from `old_exit` to `new_exit`: the open enrolments (and
	those that exited on the old day) take the new day; cleared, those that exited on the old day
	open again."""
	old = getdate(old_exit) if old_exit else None
	new = getdate(new_exit) if new_exit else None
	for row in rows:
		exit_date = getdate(row.exit_date) if row.exit_date else None
		if new and (exit_date is None or exit_date == old):
			row.exit_date = new
		elif not new and old and exit_date == old:
			row.exit_date = None
			row.exit_reason = None


def exit_of(rows) -> str | None:
	"""The day they left every program: the latest exit once all have exited, else None."""
	if not rows or any(not row.exit_date for row in rows):
		return None
	return max(getdate(row.exit_date) for row in rows)


def signature(rows) -> set[tuple]:
	"""What the follow-ups after exit depend on: each enrolment's id, program and exit."""
	return {
		(row.name, row.program, str(getdate(row.exit_date)) if row.exit_date else None) for row in rows or []
	}
