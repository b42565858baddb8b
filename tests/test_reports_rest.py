"""Every report reads the same over REST (frappe.desk.query_report.run, logged in, against a
served site) as in the desk, exports to Excel and CSV through Frappe's own export, and prints
to PDF."""

import csv
import io
import json

import frappe
import pytest

from tests.conftest import REPORTS, SAMPLE_PERIOD


def same(value):
	"""JSON turns decimals into floats and dates into strings: compare what a reader reads."""
	return json.loads(frappe.as_json(value))


@pytest.mark.parametrize("report", REPORTS)
def test_each_report_reads_the_same_over_rest(live_site, admin_password, report_sample, report):
	from frappe.desk.query_report import run

	session = live_site.login("Administrator", admin_password)
	response = session.post(
		f"{live_site.url}/api/method/frappe.desk.query_report.run",
		data={"report_name": report, "filters": json.dumps(SAMPLE_PERIOD)},
		timeout=60,
	)
	assert response.status_code == 200, response.text[:500]
	over_rest = response.json()["message"]
	in_desk = same(run(report, dict(SAMPLE_PERIOD)))
	assert over_rest["result"] == in_desk["result"]
	assert over_rest["report_summary"] == in_desk["report_summary"]
	assert over_rest["result"], f"{report}: the sample year gives it figures"


def test_a_report_exports_to_csv_and_excel(report_sample):
	from frappe.desk.query_report import export_query

	for file_format, check in (("CSV", _csv_rows), ("Excel", _xlsx_rows)):
		frappe.local.response = frappe._dict()
		frappe.local.form_dict = frappe._dict(
			report_name="Employer Placement Summary",
			file_format_type=file_format,
			filters=json.dumps(SAMPLE_PERIOD),
			visible_idx=json.dumps(list(range(20))),
			include_indentation=0,
		)
		export_query()
		rows = check(frappe.local.response.filecontent)
		header = rows[0]
		assert header[:4] == ["Placement Profile", "Total", "With Incentive", "Without Incentive"], header
		placements = next(row for row in rows if row[0] == "# of Placements")
		# three placements started in 2019: one with an incentive
		assert [float(v) for v in placements[1:4]] == [3, 1, 2]


def _csv_rows(content) -> list[list[str]]:
	text = content.decode() if isinstance(content, bytes) else content
	return [row for row in csv.reader(io.StringIO(text)) if row]


def _xlsx_rows(content) -> list[list]:
	from openpyxl import load_workbook

	sheet = load_workbook(io.BytesIO(content)).active
	return [
		[cell for cell in row] for row in sheet.iter_rows(values_only=True) if any(c is not None for c in row)
	]


def test_an_app_report_exports_funder_ready_over_rest(live_site, admin_password, report_sample):
	"""The desk's Export and PDF buttons, over HTTP: the request guard's overrides run the app's
	exports (employment_partners/exports.py): an Excel file with a Definitions sheet and one kind
	of value per column, a PDF with the letter head, the headline figures and numbered pages."""
	from pypdf import PdfReader

	from employment_partners.employment_partners.report.employer_placement_summary import (
		employer_placement_summary,
	)

	session = live_site.login("Administrator", admin_password)
	response = session.post(
		f"{live_site.url}/api/method/frappe.desk.query_report.export_query",
		data={
			"report_name": "Employer Placement Summary",
			"file_format_type": "Excel",
			"filters": json.dumps(SAMPLE_PERIOD),
			"visible_idx": "[]",
			"include_indentation": 0,
		},
		timeout=60,
	)
	assert response.status_code == 200, response.text[:500]
	from openpyxl import load_workbook

	book = load_workbook(io.BytesIO(response.content))
	assert book.sheetnames == ["Employer Placement Summary", "Definitions"]
	rows = [tuple(r) for r in book["Definitions"].iter_rows(values_only=True)]
	definitions = employer_placement_summary.DEFINITIONS
	assert rows[1 : 1 + len(definitions)] == [tuple(d) for d in definitions]
	header = [c.value for c in book["Employer Placement Summary"][1]]
	assert header[:4] == [
		"Placement Profile",
		"Total (count)",
		"With Incentive (count)",
		"Without Incentive (count)",
	]

	response = session.post(
		f"{live_site.url}/api/method/frappe.utils.print_format.report_to_pdf",
		data={
			"html": "",
			"report_name": "Employer Placement Summary",
			"filters": json.dumps(SAMPLE_PERIOD),
			"orientation": "Portrait",
		},
		timeout=120,
	)
	assert response.status_code == 200 and response.content[:4] == b"%PDF", response.text[:500]
	pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages]
	assert "Riverside Employment Agency" in pages[0]  # the site's default letter head
	assert "Average Hourly Wage" in pages[0] and "Placement Profile" in pages[0]
	assert all(f"Page {i} of {len(pages)}" in text for i, text in enumerate(pages, start=1))
