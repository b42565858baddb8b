import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_converted_lead,
	make_hiring_partnership,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
	speaking,
)


class TestReferral(EPTestCase):
	def setUp(self):
		super().setUp()
		self.order = make_job_order(openings=3)
		self.person = make_participant()

	def test_referral_moves_forward_and_records_dates(self):
		referral = make_referral(self.order.name, self.person.name, status="Proposed")
		self.assertIsNone(referral.referred_on)
		for status in ("Referred", "Interviewing", "Offered"):
			referral.status = status
			referral.save()
		self.assertTrue(referral.referred_on and referral.decided_on)
		referral.status = "Referred"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot move back from Offered to Referred"):
			referral.save()

	def test_decline_needs_a_reason_and_an_employer_who_saw_the_candidate(self):
		referral = make_referral(self.order.name, self.person.name, status="Proposed")

		def move(**values):
			referral.reload()
			referral.update(values)
			referral.save()

		declined = {"status": "Declined by Employer", "decline_reason": "Schedule"}
		with self.assertRaisesRegex(frappe.ValidationError, "Only a referral the employer has received"):
			move(**declined)
		move(status="Referred")
		with self.assertRaisesRegex(frappe.ValidationError, "Say why the employer declined"):
			move(status="Declined by Employer")
		move(**declined)
		self.assertEqual(frappe.db.get_value("Referral", referral.name, "status"), "Declined by Employer")

	def test_final_statuses_are_final(self):
		referral = make_referral(self.order.name, self.person.name)
		referral.status, referral.withdrawal_reason = "Withdrawn", "Took another job"
		referral.save()
		referral.status = "Interviewing"
		with self.assertRaisesRegex(frappe.ValidationError, "already Withdrawn"):
			referral.save()

	def test_hired_only_through_a_placement(self):
		referral = make_referral(self.order.name, self.person.name, status="Referred")
		referral.status = "Hired"
		with self.assertRaisesRegex(frappe.ValidationError, "becomes Hired when its placement is saved"):
			referral.save()
		placement = make_placement(self.order.name, self.person.name, referral=referral.name)
		referral.reload()
		self.assertEqual((referral.status, referral.placement), ("Hired", placement.name))

	def test_placement_refuses_a_referral_for_someone_else(self):
		referral = make_referral(self.order.name, self.person.name)
		with self.assertRaisesRegex(frappe.ValidationError, "is for another participant or job order"):
			make_placement(self.order.name, make_participant().name, referral=referral.name)

	def test_duplicate_open_referral_is_refused(self):
		make_referral(self.order.name, self.person.name)
		with self.assertRaisesRegex(frappe.DuplicateEntryError, "already referred to this job order"):
			make_referral(self.order.name, self.person.name)

	def test_referrals_go_to_open_orders_and_active_participants(self):
		draft = make_job_order(status="Draft")
		with self.assertRaisesRegex(frappe.ValidationError, "is Draft: referrals go to open orders only"):
			make_referral(draft.name, self.person.name)
		exited = make_participant(exit_date="2026-02-01")
		with self.assertRaisesRegex(frappe.ValidationError, "has exited the program"):
			make_referral(self.order.name, exited.name)

	def test_referral_stores_its_match_score(self):
		referral = make_referral(self.order.name, self.person.name)
		self.assertEqual(referral.match_score, 100)
		self.assertIn("Skills 30/30: No skills required", referral.match_breakdown)

	def test_the_match_is_stored_as_data_and_worded_in_the_readers_language(self):
		referral = make_referral(self.order.name, self.person.name)
		stored = frappe.parse_json(frappe.db.get_value("Referral", referral.name, "match_parts"))
		self.assertEqual(
			stored[0],
			{
				"key": "skills",
				"points": 30,
				"max_points": 30,
				"why": {"kind": "Why", "template": {"text": "No skills required"}, "args": []},
			},
		)
		with speaking("es", {"Skills": "Habilidades", "No skills required": "No se piden habilidades"}):
			self.assertIn(
				"Habilidades 30/30: No se piden habilidades",
				frappe.get_doc("Referral", referral.name).match_breakdown,
			)

	def test_first_referral_moves_the_lead_to_match(self):
		lead = make_converted_lead()
		order = make_job_order(hiring_partnership=lead.hiring_partnership)
		make_referral(order.name, self.person.name)
		lead.reload()
		self.assertEqual(lead.stage, "Match")


class TestAcceptedReferralRate(EPTestCase):
	def test_rate_counts_offers_and_hires_against_decisions(self):
		partnership = make_hiring_partnership().name
		order = make_job_order(hiring_partnership=partnership, openings=5)
		outcomes = ["Offered", "Declined by Employer", "Declined by Employer", "Referred"]
		for status in outcomes:
			referral = make_referral(order.name, make_participant().name)
			if status != "Referred":
				referral.status = status
				referral.decline_reason = "Schedule" if status.startswith("Declined") else None
				referral.save()
		hired = make_referral(order.name, make_participant().name)
		make_placement(order.name, hired.participant, referral=hired.name)
		# decided: Offered, Hired, 2 x Declined = 4; accepted: Offered + Hired = 2 -> 50 %
		self.assertEqual(frappe.db.get_value("Hiring Partnership", partnership, "accepted_referral_rate"), 50)
