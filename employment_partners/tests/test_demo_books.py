"""The ERPNext demo's books (`demo.make_books`, scripts/demo.sh's last step with EP_WITH_ERPNEXT=1),
run on a small generated agency: what docs/erpnext.md promises, and a second run that makes nothing.

The generated agency's payments go back two years; ERPNext's set-up made only this year's Fiscal
Year (issue 26, item 4: the demo's restart failed on "Date ... is not in any active Fiscal Year",
and held 3 of 26 partnerships as parties, 1 of 105 paid incentives and 0 of 209 bonuses posted)."""

import unittest

import frappe
from frappe.utils import flt, getdate

from employment_partners import books, demo
from employment_partners.demo_data import agency
from employment_partners.tests import EPTestCase
from employment_partners.utils import SETTINGS

SIZES = {"employers": 20, "participants": 40, "placements": 40, "seed": 4, "progress": False}
TABLES = ("Placement Incentive Payment", "Placement Retention Bonus")
VOUCHERS = ("Journal Entry", "Purchase Invoice")
PARTIES = {"Customer": "ep_customer", "Supplier": "ep_supplier"}


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestDemoBooks(EPTestCase):
	def setUp(self):
		super().setUp()
		if agency.already_made():
			raise frappe.ValidationError("this test site holds a generated agency; tests need it without")
		# a site as the demo finds it: posting not set up yet (the step sets it up)
		frappe.db.set_single_value(SETTINGS, "ep_post_to_accounting", 0)
		frappe.clear_document_cache(SETTINGS, SETTINGS)

	def tearDown(self):
		super().tearDown()
		# ERPNext caches the company's fiscal years; the ones the step made are rolled back
		frappe.cache().delete_value("fiscal_years")

	def test_every_partnership_has_parties_and_every_paid_row_is_posted_once(self):
		agency.Agency(agency.Config(**SIZES)).make()
		company = frappe.db.get_value("Company", {}, "name")
		with_placements = frappe.get_all("Placement", pluck="hiring_partnership", distinct=True)
		address = frappe.get_doc(
			{
				"doctype": "Address",
				"address_title": "Main site",
				"address_line1": "12 Dock Road",
				"city": "Riverside",
				"country": "United States",
				"links": [{"link_doctype": "Hiring Partnership", "link_name": with_placements[0]}],
			}
		).insert()
		paid = self.paid_rows()
		missing = [
			frappe.db.count("Hiring Partnership", {field: ("is", "not set")}) for field in PARTIES.values()
		]
		years = {getdate(row.paid_on).year for row in paid}
		# the agency the step gets: partnerships without placements, payments in past years, both kinds
		self.assertGreater(frappe.db.count("Hiring Partnership"), len(with_placements))
		self.assertLess(min(years), getdate().year)
		self.assertEqual({row.doctype for row in paid}, set(TABLES))

		made = demo.make_books()

		# every hiring partnership a Customer and a Supplier of its own, back-linked
		partnerships = frappe.get_all("Hiring Partnership", fields=["name", "ep_customer", "ep_supplier"])
		for party, field in PARTIES.items():
			self.assertEqual(len({p[field] for p in partnerships if p[field]}), len(partnerships), party)
			self.assertEqual(
				{p.name for p in partnerships},
				{
					frappe.db.get_value(party, p[field], "ep_hiring_partnership")
					for p in partnerships
					if p[field]
				},
				party,
			)
			# the partnership's address is the party's too, as its primary address
			customer_or_supplier = frappe.db.get_value("Hiring Partnership", with_placements[0], field)
			self.assertTrue(
				frappe.db.exists(
					"Dynamic Link",
					{
						"parenttype": "Address",
						"parent": address.name,
						"link_doctype": party,
						"link_name": customer_or_supplier,
					},
				),
				party,
			)
			self.assertEqual(
				frappe.db.get_value(party, customer_or_supplier, f"{frappe.scrub(party)}_primary_address"),
				address.name,
			)
		self.assertEqual([made["customers"], made["suppliers"]], missing)

		# every paid row posted by exactly one submitted voucher: its own, on its date, for its amount
		vouchers = self.submitted_vouchers()
		self.assertEqual(sorted(v.ep_placement_row for v in vouchers), sorted(row.name for row in paid))
		by_row = {v.ep_placement_row: v for v in vouchers}
		for row in self.paid_rows():
			voucher = by_row[row.name]
			self.assertEqual((row.voucher_type, row.voucher_no), (voucher.doctype, voucher.name))
			self.assertEqual(voucher.ep_placement, row.parent)
			self.assertEqual(getdate(voucher.posting_date), getdate(row.paid_on))
			self.assertEqual(flt(voucher.amount), flt(row.amount))
		self.assertEqual(made["payments posted"], len(paid))

		# a fiscal year of the company for every year a voucher is posted in, one year each
		from erpnext.accounts.utils import get_fiscal_year

		for day in {getdate(v.posting_date) for v in vouchers}:
			start, end = get_fiscal_year(day, company=company)[1:3]
			self.assertTrue(start <= day <= end, day)

		# a second run (the demo's restart) makes and posts nothing
		self.assertEqual(sum(demo.make_books().values()), 0)
		self.assertEqual(len(self.submitted_vouchers()), len(paid))

	def paid_rows(self) -> list:
		"""The placements' paid incentives and bonuses (a paid date and an amount), with their table."""
		return [
			frappe._dict(row, doctype=table)
			for table in TABLES
			for row in frappe.get_all(
				table,
				filters={"parenttype": "Placement", "paid_on": ("is", "set"), "amount": (">", 0)},
				fields=["name", "parent", "paid_on", "amount", "voucher_type", "voucher_no"],
			)
		]

	def submitted_vouchers(self) -> list:
		"""The submitted vouchers that post a placement's payment row, with their type and amount."""
		return [
			frappe._dict(voucher, doctype=doctype)
			for doctype, amount in zip(VOUCHERS, ("total_debit", "grand_total"), strict=True)
			for voucher in frappe.get_all(
				doctype,
				filters={"docstatus": 1, "ep_placement_row": ("is", "set")},
				fields=["name", "ep_placement", "ep_placement_row", "posting_date", f"{amount} as amount"],
			)
		]
