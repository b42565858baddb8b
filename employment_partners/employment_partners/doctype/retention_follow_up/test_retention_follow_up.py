import frappe

from employment_partners.retention import follow_ups
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_retention_placement, make_user

SETA = "Job Retention (SETA 02-09)"
OUTCOMES = "Outcomes at Close, 3, 6 and 12 Months"

# start 2026-03-02; exit 2026-05-15 (Q2), so quarter 1 after exit is Jul-Sep 2026
SETA_DUES = [
	("Within 1 week of employment", "2026-03-02", "2026-03-08"),
	("1 month after employment", "2026-04-02", "2026-04-08"),
	("Month 1 after exit", "2026-06-15", "2026-06-21"),
	("First week of quarter 1 after exit", "2026-07-01", "2026-07-07"),
	("Month 2 after exit", "2026-07-15", "2026-07-21"),
	("Month 3 after exit", "2026-08-15", "2026-08-21"),
	("Month 4 after exit", "2026-09-15", "2026-09-21"),
	("Quarterly form: end of quarter 1 after exit", "2026-09-30", "2026-10-13"),
	("Month 5 after exit", "2026-10-15", "2026-10-21"),
	("Month 6 after exit", "2026-11-15", "2026-11-21"),
	("Month 7 after exit", "2026-12-15", "2026-12-21"),
	("Quarterly form: end of quarter 2 after exit", "2026-12-31", "2027-01-13"),
	("Month 8 after exit", "2027-01-15", "2027-01-21"),
	("Month 9 after exit", "2027-02-15", "2027-02-21"),
	("Quarterly form: end of quarter 3 after exit", "2027-03-31", "2027-04-13"),
]
OUTCOME_DUES = [
	("At close", "2026-05-15", "2026-05-28"),
	("3 months after exit", "2026-08-15", "2026-08-28"),
	("6 months after exit", "2026-11-15", "2026-11-28"),
	("12 months after exit", "2027-05-15", "2027-05-28"),
]


def dues_of(placement: str) -> list[tuple[str, str, str]]:
	return [
		(f.label, str(f.due_date), str(f.window_end))
		for f in frappe.get_all(
			"Retention Follow-up",
			filters={"placement": placement},
			fields=["label", "due_date", "window_end"],
			order_by="due_date, schedule_row",
		)
	]


def exit_participant(placement, exit_date: str):
	person = frappe.get_doc("Participant", placement.participant)
	person.exit_date = exit_date
	person.save()


class TestGeneration(EPTestCase):
	def test_seta_schedule_every_due_date(self):
		placement = make_retention_placement(start_date="2026-03-02")
		self.assertEqual(placement.follow_up_schedule, SETA)
		# before exit only the two placement-anchored follow-ups exist
		self.assertEqual(dues_of(placement.name), SETA_DUES[:2])
		exit_participant(placement, "2026-05-15")
		self.assertEqual(dues_of(placement.name), SETA_DUES)

	def test_outcomes_schedule_every_due_date(self):
		placement = make_retention_placement(
			start_date="2026-03-02", follow_up_schedule=OUTCOMES, participant={"exit_date": "2026-05-15"}
		)
		self.assertEqual(dues_of(placement.name), OUTCOME_DUES)

	def test_generation_is_idempotent(self):
		placement = make_retention_placement(participant={"exit_date": "2026-05-15"})
		self.assertEqual(len(dues_of(placement.name)), 15)
		for _ in range(2):
			counts = follow_ups.sync_follow_ups(frappe.get_doc("Placement", placement.name))
			self.assertEqual(counts, {"created": 0, "moved": 0, "removed": 0})
		self.assertEqual(len(dues_of(placement.name)), 15)

	def test_each_follow_up_is_assigned_to_the_case_manager(self):
		case_manager = make_user("Case Manager")
		placement = make_retention_placement(case_manager=case_manager)
		names = frappe.get_all("Retention Follow-up", filters={"placement": placement.name}, pluck="name")
		todos = frappe.get_all(
			"ToDo",
			filters={
				"reference_type": "Retention Follow-up",
				"reference_name": ("in", names),
				"status": "Open",
			},
			fields=["allocated_to", "date"],
			order_by="date",
		)
		self.assertEqual(
			[(t.allocated_to, str(t.date)) for t in todos],
			[
				(case_manager, "2026-03-02"),
				(case_manager, "2026-04-02"),
			],
		)

	def test_moving_dates_reschedules_open_follow_ups_only(self):
		placement = make_retention_placement(start_date="2026-03-02", participant={"exit_date": "2026-05-15"})
		first = frappe.get_doc("Retention Follow-up", {"placement": placement.name, "schedule_row": 1})
		first.outcome = "Employed - Same Employer"
		first.hourly_wage = 20
		first.save()

		placement.reload()
		placement.start_date = "2026-03-09"
		placement.save()
		dues = dict((label, due) for label, due, _end in dues_of(placement.name))
		self.assertEqual(dues["Within 1 week of employment"], "2026-03-02")  # done: history stays
		self.assertEqual(dues["1 month after employment"], "2026-04-09")

		exit_participant(placement, "2026-06-30")  # Q2 still: quarter 1 after exit is Q3
		dues = dict((label, due) for label, due, _end in dues_of(placement.name))
		self.assertEqual(dues["Month 1 after exit"], "2026-07-30")
		self.assertEqual(dues["First week of quarter 1 after exit"], "2026-07-01")
		self.assertEqual(dues["Month 9 after exit"], "2027-03-30")
		self.assertEqual(len(dues), 15)

	def test_clearing_the_exit_removes_open_exit_follow_ups(self):
		placement = make_retention_placement(participant={"exit_date": "2026-05-15"})
		exit_participant(placement, None)
		self.assertEqual(dues_of(placement.name), SETA_DUES[:2])

	def test_a_placement_that_starts_ended_gets_none(self):
		placement = make_retention_placement(status="Ended", end_date="2026-03-20", separation_reason="Quit")
		self.assertEqual(dues_of(placement.name), [])


