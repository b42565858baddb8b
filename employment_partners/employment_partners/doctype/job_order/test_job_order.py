import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_converted_lead,
	make_job_order,
	make_placement,
	unique,
)


class TestJobOrderRules(EPTestCase):
	def test_wage_must_be_positive(self):
		title = unique("Unpaid Intern")
		for wage, says in ((0, "^Give the hourly wage$"), (-5, "Hourly wage must be more than 0, not")):
			with self.assertRaisesRegex(frappe.ValidationError, says):
				make_job_order(job_title=title, hourly_wage=wage)
		self.assertFalse(frappe.db.exists("Job Order", {"job_title": title}))
		self.assertEqual(make_job_order(hourly_wage=0.01).hourly_wage, 0.01)

	def test_hours_must_be_between_1_and_80(self):
		for hours in (0, 0.5, 80.5, 100):
			with self.assertRaisesRegex(frappe.ValidationError, "Hours per week must be between 1 and 80"):
				make_job_order(hours_per_week=hours)
		for hours in (1, 80):
			self.assertEqual(make_job_order(hours_per_week=hours).hours_per_week, hours)

	def test_close_date_before_open_date_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Close date .* is before open date"):
			make_job_order(open_date="2026-05-01", close_date="2026-04-30")
		make_job_order(open_date="2026-05-01", close_date="2026-05-01")

	def test_openings_at_least_one(self):
		with self.assertRaisesRegex(frappe.ValidationError, "at least 1 opening"):
			make_job_order(openings=0)

	def test_new_order_starts_as_draft_or_open(self):
		with self.assertRaisesRegex(frappe.ValidationError, "starts as Draft or Open, not Closed"):
			make_job_order(status="Closed")
		self.assertEqual(make_job_order(status="Draft").status, "Draft")

	def test_status_moves(self):
		order = make_job_order(status="Draft")
		order.status = "On Hold"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot move from Draft to On Hold"):
			order.save()
		order.reload()
		for status in ("Open", "On Hold", "Open", "Closed", "Open", "Cancelled"):
			order.status = status
			order.save()
		order.status = "Open"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot move from Cancelled to Open"):
			order.save()

	def test_filled_cannot_be_chosen_by_hand(self):
		order = make_job_order(openings=2)
		make_placement(order.name)
		order.reload()
		order.status = "Filled"
		with self.assertRaisesRegex(
			frappe.ValidationError, r"Filled is set automatically .*\(1 of 2 filled\)"
		):
			order.save()

	def test_creating_an_order_moves_the_lead_to_source(self):
		lead = make_converted_lead()
		self.assertEqual(lead.stage, "Prospect")
		make_job_order(hiring_partnership=lead.hiring_partnership)
		lead.reload()
		self.assertEqual(lead.stage, "Source")
		self.assertTrue(lead.stage_history[-1].is_automatic)


class TestFilledAutomation(EPTestCase):
	def test_order_fills_when_placements_reach_openings_and_reopens_when_one_ends(self):
		order = make_job_order(openings=2)
		first = make_placement(order.name)
		order.reload()
		self.assertEqual((order.filled, order.status), (1, "Open"))

		second = make_placement(order.name)
		order.reload()
		self.assertEqual((order.filled, order.status), (2, "Filled"))

		second.status, second.end_date, second.separation_reason = "Ended", "2026-04-01", "Quit"
		second.save()
		order.reload()
		self.assertEqual((order.filled, order.status), (1, "Open"))

		first.delete()
		order.reload()
		self.assertEqual((order.filled, order.status), (0, "Open"))

	def test_deleting_one_of_two_active_placements_leaves_one_filled(self):
		# the count the first placement's validation took (0 others) must not be reused on delete
		order = make_job_order(openings=2)
		first = make_placement(order.name)
		make_placement(order.name)
		first.delete()
		order.reload()
		self.assertEqual((order.filled, order.status), (1, "Open"))

	def test_raising_openings_reopens_a_filled_order(self):
		order = make_job_order(openings=1)
		make_placement(order.name)
		order.reload()
		self.assertEqual(order.status, "Filled")
		order.openings = 2
		order.save()
		self.assertEqual(order.status, "Open")

	def test_openings_cannot_drop_below_placements(self):
		order = make_job_order(openings=2)
		make_placement(order.name)
		make_placement(order.name)
		order.reload()
		order.openings = 1
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be fewer than the 2 placements"):
			order.save()
