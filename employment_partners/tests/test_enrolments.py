"""Program enrolments (participants/enrolments.py): several programs at once, each with its own
exit; the participant's exit worked out from them; exit follow-ups per enrolment; what is
refused.  The follow-ups are reconciled here as the participant's queued job does (the queue
and the worker are tested in doctype/participant/test_participant.py)."""

import frappe

from employment_partners.participants import enrolments
from employment_partners.retention import follow_ups
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_participant

SETA, ONTARIO, WIOA = enrolments.SETA_PROGRAM, enrolments.ONTARIO_PROGRAM, enrolments.WIOA_PROGRAM


def saved(person, **values):
	person.update(values)
	person.save()
	follow_ups.sync_participant(person.name)
	return person


def exit_follow_ups(participant: str) -> list[tuple]:
	"""(program, schedule row, due date) of the participant's follow-ups after exit."""
	return sorted(
		(f.program, f.schedule_row_id, str(f.due_date), f.status)
		for f in frappe.get_all(
			"Retention Follow-up",
			filters={"participant": participant, "placement": ("is", "not set")},
			fields=["program", "schedule_row_id", "due_date", "status"],
		)
	)


class TestEnrolments(EPTestCase):
	def test_a_new_participant_is_enrolled_in_the_settings_programs_from_their_enrolment_date(self):
		person = make_participant(enrolment_date="2026-01-05")
		self.assertEqual(
			[(row.program, str(row.enrolled_on), row.exit_date) for row in person.enrolments],
			[(SETA, "2026-01-05", None)],
		)
		self.assertEqual((person.status, person.exit_date), ("Active", None))

	def test_co_enrolled_person_gets_each_programs_follow_ups_once(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA, ONTARIO])
		saved(person, exit_date="2026-05-15")
		rows = exit_follow_ups(person.name)
		# SETA 02-09: 14 contacts in the three quarters after exit; 15D: at close, 3, 6, 12 months
		self.assertEqual(sum(1 for r in rows if r[0] == SETA), 14)
		self.assertEqual(
			[r[1:3] for r in rows if r[0] == ONTARIO],
			[
				("outcomes-15d-12-months", "2027-05-15"),
				("outcomes-15d-3-months", "2026-08-15"),
				("outcomes-15d-6-months", "2026-11-15"),
				("outcomes-15d-close", "2026-05-15"),
			],
		)
		# each follow-up names the enrolment it belongs to
		by_program = {row.program: row.name for row in person.enrolments}
		stamped = frappe.get_all(
			"Retention Follow-up",
			filters={"participant": person.name},
			fields=["program", "program_enrolment"],
			distinct=True,
		)
		self.assertEqual({(f.program, f.program_enrolment) for f in stamped}, set(by_program.items()))
		# saving again makes nothing twice
		self.assertEqual(follow_ups.sync_participant(person.name), {"created": 0, "moved": 0, "removed": 0})

	def test_the_participants_exit_is_the_last_programs_exit(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA, ONTARIO])
		person.enrolments[1].exit_date = "2026-03-31"  # left Ontario ES only
		saved(person)
		self.assertEqual((person.exit_date, person.status), (None, "Active"))
		self.assertEqual({r[0] for r in exit_follow_ups(person.name)}, {ONTARIO})
		person.enrolments[0].exit_date = "2026-04-30"
		saved(person)
		self.assertEqual((str(person.exit_date), person.status), ("2026-04-30", "Exited"))

	def test_the_exit_date_on_the_form_exits_open_programs_and_moves_with_them(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA, ONTARIO])
		person.enrolments[1].exit_date = "2026-03-31"
		saved(person)
		saved(person, exit_date="2026-05-15")  # the open SETA enrolment takes it
		self.assertEqual([str(r.exit_date) for r in person.enrolments], ["2026-05-15", "2026-03-31"])
		self.assertEqual(str(person.exit_date), "2026-05-15")
		saved(person, exit_date="2026-05-29")  # moved: only the exit that was on the old day moves
		self.assertEqual([str(r.exit_date) for r in person.enrolments], ["2026-05-29", "2026-03-31"])
		saved(person, exit_date=None)  # taken back: that enrolment is open again
		self.assertEqual([r.exit_date and str(r.exit_date) for r in person.enrolments], [None, "2026-03-31"])
		self.assertEqual((person.exit_date, person.status), (None, "Active"))
		self.assertEqual({r[0] for r in exit_follow_ups(person.name)}, {ONTARIO})

	def test_a_follow_up_a_case_manager_added_by_hand_is_never_reconciled_away(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA])
		by_hand = frappe.get_doc(
			{
				"doctype": "Retention Follow-up",
				"participant": person.name,
				"label": "Check in after the move",
				"due_date": "2026-06-01",
				"window_end": "2026-06-07",
				"status": "Open",
			}
		).insert()
		saved(person, exit_date="2026-05-15")  # 14 SETA contacts made beside it
		saved(person, exit_date=None)  # and removed again: the one made by hand stays
		self.assertEqual(
			frappe.get_all(
				"Retention Follow-up",
				filters={"participant": person.name},
				fields=["name", "status"],
			),
			[{"name": by_hand.name, "status": "Open"}],
		)

	def test_a_second_exit_gets_its_own_follow_ups_and_keeps_the_first(self):
		person = make_participant(enrolment_date="2025-01-06", programs=[ONTARIO])
		saved(person, exit_date="2025-03-14")
		close = frappe.get_doc(
			"Retention Follow-up", {"participant": person.name, "schedule_row_id": "outcomes-15d-close"}
		)
		close.update({"outcome": "Unemployed", "completed_on": "2025-03-20"})
		close.save()
		# back in the program in the autumn, out again in spring
		person.reload()
		person.append(
			"enrolments", {"program": ONTARIO, "enrolled_on": "2025-10-01", "exit_date": "2026-04-10"}
		)
		saved(person)
		closes = frappe.get_all(
			"Retention Follow-up",
			filters={"participant": person.name, "schedule_row_id": "outcomes-15d-close"},
			fields=["program_enrolment", "due_date", "status", "outcome"],
			order_by="due_date",
		)
		first, second = person.enrolments
		self.assertEqual(
			[(c.program_enrolment, str(c.due_date), c.status, c.outcome) for c in closes],
			[
				(first.name, "2025-03-14", "Done", "Unemployed"),
				(second.name, "2026-04-10", "Open", ""),
			],
		)
		self.assertEqual(str(person.exit_date), "2026-04-10")  # the latest exit
		self.assertEqual(len(exit_follow_ups(person.name)), 8)  # 4 milestones for each exit


