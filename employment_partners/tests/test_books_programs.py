"""The program that funds a placement (Placement.program), and, with ERPNext, the cost center and
accounting dimensions its postings carry (issue 26, item 8; books/dimensions.py).

On both sites: a placement's program defaults to the participant's enrolment open on its start
date (the first in their list when several are) and a program they are not enrolled in that day
is refused.  On Frappe alone Program shows none of ERPNext's fields.

On the ERPNext site (company Riverside Employment Agency, abbreviation REA; Settings post
incentives from Miscellaneous Expenses - REA and bonuses from Marketing Expenses - REA to Cash -
REA, cost center Main - REA; test_books.ACCOUNTS), an Accounting Dimension "Grant" (a doctype of
the same name, made once on the site and kept: creating a dimension alters some fifty tables):
program A names cost center "Program A - REA" and Grant "Grant 1"; a placement of a participant
enrolled in A pays its 500.00 "Hire" incentive on 2026-10-01 ->
  Dr Miscellaneous Expenses - REA 500.00, cost center Program A - REA, Grant 1
  Cr Creditors - REA 500.00, party the employer, cost center Program A - REA, Grant 1."""

import re
import unittest

import frappe

from employment_partners import books
from employment_partners.participants.enrolments import ONTARIO_PROGRAM, SETA_PROGRAM, WIOA_PROGRAM
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement
from employment_partners.tests.test_books import COMPANY, BooksCase
from employment_partners.utils import SETTINGS

ERPNEXT_PROGRAM_FIELDS = ("accounting_dimensions_section", "ep_cost_center", "dimension_col_break")


def make_program(name: str, **values) -> str:
	schedule = frappe.db.get_value("Program", SETA_PROGRAM, "follow_up_schedule")
	return (
		frappe.get_doc({"doctype": "Program", "program_name": name, "follow_up_schedule": schedule, **values})
		.insert()
		.name
	)


