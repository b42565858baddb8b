import frappe

from employment_partners.retention import schedule
from employment_partners.tests import EPTestCase


class TestFollowUpSchedule(EPTestCase):
	def test_both_schedules_ship_with_their_rows(self):
		for name, rows in schedule.SHIPPED_SCHEDULES.items():
			doc = frappe.get_doc("Follow-up Schedule", name)
			self.assertEqual(
				[(r.label, r.anchor, r.offset_value, r.offset_unit, r.window_days) for r in doc.rows],
				[(r.label, r.anchor, r.offset_value, r.offset_unit, r.window_days) for r in rows],
			)
		self.assertEqual(
			frappe.db.get_single_value("Employment Partners Settings", "default_follow_up_schedule"),
			"Job Retention (SETA 02-09)",
		)

	def test_bad_rows_are_refused(self):
		def make(**row):
			values = {
				"label": "Check-in",
				"anchor": "Placement Start",
				"offset_value": 1,
				"offset_unit": "Weeks",
			}
			values.update(row)
			return frappe.get_doc(
				{"doctype": "Follow-up Schedule", "schedule_name": "Agency schedule", "rows": [values]}
			).insert()

		with self.assertRaisesRegex(frappe.ValidationError, "Row 1: the offset cannot be negative"):
			make(offset_value=-1)
		with self.assertRaisesRegex(
			frappe.ValidationError, "quarters after exit count from the program exit"
		):
			make(offset_unit="End of Quarter after Exit")
		with self.assertRaisesRegex(frappe.ValidationError, "at least one follow-up"):
			frappe.get_doc({"doctype": "Follow-up Schedule", "schedule_name": "Empty", "rows": []}).insert()
		self.assertFalse(frappe.db.exists("Follow-up Schedule", "Agency schedule"))
		self.assertEqual(len(make().rows), 1)
