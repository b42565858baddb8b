import frappe

from employment_partners import defaults
from employment_partners.tests import EPTestCase


class TestFollowUpSchedule(EPTestCase):
	def test_the_shipped_schedules_are_on_the_site_with_their_row_ids(self):
		for name in ("Job Retention (SETA 02-09)", "Outcomes at Close, 3, 6 and 12 Months"):
			shipped = defaults.shipped("Follow-up Schedule", name)
			doc = frappe.get_doc("Follow-up Schedule", name)
			fields = ("name", "label", "anchor", "offset_value", "offset_unit", "window_days")
			self.assertEqual(
				[tuple(r.get(f) for f in fields) for r in doc.rows],
				[tuple(r.get(f) for f in fields) for r in shipped["rows"]],
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
				"window_days": 7,
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
		with self.assertRaisesRegex(frappe.ValidationError, "the window must be at least 1 day"):
			make(window_days=0)
		with self.assertRaisesRegex(frappe.ValidationError, "at least one follow-up"):
			frappe.get_doc({"doctype": "Follow-up Schedule", "schedule_name": "Empty", "rows": []}).insert()
		self.assertFalse(frappe.db.exists("Follow-up Schedule", "Agency schedule"))
		self.assertEqual(len(make().rows), 1)
		# a month of the quarters after exit is open all month: no window to give
		monthly = frappe.get_doc(
			{
				"doctype": "Follow-up Schedule",
				"schedule_name": "Monthly after exit",
				"rows": [
					{
						"label": "Month 1",
						"anchor": "Program Exit",
						"offset_value": 1,
						"offset_unit": "Month of the Quarters after Exit",
						"window_days": 0,
					}
				],
			}
		).insert()
		self.assertEqual(len(monthly.rows), 1)
