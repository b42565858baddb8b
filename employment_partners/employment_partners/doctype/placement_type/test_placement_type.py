import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_placement


class TestPlacementType(EPTestCase):
	def test_an_agency_type_goes_from_the_job_order_to_its_placements(self):
		frappe.get_doc(
			{"doctype": "Placement Type", "placement_type_name": "Customized Employment", "time_limited": 0}
		).insert()
		order = make_job_order(placement_type="Customized Employment")
		self.assertEqual(make_placement(order.name).placement_type, "Customized Employment")

	def test_the_shipped_types_and_an_unknown_one(self):
		self.assertEqual(
			frappe.get_all("Placement Type", filters={"time_limited": 1}, pluck="name", order_by="name"),
			["On-the-Job Training", "Work Experience"],
		)
		with self.assertRaisesRegex(frappe.LinkValidationError, "Placement Type"):
			make_job_order(placement_type="Internship of sorts")
