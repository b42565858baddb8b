import frappe

from employment_partners.retention import follow_ups
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_placement,
	make_retention_placement,
	make_user,
)

SETA = "Job Retention (SETA 02-09)"
OUTCOMES = "Outcomes at Close, 3, 6 and 12 Months"
# the shipped programs whose schedules these are
SETA_PROGRAM, OUTCOMES_PROGRAM = "Job Retention (SETA 02-09)", "Employment Ontario (15D Outcomes)"
WEEK_1 = "seta-02-09-employment-week-1"
MONTH_1 = "seta-02-09-employment-month-1"

# start Mon 2026-03-02: within a week = 03-02..03-08; a month later = 04-02..04-08
START_DUES = [(WEEK_1, "2026-03-02", "2026-03-08"), (MONTH_1, "2026-04-02", "2026-04-08")]
# exit 2026-05-15 is in Q2, so the quarters after exit are Jul-Sep 2026, Oct-Dec 2026 and
# Jan-Mar 2027 (SETA 02-09 items 4-7 and its chart; see tests/test_retention_schedule.py)
EXIT_DUES = [
	("seta-02-09-q1-first-week", "2026-07-01", "2026-07-07"),
	("seta-02-09-q1-month-1", "2026-07-01", "2026-07-31"),
	("seta-02-09-q1-month-2", "2026-08-01", "2026-08-31"),
	("seta-02-09-q1-month-3", "2026-09-01", "2026-09-30"),
	("seta-02-09-q1-ewif", "2026-09-01", "2026-09-30"),
	("seta-02-09-q2-month-1", "2026-10-01", "2026-10-31"),
	("seta-02-09-q2-month-2", "2026-11-01", "2026-11-30"),
	("seta-02-09-q2-month-3", "2026-12-01", "2026-12-31"),
	("seta-02-09-q2-ewif", "2026-12-01", "2026-12-31"),
	("seta-02-09-q3-first-week", "2027-01-01", "2027-01-07"),
	("seta-02-09-q3-month-1", "2027-01-01", "2027-01-31"),
	("seta-02-09-q3-month-2", "2027-02-01", "2027-02-28"),
	("seta-02-09-q3-month-3", "2027-03-01", "2027-03-31"),
	("seta-02-09-q3-ewif", "2027-03-01", "2027-03-31"),
]


def dues(**filters) -> list[tuple[str, str, str]]:
	return [
		(f.schedule_row_id, str(f.due_date), str(f.window_end))
		for f in frappe.get_all(
			"Retention Follow-up",
			filters=filters,
			fields=["schedule_row_id", "due_date", "window_end"],
			order_by="due_date, creation",
		)
	]


def exit_dues(participant: str) -> list[tuple[str, str, str]]:
	return dues(participant=participant, placement=("is", "not set"))


def set_exit(participant: str, exit_date: str | None, **values):
	"""Save the participant, then reconcile as its queued job does (the rules of the reconciling
	are tested here; the queue and the worker in test_participant.py)."""
	person = frappe.get_doc("Participant", participant)
	person.update({"exit_date": exit_date, **values})
	person.save()
	follow_ups.sync_participant(person.name)
	return person


def make_exited(**values):
	person = make_participant(**values)
	follow_ups.sync_participant(person.name)
	return person


def expected_exit(participant: str):
	from employment_partners.retention import schedule

	person = frappe.get_doc("Participant", participant)
	(enrolment,) = person.enrolments
	name = frappe.db.get_value("Program", enrolment.program, "follow_up_schedule")
	rows = follow_ups.schedule_rows(name, schedule.PROGRAM_EXIT)
	return schedule.generate(rows, None, enrolment.exit_date)


def follow_up(row_id: str, **owner):
	return frappe.get_doc("Retention Follow-up", {"schedule_row_id": row_id, **owner})


