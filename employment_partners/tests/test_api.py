"""Whitelisted methods that are not about matching (see test_matching.py for those)."""

import frappe

from employment_partners.api import retention as api
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_retention_placement, make_user


class TestFollowUpCalendar(EPTestCase):
	def test_events_cover_each_window_all_day(self):
		case_manager = make_user("Case Manager")
		placement = make_retention_placement(case_manager=case_manager, start_date="2026-03-02")
		events = api.follow_up_events(
			"2026-03-01",
			"2026-03-31",
			frappe.as_json([["Retention Follow-up", "placement", "=", placement.name]]),
		)
		self.assertEqual(
			[
				(e["title"].split(": ")[1], str(e["due_date"]), str(e["window_end"]), e["all_day"])
				for e in events
			],
			[("Within 1 week of employment", "2026-03-02", "2026-03-08", 1)],
		)

	def test_employer_gets_no_events(self):
		make_retention_placement()
		frappe.set_user(make_user("Employer Partner"))
		with self.assertRaises(frappe.PermissionError):
			api.follow_up_events("2026-01-01", "2027-12-31")


class TestOverdueCard(EPTestCase):
	"""Placements started 2026-03-02: both start follow-ups' windows (to 03-08 and 04-08) ended
	long before "today" (frozen at 2026-06-01), so each placement has 2 overdue follow-ups."""

	def setUp(self):
		super().setUp()
		self.case_manager = make_user("Case Manager")
		self.mine = make_retention_placement(case_manager=self.case_manager, start_date="2026-03-02")
		self.other = make_retention_placement(case_manager=self.case_manager, start_date="2026-03-02")

	def card(self, filters=None) -> int:
		with self.freeze_time("2026-06-01 09:00:00"):
			return api.overdue_follow_ups_card(frappe.as_json(filters or []))["value"]

	def test_the_card_counts_with_its_filters(self):
		mine = [["Retention Follow-up", "case_manager", "=", self.case_manager]]
		self.assertEqual(self.card(mine), 4)
		self.assertEqual(
			self.card([*mine, ["Retention Follow-up", "participant", "=", self.mine.participant]]), 2
		)

	def test_the_card_counts_what_the_user_may_read(self):
		frappe.get_doc(
			{
				"doctype": "User Permission",
				"user": self.case_manager,
				"allow": "Participant",
				"for_value": self.mine.participant,
			}
		).insert(ignore_permissions=True)
		frappe.set_user(self.case_manager)
		self.assertEqual(self.card(), 2)

	def test_an_employer_cannot_read_it(self):
		frappe.set_user(make_user("Employer Partner"))
		with self.assertRaises(frappe.PermissionError):
			self.card()
