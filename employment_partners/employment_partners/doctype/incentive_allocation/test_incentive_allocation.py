import frappe

from employment_partners.employment_partners.report.incentive_spend.test_incentive_spend import allocation
from employment_partners.tests import EPTestCase


class TestIncentiveAllocation(EPTestCase):
	def setUp(self):
		super().setUp()
		allocation("FY 2020-21", "2020-04-01", "2021-03-31", 5000, 500)

	def test_allocations_are_checked(self):
		with self.assertRaisesRegex(frappe.ValidationError, "already covers part of these dates"):
			allocation("FY overlap", "2020-01-01", "2020-12-31", 1, 1)
		with self.assertRaisesRegex(frappe.ValidationError, "The year ends on .* before it starts"):
			allocation("FY backwards", "2023-03-31", "2022-04-01", 1, 1)
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be negative"):
			allocation("FY negative", "2023-04-01", "2024-03-31", -5, 1)
		self.assertEqual(allocation("FY 2023-24", "2023-04-01", "2024-03-31", 0, 0).name, "FY 2023-24")
