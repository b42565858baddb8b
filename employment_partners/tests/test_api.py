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
