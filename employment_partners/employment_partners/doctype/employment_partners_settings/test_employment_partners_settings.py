import frappe

from employment_partners.tests import EPTestCase
from employment_partners.utils import get_settings


class TestEmploymentPartnersSettings(EPTestCase):
	def test_defaults_are_installed(self):
		settings = get_settings()
		self.assertEqual(settings.stage_skip_policy, "Allow with written reason")
		self.assertEqual(settings.acknowledge_sla_hours, 24)
		self.assertGreater(settings.living_wage_hourly, 0)

	def test_interval_below_one_is_refused(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.reply_sla_hours = 0
		with self.assertRaisesRegex(
			frappe.ValidationError, "Employer Reply SLA \\(hours\\) must be at least 1"
		):
			settings.save()
		self.assertEqual(frappe.db.get_single_value("Employment Partners Settings", "reply_sla_hours"), 24)

	def test_valid_change_is_saved(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.lead_follow_up_days = 7
		settings.save()
		self.assertEqual(get_settings().lead_follow_up_days, 7)

	def test_retention_defaults_are_installed(self):
		settings = get_settings()
		self.assertEqual((settings.business_day_start, settings.business_day_end), ("09:00", "17:00"))
		self.assertEqual((settings.reminder_days, settings.missed_after_days), (3, 30))
		self.assertEqual(settings.incentive_cap, 8000)

	def test_business_day_must_end_after_it_starts(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.business_day_start, settings.business_day_end = "17:00", "09:00"
		with self.assertRaisesRegex(frappe.ValidationError, "working day must end after it starts"):
			settings.save()
		settings.reload()
		settings.business_day_start, settings.business_day_end = "08:30", "16:30"
		settings.save()

	def test_negative_money_is_refused(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.incentive_cap = -1
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be negative"):
			settings.save()

	def test_a_negative_establishments_count_is_refused_and_a_count_is_kept(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.establishments_count = -5
		with self.assertRaisesRegex(
			frappe.ValidationError, "Establishments in the Service Area cannot be negative"
		):
			settings.save()
		settings.reload()
		settings.establishments_count = 1250
		settings.save()
		self.assertEqual(
			frappe.db.get_single_value("Employment Partners Settings", "establishments_count"), 1250
		)

	def test_retention_intervals(self):
		for field, value, message in (
			("reminder_days", -1, "Reminder days cannot be negative"),
			("missed_after_days", 0, "must be at least 1, not 0"),
			("match_results", 0, "must be at least 1, not 0"),
		):
			settings = frappe.get_doc("Employment Partners Settings")
			settings.set(field, value)
			with self.assertRaisesRegex(frappe.ValidationError, message):
				settings.save()
		settings = frappe.get_doc("Employment Partners Settings")
		settings.update({"reminder_days": 0, "missed_after_days": 1, "match_results": 1})
		settings.save()
		self.assertEqual((get_settings().reminder_days, get_settings().missed_after_days), (0, 1))