class TestPlacementProgram(EPTestCase):
	"""Runs on both sites."""

	def setUp(self):
		super().setUp()
		self.order = make_job_order(openings=5)

	def placement(self, person, **values):
		return make_placement(self.order.name, participant=person.name, **values)

	def test_the_program_defaults_to_the_enrolment_open_on_the_start_date(self):
		person = make_participant(
			enrolments=[
				# SETA 2026-01-05 .. 2026-02-28, then Ontario from 2026-03-01
				{"program": SETA_PROGRAM, "enrolled_on": "2026-01-05", "exit_date": "2026-02-28"},
				{"program": ONTARIO_PROGRAM, "enrolled_on": "2026-03-01"},
			]
		)
		# 2026-02-10: only SETA is open; 2026-02-28: SETA's exit day still counts (enrolled_on <= day
		# <= exit_date); 2026-03-02: only Ontario (SETA exited 2026-02-28)
		self.assertEqual(self.placement(person, start_date="2026-02-10").program, SETA_PROGRAM)
		self.assertEqual(self.placement(person, start_date="2026-02-28").program, SETA_PROGRAM)
		self.assertEqual(self.placement(person, start_date="2026-03-02").program, ONTARIO_PROGRAM)

	def test_with_several_open_the_first_in_the_participants_list_is_taken(self):
		person = make_participant(
			enrolments=[
				{"program": WIOA_PROGRAM, "enrolled_on": "2026-02-01"},  # row 1
				{"program": SETA_PROGRAM, "enrolled_on": "2026-01-05"},  # row 2, open earlier
			]
		)
		# on 2026-03-02 both are open: row 1 (WIOA) is the first in the list
		self.assertEqual(self.placement(person, start_date="2026-03-02").program, WIOA_PROGRAM)
		# on 2026-01-20 only SETA is (WIOA starts 2026-02-01)
		self.assertEqual(self.placement(person, start_date="2026-01-20").program, SETA_PROGRAM)
		# a choice among the open ones is kept
		self.assertEqual(
			self.placement(person, start_date="2026-03-02", program=SETA_PROGRAM).program, SETA_PROGRAM
		)

	def test_no_open_enrolment_leaves_it_empty(self):
		person = make_participant(enrolments=[{"program": SETA_PROGRAM, "enrolled_on": "2026-04-01"}])
		self.assertIsNone(self.placement(person, start_date="2026-03-02").program)

	def test_a_program_the_participant_is_not_enrolled_in_that_day_is_refused(self):
		person = make_participant(
			enrolments=[
				{"program": SETA_PROGRAM, "enrolled_on": "2026-01-05", "exit_date": "2026-02-28"},
				{"program": ONTARIO_PROGRAM, "enrolled_on": "2026-03-01"},
			]
		)
		# never enrolled in WIOA; enrolled in SETA, but it exited 2026-02-28, before the start
		for program in (WIOA_PROGRAM, SETA_PROGRAM):
			with self.assertRaisesRegex(
				frappe.ValidationError,
				f"is not enrolled in {re.escape(program)} on the placement's start date",
			):
				self.placement(person, start_date="2026-03-02", program=program)
		self.assertEqual(frappe.db.count("Placement", {"participant": person.name}), 0)
		# the good path: the program open that day
		placement = self.placement(person, start_date="2026-03-02", program=ONTARIO_PROGRAM)
		# moving the start into SETA's time with Ontario kept is refused; with SETA chosen, saved
		placement.start_date = "2026-02-02"
		with self.assertRaisesRegex(frappe.ValidationError, "is not enrolled in"):
			placement.save()
		placement.reload()
		placement.update({"start_date": "2026-02-02", "program": SETA_PROGRAM})
		placement.save()
		self.assertEqual(frappe.db.get_value("Placement", placement.name, "program"), SETA_PROGRAM)

	def test_the_patch_gives_earlier_placements_their_program(self):
		from employment_partners.patches.v1_4 import placement_programs

		person = make_participant(
			enrolments=[
				{"program": SETA_PROGRAM, "enrolled_on": "2026-01-05", "exit_date": "2026-02-28"},
				{"program": WIOA_PROGRAM, "enrolled_on": "2026-03-01"},  # row 2
				{"program": ONTARIO_PROGRAM, "enrolled_on": "2026-03-01"},  # row 3
			]
		)
		early = self.placement(person, start_date="2026-02-10").name  # SETA alone open
		late = self.placement(person, start_date="2026-03-02").name  # WIOA and Ontario: row 2 first
		chosen = self.placement(person, start_date="2026-03-02", program=ONTARIO_PROGRAM).name
		later = make_participant(enrolments=[{"program": SETA_PROGRAM, "enrolled_on": "2026-04-01"}])
		other = self.placement(later, start_date="2026-03-02").name  # none open on its start
		# as stored before the field existed, the chosen one aside
		frappe.db.set_value("Placement", {"name": ("in", [early, late, other])}, "program", None)
		placement_programs.execute()
		self.assertEqual(
			[frappe.db.get_value("Placement", name, "program") for name in (early, late, chosen, other)],
			[SETA_PROGRAM, WIOA_PROGRAM, ONTARIO_PROGRAM, None],
		)

	def test_program_has_erpnexts_fields_only_with_erpnext(self):
		meta = frappe.get_meta("Program")
		for field in ERPNEXT_PROGRAM_FIELDS:
			self.assertEqual(bool(meta.has_field(field)), books.installed(), field)
		# the hook ERPNext reads names Program on either site; only ERPNext acts on it
		self.assertIn("Program", frappe.get_hooks("accounting_dimension_doctypes"))


def ensure_grant_dimension():
	"""The doctype "Grant" and its Accounting Dimension, made once on the ERPNext test site and kept
	(making either alters tables, which commits)."""
	if not frappe.db.exists("DocType", "Grant"):
		frappe.get_doc(
			{
				"doctype": "DocType",
				"name": "Grant",
				"module": "Accounts",
				"custom": 1,
				"autoname": "field:grant_name",
				"fields": [
					{"fieldname": "grant_name", "fieldtype": "Data", "label": "Grant Name", "reqd": 1}
				],
				"permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1}],
			}
		).insert()
	if not frappe.db.exists("Accounting Dimension", {"document_type": "Grant"}):
		# ERPNext adds its field to every doctype of the accounting_dimension_doctypes hook
		frappe.get_doc({"doctype": "Accounting Dimension", "document_type": "Grant"}).insert()
	frappe.db.commit()
	from employment_partners import install

	install.ensure_dimension_fields()  # should an earlier run have stopped with Program's field gone
	return frappe.db.get_value("Accounting Dimension", {"document_type": "Grant"}, ["name", "fieldname"])


