"""The demo data loads on a real site and tells a consistent story (rolled back afterwards)."""

import frappe

from employment_partners import demo
from employment_partners.tests import EPTestCase


class TestDemoData(EPTestCase):
	def test_demo_pipeline_and_hiring(self):
		if frappe.db.exists("User", demo.DEMO_REP):
			self.skipTest("this site already holds the demo data")
		demo.make_pipeline()
		demo.make_user(demo.DEMO_CASE_MANAGER, "Jamie", "Case Manager")
		demo.make_hiring()

		def stage(name):
			return frappe.db.get_value("Employer Lead", {"organisation_name": name}, "stage")

		self.assertEqual(
			[stage(n) for n in ("Northside Logistics", "Harbor Health Clinic", "Greenleaf Grocers")],
			["Feedback", "Match", "Source"],
		)
		placement = frappe.get_all("Placement", fields=["participant_name", "status", "employer_name"])
		self.assertEqual(
			[(p.participant_name, p.status, p.employer_name) for p in placement],
			[("Maria Santos", "Active", "Northside Logistics")],
		)
		order = frappe.db.get_value(
			"Job Order", {"employer_name": "Northside Logistics"}, ["filled", "status"], as_dict=True
		)
		self.assertEqual((order.filled, order.status), (1, "Open"))
		self.assertEqual(frappe.db.count("Participant"), len(demo.PARTICIPANTS))
