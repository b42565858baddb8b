"""Funder-ready exports (employment_partners/exports.py, letter_head.py): the agency's letter head
made at set-up, the PDF of an app report (letter head, agency, headline figures, column headers
on every page, numbered pages, definitions) and its Excel file (a Definitions sheet, one kind of
value per column), both reached through the request guard's overrides as the desk reaches them.

The Employer Placement Summary rows are those of its own test (2011 here):
  1 Ana   2011-02-07  18.00 40  1000  ended 2011-05-09 (91 days)  Work Experience
  2 Ana   2011-06-06  19.50 35     0  running                     Competitive Employment
  3 Ben   2011-03-14  21.25 40  2500  ended 2011-04-04 (21 days)  On-the-Job Training
Placements 3 (2 with an incentive, 1 without), participants 2 (Ana, Ben; Ana in both columns):
average wage (18 + 19.50 + 21.25) / 3 = 19.58; average duration (91 + 21) / 2 / 7 = 8.0 weeks;
average incentive (1000 + 2500) / 2 = 1,750.00; still running 1 (placement 2).
"""

import io
import json

import frappe
from frappe.utils import escape_html
from openpyxl import load_workbook
from pypdf import PdfReader

from employment_partners import exports, letter_head, reporting
from employment_partners.employment_partners.report.employer_placement_summary import (
	employer_placement_summary as summary_report,
)
from employment_partners.employment_partners.report.employer_placement_summary.test_employer_placement_summary import (
	place,
)
from employment_partners.employment_partners.report.incentive_spend.test_incentive_spend import allocation
from employment_partners.security import overrides
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_participant, make_user
from employment_partners.utils import SETTINGS

PERIOD = {"from_date": "2011-01-01", "to_date": "2011-12-31", "as_of": "2011-12-31"}
SUMMARY = "Employer Placement Summary"


def clear_letter_heads():
	"""No default letter head on the site (undone with the test's rollback)."""
	frappe.db.sql("update `tabLetter Head` set is_default = 0")


def agency(name):
	frappe.db.set_single_value(SETTINGS, "agency_name", name)


def without_erpnext_company():
	"""Settings' Agency Name speaks for the agency: with ERPNext, its default company would come
	first (test_an_erpnext_company_names_the_agency), so it is taken away for the test (undone
	with the rollback)."""
	if "erpnext" in frappe.get_installed_apps():
		frappe.db.set_single_value("Global Defaults", "default_company", None)


def page_texts(content: bytes) -> list[str]:
	"""Each page's text, its whitespace made single spaces."""
	return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


class TestLetterHead(EPTestCase):
	def setUp(self):
		super().setUp()
		without_erpnext_company()
		clear_letter_heads()
		frappe.db.set_single_value("System Settings", "app_name", "Frappe")

	def test_set_up_makes_the_default_letter_head_from_the_agency_name(self):
		agency("Riverbend Works & Training")
		made = letter_head.ensure_letter_head()
		self.assertEqual(made, "Riverbend Works & Training")
		row = frappe.db.get_value("Letter Head", made, ["is_default", "disabled", "content"], as_dict=True)
		self.assertEqual((row.is_default, row.disabled), (1, 0))
		self.assertIn(escape_html("Riverbend Works & Training"), row.content)
		# made once: a second set-up (every migrate) makes nothing
		self.assertIsNone(letter_head.ensure_letter_head())
		self.assertEqual(letter_head.for_print()["name"], made)

	def test_an_agencys_own_letter_head_is_never_overwritten(self):
		own = frappe.get_doc(
			{
				"doctype": "Letter Head",
				"letter_head_name": "Our Own Letter Head",
				"source": "HTML",
				"content": "<p>Our own design</p>",
				"is_default": 1,
			}
		).insert()
		agency("Riverbend Works")
		self.assertIsNone(letter_head.ensure_letter_head())
		self.assertEqual(frappe.db.get_value("Letter Head", own.name, "content"), "<p>Our own design</p>")
		self.assertFalse(frappe.db.exists("Letter Head", "Riverbend Works"))
		self.assertEqual(letter_head.for_print()["name"], own.name)

	def test_no_name_no_letter_head(self):
		# no ERPNext company, no Agency Name, the application still called "Frappe"
		agency(None)
		self.assertIsNone(letter_head.agency_name())
		self.assertIsNone(letter_head.ensure_letter_head())
		# the site's application name, once it is the agency's
		frappe.db.set_single_value("System Settings", "app_name", "Northside Employment")
		self.assertEqual(letter_head.agency_name(), "Northside Employment")

	def test_the_after_migrate_set_up_makes_it(self):
		from employment_partners import install

		agency("Migrated Agency")
		install.after_migrate()
		self.assertEqual(letter_head.for_print()["name"], "Migrated Agency")