class TestOutcomes(EPTestCase):
	def setUp(self):
		super().setUp()
		self.placement = make_retention_placement()
		self.follow_up = frappe.get_doc(
			"Retention Follow-up", {"placement": self.placement.name, "schedule_row": 1}
		)

	def record(self, **values):
		doc = frappe.get_doc("Retention Follow-up", self.follow_up.name)
		doc.update(values)
		doc.save()
		return doc

	def test_employed_needs_an_employer_and_a_wage(self):
		with self.assertRaisesRegex(frappe.ValidationError, "needs the employer's name"):
			self.record(outcome="Employed - Other Employer", hourly_wage=19)
		with self.assertRaisesRegex(frappe.ValidationError, "Hourly wage must be more than 0"):
			self.record(outcome="Employed - Other Employer", current_employer="Corner Cafe", hourly_wage=0)
		with self.assertRaisesRegex(frappe.ValidationError, "Hours per week must be between 1 and 80"):
			self.record(outcome="Employed - Same Employer", hourly_wage=21, hours_per_week=90)
		self.assertEqual(frappe.db.get_value("Retention Follow-up", self.follow_up.name, "status"), "Open")

	def test_done_follow_up_updates_the_placement(self):
		doc = self.record(
			outcome="Employed - Same Employer", hourly_wage=21.5, verification_source="Pay Stub"
		)
		self.assertEqual((doc.status, doc.current_employer), ("Done", self.placement.employer_name))
		placement = frappe.db.get_value(
			"Placement",
			self.placement.name,
			["employment_status", "current_employer", "current_hourly_wage", "employment_status_date"],
			as_dict=True,
		)
		self.assertEqual(
			(placement.employment_status, placement.current_employer, placement.current_hourly_wage),
			("Employed - Same Employer", self.placement.employer_name, 21.5),
		)
		self.assertEqual(str(placement.employment_status_date), str(doc.completed_on))
		self.assertFalse(
			frappe.db.exists("ToDo", {"reference_name": doc.name, "status": "Open"}), "assignment closed"
		)

	def test_unable_to_contact_needs_three_unanswered_attempts(self):
		attempt = {"attempted_on": "2026-03-03 10:00:00", "method": "Phone", "reached": 0}
		with self.assertRaisesRegex(frappe.ValidationError, "at least 3 recorded attempts, not 2"):
			self.record(outcome="Unable to Contact", attempts=[attempt, attempt])
		with self.assertRaisesRegex(frappe.ValidationError, "reached the participant"):
			self.record(outcome="Unable to Contact", attempts=[attempt, attempt, {**attempt, "reached": 1}])
		doc = self.record(
			outcome="Unable to Contact", attempts=[attempt, {**attempt, "method": "Email"}, attempt]
		)
		self.assertEqual(doc.status, "Done")
		self.assertEqual(
			frappe.db.get_value("Placement", self.placement.name, "employment_status"), "Unable to Contact"
		)

	def test_done_needs_an_outcome_and_missed_a_note(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Record the outcome"):
			self.record(status="Done")
		with self.assertRaisesRegex(frappe.ValidationError, "why the follow-up was missed"):
			self.record(status="Missed")
		doc = self.record(status="Missed", notes="Participant moved away; no forwarding number")
		self.assertEqual(doc.status, "Missed")
		doc = self.record(outcome="Unemployed")  # a late contact still counts
		self.assertEqual(doc.status, "Done")
		with self.assertRaisesRegex(frappe.ValidationError, "already done"):
			self.record(status="Open", outcome=None)


class TestDeletingAPlacement(EPTestCase):
	def test_open_follow_ups_go_with_it_history_blocks_it(self):
		placement = make_retention_placement()
		placement.delete()
		self.assertFalse(frappe.db.exists("Retention Follow-up", {"placement": placement.name}))

		kept = make_retention_placement()
		done = frappe.get_doc("Retention Follow-up", {"placement": kept.name, "schedule_row": 1})
		done.update({"outcome": "Unemployed"})
		done.save()
		with self.assertRaises(frappe.LinkExistsError):
			frappe.delete_doc("Placement", kept.name)
