"""Lending circles: the month-by-month schedule and payouts worked out by hand, and every rule
refused and met."""

import frappe

from employment_partners.retention import lending_circles
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_participant


class TestLendingCircle(EPTestCase):
	def setUp(self):
		super().setUp()
		self.people = [make_participant(first_name=f"Member{i}").name for i in range(11)]

	def circle(self, members: int = 6, orders=None, **values):
		orders = orders or list(range(1, members + 1))
		return frappe.get_doc(
			{
				"doctype": "Lending Circle",
				"circle_name": "Circle " + frappe.generate_hash(length=6),
				"monthly_contribution": 50,
				"start_month": "2026-01-15",
				"members": [
					{"participant": self.people[i], "payout_order": order} for i, order in enumerate(orders)
				],
				**values,
			}
		)

	def test_the_schedule_six_members_fifty_a_month(self):
		"""6 members x 50 = a 300 pot each month, January to June 2026 (the start month's first
		day); the member with payout order k receives in month k; each exactly once."""
		doc = self.circle(orders=[3, 1, 2, 6, 5, 4]).insert()
		self.assertEqual(str(doc.start_month), "2026-01-01")
		self.assertEqual(doc.pot, 300)
		self.assertEqual(
			[(str(p.month), p.recipient, p.pot) for p in doc.payouts],
			[
				("2026-01-01", self.people[1], 300),
				("2026-02-01", self.people[2], 300),
				("2026-03-01", self.people[0], 300),
				("2026-04-01", self.people[5], 300),
				("2026-05-01", self.people[4], 300),
				("2026-06-01", self.people[3], 300),
			],
		)
		self.assertEqual(str(doc.members[0].payout_month), "2026-03-01")
		self.assertEqual(doc.status, "Active")
		total_in = 6 * 6 * 50
		self.assertEqual(sum(p.pot for p in doc.payouts), total_in, "what goes in comes out")

	def test_it_completes_when_every_pot_is_paid(self):
		doc = self.circle().insert()
		for i, payout in enumerate(doc.payouts):
			payout.paid_on = f"2026-0{i + 1}-20"
		doc.save()
		self.assertEqual(doc.status, "Completed")

	def test_contributions_are_recorded_paid_or_missed(self):
		doc = self.circle().insert()
		doc.append(
			"contributions",
			{"month": "2026-01-01", "participant": self.people[0], "amount": 50, "paid_on": "2026-01-05"},
		)
		doc.append("contributions", {"month": "2026-01-10", "participant": self.people[1], "missed": 1})
		doc.save()
		self.assertEqual(len(doc.contributions), 2)

	def test_bad_circles_are_refused_and_store_nothing(self):
		before = frappe.db.count("Lending Circle")
		for build, says in (
			(lambda: self.circle(members=5), "6 to 10 members, not 5"),
			(lambda: self.circle(members=11), "6 to 10 members, not 11"),
			(lambda: self.circle(orders=[1, 2, 3, 4, 5, 5]), "payout orders must be 1 to 6"),
		):
			with self.subTest(says=says), self.assertRaisesRegex(frappe.ValidationError, says):
				build().insert()
		twice = self.circle()
		twice.members[1].participant = twice.members[0].participant
		with self.assertRaisesRegex(frappe.ValidationError, "is a member twice"):
			twice.insert()
		self.assertEqual(frappe.db.count("Lending Circle"), before)

	def test_bad_contributions_and_payouts_are_refused(self):
		doc = self.circle().insert()
		outsider = self.people[10]
		for row, says in (
			({"month": "2026-01-01", "participant": outsider, "paid_on": "2026-01-05"}, "not a member"),
			(
				{"month": "2026-09-01", "participant": self.people[0], "paid_on": "2026-09-05"},
				"not one of the circle's months",
			),
			({"month": "2026-01-01", "participant": self.people[0]}, "as paid"),
			(
				{"month": "2026-01-01", "participant": self.people[0], "paid_on": "2026-01-05", "missed": 1},
				"as paid",
			),
		):
			doc.reload()
			doc.append("contributions", row)
			with self.subTest(row=row), self.assertRaisesRegex(frappe.ValidationError, says):
				doc.save()
		doc.reload()
		doc.append(
			"contributions", {"month": "2026-01-01", "participant": self.people[0], "paid_on": "2026-01-05"}
		)
		doc.append(
			"contributions", {"month": "2026-01-20", "participant": self.people[0], "paid_on": "2026-01-21"}
		)
		with self.assertRaisesRegex(frappe.ValidationError, "two contributions"):
			doc.save()
		doc.reload()
		doc.append(
			"payouts",
			{"month": "2026-01-01", "recipient": self.people[3], "pot": 300, "paid_on": "2026-01-20"},
		)
		with self.assertRaisesRegex(frappe.ValidationError, "Two payouts in January 2026"):
			doc.save()
		doc.reload()
		self.assertEqual((len(doc.contributions), len(doc.payouts)), (0, 6))

	def test_the_order_is_fixed_once_the_first_pot_is_paid(self):
		doc = self.circle().insert()
		doc.members[0].payout_order, doc.members[1].payout_order = 2, 1
		doc.save()  # before any payout: allowed
		self.assertEqual(doc.payouts[0].recipient, self.people[1])
		doc.payouts[0].paid_on = "2026-01-20"
		doc.save()
		doc.members[0].payout_order, doc.members[1].payout_order = 1, 2
		with self.assertRaisesRegex(frappe.ValidationError, "can no longer change"):
			doc.save()
		doc.reload()
		doc.monthly_contribution = 60
		with self.assertRaisesRegex(frappe.ValidationError, "can no longer change"):
			doc.save()

	def test_schedule_is_pure(self):
		rows = lending_circles.schedule("2026-11-30", [("a", 2), ("b", 1)], 50)
		self.assertEqual(
			[(str(r["month"]), r["recipient"], r["pot"]) for r in rows],
			[("2026-11-01", "b", 100.0), ("2026-12-01", "a", 100.0)],
		)