class TestPlacementFollowUps(EPTestCase):
	"""Rows anchored on the placement start: one set per placement."""

	def test_a_placement_gets_its_start_follow_ups_only(self):
		placement = make_retention_placement(start_date="2026-03-02")
		self.assertEqual(placement.follow_up_schedule, SETA)
		self.assertEqual(dues(placement=placement.name), START_DUES)
		set_exit(placement.participant, "2026-05-15")
		# the exit adds the participant's follow-ups, none to the placement
		self.assertEqual(dues(placement=placement.name), START_DUES)
		self.assertEqual(exit_dues(placement.participant), EXIT_DUES)

	def test_generation_is_idempotent(self):
		placement = make_retention_placement(participant={"exit_date": "2026-05-15"})
		follow_ups.sync_participant(
			placement.participant
		)  # as its queued job does: the job itself is tested in test_participant.py
		for _ in range(2):
			self.assertEqual(
				follow_ups.sync_placement(frappe.get_doc("Placement", placement.name)),
				{"created": 0, "moved": 0, "removed": 0},
			)
			self.assertEqual(
				follow_ups.sync_participant(placement.participant), {"created": 0, "moved": 0, "removed": 0}
			)
		self.assertEqual(len(dues(participant=placement.participant)), 2 + 14)

	def test_each_follow_up_is_assigned_to_the_case_manager(self):
		case_manager = make_user("Case Manager")
		placement = make_retention_placement(
			case_manager=case_manager, participant={"exit_date": "2026-05-15"}
		)
		follow_ups.sync_participant(
			placement.participant
		)  # as its queued job does: the job itself is tested in test_participant.py
		names = frappe.get_all(
			"Retention Follow-up", filters={"participant": placement.participant}, pluck="name"
		)
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
		self.assertEqual(len(todos), 16)
		self.assertEqual({t.allocated_to for t in todos}, {case_manager})
		self.assertEqual([str(t.date) for t in todos[:3]], ["2026-03-02", "2026-04-02", "2026-07-01"])

	def test_moving_the_start_moves_open_follow_ups_only(self):
		placement = make_retention_placement(start_date="2026-03-02")
		first = follow_up(WEEK_1, placement=placement.name)
		first.update({"outcome": "Employed - Same Employer", "hourly_wage": 20, "hours_per_week": 40})
		first.save()

		placement.reload()
		placement.start_date = "2026-03-09"
		placement.save()
		# done: history stays; open: 9 Mar + 1 month = 9 Apr, open 9..15 Apr
		self.assertEqual(
			dues(placement=placement.name),
			[(WEEK_1, "2026-03-02", "2026-03-08"), (MONTH_1, "2026-04-09", "2026-04-15")],
		)

	def test_a_placement_that_starts_ended_gets_none(self):
		placement = make_retention_placement(status="Ended", end_date="2026-03-20", separation_reason="Quit")
		self.assertEqual(dues(placement=placement.name), [])