class ExportCase(EPTestCase):
	def setUp(self):
		super().setUp()
		without_erpnext_company()
		ana, ben = (make_participant(first_name=n, enrolment_date="2010-01-04") for n in ("Ana", "Ben"))
		place(ana, "2011-02-07", 18, 40, 1000, "Work Experience", status="Completed", end_date="2011-05-09")
		place(ana, "2011-06-06", 19.5, 35)
		place(
			ben,
			"2011-03-14",
			21.25,
			40,
			2500,
			"On-the-Job Training",
			status="Ended",
			end_date="2011-04-04",
			separation_reason="Quit",
		)
		clear_letter_heads()
		agency("Lakeshore Employment Partners")
		letter_head.ensure_letter_head()

	def export(self, report_name, file_format, filters):
		"""As the desk's Export button calls it: through the guard's override of export_query."""
		frappe.local.response = frappe._dict()
		frappe.local.form_dict = frappe._dict(
			cmd="frappe.desk.query_report.export_query",
			report_name=report_name,
			file_format_type=file_format,
			filters=json.dumps(filters),
			visible_idx="[]",
			include_indentation=0,
		)
		overrides.export_query(**frappe.local.form_dict)
		return frappe.local.response

	def pdf(self, report_name, filters, **args):
		"""As the desk's PDF button calls it: through the guard's override of report_to_pdf."""
		frappe.local.response = frappe._dict()
		overrides.report_to_pdf(
			html="<p>the desk's own page, not used</p>",
			report_name=report_name,
			filters=json.dumps(filters),
			**args,
		)
		return frappe.local.response


class TestExcelExport(ExportCase):
	def test_the_excel_file_has_a_definitions_sheet_and_one_kind_per_column(self):
		response = self.export(SUMMARY, "Excel", PERIOD)
		self.assertEqual(response.filename, f"{SUMMARY}.xlsx")
		book = load_workbook(io.BytesIO(response.filecontent))
		self.assertEqual(book.sheetnames, [SUMMARY, "Definitions"])

		# the Definitions sheet: a header, then exactly the report's definitions, then the period
		definitions = [tuple(r) for r in book["Definitions"].iter_rows(values_only=True)]
		self.assertEqual(definitions[0], ("Figure", "How it is counted"))
		expected = [(name, text) for name, text in summary_report.DEFINITIONS]
		self.assertEqual(definitions[1 : 1 + len(expected)], expected)
		rest = dict(r for r in definitions[2 + len(expected) :] if r[0])
		self.assertIn("measured as of", rest["Counted"])
		self.assertEqual(rest["Agency"], "Lakeshore Employment Partners")

		# the figures: the mixed Total / With / Without columns split by kind
		sheet = book[SUMMARY]
		rows = [list(r) for r in sheet.iter_rows(values_only=True)]
		header = rows[0]
		self.assertEqual(
			header,
			[
				"Placement Profile",
				"Total (count)",
				"With Incentive (count)",
				"Without Incentive (count)",
				"Total (amount)",
				"With Incentive (amount)",
				"Without Incentive (amount)",
				"Total (number)",
				"With Incentive (number)",
				"Without Incentive (number)",
			],
		)
		by_measure = {row[0]: row[1:] for row in rows[1:]}
		# counts only in the count columns: 3 placements (2 with, 1 without); 2 participants
		self.assertEqual(by_measure["# of Placements"], [3, 2, 1, None, None, None, None, None, None])
		self.assertEqual(by_measure["# of Participants"], [2, 2, 1, None, None, None, None, None, None])
		# money only in the amount columns: (18 + 19.50 + 21.25) / 3 = 19.58; (18 + 21.25) / 2 =
		# 19.625 -> 19.63; 19.50
		self.assertEqual(
			by_measure["Average Hourly Wage"], [None, None, None, 19.58, 19.63, 19.5, None, None, None]
		)
		# averages only in the number columns: (91 + 21) / 2 / 7 = 8.0 weeks; nothing ended without
		self.assertEqual(by_measure["Average Duration (weeks)"][6:], [8.0, 8.0, None])
		for i, name in enumerate(header[1:], start=2):
			kind = name.rsplit("(", 1)[1].rstrip(")")
			values = [sheet.cell(row=r, column=i) for r in range(2, sheet.max_row + 1)]
			numbers = [c for c in values if c.value is not None]
			self.assertTrue(numbers, name)
			# one kind per column, and the cell says which
			expected_format = {"count": "#,##0", "amount": "#,##0.00", "number": "#,##0.0#"}[kind]
			self.assertEqual({c.number_format for c in numbers}, {expected_format}, name)
			if kind == "count":
				self.assertTrue(all(isinstance(c.value, int) for c in numbers), name)

	def test_a_report_of_one_kind_per_column_is_exported_as_it_is(self):
		# Incentive Spend's columns are each of one kind already: the same columns, in order
		allocation("FY 2011 export", "2011-01-01", "2011-12-31", 10000, 1000)
		response = self.export("Incentive Spend", "Excel", {"fiscal_year": "FY 2011 export"})
		sheet = load_workbook(io.BytesIO(response.filecontent))["Incentive Spend"]
		header = [c.value for c in sheet[1]]
		from employment_partners.employment_partners.report.incentive_spend import incentive_spend

		self.assertEqual(header, [c["label"] for c in incentive_spend.columns()])
		# 2011: 3 placements, 2 with an incentive for 2 participants, committed 1000 + 2500 = 3,500
		values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
		self.assertEqual((values["Placements"], values["Participants with an Incentive Placement"]), (3, 2))
		self.assertEqual(values["Average Committed per Participant"], 1750.0)

	def test_csv_has_the_same_columns_by_kind(self):
		response = self.export(SUMMARY, "CSV", PERIOD)
		import csv

		rows = list(csv.reader(io.StringIO(response.filecontent.decode())))
		self.assertEqual(
			rows[0][1:4], ["Total (count)", "With Incentive (count)", "Without Incentive (count)"]
		)
		placements = next(r for r in rows if r[0] == "# of Placements")
		self.assertEqual([float(v) if v else None for v in placements[1:5]], [3, 2, 1, None])

	def test_another_apps_report_is_frappes_own_export(self):
		# a report of another module goes to Frappe's export, untouched: no Definitions sheet
		report = frappe.get_all("Report", filters={"module": ("!=", "Employment Partners"), "report_type": "Script Report", "ref_doctype": "User"}, pluck="name", limit=1)  # fmt: skip
		if not report:
			self.skipTest("no script report of another module on this site")
		self.assertFalse(exports.is_app_report(report[0]))
		self.assertTrue(exports.is_app_report(SUMMARY))

	def test_an_unknown_format_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Export as Excel or CSV, not PDF"):
			self.export(SUMMARY, "PDF", PERIOD)


