"""Every report runs as a Frappe prepared report: the background job (the worker's
`generate_report`) stores the same figures the desk shows when it runs the report directly.

An agency with a large history ticks "Prepared Report" on a report (Report form, System Manager)
and the desk then queues each run to a worker and shows its progress, instead of holding the web
request (docs/benchmarks.md, Scaling).

The prepared report is made as the desk makes it and its job runs in a real worker
(`jobs.run_queued`, which commits), so this test writes nothing of its own before it: it compares
the two runs on the site's committed data, then deletes the prepared reports and their files."""

import json
import os

import frappe
from frappe.core.doctype.prepared_report.prepared_report import make_prepared_report
from frappe.desk.query_report import run

from employment_partners import jobs
from employment_partners.tests import EPTestCase


def plain(rows):
	"""Rows as the JSON the prepared report stores them (dates as text)."""
	return json.loads(frappe.as_json(rows))


class TestPreparedReports(EPTestCase):
	def test_each_report_prepared_in_the_background_equals_the_direct_run(self):
		made = []
		try:
			for report in frappe.get_all("Report", filters={"module": "Employment Partners"}, pluck="name"):
				direct = run(report, filters={}, ignore_prepared_report=True)
				name = make_prepared_report(report, filters={})["name"]
				made.append(name)
				self.assertEqual(frappe.db.get_value("Prepared Report", name, "status"), "Queued")
				jobs.run_queued()  # a real worker runs Frappe's generate_report
				prepared = frappe.get_doc("Prepared Report", name)
				self.assertEqual(prepared.status, "Completed", prepared.error_message)
				stored = json.loads(prepared.get_prepared_data())
				self.assertEqual(stored["columns"], plain(direct["columns"]), report)
				self.assertEqual(stored["result"], plain(direct["result"]), report)
			self.assertEqual(len(made), 11)
		finally:
			for name in made:
				for file in frappe.get_all("File", {"attached_to_name": name}, ["name", "file_url"]):
					path = frappe.utils.get_files_path(
						file.file_url.split("/")[-1], is_private=file.file_url.startswith("/private")
					)
					frappe.db.delete("File", file.name)
					if os.path.exists(path):
						os.remove(path)
				frappe.db.delete("Prepared Report", name)
			frappe.db.commit()  # they were committed by the worker
