import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_converted_lead, make_job_order, make_placement


def feedback(partnership, **values):
	return frappe.get_doc(
		{"doctype": "Employer Feedback", "hiring_partnership": partnership, "satisfaction": 4, **values}
	).insert()


class TestEmployerFeedback(EPTestCase):
	def test_satisfaction_is_1_to_5(self):
		partnership = make_job_order().hiring_partnership
		for bad in (0, 6):
			with self.assertRaisesRegex(frappe.ValidationError, f"Satisfaction is 1 to 5, not {bad}"):
				feedback(partnership, satisfaction=bad)
		self.assertFalse(frappe.db.exists("Employer Feedback", {"hiring_partnership": partnership}))
		self.assertEqual(feedback(partnership, satisfaction=5, would_hire_again="Yes").satisfaction, 5)

	def test_the_placement_is_with_the_partnership(self):
		placement = make_placement()
		other = make_job_order().hiring_partnership
		with self.assertRaisesRegex(frappe.ValidationError, f"Placement {placement.name} is not with"):
			feedback(other, placement=placement.name)
		self.assertEqual(
			feedback(placement.hiring_partnership, placement=placement.name).placement, placement.name
		)

	def test_feedback_moves_the_lead_to_feedback_once_it_has_a_placement(self):
		lead = make_converted_lead()
		order = make_job_order(hiring_partnership=lead.hiring_partnership)
		lead.reload()
		self.assertEqual(lead.stage, "Source")
		feedback(lead.hiring_partnership)  # no placement yet: the Feedback gate is closed, the lead stays
		self.assertEqual(frappe.db.get_value("Employer Lead", lead.name, "stage"), "Source")
		make_placement(order.name)
		made = feedback(lead.hiring_partnership)
		lead.reload()
		self.assertEqual(lead.stage, "Feedback")
		self.assertEqual(
			(lead.stage_history[-1].automatic_event, lead.stage_history[-1].event_source),
			("Employer feedback", made.name),
		)
