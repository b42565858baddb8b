"""Each placement names the program that funds it (Placement.program): a placement made before the
field gets the participant's enrolment open on its start date, the first in the participant's
list when several are (the rule Placement.validate applies, placements/programs.py), in one
UPDATE.  A placement with no open enrolment on its start date stays empty.  Idempotent: a
placement that names a program is left alone."""

import frappe


def execute():
	if not frappe.db.has_column("Placement", "program"):
		return
	frappe.db.sql(
		"""
		update `tabPlacement` placement
		set placement.program = (
			select enrolment.program from `tabProgram Enrolment` enrolment
			where enrolment.parent = placement.participant
				and enrolment.parenttype = 'Participant'
				and enrolment.parentfield = 'enrolments'
				and enrolment.enrolled_on <= placement.start_date
				and (enrolment.exit_date is null or enrolment.exit_date >= placement.start_date)
			order by enrolment.idx
			limit 1
		)
		where ifnull(placement.program, '') = ''
		"""
	)
