"""The daily retention job and the hourly SLA check, run on a frozen clock, twice each."""

import frappe

from employment_partners.retention import reminders
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	emails_about,
	make_retention_placement,
	make_user,
)

SETTINGS = "Employment Partners Settings"


def notifications(user: str, subject_contains: str) -> int:
	return frappe.db.count(
		"Notification Log", {"for_user": user, "subject": ("like", f"%{subject_contains}%")}
	)


class TestDailyFollowUpJob(EPTestCase):
	def setUp(self):
		super().setUp()
		self.case_manager = make_user("Case Manager")
		self.supervisor = make_user("Case Manager")
		# start 2026-03-02: "Within 1 week" due 03-02 (window to 03-08), "1 month" due 04-02 (to 04-08)
		self.placement = make_retention_placement(case_manager=self.case_manager, start_date="2026-03-02")
		settings = frappe.get_doc(SETTINGS)
		settings.reminder_days = 3
		settings.missed_after_days = 30
		settings.set("supervisors", [{"case_manager": self.case_manager, "supervisor": self.supervisor}])
		settings.save()

	def follow_up(self, row: int):
		"""Row 1: within a week of employment; row 2: a month after."""
		row_id = ("seta-02-09-employment-week-1", "seta-02-09-employment-month-1")[row - 1]
		return frappe.get_doc(
			"Retention Follow-up", {"placement": self.placement.name, "schedule_row_id": row_id}
		)

	def run_twice(self, on: str) -> list[dict]:
		with self.freeze_time(f"{on} 06:00:00"):
			return [reminders.run_daily(), reminders.run_daily()]

	def test_reminder_escalation_and_missed_each_happen_once(self):
		first = self.follow_up(1).name
		second = self.follow_up(2).name

		quiet, _again = self.run_twice("2026-02-26")  # due 03-02 is 4 days off: too early
		self.assertEqual(quiet["reminded"], [])

		reminded, again = self.run_twice("2026-02-27")
		self.assertEqual((reminded["reminded"], again["reminded"]), ([first], []))
		self.assertEqual(notifications(self.case_manager, "Follow-up due"), 1)
		self.assertEqual(
			emails_about("Retention Follow-up", first, "Follow-up due", self.case_manager), 1, "and one email"
		)

		escalated, again = self.run_twice("2026-03-09")  # window ended 03-08
		self.assertEqual((escalated["escalated"], again["escalated"]), ([first], []))
		self.assertEqual(self.follow_up(1).escalated_to, self.supervisor)
		self.assertEqual(notifications(self.supervisor, "Overdue follow-up"), 1)
		self.assertEqual(escalated["reminded"], [])  # the second is not due within 3 days yet

		missed, again = self.run_twice("2026-04-08")  # 03-08 + 30 days = 04-07 has passed
		self.assertEqual((missed["missed"], again["missed"]), ([first], []))
		self.assertEqual(missed["reminded"], [second])
		self.assertEqual(self.follow_up(1).status, "Missed")
		self.assertIn("window ended on", self.follow_up(1).notes)
		self.assertEqual(notifications(self.case_manager, "Follow-up due"), 2)
		self.assertEqual(
			frappe.db.count("Retention Follow-up", {"placement": self.placement.name}), 2, "no duplicates"
		)

	def test_without_a_supervisor_partnership_managers_are_told(self):
		frappe.db.delete("Case Manager Supervisor", {"parent": SETTINGS})
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		manager = make_user("Partnership Manager")
		self.run_twice("2026-03-09")
		self.assertIsNone(self.follow_up(1).escalated_to)
		self.assertEqual(notifications(manager, "Overdue follow-up"), 1)

	def test_placements_without_follow_ups_get_them(self):
		frappe.db.delete("Retention Follow-up", {"placement": self.placement.name})
		made, again = self.run_twice("2026-02-01")
		self.assertEqual((made["generated"], again["generated"]), ([self.placement.name], []))
		self.assertEqual(frappe.db.count("Retention Follow-up", {"placement": self.placement.name}), 2)
