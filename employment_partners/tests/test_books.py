"""ERPNext integration (employment_partners/books).  On a site with ERPNext (the test command's
second site): the employer as Customer and Supplier, and incentive payments and bonuses posted to
the books, checked in the General Ledger (accounts, amounts, cost center, party).  On Frappe alone:
none of it is there and nothing errors.

Worked example (company Riverside Employment Agency, abbreviation REA, Standard chart):
incentive milestone "Hire" 500.00 paid 2026-10-01 ->
  Dr Miscellaneous Expenses - REA 500.00 (cost center Main - REA)
  Cr Creditors - REA 500.00, party Supplier <the employer>
bonus 30 days 100.00 paid 2026-10-05 ->
  Dr Marketing Expenses - REA 100.00 (Main - REA), Cr Cash - REA 100.00.
Cancelling reverses each line: Frappe/ERPNext mark the original GL rows cancelled and add their
mirror, so the ledger's net for the voucher is 0."""

import unittest

import frappe

from employment_partners import books
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_contact,
	make_hiring_partnership,
	make_job_order,
	make_placement,
	make_user,
)
from employment_partners.utils import SETTINGS

COMPANY = "Riverside Employment Agency"


def make_rent_entry() -> str:
	"""A submitted Journal Entry of the accounts team's own (office rent), nothing to do with any
	placement: what a rep must never be able to cancel."""
	voucher = frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": COMPANY,
			"posting_date": "2026-10-01",
			"user_remark": "Office rent",
			"accounts": [
				{
					"account": "Miscellaneous Expenses - REA",
					"cost_center": "Main - REA",
					"debit_in_account_currency": 1200,
				},
				{"account": "Cash - REA", "cost_center": "Main - REA", "credit_in_account_currency": 1200},
			],
		}
	).insert()
	voucher.submit()
	return voucher.name


ACCOUNTS = {
	"ep_post_to_accounting": 1,
	"ep_company": COMPANY,
	"ep_incentive_expense_account": "Miscellaneous Expenses - REA",
	"ep_cost_center": "Main - REA",
	"ep_bonus_expense_account": "Marketing Expenses - REA",
	"ep_bonus_paid_from_account": "Cash - REA",
}
ERPNEXT_FIELDS = {"Hiring Partnership": ("ep_customer", "ep_supplier"), SETTINGS: ("ep_post_to_accounting",)}


class TestWithoutERPNext(EPTestCase):
	"""Runs on both sites: what exists depends on ERPNext, and a paid incentive saves either way."""

	def test_no_fixtures_that_could_overwrite_an_agencys_or_erpnexts_records(self):
		self.assertEqual(frappe.get_hooks("fixtures", app_name="employment_partners"), [])
		# every custom field the app makes is marked as the app's, so uninstall finds them all
		from employment_partners import install

		for doctype, fields in install.app_custom_fields().items():
			for df in fields:
				self.assertEqual(
					frappe.db.get_value(
						"Custom Field", {"dt": doctype, "fieldname": df["fieldname"]}, "module"
					),
					"Employment Partners",
					(doctype, df["fieldname"]),
				)

	def test_fields_and_methods_follow_erpnext(self):
		for doctype, fields in ERPNEXT_FIELDS.items():
			for field in fields:
				self.assertEqual(bool(frappe.get_meta(doctype).has_field(field)), books.installed(), field)
		if not books.installed():
			from employment_partners.api import books as api

			with self.assertRaisesRegex(frappe.ValidationError, "ERPNext is not installed"):
				api.create_customer(make_hiring_partnership().name)
			order = make_job_order()
			placement = make_placement(
				order.name,
				incentive_amount=1000,
				incentive_duration_weeks=6,
				training_plan="On the line",
				skill_complexity="Low",
				incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}],
			)
			self.assertIsNone(placement.incentive_payments[0].voucher_no)