class TestExitFollowUps(EPTestCase):
	"""Rows anchored on the program exit: once per exited participant, placed or not."""

	def test_a_participant_who_exits_unplaced_gets_them(self):
		case_manager = make_user("Case Manager")
		person = make_participant(case_manager=case_manager)
		self.assertEqual([row.program for row in person.enrolments], [SETA_PROGRAM])  # Settings' default
		set_exit(person.name, "2026-05-15")
		self.assertEqual(exit_dues(person.name), EXIT_DUES)
		first = follow_up("seta-02-09-q1-first-week", participant=person.name)
		self.assertEqual((first.placement, first.case_manager, first.status), (None, case_manager, "Open"))
		self.assertEqual(first.label, "First week of quarter 1 after exit (entered employment)")

	def test_two_placements_give_each_exit_contact_once(self):
		person = make_participant()
		make_placement(participant=person.name, start_date="2026-02-02")
		make_placement(participant=person.name, start_date="2026-03-02")
		set_exit(person.name, "2026-05-15")
		self.assertEqual(exit_dues(person.name), EXIT_DUES)
		self.assertEqual(len(dues(participant=person.name)), 2 * 2 + 14)

	def test_a_placement_that_ended_before_exit_does_not_drop_the_person(self):
		person = make_participant()
		make_placement(
			participant=person.name,
			start_date="2026-02-02",
			status="Ended",
			end_date="2026-03-20",
			separation_reason="Quit",
		)
		set_exit(person.name, "2026-05-15")
		self.assertEqual(exit_dues(person.name), EXIT_DUES)

	def test_the_outcomes_schedule(self):
		# exit 15 May 2026: close, +3, +6 and +12 calendar months, each open 14 days
		person = make_exited(programs=[OUTCOMES_PROGRAM], exit_date="2026-05-15")
		self.assertEqual(
			exit_dues(person.name),
			[
				("outcomes-15d-close", "2026-05-15", "2026-05-28"),
				("outcomes-15d-3-months", "2026-08-15", "2026-08-28"),
				("outcomes-15d-6-months", "2026-11-15", "2026-11-28"),
				("outcomes-15d-12-months", "2027-05-15", "2027-05-28"),
			],
		)

	def test_moving_the_exit_moves_open_ones_and_never_done_ones(self):
		person = make_exited(programs=[OUTCOMES_PROGRAM], exit_date="2026-05-15")
		close = follow_up("outcomes-15d-close", participant=person.name)
		close.update({"outcome": "Unemployed"})
		close.save()
		set_exit(person.name, "2026-05-31")
		# the done one keeps 15 May; 31 May + 3 months = 31 Aug, + 6 = 30 Nov (30 days), + 12 = 31 May
		# 2027, each window the due day and 13 more
		windows = {row: (due, end) for row, due, end in exit_dues(person.name)}
		self.assertEqual(windows.pop("outcomes-15d-close"), ("2026-05-15", "2026-05-28"))
		self.assertEqual(
			windows,
			{
				"outcomes-15d-3-months": ("2026-08-31", "2026-09-13"),
				"outcomes-15d-6-months": ("2026-11-30", "2026-12-13"),
				"outcomes-15d-12-months": ("2027-05-31", "2027-06-13"),
			},
		)

	def test_clearing_the_exit_removes_open_ones_and_keeps_what_was_recorded(self):
		person = make_exited(programs=[OUTCOMES_PROGRAM], exit_date="2026-05-15")
		tried = follow_up("outcomes-15d-3-months", participant=person.name)
		tried.append("attempts", {"attempted_on": "2026-08-16 10:00:00", "method": "Phone", "reached": 0})
		tried.save()
		set_exit(person.name, None)
		self.assertEqual(exit_dues(person.name), [("outcomes-15d-3-months", "2026-08-15", "2026-08-28")])
		tried.reload()
		self.assertEqual(tried.status, "Missed")
		self.assertEqual(len(tried.attempts), 1)
		self.assertIn("no longer on the follow-up schedule", tried.notes)

	def test_changing_the_schedule_regenerates_open_ones(self):
		person = make_exited(programs=[OUTCOMES_PROGRAM], exit_date="2026-05-15")
		# the enrolment replaced by one in the SETA program: the old one's open follow-ups go
		set_exit(person.name, "2026-05-15", enrolments=[{"program": SETA_PROGRAM, "exit_date": "2026-05-15"}])
		self.assertEqual(exit_dues(person.name), EXIT_DUES)

	def test_the_daily_job_gives_follow_ups_to_exited_participants_that_have_none(self):
		from employment_partners.retention import reminders

		person = make_participant(exit_date="2026-05-15")
		frappe.db.delete("Retention Follow-up", {"participant": person.name})
		self.assertIn(person.name, reminders.generate_missing())
		self.assertEqual(exit_dues(person.name), EXIT_DUES)
		self.assertNotIn(person.name, reminders.generate_missing())

	def test_the_daily_job_moves_open_follow_ups_whose_exit_date_changed_without_them(self):
		"""A change whose job never ran (or written around the controller): the daily job moves
		the open follow-ups after exit to the participant's dates; done ones stay as they were."""
		from employment_partners.retention import reminders

		person = make_exited(programs=[OUTCOMES_PROGRAM], exit_date="2026-05-15")
		moved_from = exit_dues(person.name)
		done = follow_up("outcomes-15d-close", participant=person.name)
		done.update({"outcome": "Unemployed", "completed_on": "2026-05-20"})
		done.save()
		self.assertEqual(reminders.realign_exit_follow_ups(), [])  # all match: nothing to do
		(enrolment,) = frappe.get_doc("Participant", person.name).enrolments
		frappe.db.set_value("Program Enrolment", enrolment.name, "exit_date", "2026-06-30")
		self.assertEqual(reminders.run_daily()["realigned"], [person.name])
		after = {row: (due, end) for row, due, end in exit_dues(person.name)}
		close = next(row for row in moved_from if row[0] == "outcomes-15d-close")
		self.assertEqual(after["outcomes-15d-close"], close[1:])  # done: history, not moved
		expected = {d.row_id: (str(d.due_date), str(d.window_end)) for d in expected_exit(person.name)}
		for row, dates in after.items():
			if row != "outcomes-15d-close":
				self.assertEqual(dates, expected[row], row)
		self.assertNotEqual(sorted(after.items()), sorted((r, (d, e)) for r, d, e in moved_from))
		self.assertEqual(reminders.realign_exit_follow_ups(), [])  # the second run: nothing

	def test_the_daily_job_removes_open_follow_ups_of_an_exit_taken_back_without_them(self):
		from employment_partners.retention import reminders

		person = make_exited(programs=[OUTCOMES_PROGRAM], exit_date="2026-05-15")
		self.assertTrue(exit_dues(person.name))
		(enrolment,) = frappe.get_doc("Participant", person.name).enrolments
		frappe.db.set_value("Program Enrolment", enrolment.name, "exit_date", None)
		self.assertEqual(reminders.realign_exit_follow_ups(), [person.name])
		self.assertEqual(exit_dues(person.name), [])