class TestEnrolmentsRefused(EPTestCase):
	def refused(self, message: str, person=None, **values):
		person = person or make_participant(enrolment_date="2026-01-05", programs=[SETA])
		before = frappe.db.get_value(
			"Program Enrolment", {"parent": person.name}, ["exit_date"], as_dict=True
		)
		with self.assertRaisesRegex(frappe.ValidationError, message):
			saved(person, **values)
		# nothing stored
		self.assertEqual(
			frappe.db.get_value("Program Enrolment", {"parent": person.name}, ["exit_date"], as_dict=True),
			before,
		)
		self.assertEqual(exit_follow_ups(person.name), [])

	def test_an_exit_before_the_enrolment(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA])
		person.enrolments[0].enrolled_on = "2026-03-01"
		person.enrolments[0].exit_date = "2026-02-01"
		self.refused("before the enrolment", person)

	def test_two_enrolments_in_one_program_that_overlap(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA])
		person.enrolments[0].exit_date = "2026-04-30"
		person.append("enrolments", {"program": SETA, "enrolled_on": "2026-04-01"})
		self.refused("overlap", person)

	def test_an_exit_reason_without_an_exit(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA])
		person.enrolments[0].exit_reason = "Deceased"
		self.refused("needs the exit date", person)

	def test_a_program_before_they_came_to_the_agency(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA])
		person.enrolments[0].enrolled_on = "2025-12-01"
		self.refused("before they came to the agency", person)

	def test_an_exit_with_no_program(self):
		settings = frappe.get_single("Employment Partners Settings")
		settings.default_programs = []  # an agency that enrols people by hand
		settings.save()
		person = make_participant(enrolment_date="2026-01-05")
		self.assertEqual(person.enrolments, [])
		self.refused("Enrol them in a program", person, exit_date="2026-05-15")

	def test_the_good_path_after_a_refusal(self):
		person = make_participant(enrolment_date="2026-01-05", programs=[SETA])
		person.enrolments[0].exit_reason = "Deceased"
		with self.assertRaises(frappe.ValidationError):
			saved(person)
		person.reload()
		saved(person, exit_date="2026-05-15")
		self.assertEqual(len(exit_follow_ups(person.name)), 14)

	def test_a_program_whose_schedule_has_nothing_after_exit(self):
		schedule = frappe.get_doc(
			{
				"doctype": "Follow-up Schedule",
				"schedule_name": "Start Only (test)",
				"rows": [
					{
						"label": "First week",
						"anchor": "Placement Start",
						"offset_value": 0,
						"offset_unit": "Days",
						"window_days": 7,
					}
				],
			}
		).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "no follow-ups after exit"):
			frappe.get_doc(
				{"doctype": "Program", "program_name": "Start Only", "follow_up_schedule": schedule.name}
			).insert()
		self.assertFalse(frappe.db.exists("Program", "Start Only"))