class BooksCase(EPTestCase):
	"""Posting switched on, a job order and its partnership."""

	def setUp(self):
		super().setUp()
		settings = frappe.get_doc(SETTINGS)
		settings.update(ACCOUNTS)
		settings.save()
		self.order = make_job_order(job_title="Line Cook")
		self.partnership = self.order.hiring_partnership

	def placement(self, **values):
		return make_placement(
			self.order.name,
			incentive_amount=1000,
			incentive_duration_weeks=6,
			training_plan="Two weeks beside a line cook",
			skill_complexity="Low",
			**values,
		)

	def gl(self, voucher_no: str) -> list[list]:
		rows = frappe.get_all(
			"GL Entry",
			filters={"voucher_no": voucher_no},
			fields=["account", "debit", "credit", "cost_center", "party_type", "party", "is_cancelled"],
			as_list=True,
		)
		return sorted([list(row) for row in rows], key=lambda row: (-row[1], row[0]))


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestBooks(BooksCase):
	def test_customer_and_supplier_are_made_from_the_partnership(self):
		contact = make_contact("Dana", "Hiring Partnership", self.partnership)
		frappe.db.set_value("Hiring Partnership", self.partnership, "industry", "Manufacturing")
		from employment_partners.books import parties

		customer = parties.create_customer(self.partnership)
		values = frappe.db.get_value(
			"Customer",
			customer,
			["customer_name", "ep_hiring_partnership", "industry", "territory"],
			as_dict=True,
		)
		partner_name = frappe.db.get_value("Hiring Partnership", self.partnership, "partner_name")
		self.assertEqual(
			(values.customer_name, values.ep_hiring_partnership, values.industry),
			(partner_name, self.partnership, "Manufacturing"),
		)
		self.assertTrue(frappe.db.exists("Territory", values.territory))
		links = {(l.link_doctype, l.link_name) for l in frappe.get_doc("Contact", contact).links}
		self.assertIn(("Customer", customer), links)  # ERPNext's contact, reused
		with self.assertRaisesRegex(frappe.ValidationError, "already has customer"):
			parties.create_customer(self.partnership)
		# a customer belongs to one partnership
		other = make_hiring_partnership().name
		with self.assertRaisesRegex(frappe.ValidationError, "already the customer of partnership"):
			parties.link_customer(other, customer)
		supplier = parties.create_supplier(self.partnership)
		self.assertEqual(frappe.db.get_value("Hiring Partnership", self.partnership, "ep_supplier"), supplier)
		self.assertIn(
			("Supplier", supplier),
			{(l.link_doctype, l.link_name) for l in frappe.get_doc("Contact", contact).links},
		)

	def test_a_rep_who_may_not_change_the_partnership_cannot_make_its_customer(self):
		from employment_partners.api import books as api

		frappe.db.set_value(
			"Hiring Partnership", self.partnership, "assigned_bsr", make_user("Business Services Rep")
		)
		frappe.set_user(make_user("Business Services Rep"))
		with self.assertRaises(frappe.PermissionError):
			api.create_customer(self.partnership)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.get_value("Hiring Partnership", self.partnership, "ep_customer"))

	def test_an_incentive_without_a_supplier_is_refused_and_nothing_is_posted(self):
		placement = self.placement()
		placement.append("incentive_payments", {"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"})
		with self.assertRaisesRegex(frappe.ValidationError, "has no Supplier"):
			placement.save()
		self.assertFalse(frappe.db.exists("Journal Entry", {"ep_placement": placement.name}))
		self.assertEqual(frappe.db.count("Placement Incentive Payment", {"parent": placement.name}), 0)

	def test_a_paid_incentive_posts_a_journal_entry_and_unpaying_cancels_it(self):
		from employment_partners.books import parties

		supplier = parties.create_supplier(self.partnership)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		row = placement.incentive_payments[0]
		self.assertEqual(row.voucher_type, "Journal Entry")
		self.assertEqual(
			frappe.db.get_value(
				"Journal Entry", row.voucher_no, ["docstatus", "ep_placement", "posting_date"]
			),
			(1, placement.name, frappe.utils.getdate("2026-10-01")),
		)
		self.assertEqual(
			self.gl(row.voucher_no),
			[
				["Miscellaneous Expenses - REA", 500.0, 0.0, "Main - REA", None, None, 0],
				["Creditors - REA", 0.0, 500.0, "Main - REA", "Supplier", supplier, 0],
			],
		)
		voucher = row.voucher_no
		placement.reload()
		placement.incentive_payments[0].paid_on = None  # the payment is cancelled
		placement.save()
		self.assertEqual(frappe.db.get_value("Journal Entry", voucher, "docstatus"), 2)
		self.assertIsNone(frappe.db.get_value("Placement Incentive Payment", row.name, "voucher_no"))
		net = frappe.db.sql(
			"select sum(debit) - sum(credit), count(*) from `tabGL Entry` where voucher_no = %s", voucher
		)[0]
		self.assertEqual((float(net[0]), net[1]), (0.0, 4))  # two lines and their reversal
		# paying again posts anew
		placement.reload()
		placement.incentive_payments[0].paid_on = "2026-10-02"
		placement.save()
		again = frappe.db.get_value("Placement Incentive Payment", row.name, "voucher_no")
		self.assertNotEqual(again, voucher)
		self.assertEqual(frappe.db.get_value("Journal Entry", again, "docstatus"), 1)

	def test_a_changed_amount_reposts_and_a_removed_row_cancels(self):
		from employment_partners.books import parties

		parties.create_supplier(self.partnership)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		first = placement.incentive_payments[0].voucher_no
		placement.reload()
		placement.incentive_payments[0].amount = 450
		placement.save()
		second = frappe.db.get_value(
			"Placement Incentive Payment", placement.incentive_payments[0].name, "voucher_no"
		)
		self.assertEqual(frappe.db.get_value("Journal Entry", first, "docstatus"), 2)
		self.assertEqual(frappe.db.get_value("Journal Entry", second, "total_debit"), 450)
		placement.reload()
		placement.set("incentive_payments", [])
		placement.save()
		self.assertEqual(frappe.db.get_value("Journal Entry", second, "docstatus"), 2)

	def test_purchase_invoice_when_settings_say_so(self):
		from employment_partners.books import parties

		frappe.db.set_single_value(SETTINGS, "ep_incentive_voucher", "Purchase Invoice")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		supplier = parties.create_supplier(self.partnership)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		row = placement.incentive_payments[0]
		self.assertEqual(row.voucher_type, "Purchase Invoice")
		invoice = frappe.get_doc("Purchase Invoice", row.voucher_no)
		self.assertEqual((invoice.docstatus, invoice.supplier, invoice.grand_total), (1, supplier, 500))
		self.assertEqual(
			self.gl(row.voucher_no),
			[
				["Miscellaneous Expenses - REA", 500.0, 0.0, "Main - REA", None, None, 0],
				# ERPNext puts no cost center on an invoice's payable line
				["Creditors - REA", 0.0, 500.0, None, "Supplier", supplier, 0],
			],
		)
		placement.reload()
		placement.incentive_payments[0].paid_on = None
		placement.save()
		self.assertEqual(frappe.db.get_value("Purchase Invoice", row.voucher_no, "docstatus"), 2)

	def test_a_paid_bonus_posts_from_the_bonus_account(self):
		placement = self.placement(
			retention_bonuses=[
				{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
			]
		)
		row = placement.retention_bonuses[0]
		self.assertEqual(row.voucher_type, "Journal Entry")
		self.assertEqual(
			self.gl(row.voucher_no),
			[
				["Marketing Expenses - REA", 100.0, 0.0, "Main - REA", None, None, 0],
				["Cash - REA", 0.0, 100.0, "Main - REA", None, None, 0],
			],
		)
		# paid out of the cash account: filed in the cash book as a Cash Entry
		self.assertEqual(frappe.db.get_value("Account", "Cash - REA", "account_type"), "Cash")
		self.assertEqual(frappe.db.get_value("Journal Entry", row.voucher_no, "voucher_type"), "Cash Entry")

	def test_a_bonus_paid_from_an_account_that_is_not_cash_is_a_journal_entry(self):
		settings = frappe.get_doc(SETTINGS)
		settings.ep_bonus_paid_from_account = self.non_cash_asset_account()
		settings.save()
		placement = self.placement(
			retention_bonuses=[
				{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
			]
		)
		voucher = placement.retention_bonuses[0].voucher_no
		self.assertEqual(frappe.db.get_value("Journal Entry", voucher, "voucher_type"), "Journal Entry")

	def test_the_patch_moves_the_incentive_item_out_of_consumable(self):
		from employment_partners.books import postings
		from employment_partners.patches.v1_4 import incentive_item_group

		item = postings._incentive_item()
		if not frappe.db.exists("Item Group", "Consumable"):
			frappe.get_doc(
				{
					"doctype": "Item Group",
					"item_group_name": "Consumable",
					"parent_item_group": "All Item Groups",
				}
			).insert(ignore_permissions=True)
		frappe.db.set_value("Item", item, "item_group", "Consumable")  # as it was first made
		incentive_item_group.execute()
		self.assertEqual(frappe.db.get_value("Item", item, "item_group"), postings._service_item_group())
		self.assertNotEqual(postings._service_item_group(), "Consumable")
		# a group the agency chose is left alone
		frappe.db.set_value("Item", item, "item_group", "All Item Groups")
		incentive_item_group.execute()
		self.assertEqual(frappe.db.get_value("Item", item, "item_group"), "All Item Groups")

	def non_cash_asset_account(self) -> str:
		"""A current-asset ledger of the test company that is not a cash account (a prepaid card float)."""
		name = frappe.db.get_value("Account", {"account_name": "Prepaid Card Float", "company": COMPANY})
		if name:
			return name
		parent = frappe.db.get_value(
			"Account",
			{
				"company": COMPANY,
				"account_type": "",
				"is_group": 1,
				"root_type": "Asset",
				"account_name": "Current Assets",
			},
		)
		return (
			frappe.get_doc(
				{
					"doctype": "Account",
					"account_name": "Prepaid Card Float",
					"parent_account": parent,
					"company": COMPANY,
					"account_type": "",
					"is_group": 0,
				}
			)
			.insert(ignore_permissions=True)
			.name
		)

	def test_posting_settings_are_checked(self):
		settings = frappe.get_doc(SETTINGS)
		settings.ep_bonus_paid_from_account = None
		with self.assertRaisesRegex(frappe.ValidationError, "Bonuses Paid From"):
			settings.save()
		settings.reload()
		settings.ep_cost_center = "Riverside Employment Agency - REA"  # a group
		with self.assertRaisesRegex(frappe.ValidationError, "is a group"):
			settings.save()
		settings.reload()
		settings.ep_post_to_accounting = 0
		settings.ep_incentive_expense_account = None
		settings.save()  # posting off: nothing needed


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestPostingsTrustOnlyTheServer(BooksCase):
	"""Postings happen once, only for what changed, and touch only the placement's own vouchers
	(issue 26, items 1, 3, 5 and 6)."""

	def setUp(self):
		super().setUp()
		from employment_partners.books import parties

		self.supplier = parties.create_supplier(self.partnership)

	def foreign_voucher(self) -> str:
		"""The accounts team's own entry (rent), nothing to do with any placement."""
		return make_rent_entry()

	def vouchers(self, placement: str, docstatus: int = 1) -> list[str]:
		return frappe.get_all(
			"Journal Entry", filters={"ep_placement": placement, "docstatus": docstatus}, pluck="name"
		) + frappe.get_all(
			"Purchase Invoice", filters={"ep_placement": placement, "docstatus": docstatus}, pluck="name"
		)

	def as_rep(self, placement):
		rep = make_user("Business Services Rep")
		frappe.db.set_value("Hiring Partnership", self.partnership, "assigned_bsr", rep)
		frappe.db.set_value("Job Order", self.order.name, "assigned_bsr", rep)
		frappe.set_user(rep)
		return frappe.get_doc("Placement", placement)

	def test_a_row_naming_someone_elses_voucher_cancels_nothing(self):
		rent = self.foreign_voucher()
		placement = self.placement(retention_bonuses=[{"milestone_days": 30, "amount": 100}])
		doc = self.as_rep(placement.name)
		row = doc.retention_bonuses[0].as_dict()
		row.update({"voucher_type": "Journal Entry", "voucher_no": rent, "paid_on": None})
		doc.update({"retention_bonuses": [row]})
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Journal Entry", rent, "docstatus"), 1)
		self.assertIsNone(frappe.db.get_value("Placement Retention Bonus", row.name, "voucher_no"))

	def test_unpaying_a_row_cancels_its_own_voucher_not_the_one_sent(self):
		rent = self.foreign_voucher()
		placement = self.placement(
			retention_bonuses=[
				{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
			]
		)
		own = placement.retention_bonuses[0].voucher_no
		doc = self.as_rep(placement.name)
		doc.retention_bonuses[0].update({"voucher_no": rent, "paid_on": None, "paid_how": None})
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Journal Entry", rent, "docstatus"), 1)
		self.assertEqual(frappe.db.get_value("Journal Entry", own, "docstatus"), 2)

	def test_a_stored_row_pointing_at_a_voucher_not_its_own_is_refused(self):
		rent = self.foreign_voucher()
		placement = self.placement(
			retention_bonuses=[
				{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
			]
		)
		row = placement.retention_bonuses[0]
		frappe.db.set_value(row.doctype, row.name, "voucher_no", rent)  # e.g. edited in the database
		placement.reload()
		placement.retention_bonuses[0].update({"paid_on": None, "paid_how": None})
		with self.assertRaisesRegex(frappe.ValidationError, "was not posted for this payment"):
			placement.save()
		self.assertEqual(frappe.db.get_value("Journal Entry", rent, "docstatus"), 1)

	def test_a_resend_without_the_voucher_fields_posts_nothing_again(self):
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		first = placement.incentive_payments[0]
		# what an import or an integration sends: the rows without their voucher fields
		doc = frappe.get_doc("Placement", placement.name)
		doc.update(
			{
				"incentive_payments": [
					{"name": first.name, "milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}
				]
			}
		)
		doc.save()
		self.assertEqual(self.vouchers(placement.name), [first.voucher_no])
		self.assertEqual(
			frappe.db.get_value("Placement Incentive Payment", first.name, "voucher_no"), first.voucher_no
		)

	def test_a_voucher_already_posted_for_the_row_is_taken_not_posted_again(self):
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		row = placement.incentive_payments[0]
		# the row lost its record of the payment (say, restored from an old backup)
		frappe.db.set_value(
			row.doctype, row.name, {"voucher_no": None, "voucher_type": None, "paid_on": None}
		)
		placement.reload()
		placement.incentive_payments[0].paid_on = "2026-10-01"
		placement.save()
		self.assertEqual(self.vouchers(placement.name), [row.voucher_no])
		self.assertEqual(frappe.db.get_value(row.doctype, row.name, "voucher_no"), row.voucher_no)

	def test_only_a_payment_changed_in_this_save_posts(self):
		frappe.db.set_single_value(SETTINGS, "ep_post_to_accounting", 0)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}],
			retention_bonuses=[
				{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
			],
		)
		frappe.db.set_single_value(SETTINGS, "ep_post_to_accounting", 1)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement.reload()
		placement.training_plan = "Three weeks beside a line cook"  # an unrelated edit
		placement.save()
		self.assertEqual(self.vouchers(placement.name), [])  # history is not back-posted
		# the one-off back-posting: shown first, then posted, once
		from employment_partners.books import postings

		preview = postings.back_post(placement.name, preview=True)
		self.assertEqual(
			[(row["table"], row["amount"]) for row in preview],
			[("incentive_payments", 500.0), ("retention_bonuses", 100.0)],
		)
		self.assertEqual(self.vouchers(placement.name), [])
		self.assertEqual(len(postings.back_post(placement.name)), 2)
		self.assertEqual(len(self.vouchers(placement.name)), 2)
		self.assertEqual(postings.back_post(placement.name), [])
		placement.reload()
		placement.append(
			"incentive_payments", {"milestone": "90 days", "amount": 500, "paid_on": "2026-12-01"}
		)
		placement.save()
		self.assertEqual(len(self.vouchers(placement.name)), 3)  # and the new payment

	def test_payments_paid_before_the_post_from_date_are_not_posted(self):
		frappe.db.set_single_value(SETTINGS, "ep_post_from", "2026-11-01")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = self.placement(
			incentive_payments=[
				{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"},
				{"milestone": "90 days", "amount": 500, "paid_on": "2026-11-01"},
			]
		)
		self.assertEqual([bool(row.voucher_no) for row in placement.incentive_payments], [False, True])

	def test_a_voucher_with_payments_against_it_is_not_cancelled(self):
		from erpnext.accounts.doctype.payment_entry.payment_entry import get_payment_entry

		frappe.db.set_single_value(SETTINGS, "ep_incentive_voucher", "Purchase Invoice")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		invoice = placement.incentive_payments[0].voucher_no
		payment = get_payment_entry("Purchase Invoice", invoice)
		payment.update(
			{"reference_no": "CHQ-1", "reference_date": "2026-10-02", "posting_date": "2026-10-02"}
		)
		payment.insert()
		payment.submit()
		for change in ({"paid_on": None}, {"amount": 450}):
			placement.reload()
			placement.incentive_payments[0].update(change)
			with self.assertRaisesRegex(frappe.ValidationError, "ask the accounts team"):
				placement.save()
		placement.reload()
		placement.set("incentive_payments", [])
		with self.assertRaisesRegex(frappe.ValidationError, "ask the accounts team"):
			placement.save()
		self.assertEqual(frappe.db.get_value("Purchase Invoice", invoice, "docstatus"), 1)
		# once the accounts team has cancelled the payment, the change goes through
		payment.reload()
		payment.cancel()
		placement.reload()
		placement.incentive_payments[0].paid_on = None
		placement.save()
		self.assertEqual(frappe.db.get_value("Purchase Invoice", invoice, "docstatus"), 2)

	def test_each_voucher_carries_its_row_and_copies_do_not(self):
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		row = placement.incentive_payments[0]
		self.assertEqual(
			frappe.db.get_value("Journal Entry", row.voucher_no, ["ep_placement", "ep_placement_row"]),
			(placement.name, row.name),
		)
		# as the desk's Duplicate and Amend copy (no_copy fields left out)
		copy = frappe.copy_doc(frappe.get_doc("Journal Entry", row.voucher_no), ignore_no_copy=False)
		self.assertEqual((copy.get("ep_placement"), copy.get("ep_placement_row")), (None, None))


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestTheBooksAreTheTruth(BooksCase):
	"""What the accounts team does to a voucher in ERPNext, the placement row follows (issue 26,
	item 7): cancelled, amended, deleted; a copy carries no placement."""

	def setUp(self):
		super().setUp()
		from employment_partners.books import parties

		self.supplier = parties.create_supplier(self.partnership)

	def posted(self, voucher_type="Journal Entry"):
		frappe.db.set_single_value(SETTINGS, "ep_incentive_voucher", voucher_type)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		return placement, placement.incentive_payments[0]

	def pointer(self, row) -> tuple:
		return frappe.db.get_value(row.doctype, row.name, ["voucher_type", "voucher_no"])

	def amend(self, voucher_type: str, name: str, **changes):
		"""What the desk's Amend sends: a copy with every field (no_copy ones too) and amended_from."""
		original = frappe.get_doc(voucher_type, name)
		amendment = frappe.copy_doc(original)
		amendment.update({"amended_from": name, "docstatus": 0, **changes})
		return amendment.insert()

	def test_a_voucher_cancelled_in_accounting_leaves_the_row(self):
		placement, row = self.posted()
		frappe.get_doc("Journal Entry", row.voucher_no).cancel()
		self.assertEqual(self.pointer(row), (None, None))
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{
					"reference_doctype": "Placement",
					"reference_name": placement.name,
					"content": ("like", f"%{row.voucher_no} cancelled in accounting%"),
				},
			)
		)
		# an unrelated edit of the placement does not post the payment again
		placement.reload()
		placement.training_plan = "Three weeks"
		placement.save()
		self.assertEqual(self.pointer(row), (None, None))

	def test_an_amendment_to_the_right_supplier_replaces_the_pointer(self):
		placement, row = self.posted("Purchase Invoice")
		right = frappe.get_doc(
			{
				"doctype": "Supplier",
				"supplier_name": "Northside Payroll Services",
				"supplier_group": "Services",
			}
		).insert()
		frappe.get_doc("Purchase Invoice", row.voucher_no).cancel()
		amendment = self.amend("Purchase Invoice", row.voucher_no, supplier=right.name, credit_to=None)
		self.assertEqual(self.pointer(row), (None, None))  # a draft is not the payment's voucher yet
		amendment.submit()
		self.assertEqual(self.pointer(row), ("Purchase Invoice", amendment.name))
		self.assertEqual((amendment.ep_placement, amendment.ep_placement_row), (placement.name, row.name))
		# the amendment is the row's own: unpaying the row cancels it, not the original again
		placement.reload()
		placement.incentive_payments[0].paid_on = None
		placement.save()
		self.assertEqual(frappe.db.get_value("Purchase Invoice", amendment.name, "docstatus"), 2)

	def test_a_deleted_voucher_leaves_no_pointer(self):
		_placement, row = self.posted()
		voucher = row.voucher_no
		# pointers made before the app followed cancellations: the row still names the cancelled one
		frappe.get_doc("Journal Entry", voucher).cancel()
		frappe.db.set_value(row.doctype, row.name, {"voucher_type": "Journal Entry", "voucher_no": voucher})
		# Accounts Settings: "Delete Accounting and Stock Ledger Entries on deletion of Transaction"
		frappe.db.set_single_value("Accounts Settings", "delete_linked_ledger_entries", 1)
		frappe.delete_doc("Journal Entry", voucher)
		self.assertFalse(frappe.db.exists("Journal Entry", voucher))
		self.assertEqual(self.pointer(row), (None, None))

	def test_copies_and_hand_made_vouchers_carry_no_placement(self):
		placement, row = self.posted()
		original = frappe.get_doc("Journal Entry", row.voucher_no)
		duplicate = frappe.copy_doc(original)  # every field copied, as a client may send
		duplicate.docstatus = 0
		duplicate.insert()
		self.assertEqual((duplicate.ep_placement, duplicate.ep_placement_row), (None, None))
		by_hand = frappe.copy_doc(original, ignore_no_copy=False)
		by_hand.docstatus = 0
		by_hand.update(
			{"posting_date": "2026-10-01", "ep_placement": placement.name, "ep_placement_row": row.name}
		)
		by_hand.insert()
		self.assertEqual((by_hand.ep_placement, by_hand.ep_placement_row), (None, None))
		by_hand.ep_placement = placement.name
		by_hand.save()
		self.assertIsNone(frappe.db.get_value("Journal Entry", by_hand.name, "ep_placement"))
		by_hand.submit()
		self.assertEqual(self.pointer(row), ("Journal Entry", original.name))

	def test_a_second_voucher_for_a_posted_row_is_refused(self):
		placement, row = self.posted()
		first = row.voucher_no
		placement.reload()
		placement.incentive_payments[0].amount = 450  # the app cancels the first and posts anew
		placement.save()
		second = self.pointer(row)[1]
		amendment = self.amend("Journal Entry", first)
		with self.assertRaisesRegex(frappe.ValidationError, "is posted as Journal Entry .* already"):
			amendment.submit()
		self.assertEqual(self.pointer(row), ("Journal Entry", second))

	def test_the_patch_repoints_rows_left_on_cancelled_vouchers(self):
		from employment_partners.patches.v1_3 import voucher_pointers_follow_the_books

		_placement, row = self.posted()
		first = row.voucher_no
		frappe.get_doc("Journal Entry", first).cancel()
		stale = {"voucher_type": "Journal Entry", "voucher_no": first}  # as the app left it before
		frappe.db.set_value(row.doctype, row.name, stale)
		voucher_pointers_follow_the_books.execute()
		self.assertEqual(self.pointer(row), (None, None))
		amendment = self.amend("Journal Entry", first)
		amendment.submit()
		frappe.db.set_value(row.doctype, row.name, stale)
		voucher_pointers_follow_the_books.execute()
		self.assertEqual(self.pointer(row), ("Journal Entry", amendment.name))


# payments recorded before posting was switched on
HISTORY = {
	"incentive_payments": [{"milestone": "Hire", "amount": 500, "paid_on": "2025-11-20"}],
	"retention_bonuses": [{"milestone_days": 30, "amount": 100, "paid_on": "2025-12-01", "paid_how": "Cash"}],
}


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestPostingDoesNotBlockWork(BooksCase):
	"""Switching posting on must not block ordinary work (issue 26, item 5): payments recorded
	before it, for an employer with no Supplier and in a year with no Fiscal Year (the test site
	has 2026 only), stay history."""

	def with_history(self, make=None, **values):
		"""A placement whose payments were recorded before posting was switched on."""
		frappe.db.set_single_value(SETTINGS, "ep_post_to_accounting", 0)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = (make or self.placement)(**HISTORY, **values)
		frappe.db.set_single_value(SETTINGS, "ep_post_to_accounting", 1)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		self.assertFalse(frappe.db.get_value("Hiring Partnership", self.partnership, "ep_supplier"))
		return frappe.get_doc("Placement", placement.name)

	def vouchers(self, placement: str) -> int:
		return frappe.db.count("Journal Entry", {"ep_placement": placement}) + frappe.db.count(
			"Purchase Invoice", {"ep_placement": placement}
		)

	def test_an_edit_that_changes_no_payment_is_never_refused(self):
		placement = self.with_history()
		placement.training_plan = "Three weeks beside a line cook"
		placement.hourly_wage = 19
		placement.save()  # no Supplier, no Fiscal Year 2025: neither is asked for
		self.assertEqual(self.vouchers(placement.name), 0)
		# a payment recorded now posts alone; the history beside it stays as it was
		placement.reload()
		placement.append(
			"retention_bonuses",
			{"milestone_days": 90, "amount": 150, "paid_on": "2026-10-05", "paid_how": "Cash"},
		)
		placement.save()
		self.assertEqual([bool(row.voucher_no) for row in placement.retention_bonuses], [False, True])
		self.assertEqual(self.vouchers(placement.name), 1)

	def test_a_payment_changed_in_a_year_without_fiscal_year_is_refused_with_ledgers_words(self):
		"""Changing a payment does post it: ERPNext's own refusal then undoes the save (the request's
		rollback)."""
		placement = self.with_history()
		placement.retention_bonuses[0].amount = 120
		with self.assertRaisesRegex(frappe.ValidationError, "not in any active Fiscal Year"):
			placement.save()

	def test_a_case_manager_closes_a_retention_issue_as_separated(self):
		from frappe.model.workflow import apply_workflow

		from employment_partners.tests.factories import make_retention_issue, make_retention_placement

		case_manager = make_user("Case Manager")

		def make(**values):
			return make_retention_placement(
				case_manager=case_manager,
				job_order=self.order.name,
				incentive_amount=1000,
				incentive_duration_weeks=6,
				training_plan="Two weeks beside a line cook",
				skill_complexity="Low",
				**values,
			)

		placement = self.with_history(make)
		report = make_retention_issue(placement.name, issue_type="Transportation")
		frappe.set_user(case_manager)
		report = apply_workflow(frappe.get_doc("Retention Issue Report", report.name), "Acknowledge")
		report = frappe.get_doc("Retention Issue Report", report.name)
		report.append(
			"interventions",
			{"intervention_type": "Service Referral - Transportation", "owner_user": case_manager},
		)
		report.update(
			{"separation_reason": "Quit", "separation_date": "2026-04-15", "resolution": "Moved away"}
		)
		report.save()
		report = apply_workflow(report, "Plan Intervention")
		report = apply_workflow(report, "Close as Separated")
		frappe.set_user("Administrator")
		self.assertEqual(report.status, "Closed - Separated")
		self.assertEqual(frappe.db.get_value("Placement", placement.name, "status"), "Ended")
		self.assertEqual(self.vouchers(placement.name), 0)


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestRolesThatWork(BooksCase):
	"""The Partnership Manager links an existing customer and sees its placements' vouchers without
	an ERPNext role; employers never see voucher data (issue 26, item 10)."""

	def customer(self, name: str, **values) -> str:
		return (
			frappe.get_doc(
				{
					"doctype": "Customer",
					"customer_name": name,
					"customer_group": "Commercial",
					"territory": "All Territories",
					**values,
				}
			)
			.insert()
			.name
		)

	def test_the_partnership_manager_finds_and_links_an_existing_customer(self):
		from frappe.desk.search import search_link

		from employment_partners.api import books as api

		existing = self.customer(f"Sosa Group {frappe.generate_hash(length=4)}")
		self.customer(f"{existing} (old)", disabled=1)
		taken = self.customer(f"{existing} taken", ep_hiring_partnership=make_hiring_partnership().name)
		frappe.set_user(make_user("Partnership Manager"))
		found = search_link(
			"Customer", existing, query="employment_partners.api.books.linkable_customers", page_length=10
		)
		self.assertEqual([row["value"] for row in found], [existing])  # not disabled, not taken
		self.assertNotIn(taken, [row["value"] for row in found])
		api.link_customer(self.partnership, existing)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Hiring Partnership", self.partnership, "ep_customer"), existing)
		self.assertEqual(frappe.db.get_value("Customer", existing, "ep_hiring_partnership"), self.partnership)

	def test_who_may_not_change_partnerships_searches_no_customer(self):
		from employment_partners.api import books as api

		frappe.set_user(make_user("Employer Partner"))
		with self.assertRaises(frappe.PermissionError):
			api.linkable_customers("Customer", "", "name", 0, 10, {})

	def test_the_partnership_manager_sees_the_vouchers_of_a_placement_read_only(self):
		from employment_partners.api import books as api
		from employment_partners.books import parties
		from employment_partners.portal import users

		supplier = parties.create_supplier(self.partnership)
		frappe.db.set_single_value(SETTINGS, "ep_incentive_voucher", "Purchase Invoice")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		invoice = placement.incentive_payments[0].voucher_no
		manager = make_user("Partnership Manager")
		self.assertFalse(frappe.has_permission("Purchase Invoice", "read", invoice, user=manager))
		frappe.set_user(manager)
		self.assertEqual(
			[
				(v["voucher_type"], v["name"], v["amount"], v["party"], v["docstatus"])
				for v in api.placement_vouchers(placement.name)
			],
			[("Purchase Invoice", invoice, 500.0, supplier, 1)],
		)
		frappe.set_user("Administrator")
		employer = f"books-{frappe.generate_hash(length=6)}@employer.example.com"
		users.invite(self.partnership, employer, "Books", "Owner")
		frappe.set_user(employer)
		self.assertTrue(frappe.has_permission("Placement", "read", placement.name))
		with self.assertRaises(frappe.PermissionError):
			api.placement_vouchers(placement.name)


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestAsAnERPNextUserExpects(BooksCase):
	"""Issue 26, item 12: each low item as an ERPNext user expects it."""

	def customer(self, name: str, **values) -> str:
		return (
			frappe.get_doc(
				{"doctype": "Customer", "customer_name": name, "customer_group": "Commercial", **values}
			)
			.insert()
			.name
		)

	def test_relinking_leaves_no_old_back_link_and_a_disabled_customer_is_refused(self):
		from employment_partners.books import parties

		first, second = (self.customer(f"Sosa Group {frappe.generate_hash(length=4)}") for _i in range(2))
		parties.link_customer(self.partnership, first)
		parties.link_customer(self.partnership, second)
		self.assertIsNone(frappe.db.get_value("Customer", first, "ep_hiring_partnership"))
		self.assertEqual(frappe.db.get_value("Customer", second, "ep_hiring_partnership"), self.partnership)
		disabled = self.customer(f"Closed Co {frappe.generate_hash(length=4)}", disabled=1)
		with self.assertRaisesRegex(frappe.ValidationError, "is disabled"):
			parties.link_customer(self.partnership, disabled)
		self.assertEqual(frappe.db.get_value("Hiring Partnership", self.partnership, "ep_customer"), second)

	def test_a_customer_whose_name_exists_is_offered_for_linking(self):
		from employment_partners.books import parties

		name = frappe.db.get_value("Hiring Partnership", self.partnership, "partner_name")
		existing = self.customer(name)
		with self.assertRaisesRegex(
			frappe.ValidationError, f"{existing} already exists with this name: link it"
		):
			parties.create_customer(self.partnership)
		self.assertFalse(frappe.db.exists("Customer", f"{name} - 1"))

	def test_a_new_party_is_filed_under_setups_groups_with_its_primary_contact(self):
		from employment_partners.books import parties

		frappe.db.set_single_value("Selling Settings", {"customer_group": None, "territory": None})
		frappe.db.set_single_value("Buying Settings", "supplier_group", None)
		contact = make_contact("Dana", "Hiring Partnership", self.partnership)
		frappe.db.set_value("Contact", contact, "is_primary_contact", 1)  # the partnership's main contact
		customer = parties.create_customer(self.partnership)
		supplier = parties.create_supplier(self.partnership)
		self.assertEqual(
			frappe.db.get_value(
				"Customer", customer, ["customer_group", "territory", "customer_primary_contact"]
			),
			("Commercial", "United States", contact),
		)
		self.assertEqual(
			frappe.db.get_value("Supplier", supplier, ["supplier_group", "supplier_primary_contact"]),
			("Services", contact),
		)

	def test_settings_refuse_accounts_of_the_wrong_type(self):
		settings = frappe.get_doc(SETTINGS)
		settings.ep_bonus_paid_from_account = "Creditors - REA"  # a payable
		with self.assertRaisesRegex(frappe.ValidationError, "Bonuses Paid From Creditors - REA is a Payable"):
			settings.save()
		settings.reload()
		settings.ep_incentive_expense_account = "Cash - REA"
		with self.assertRaisesRegex(frappe.ValidationError, "is not an expense account"):
			settings.save()
		settings.reload()
		settings.save()  # the worked example's accounts

	def test_the_incentive_item_is_a_service(self):
		from employment_partners.books import postings

		self.assertEqual(postings._service_item_group(), "Services")

	def test_an_incentive_invoice_has_a_bill_number_and_the_suppliers_due_date(self):
		from employment_partners.books import parties

		frappe.db.set_single_value(SETTINGS, "ep_incentive_voucher", "Purchase Invoice")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		supplier = parties.create_supplier(self.partnership)
		terms = frappe.get_doc(
			{
				"doctype": "Payment Terms Template",
				"template_name": f"Net 30 {frappe.generate_hash(length=4)}",
				"terms": [
					{
						"invoice_portion": 100,
						"due_date_based_on": "Day(s) after invoice date",
						"credit_days": 30,
					}
				],
			}
		).insert()
		frappe.db.set_value("Supplier", supplier, "payment_terms", terms.name)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		invoice = frappe.db.get_value(
			"Purchase Invoice",
			placement.incentive_payments[0].voucher_no,
			["bill_no", "bill_date", "due_date"],
			as_dict=True,
		)
		self.assertEqual(invoice.bill_no, f"{placement.name}: Hire")
		self.assertEqual(str(invoice.bill_date), "2026-10-01")
		self.assertEqual(str(invoice.due_date), "2026-10-31")  # 30 days after the invoice date

	def test_a_supplier_on_hold_is_not_posted_to(self):
		from employment_partners.books import parties

		supplier = parties.create_supplier(self.partnership)
		frappe.db.set_value("Supplier", supplier, {"on_hold": 1, "hold_type": "All"})
		placement = self.placement()
		placement.append("incentive_payments", {"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"})
		with self.assertRaisesRegex(frappe.ValidationError, "is on hold"):
			placement.save()
		frappe.db.set_value("Supplier", supplier, {"release_date": "2026-09-30"})  # released before
		placement = frappe.get_doc("Placement", placement.name)
		placement.append("incentive_payments", {"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"})
		placement.save()
		self.assertTrue(placement.incentive_payments[-1].voucher_no)

	def test_a_placement_that_posted_is_deleted_once_its_vouchers_are_cancelled(self):
		from employment_partners.books import parties

		parties.create_supplier(self.partnership)
		placement = self.placement(
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}]
		)
		voucher = placement.incentive_payments[0].voucher_no
		placement.reload()
		placement.incentive_payments[0].paid_on = None  # cancels the voucher
		placement.save()
		frappe.delete_doc("Placement", placement.name)
		self.assertFalse(frappe.db.exists("Placement", placement.name))
		self.assertEqual(
			frappe.db.get_value("Journal Entry", voucher, ["docstatus", "ep_placement"]), (2, None)
		)