class TestOutcomes(EPTestCase):
	def setUp(self):
		super().setUp()
		self.placement = make_retention_placement()
		self.follow_up = follow_up(WEEK_1, placement=self.placement.name)

	def record(self, name=None, **values):
		doc = frappe.get_doc("Retention Follow-up", name or self.follow_up.name)
		doc.update(values)
		doc.save()
		return doc

	def test_employed_needs_an_employer_and_a_wage(self):
		with self.assertRaisesRegex(frappe.ValidationError, "needs the employer's name"):
			self.record(outcome="Employed - Other Employer", hourly_wage=19)
		with self.assertRaisesRegex(frappe.ValidationError, "^Give the hourly wage$"):
			self.record(outcome="Employed - Other Employer", current_employer="Corner Cafe", hourly_wage=0)
		with self.assertRaisesRegex(frappe.ValidationError, "Hourly wage must be more than 0, not"):
			self.record(outcome="Employed - Other Employer", current_employer="Corner Cafe", hourly_wage=-2)
		with self.assertRaisesRegex(
			frappe.ValidationError, "Hours per week must be between 1 and 80, not 90"
		):
			self.record(outcome="Employed - Same Employer", hourly_wage=21, hours_per_week=90)
		# wage and hours make the earnings funders read (WIOA: wage x hours x 13 a quarter)
		with self.assertRaisesRegex(frappe.ValidationError, "Hours per week must be between 1 and 80, not 0"):
			self.record(outcome="Employed - Same Employer", hourly_wage=21)
		self.assertEqual(frappe.db.get_value("Retention Follow-up", self.follow_up.name, "status"), "Open")

	def test_done_follow_up_updates_the_placement_and_the_participant(self):
		doc = self.record(
			outcome="Employed - Same Employer",
			hourly_wage=21.5,
			hours_per_week=40,
			verification_source="Pay Stub",
		)
		self.assertEqual(
			(doc.status, doc.current_employer, doc.employer_placement, doc.employer_partnership),
			("Done", self.placement.employer_name, self.placement.name, self.placement.hiring_partnership),
		)
		fields = ["employment_status", "current_employer", "current_hourly_wage", "employment_status_date"]
		for doctype, name in (
			("Placement", self.placement.name),
			("Participant", self.placement.participant),
		):
			row = frappe.db.get_value(doctype, name, fields, as_dict=True)
			self.assertEqual(
				(row.employment_status, row.current_employer, row.current_hourly_wage),
				("Employed - Same Employer", self.placement.employer_name, 21.5),
				doctype,
			)
			self.assertEqual(str(row.employment_status_date), str(doc.completed_on))
		self.assertFalse(frappe.db.exists("ToDo", {"reference_name": doc.name, "status": "Open"}))

	def test_after_exit_the_same_employer_is_one_of_their_placements(self):
		set_exit(self.placement.participant, "2026-05-15")
		exit_name = follow_up("seta-02-09-q1-first-week", participant=self.placement.participant).name
		with self.assertRaisesRegex(frappe.ValidationError, "Choose the placement whose employer"):
			self.record(exit_name, outcome="Employed - Same Employer", hourly_wage=22, hours_per_week=40)
		someone_elses = make_retention_placement()
		with self.assertRaisesRegex(frappe.ValidationError, f"Placement {someone_elses.name} is not"):
			self.record(
				exit_name,
				outcome="Employed - Same Employer",
				employer_placement=someone_elses.name,
				hourly_wage=22,
				hours_per_week=40,
			)
		self.assertEqual(frappe.db.get_value("Retention Follow-up", exit_name, "status"), "Open")

		doc = self.record(
			exit_name,
			outcome="Employed - Same Employer",
			employer_placement=self.placement.name,
			hourly_wage=22,
			hours_per_week=40,
			completed_on="2026-07-02",
		)
		self.assertEqual(
			(doc.current_employer, doc.employer_partnership),
			(self.placement.employer_name, self.placement.hiring_partnership),
		)
		self.assertEqual(
			frappe.db.get_value(
				"Participant", self.placement.participant, ["employment_status", "current_hourly_wage"]
			),
			("Employed - Same Employer", 22),
		)
		# the placement whose employer they still work for hears it too
		self.assertEqual(
			str(frappe.db.get_value("Placement", self.placement.name, "employment_status_date")), "2026-07-02"
		)

	def test_another_employer_by_name_or_by_partnership(self):
		set_exit(self.placement.participant, "2026-05-15")
		other = make_job_order().hiring_partnership
		doc = self.record(
			follow_up("seta-02-09-q1-first-week", participant=self.placement.participant).name,
			outcome="Employed - Other Employer",
			employer_partnership=other,
			hourly_wage=23,
			hours_per_week=40,
		)
		self.assertEqual(
			doc.current_employer, frappe.db.get_value("Hiring Partnership", other, "partner_name")
		)
		self.assertIsNone(doc.employer_placement)
		doc = self.record(
			follow_up("seta-02-09-q1-month-1", participant=self.placement.participant).name,
			outcome="Unemployed",
		)
		self.assertEqual((doc.current_employer, doc.employer_partnership), (None, None))

	def test_an_older_word_does_not_overwrite_a_newer_one(self):
		self.record(outcome="Unemployed", completed_on="2026-04-10")
		month = follow_up(MONTH_1, placement=self.placement.name)
		self.record(
			month.name,
			outcome="Employed - Other Employer",
			current_employer="Cafe",
			hourly_wage=18,
			hours_per_week=40,
			completed_on="2026-04-01",
		)
		self.assertEqual(
			frappe.db.get_value("Participant", self.placement.participant, "employment_status"), "Unemployed"
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

	def test_a_placement_follow_up_is_its_participants(self):
		values = {
			"doctype": "Retention Follow-up",
			"placement": self.placement.name,
			"label": "Extra check-in",
			"due_date": "2026-05-01",
		}
		# the participant is fetched from the placement, whatever the caller said
		made = frappe.get_doc({**values, "participant": make_participant().name}).insert()
		self.assertEqual(made.participant, self.placement.participant)


class TestDeletingAPlacement(EPTestCase):
	def test_open_follow_ups_go_with_it_history_blocks_it(self):
		placement = make_retention_placement()
		placement.delete()
		self.assertFalse(frappe.db.exists("Retention Follow-up", {"placement": placement.name}))

		kept = make_retention_placement()
		done = follow_up(WEEK_1, placement=kept.name)
		done.update({"outcome": "Unemployed"})
		done.save()
		with self.assertRaises(frappe.LinkExistsError):
			frappe.delete_doc("Placement", kept.name)
