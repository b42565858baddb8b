"""Every report runs as a Frappe prepared report: the background job (the worker's
`generate_report`) stores the same figures the desk shows when it runs the report directly.

An agency with a large history ticks "Prepared Report" on a report (Report form, System Manager)
and the desk then queues each run to a worker and shows its progress, instead of holding the web
request (README, Scaling)."""

import json
import os

import frappe
from frappe.core.doctype.prepared_report.prepared_report import generate_report, make_prepared_report
from frappe.desk.query_report import run

from employment_partners.demo_data import agency
from employment_partners.tests import EPTestCase


def plain(rows):
	"""Rows as the JSON the prepared report stores them (dates as text)."""
	return json.loads(frappe.as_json(rows))


class TestPreparedReports(EPTestCase):
	def test_each_report_prepared_in_the_background_equals_the_direct_run(self):
		if agency.already_made():
			self.skipTest("this site holds a generated agency")
		agency.Agency(
			agency.Config(employers=40, participants=80, placements=90, seed=9, progress=False)
		).make()
		files = []
		try:
			for report in frappe.get_all("Report", filters={"module": "Employment Partners"}, pluck="name"):
				direct = run(report, filters={}, ignore_prepared_report=True)
				self.assertTrue(direct["result"], report)
				name = make_prepared_report(report, filters={})["name"]
				self.assertEqual(frappe.db.get_value("Prepared Report", name, "status"), "Queued")
				generate_report(name)  # what the worker runs
				prepared = frappe.get_doc("Prepared Report", name)
				self.assertEqual(prepared.status, "Completed", prepared.error_message)
				files += [
					f.file_url for f in frappe.get_all("File", {"attached_to_name": name}, ["file_url"])
				]
				stored = json.loads(prepared.get_prepared_data())
				self.assertEqual(stored["result"], plain(direct["result"]), report)
		finally:
			for url in files:  # the gzip files are on disk, outside the rolled-back transaction
				path = frappe.utils.get_files_path(url.split("/")[-1], is_private=url.startswith("/private"))
				if os.path.exists(path):
					os.remove(path)
