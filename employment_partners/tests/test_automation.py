"""The daily job that moves a lead to Feedback once a placement has lasted 30 days."""

from frappe.utils import add_days, today

from employment_partners.pipeline import automation
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_converted_lead,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
)


class TestMaturedPlacements(EPTestCase):
	def setUp(self):
		super().setUp()
		self.lead = make_converted_lead()
		self.order = make_job_order(hiring_partnership=self.lead.hiring_partnership, openings=2)
		self.person = make_participant(enrolment_date=add_days(today(), -120))
		make_referral(self.order.name, self.person.name)
		self.lead.reload()
		self.assertEqual(self.lead.stage, "Match")

	def test_placement_past_30_days_moves_the_lead_once(self):
		make_placement(self.order.name, self.person.name, start_date=add_days(today(), -30))
		self.assertIn(self.lead.name, automation.advance_matured_placements())
		self.lead.reload()
		self.assertEqual(self.lead.stage, "Feedback")
		self.assertTrue(self.lead.stage_history[-1].is_automatic)
		history = len(self.lead.stage_history)
		self.assertNotIn(self.lead.name, automation.advance_matured_placements())
		self.lead.reload()
		self.assertEqual(len(self.lead.stage_history), history)

	def test_younger_or_ended_placements_do_not(self):
		make_placement(self.order.name, self.person.name, start_date=add_days(today(), -29))
		make_placement(
			self.order.name,
			make_participant(enrolment_date=add_days(today(), -120)).name,
			start_date=add_days(today(), -60),
			status="Ended",
			end_date=add_days(today(), -40),
			separation_reason="Quit",
		)
		self.assertNotIn(self.lead.name, automation.advance_matured_placements())
		self.lead.reload()
		self.assertEqual(self.lead.stage, "Match")
