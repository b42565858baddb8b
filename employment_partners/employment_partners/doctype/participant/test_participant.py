import time

import frappe

from employment_partners import jobs
from employment_partners.participants import enrolments, suitability
from employment_partners.retention import follow_ups, schedule
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_participant, unique


class TestParticipant(EPTestCase):
	def test_full_name_and_status_follow_the_record(self):
		person = make_participant(first_name=" Ana ", last_name="Ruiz")
		self.assertEqual((person.full_name, person.status), ("Ana Ruiz", "Active"))
		person.exit_date = "2026-06-30"
		person.save()
		self.assertEqual(person.status, "Exited")

	def test_follow_ups_after_exit_are_made_by_a_worker_not_the_request(self):
		"""The exit's follow-ups (a score of them, with assignments) are made by a worker once the
		save is committed, through the queue as in production; the request itself makes none."""
		person = make_participant(enrolment_date="2025-01-06")
		try:
			person.exit_date = "2025-03-14"
			person.save()
			self.assertEqual(frappe.db.count("Retention Follow-up", after_exit(person.name)), 0)
			jobs.run_queued()
			self.assertEqual(exit_dates(person.name), expected_exit_dates(person))
		finally:
			remove_committed(person.name)

	def test_the_latest_save_wins_over_a_running_job(self):
		"""A second exit date saved while the first save's job runs is not lost: its own job runs
		after the first and moves the follow-ups to the dates of the second."""
		person = make_participant(enrolment_date="2024-09-02", programs=[enrolments.SETA_PROGRAM])
		try:
			person.exit_date = "2025-01-15"
			person.save()
			frappe.db.commit()
			worker = jobs.start_worker()
			deadline = time.monotonic() + 60
			while not jobs.running():  # the first job has started, and read the first date
				self.assertLess(time.monotonic(), deadline, "the worker never started the job")
				time.sleep(0.01)
			person.reload()
			person.exit_date = "2025-05-20"
			person.save()
			jobs.run_queued()
			worker.wait(timeout=120)
			person.reload()
			self.assertEqual(str(person.exit_date), "2025-05-20")
			dates = exit_dates(person.name)
			self.assertEqual(len(dates), 14)
			self.assertEqual(dates, expected_exit_dates(person))
			# the first date's follow-ups are gone, not left beside the second's
			first = frappe._dict(person.as_dict())
			first.enrolments = [frappe._dict(row, exit_date="2025-01-15") for row in first.enrolments]
			self.assertNotEqual(dates, expected_exit_dates(first))
		finally:
			remove_committed(person.name)

	def test_exit_before_enrolment_is_refused(self):
		last = unique("Early").replace(" ", "")
		with self.assertRaisesRegex(frappe.ValidationError, "Exit date .* is before enrolment date"):
			make_participant(last_name=last, enrolment_date="2026-02-01", exit_date="2026-01-31")
		self.assertFalse(frappe.db.exists("Participant", {"last_name": last}))
		make_participant(enrolment_date="2026-02-01", exit_date="2026-02-01")

	def test_birth_date_must_be_in_the_past(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Date of birth must be in the past"):
			make_participant(date_of_birth="2999-01-01")

	def test_readiness_scores_run_from_0_to_4(self):
		for field, value in (("connected_to_staff", 5), ("fear_of_not_succeeding", -1)):
			with self.assertRaisesRegex(frappe.ValidationError, "must be between 0 and 4"):
				make_participant(**{field: value})
		person = make_participant(connected_to_staff=4, fear_of_not_succeeding=0)
		self.assertEqual((person.connected_to_staff, person.fear_of_not_succeeding), (4, 0))

	def test_job_loss_ending_before_it_started_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Row 1: the job ended on"):
			make_participant(
				job_losses=[{"end_date": "2025-01-01", "start_date": "2025-02-01", "reason": "Quit"}]
			)

	def test_suitability_indicators_are_derived_and_counted(self):
		# 19 at enrolment (born 2006-06-01, enrolled 2026-01-05); two losses 300 days apart
		person = make_participant(
			date_of_birth="2006-06-01",
			enrolment_date="2026-01-05",
			grade_12_or_less=1,
			source_of_income="Social assistance",
			job_losses=[
				{"employer": "A", "end_date": "2024-03-01", "reason": "Dismissed (attendance)"},
				{"employer": "B", "end_date": "2024-12-26", "reason": "Transportation"},
			],
		)
		self.assertEqual(person.age_indicator, 1)
		self.assertEqual(person.poor_retention_history, 1)
		# age + grade 12 + poor retention + source of income = 4
		self.assertEqual(person.suitability_count, 4)

	def test_no_indicator_when_none_applies(self):
		person = make_participant(
			date_of_birth="1990-01-05", enrolment_date="2026-01-05", source_of_income="Employment"
		)
		self.assertEqual(
			(person.age_indicator, person.poor_retention_history, person.suitability_count), (0, 0, 0)
		)


class TestSuitabilityRules(EPTestCase):
	def test_age_boundaries(self):
		self.assertTrue(suitability.age_indicator("2006-01-06", "2026-01-05"))  # 19
		self.assertFalse(suitability.age_indicator("2006-01-05", "2026-01-05"))  # 20 today
		self.assertFalse(suitability.age_indicator("1981-01-06", "2026-01-05"))  # 44
		self.assertTrue(suitability.age_indicator("1981-01-05", "2026-01-05"))  # 45 today

	def test_poor_retention_needs_two_losses_within_a_year(self):
		self.assertFalse(suitability.poor_retention(["2024-01-01"]))
		self.assertFalse(suitability.poor_retention(["2023-01-01", "2024-01-02"]))  # 366 days apart
		self.assertTrue(suitability.poor_retention(["2024-06-01", "2023-01-01", "2023-12-31"]))  # unsorted


def after_exit(participant: str) -> dict:
	return {"participant": participant, "placement": ("is", "not set")}


def exit_dates(participant: str) -> list[tuple]:
	rows = frappe.get_all(
		"Retention Follow-up",
		filters=after_exit(participant),
		fields=["schedule_row_id", "due_date", "window_end", "status"],
	)
	return sorted((r.schedule_row_id, str(r.due_date), str(r.window_end), r.status) for r in rows)


def expected_exit_dates(person) -> list[tuple]:
	"""What the schedules of the participant's programs say for their exits, worked out here from
	the rows."""
	expected = []
	for row in person.enrolments:
		name = frappe.db.get_value("Program", row.program, "follow_up_schedule")
		rows = follow_ups.schedule_rows(name, schedule.PROGRAM_EXIT)
		dues = schedule.generate(rows, None, row.exit_date)
		expected += [(d.row_id, str(d.due_date), str(d.window_end), "Open") for d in dues]
	return sorted(expected)


def remove_committed(participant: str):
	"""What a test committed for the worker: the participant and its follow-ups."""
	frappe.db.rollback()
	jobs.run_queued()  # nothing of this test's may still run
	made = frappe.get_all("Retention Follow-up", filters={"participant": participant}, pluck="name")
	for name in made:
		frappe.delete_doc("Retention Follow-up", name, force=True, ignore_permissions=True)
	frappe.delete_doc("Participant", participant, force=True, ignore_permissions=True)
	for doctype, field in (("Version", "docname"), ("Comment", "reference_name"), ("ToDo", "reference_name")):
		frappe.db.delete(doctype, {field: ("in", [participant, *made])})
	frappe.db.delete("Deleted Document", {"deleted_name": ("in", [participant, *made])})
	frappe.db.commit()