def forget_dimensions():
	"""ERPNext caches the dimensions and their company rules in frappe.flags for the request; a test
	is one long request."""
	frappe.flags.accounting_dimensions = None
	frappe.flags.accounting_dimensions_details = None


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestProgramAccounting(BooksCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.dimension, cls.field = ensure_grant_dimension()

	def setUp(self):
		super().setUp()
		forget_dimensions()
		from employment_partners.books import parties

		self.supplier = parties.create_supplier(self.partnership)
		frappe.db.set_value("Job Order", self.order.name, "openings", 5)
		for grant in ("Grant 1", "Grant 2"):
			frappe.get_doc({"doctype": "Grant", "grant_name": grant}).insert()
		self.cost_center = (
			frappe.get_doc(
				{
					"doctype": "Cost Center",
					"cost_center_name": "Program A",
					"parent_cost_center": "Riverside Employment Agency - REA",
					"company": COMPANY,
				}
			)
			.insert()
			.name
		)
		self.program_a = make_program("Program A", ep_cost_center=self.cost_center, **{self.field: "Grant 1"})
		self.program_b = make_program("Program B")  # neither cost center nor grant
		self.in_a = make_participant(programs=[self.program_a]).name
		self.in_b = make_participant(programs=[self.program_b]).name

	def tearDown(self):
		super().tearDown()
		forget_dimensions()

	def paid_incentive(self, participant, **values):
		return self.placement(
			participant=participant,
			incentive_payments=[{"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"}],
			**values,
		)

	def rows(self, voucher_no: str) -> list[list]:
		"""The voucher's GL lines: account, debit, credit, cost center, grant."""
		rows = frappe.get_all(
			"GL Entry",
			filters={"voucher_no": voucher_no, "is_cancelled": 0},
			fields=["account", "debit", "credit", "cost_center", self.field],
			as_list=True,
		)
		return sorted([list(row) for row in rows], key=lambda row: (-row[1], row[0]))

	def make_mandatory(self, **flags):
		dimension = frappe.get_doc("Accounting Dimension", self.dimension)
		dimension.append("dimension_defaults", {"company": COMPANY, "reference_document": "Grant", **flags})
		dimension.save()
		forget_dimensions()

	def test_a_placement_posts_with_its_programs_cost_center_and_dimension(self):
		placement = self.paid_incentive(self.in_a)
		self.assertEqual(placement.program, self.program_a)  # from the enrolment, not chosen
		voucher = placement.incentive_payments[0].voucher_no
		self.assertEqual(
			[
				(row.cost_center, row.get(self.field))
				for row in frappe.get_doc("Journal Entry", voucher).accounts
			],
			[(self.cost_center, "Grant 1")] * 2,
		)
		# the ledger: Dr expense 500 and Cr the employer's payable 500, both in Program A, Grant 1
		self.assertEqual(
			self.rows(voucher),
			[
				["Miscellaneous Expenses - REA", 500.0, 0.0, self.cost_center, "Grant 1"],
				["Creditors - REA", 0.0, 500.0, self.cost_center, "Grant 1"],
			],
		)
		# a bonus too: Dr Marketing Expenses 100, Cr Cash 100
		placement.reload()
		placement.append(
			"retention_bonuses",
			{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"},
		)
		placement.save()
		self.assertEqual(
			self.rows(placement.retention_bonuses[0].voucher_no),
			[
				["Marketing Expenses - REA", 100.0, 0.0, self.cost_center, "Grant 1"],
				["Cash - REA", 0.0, 100.0, self.cost_center, "Grant 1"],
			],
		)

	def test_a_purchase_invoice_carries_them_on_its_item_and_payable_line(self):
		frappe.db.set_single_value(SETTINGS, "ep_incentive_voucher", "Purchase Invoice")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		placement = self.paid_incentive(self.in_a)
		invoice = frappe.get_doc("Purchase Invoice", placement.incentive_payments[0].voucher_no)
		self.assertEqual(
			(invoice.items[0].cost_center, invoice.items[0].get(self.field), invoice.get(self.field)),
			(self.cost_center, "Grant 1", "Grant 1"),
		)
		# ERPNext gives the payable line the invoice's dimensions and no cost center
		self.assertEqual(
			self.rows(invoice.name),
			[
				["Miscellaneous Expenses - REA", 500.0, 0.0, self.cost_center, "Grant 1"],
				["Creditors - REA", 0.0, 500.0, None, "Grant 1"],
			],
		)

	def test_a_program_without_them_posts_with_settings_cost_center(self):
		placement = self.paid_incentive(self.in_b)
		self.assertEqual(
			self.rows(placement.incentive_payments[0].voucher_no),
			[
				["Miscellaneous Expenses - REA", 500.0, 0.0, "Main - REA", None],
				["Creditors - REA", 0.0, 500.0, "Main - REA", None],
			],
		)

	def test_a_mandatory_dimension_the_program_lacks_is_refused_and_nothing_is_saved(self):
		self.make_mandatory(mandatory_for_pl=1)
		placement = self.placement(participant=self.in_b)  # nothing paid: nothing to post
		placement.append("incentive_payments", {"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"})
		message = (
			f"Grant is mandatory for {COMPANY}'s profit and loss entries: set it on program {self.program_b}"
		)
		with self.assertRaisesRegex(frappe.ValidationError, re.escape(message)):
			placement.save()
		self.assertEqual(frappe.db.count("Placement Incentive Payment", {"parent": placement.name}), 0)
		self.assertFalse(frappe.db.exists("Journal Entry", {"ep_placement": placement.name}))
		# a new placement is not made either
		with self.assertRaisesRegex(frappe.ValidationError, re.escape(message)):
			self.paid_incentive(self.in_b)
		self.assertEqual(frappe.db.count("Placement", {"participant": self.in_b}), 1)
		# set on the program, the same save posts, with it
		frappe.db.set_value("Program", self.program_b, self.field, "Grant 1")
		placement.reload()
		placement.append("incentive_payments", {"milestone": "Hire", "amount": 500, "paid_on": "2026-10-01"})
		placement.save()
		self.assertEqual(
			self.rows(placement.incentive_payments[0].voucher_no),
			[
				["Miscellaneous Expenses - REA", 500.0, 0.0, "Main - REA", "Grant 1"],
				["Creditors - REA", 0.0, 500.0, "Main - REA", "Grant 1"],
			],
		)

	def test_mandatory_for_the_balance_sheet_names_those_entries(self):
		self.make_mandatory(mandatory_for_bs=1)
		vouchers = frappe.db.count("Journal Entry")
		with self.assertRaisesRegex(
			frappe.ValidationError,
			re.escape(f"Grant is mandatory for {COMPANY}'s balance sheet entries: set it on program"),
		):
			self.placement(
				participant=self.in_b,
				retention_bonuses=[
					{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-05", "paid_how": "Cash"}
				],
			)
		self.assertEqual(frappe.db.count("Journal Entry"), vouchers)
		self.assertEqual(frappe.db.count("Placement", {"participant": self.in_b}), 0)

	def test_the_companys_default_fills_what_the_program_does_not(self):
		# mandatory, with Grant 2 the company's default: program B (no grant) posts with Grant 2,
		# program A keeps its own Grant 1
		self.make_mandatory(mandatory_for_pl=1, default_dimension="Grant 2")
		b = self.paid_incentive(self.in_b)
		a = self.paid_incentive(self.in_a)
		self.assertEqual({row[4] for row in self.rows(b.incentive_payments[0].voucher_no)}, {"Grant 2"})
		self.assertEqual({row[4] for row in self.rows(a.incentive_payments[0].voucher_no)}, {"Grant 1"})

	def test_a_programs_cost_center_is_a_ledger(self):
		program = frappe.get_doc("Program", self.program_b)
		program.ep_cost_center = "Riverside Employment Agency - REA"  # the company's root: a group
		with self.assertRaisesRegex(frappe.ValidationError, "is a group"):
			program.save()
		program.reload()
		program.ep_cost_center = self.cost_center
		program.save()


@unittest.skipUnless(books.installed(), "ERPNext is not installed on this site (the ERPNext site runs these)")
class TestDimensionFieldsOnProgram(EPTestCase):
	"""No records of its own: making a custom field alters the table, which commits, so this test
	holds nothing a commit would leave behind (and ends with the site as it found it)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.dimension, cls.field = ensure_grant_dimension()

	def test_every_dimension_has_its_field_on_program_once(self):
		from employment_partners import install

		self.assertIn("Program", frappe.get_hooks("accounting_dimension_doctypes"))
		df = frappe.get_meta("Program").get_field(self.field)
		self.assertEqual((df.fieldtype, df.options), ("Link", "Grant"))
		self.assertEqual(install.ensure_dimension_fields(), [])  # there already: nothing made
		# a dimension that existed before the app joined ERPNext's hook: migrate makes its field, once
		frappe.db.delete("Custom Field", {"dt": "Program", "fieldname": self.field})
		frappe.clear_cache(doctype="Program")
		self.assertEqual(install.ensure_dimension_fields(), [self.field])
		self.assertEqual(install.ensure_dimension_fields(), [])
		self.assertEqual(frappe.db.count("Custom Field", {"dt": "Program", "fieldname": self.field}), 1)
