"""Whitelisted methods that are not about matching (see test_matching.py for those)."""

import frappe

from employment_partners.api import reports as report_api
from employment_partners.api import retention as api
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_interaction,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
	make_retention_placement,
	make_user,
)


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

	def test_an_overdue_window_is_drawn_as_overdue(self):
		placement = make_retention_placement(start_date="2026-03-02")
		where = frappe.as_json([["Retention Follow-up", "placement", "=", placement.name]])
		with self.freeze_time("2026-03-08"):  # the window's last day: still open, not overdue
			self.assertEqual(
				[e["status"] for e in api.follow_up_events("2026-03-01", "2026-03-31", where)], ["Open"]
			)
		with self.freeze_time("2026-03-09"):
			self.assertEqual(
				[e["status"] for e in api.follow_up_events("2026-03-01", "2026-03-31", where)], ["Overdue"]
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


class TestReportCards(EPTestCase):
	"""The workspace cards on "today" frozen at 2033-12-31, so the last 365 days are the calendar
	year 2033, which no other test touches.

	90-day retention (metrics/retention_days: employed on day 90 = start + 90, counted once day 90 +
	14 has passed): A starts 2033-03-01, still active: day 90 05-30 (+ 14 06-13), retained.
	B starts 2033-05-02, ended 06-01 (Quit): day 90 07-31 (+ 14 08-14), ended before it, nothing
	else: not retained.  C starts 2033-11-01: day 90 only on 2034-01-30, still open.
	D starts 2032-10-03, ended 2032-11-01: before the 365 days.  1 retained of 2 = 50.0 %.

	At risk: a partnership with 3 referrals this year and never contacted scores 0 (At risk); one
	with no activity at all has not enough data for a score (not At risk); one with 3 referrals,
	feedback 5 and a call yesterday scores 100 (Healthy); an ended one is not an active
	partnership."""

	TODAY = "2033-12-31 12:00:00"

	def test_ninety_day_retention(self):
		order = make_job_order(openings=10)
		for start, values in (
			("2033-03-01", {}),
			("2033-05-02", {"status": "Ended", "end_date": "2033-06-01", "separation_reason": "Quit"}),
			("2033-11-01", {}),
			("2032-10-03", {"status": "Ended", "end_date": "2032-11-01", "separation_reason": "Quit"}),
		):
			make_placement(order.name, start_date=start, **values)
		with self.freeze_time(self.TODAY):
			card = report_api.retention_90_card()
		self.assertEqual(card["value"], 50.0)
		self.assertEqual(card["fieldtype"], "Percent")

	def test_no_placement_old_enough_is_not_zero_retention(self):
		make_placement(start_date="2033-11-01")
		with self.freeze_time(self.TODAY):
			self.assertEqual(report_api.retention_90_card(), "–")

	def test_partnerships_at_risk(self):
		with self.freeze_time(self.TODAY):
			before = report_api.partnerships_at_risk_card()["value"]
		make_hiring_partnership(partner_name="Quiet Partner Card")
		ended = make_hiring_partnership(partner_name="Ended Partner Card", status="Ended")
		silent = make_hiring_partnership(partner_name="Silent Partner Card")
		healthy = make_hiring_partnership(partner_name="Healthy Partner Card")
		for partnership in (silent, healthy, ended):
			order = make_job_order(hiring_partnership=partnership.name, openings=5)
			for _ in range(3):
				referral = make_referral(order.name, make_participant().name)
				frappe.db.set_value("Referral", referral.name, "referred_on", "2033-06-01")
		frappe.get_doc(
			{
				"doctype": "Employer Feedback",
				"hiring_partnership": healthy.name,
				"satisfaction": 5,
				"received_on": "2033-12-01",
			}
		).insert()
		make_interaction(hiring_partnership=healthy.name, interaction_date="2033-12-30 10:00:00")
		with self.freeze_time(self.TODAY):
			self.assertEqual(report_api.partnerships_at_risk_card()["value"], before + 1)

	def test_an_employer_cannot_read_them(self):
		frappe.set_user(make_user("Employer Partner"))
		for card in (report_api.retention_90_card, report_api.partnerships_at_risk_card):
			with self.assertRaises(frappe.PermissionError):
				card()