class TestPdfExport(ExportCase):
	def test_the_page_has_the_letter_head_figures_repeated_headers_and_definitions(self):
		page = exports.report_page(SUMMARY, PERIOD, "Portrait")
		html = page.html
		# the letter head made at set-up, which carries the agency's name (not printed twice)
		self.assertIn(letter_head.header_html("Lakeshore Employment Partners"), html)
		self.assertNotIn('<div class="ep-agency">', html)
		self.assertEqual(page.footer, "Lakeshore Employment Partners - Employer Placement Summary")
		# the headline figures above the table: 3 placements, 2 participants, 19.58, 8.0 weeks, 1 running
		top = html[: html.index('<table class="ep-table">')]
		for label, value in (
			("Placements", "3"),
			("Participants", "2"),
			("Average Hourly Wage", frappe.format_value(19.58, {"fieldtype": "Currency"})),
			("Average Duration (weeks)", "8.0"),
			("Still Running", "1"),
		):
			self.assertIn(
				f'<div class="ep-card-label">{label}</div><div class="ep-card-value">{escape_html(value)}</div>',
				top,
			)
		# column headers repeat on every page, and each page's table has its own
		self.assertIn("thead { display: table-header-group; }", html)
		self.assertEqual(html.count("<thead>"), page.pages)
		# the definitions, after the table
		self.assertIn("How these figures are counted", html[html.index("</table>") :])
		for name, _text in summary_report.DEFINITIONS:
			self.assertIn(f"<b>{escape_html(name)}</b>", html)

	def test_the_pdf_numbers_its_pages_and_repeats_the_column_headers(self):
		# 40 fiscal years, 1950 to 1989: more rows than one page holds
		for year in range(1950, 1990):
			allocation(f"FY {year} pdf", f"{year}-01-01", f"{year}-12-31", 1000, 100)
		response = self.pdf("Incentive Spend", {}, orientation="Landscape")
		self.assertEqual(response.type, "pdf")
		self.assertEqual(response.filecontent[:4], b"%PDF")
		pages = page_texts(response.filecontent)
		self.assertGreater(len(pages), 1)
		for number, text in enumerate(pages, start=1):
			self.assertIn(f"Page {number} of {len(pages)}", text)
			self.assertIn("Lakeshore Employment Partners - Incentive Spend", text)  # the foot of the page
			self.assertIn("Fiscal Year", text)  # the column headers, on every page
			self.assertIn("Incentives Allocated", text)
		# the letter head and the headline figures on the first page
		self.assertIn("Lakeshore Employment Partners", pages[0])
		self.assertIn("% Spent", pages[0])
		self.assertIn("Average Cost per Participant (paid)", pages[0])
		# every year printed once
		years = [y for y in range(1950, 1990) if any(f"FY {y} pdf" in t for t in pages)]
		self.assertEqual(len(years), 40)
		self.assertIn("How these figures are counted", pages[-1].replace("ﬁ", "fi"))

	def test_without_a_letter_head_the_agency_name_still_prints(self):
		page = exports.report_page(SUMMARY, PERIOD, "Landscape", with_letter_head=False)
		self.assertNotIn('class="ep-letter-head"', page.html)
		self.assertIn('<div class="ep-agency">Lakeshore Employment Partners</div>', page.html)

	def test_another_report_is_frappes_own_pdf(self):
		response = self.pdf(None, {}, orientation="Portrait")
		self.assertEqual(response.filecontent[:4], b"%PDF")
		self.assertIn("the desk's own page, not used", " ".join(page_texts(response.filecontent)))

	def test_bad_requests_are_refused_with_a_message(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Print in Landscape or Portrait, not Sideways"):
			self.pdf(SUMMARY, PERIOD, orientation="Sideways")
		with self.assertRaisesRegex(frappe.ValidationError, "There is no Letter Head Nowhere"):
			self.pdf(SUMMARY, PERIOD, letter_head_name="Nowhere")
		with self.assertRaisesRegex(frappe.ValidationError, "The filters must be a JSON object"):
			self.pdf(SUMMARY, ["2011"])
		with self.assertRaisesRegex(frappe.ValidationError, "The period ends on .*, before it starts on"):
			self.pdf(SUMMARY, {"from_date": "2011-12-31", "to_date": "2011-01-01"})

	def test_a_user_who_may_not_run_the_report_gets_no_pdf(self):
		frappe.set_user(make_user("Case Manager"))
		with self.assertRaises(frappe.PermissionError):
			self.pdf("Incentive Spend", {})


class TestCompanyName(EPTestCase):
	def test_an_erpnext_company_names_the_agency(self):
		if "erpnext" not in frappe.get_installed_apps():
			self.skipTest("ERPNext is not installed here: Settings' Agency Name speaks for the agency")
		company = frappe.get_all("Company", pluck="name", limit=1)[0]
		frappe.db.set_single_value("Global Defaults", "default_company", company)
		agency("Not This Name")
		self.assertEqual(letter_head.agency_name(), company)


class TestRowKinds(EPTestCase):
	def test_each_value_goes_to_its_kinds_column(self):
		columns = [
			{"fieldname": "measure", "label": "Measure", "fieldtype": "Data"},
			{"fieldname": "value", "label": "Value", "fieldtype": "Float"},
			{"fieldname": "basis", "label": "Basis", "fieldtype": "Data"},
		]
		rows = [
			{"measure": "Exiters", "value": 7, "row_fieldtype": "Int"},
			{"measure": "Employed", "value": 66.7, "row_fieldtype": "Percent"},
			{"measure": "Earnings", "value": 7345.0, "row_fieldtype": "Currency"},
			{"measure": "Not yet", "value": None, "row_fieldtype": "Percent"},
		]
		out_columns, out_rows = exports.one_kind_per_column(columns, rows)
		self.assertEqual(
			[(c["label"], c["fieldtype"]) for c in out_columns],
			[
				("Measure", "Data"),
				("Value (count)", "Int"),
				("Value (%)", "Percent"),
				("Value (amount)", "Currency"),
				("Basis", "Data"),
			],
		)
		self.assertEqual(
			[(r["value__count"], r["value__%"], r["value__amount"]) for r in out_rows],
			[(7, None, None), (None, 66.7, None), (None, None, 7345.0), (None, None, None)],
		)

	def test_the_definitions_read_back_as_written(self):
		items = [("Rate", "a / b, to 1 decimal & rounded <half> up"), ("Count", 'the "people"')]
		from employment_partners.metrics import period as periods

		message = reporting.definitions(items, periods.make("2011-01-01", "2011-12-31", "2012-06-30"))
		read, line = reporting.definition_items(message)
		self.assertEqual(read, items)
		self.assertEqual(line, reporting.period_line(periods.make("2011-01-01", "2011-12-31", "2012-06-30")))
