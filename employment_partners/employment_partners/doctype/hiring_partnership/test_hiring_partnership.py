import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_hiring_partnership, unique


class TestHiringPartnership(EPTestCase):
	def test_a_new_active_partnership_is_due_a_check_in_by_the_rhythm_in_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "partnership_check_in_days", 30)
		with self.freeze_time("2026-11-02 09:00:00"):
			self.assertEqual(str(make_hiring_partnership().next_check_in_date), "2026-12-02")
			self.assertIsNone(make_hiring_partnership(status="Paused").next_check_in_date)

	def test_agreement_end_before_start_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Agreement end .* is before agreement start"):
			make_hiring_partnership(agreement_start="2026-06-01", agreement_end="2026-05-31")

	def test_agreement_dates_in_order_are_saved(self):
		partner = make_hiring_partnership(agreement_start="2026-06-01", agreement_end="2026-06-01")
		self.assertEqual(str(partner.agreement_end), "2026-06-01")

	def test_problematic_flag_needs_a_reason(self):
		name = unique("Sharp Practice Staffing")
		with self.assertRaises(frappe.ValidationError):
			make_hiring_partnership(partner_name=name, problematic_employer=1)
		self.assertFalse(frappe.db.exists("Hiring Partnership", {"partner_name": name}))
		partner = make_hiring_partnership(
			partner_name=name,
			problematic_employer=1,
			problematic_reason="Withheld final pay from two participants",
		)
		self.assertEqual(partner.problematic_employer, 1)

	def test_invalid_ein_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "must have exactly 9 digits"):
			make_hiring_partnership(ein="99")

	def test_duplicate_partner_name_is_refused(self):
		partner = make_hiring_partnership()
		with self.assertRaisesRegex(frappe.DuplicateEntryError, "looks like a duplicate"):
			make_hiring_partnership(partner_name=partner.partner_name.lower() + " inc")
