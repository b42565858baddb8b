import frappe

from employment_partners.participants import suitability
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
		"""Outside tests the exit's follow-ups (a score of them, with assignments) are queued to run
		after the save commits; the request itself makes none."""
		from employment_partners.retention import follow_ups

		def jobs_after_commit():
			"""The (method, kwargs) of the jobs frappe.enqueue holds until the commit."""
			jobs = []
			for call in frappe.db.after_commit._functions:
				for cell in call.__closure__ or ():
					value = cell.cell_contents
					if isinstance(value, dict) and "method" in value and "kwargs" in value:
						jobs.append((value["method"], value["kwargs"]))
			return jobs

		person = make_participant()
		frappe.flags.in_test = False
		try:
			person.exit_date = frappe.utils.add_days(person.enrolment_date, 30)
			person.save()
		finally:
			frappe.flags.in_test = True
		jobs = jobs_after_commit()
		frappe.db.after_commit.reset()  # the test rolls back: nothing is to be queued
		self.assertIn(
			("employment_partners.retention.follow_ups.sync_participant", {"participant": person.name}), jobs
		)
		mine = {"participant": person.name, "placement": ("is", "not set")}
		self.assertEqual(frappe.db.count("Retention Follow-up", mine), 0)
		# what the worker runs
		made = follow_ups.sync_participant(person.name)["created"]
		self.assertGreater(made, 0)
		self.assertEqual(frappe.db.count("Retention Follow-up", mine), made)

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
