import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_employer_lead, make_hiring_partnership


class TestIndustrySector(EPTestCase):
	def test_leads_and_partnerships_choose_from_one_list_the_agency_edits(self):
		self.assertEqual(frappe.db.get_value("Industry Sector", "Manufacturing", "naics_code"), "31-33")
		frappe.get_doc(
			{"doctype": "Industry Sector", "sector_name": "Green Energy", "naics_code": "22"}
		).insert()
		self.assertEqual(make_employer_lead(industry="Green Energy").industry, "Green Energy")
		self.assertEqual(make_hiring_partnership(industry="Manufacturing").industry, "Manufacturing")

	def test_an_unknown_sector_is_refused(self):
		with self.assertRaisesRegex(
			frappe.LinkValidationError, "Could not find Industry .NAICS sector.: Space Mining"
		):
			make_employer_lead(industry="Space Mining")