class TestOutcomeRecords(EPTestCase):
	"""What a follow-up after exit may record: a milestone inside its window, an employment period
	that ends by the day it was done."""

	def setUp(self):
		super().setUp()
		person = make_participant(enrolment_date="2025-01-06", programs=[ONTARIO])
		saved(person, exit_date="2025-03-14")
		self.person = person

	def follow_up(self, row_id):
		return frappe.get_doc(
			"Retention Follow-up", {"participant": self.person.name, "schedule_row_id": row_id}
		)

	def test_a_12_month_outcome_cannot_be_recorded_at_month_4(self):
		twelve = self.follow_up("outcomes-15d-12-months")  # due 2026-03-14, open 14 days
		twelve.update({"outcome": "Unemployed", "completed_on": "2025-07-14"})
		with self.assertRaisesRegex(frappe.ValidationError, "can be recorded from"):
			twelve.save()
		self.assertEqual(frappe.db.get_value("Retention Follow-up", twelve.name, "status"), "Open")
		twelve.reload()
		twelve.update({"outcome": "Unemployed", "completed_on": "2026-03-20"})
		twelve.save()
		self.assertEqual(twelve.status, "Done")

	def test_an_employment_outcome_covers_the_day_it_was_done_unless_told_otherwise(self):
		three = self.follow_up("outcomes-15d-3-months")  # due 2025-06-14
		three.update(
			{
				"outcome": "Employed - Other Employer",
				"current_employer": "Corner Market",
				"hourly_wage": 18,
				"hours_per_week": 30,
				"completed_on": "2025-06-16",
			}
		)
		three.save()
		self.assertEqual((str(three.employed_from), str(three.employed_to)), ("2025-06-16", "2025-06-16"))

	def test_an_employment_period_after_the_day_it_was_gathered_is_refused(self):
		three = self.follow_up("outcomes-15d-3-months")
		values = {
			"outcome": "Employed - Other Employer",
			"current_employer": "Corner Market",
			"hourly_wage": 18,
			"hours_per_week": 30,
			"completed_on": "2025-06-16",
		}
		three.update({**values, "employed_from": "2025-06-01", "employed_to": "2025-06-30"})
		with self.assertRaisesRegex(frappe.ValidationError, "after the day it was gathered"):
			three.save()
		three.reload()
		three.update({**values, "employed_from": "2025-06-14", "employed_to": "2025-06-01"})
		with self.assertRaisesRegex(frappe.ValidationError, "is after Employed To"):
			three.save()
		three.reload()
		three.update({**values, "employed_from": "2025-06-01", "employed_to": "2025-06-14"})
		three.save()  # a pay stub for the first two weeks of June
		self.assertEqual((str(three.employed_from), str(three.employed_to)), ("2025-06-01", "2025-06-14"))
