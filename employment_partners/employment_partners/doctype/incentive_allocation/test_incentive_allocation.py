"""Incentive allocations may not overlap: each payment counts against one fiscal year (Incentive
Spend's % spent would otherwise count it twice).  Refused by the controller, which the form,
REST and a data import all go through (the import is tested here); a year that starts the day
after another ends is allowed."""

import csv
import os
import tempfile

import frappe

from employment_partners.employment_partners.doctype.incentive_allocation.incentive_allocation import (
	overlapping,
)
from employment_partners.employment_partners.report.incentive_spend.test_incentive_spend import allocation
from employment_partners.tests import EPTestCase


class TestIncentiveAllocation(EPTestCase):
	def setUp(self):
		super().setUp()
		allocation("FY 2020-21", "2020-04-01", "2021-03-31", 5000, 500)

	def test_allocations_are_checked(self):
		with self.assertRaisesRegex(frappe.ValidationError, "The year ends on .* before it starts"):
			allocation("FY backwards", "2023-03-31", "2022-04-01", 1, 1)
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be negative"):
			allocation("FY negative", "2023-04-01", "2024-03-31", -5, 1)
		self.assertEqual(allocation("FY 2023-24", "2023-04-01", "2024-03-31", 0, 0).name, "FY 2023-24")

	def test_an_overlapping_year_is_refused_with_the_year_it_overlaps(self):
		# 2020 calendar year shares 2020-04-01 .. 2020-12-31 with FY 2020-21; a year inside it,
		# one around it, and one sharing only its last day (2021-03-31) overlap too
		years = (
			("FY calendar", "2020-01-01", "2020-12-31"),
			("FY inside", "2020-06-01", "2020-06-30"),
			("FY around", "2019-01-01", "2022-12-31"),
			("FY last day", "2021-03-31", "2022-03-30"),
		)
		for name, start, end in years:
			with self.assertRaisesRegex(
				frappe.ValidationError,
				"Fiscal year FY 2020-21 already covers part of these dates: spending would be counted twice",
			):
				allocation(name, start, end, 1, 1)
		self.assertFalse(frappe.db.exists("Incentive Allocation", {"name": ("in", [y[0] for y in years])}))

	def test_adjacent_years_are_allowed(self):
		# ends the day before FY 2020-21 starts, starts the day after it ends
		allocation("FY 2019-20", "2019-04-01", "2020-03-31", 1, 1)
		allocation("FY 2021-22", "2021-04-01", "2022-03-31", 1, 1)
		self.assertIsNone(overlapping("2022-04-01", "2023-03-31"))
		self.assertEqual(overlapping("2022-03-31", "2022-04-01"), "FY 2021-22")

	def test_moving_a_year_onto_another_is_refused_and_saving_it_unchanged_is_not(self):
		other = allocation("FY 2021-22", "2021-04-01", "2022-03-31", 1, 1)
		other.save()  # its own dates are no overlap
		other.year_start = "2021-03-01"
		with self.assertRaisesRegex(frappe.ValidationError, "FY 2020-21 already covers"):
			other.save()


class TestIncentiveAllocationImport(EPTestCase):
	"""A data import makes each row through the controller: the overlapping row is refused with
	its message and nothing of it stored, the adjacent one is made.  The importer commits each
	row it makes, so this test commits its own year and removes what it made."""

	YEARS = ("FY 1990-91 import", "FY 1990 import overlap", "FY 1991-92 import")

	def tearDown(self):
		frappe.db.rollback()
		frappe.db.delete("Incentive Allocation", {"name": ("in", self.YEARS)})
		frappe.db.delete("Data Import Log", {"data_import": ("is", "not set")})
		frappe.db.commit()
		super().tearDown()

	def test_a_data_import_refuses_the_overlapping_row(self):
		from frappe.core.doctype.data_import.importer import Importer

		allocation(self.YEARS[0], "1990-04-01", "1991-03-31", 100, 10)
		frappe.db.commit()
		with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
			writer = csv.writer(f)
			writer.writerow(
				["Fiscal Year", "Year Start", "Year End", "Employer Incentives", "Participant Bonuses"]
			)
			writer.writerow([self.YEARS[1], "1990-01-01", "1990-12-31", 5, 5])
			writer.writerow([self.YEARS[2], "1991-04-01", "1992-03-31", 7, 7])
		try:
			log = Importer(
				"Incentive Allocation", file_path=f.name, import_type="Insert New Records", console=True
			).import_data()
		finally:
			os.unlink(f.name)
		results = {
			frappe.parse_json(entry.row_indexes)[0]: bool(entry.success)
			for entry in frappe.get_all(
				"Data Import Log",
				filters={"data_import": ("is", "not set")},
				fields=["row_indexes", "success", "messages"],
			)
		}
		self.assertEqual(results, {2: False, 3: True}, log)
		refused = frappe.get_all(
			"Data Import Log", filters={"data_import": ("is", "not set"), "success": 0}, pluck="messages"
		)
		self.assertIn("FY 1990-91 import already covers part of these dates", refused[0])
		self.assertFalse(frappe.db.exists("Incentive Allocation", self.YEARS[1]))
		self.assertTrue(frappe.db.exists("Incentive Allocation", self.YEARS[2]))
