import frappe

from employment_partners import defaults
from employment_partners.patches.v1_4 import subsidized_work_experience
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

	def test_work_experience_is_shipped_subsidized_and_the_patch_marks_an_existing_site(self):
		# shipped: only Work Experience is subsidized (the agency pays the wages)
		self.assertEqual(
			frappe.get_all("Placement Type", filters={"subsidized": 1}, pluck="name"), ["Work Experience"]
		)
		# a site that had Work Experience before the field existed: unmarked, ensure_defaults
		# leaves it so, the patch marks it
		frappe.db.set_value("Placement Type", "Work Experience", "subsidized", 0)
		defaults.ensure_defaults()
		self.assertEqual(frappe.db.get_value("Placement Type", "Work Experience", "subsidized"), 0)
		subsidized_work_experience.execute()
		self.assertEqual(frappe.db.get_value("Placement Type", "Work Experience", "subsidized"), 1)

	def test_the_patch_without_work_experience_marks_nothing(self):
		frappe.get_doc(
			{"doctype": "Placement Type", "placement_type_name": "Paid Internship", "time_limited": 1}
		).insert()
		frappe.db.delete("Placement Type", "Work Experience")
		subsidized_work_experience.execute()
		self.assertEqual(frappe.get_all("Placement Type", filters={"subsidized": 1}, pluck="name"), [])
