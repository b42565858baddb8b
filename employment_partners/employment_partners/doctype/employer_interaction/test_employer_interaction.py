import frappe
from frappe.utils import add_to_date, get_datetime

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_converted_lead,
	make_employer_lead,
	make_hiring_partnership,
	make_interaction,
)

T0 = get_datetime("2026-03-02 09:00:00")


def stored(doctype: str, name: str, field: str) -> str:
	return str(frappe.db.get_value(doctype, name, field))


class TestEmployerInteraction(EPTestCase):
	def test_needs_a_lead_or_a_partnership(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Choose the Employer Lead or Hiring Partnership"):
			make_interaction()

	def test_interaction_on_converted_lead_also_counts_for_its_partnership(self):
		lead = make_converted_lead()
		interaction = make_interaction(employer_lead=lead.name, interaction_date=T0)
		self.assertEqual(interaction.hiring_partnership, lead.hiring_partnership)
		self.assertEqual(stored("Employer Lead", lead.name, "last_contact_date"), "2026-03-02")
		self.assertEqual(
			stored("Hiring Partnership", lead.hiring_partnership, "last_contact_date"), "2026-03-02"
		)

	def test_last_contact_is_the_latest_interaction_and_follows_deletes(self):
		lead = make_employer_lead()
		make_interaction(employer_lead=lead.name, interaction_date=T0)
		later = make_interaction(employer_lead=lead.name, interaction_date=add_to_date(T0, days=5))
		self.assertEqual(
			str(frappe.db.get_value("Employer Lead", lead.name, "last_contact_date")), "2026-03-07"
		)
		later.delete()
		self.assertEqual(
			str(frappe.db.get_value("Employer Lead", lead.name, "last_contact_date")), "2026-03-02"
		)

	def test_reply_before_the_interaction_is_refused(self):
		partner = make_hiring_partnership()
		with self.assertRaisesRegex(frappe.ValidationError, "is before the interaction itself"):
			make_interaction(
				hiring_partnership=partner.name,
				interaction_date=T0,
				needs_reply=1,
				replied_on=add_to_date(T0, hours=-1),
			)

	def test_reply_without_needs_reply_is_refused(self):
		partner = make_hiring_partnership()
		with self.assertRaisesRegex(frappe.ValidationError, "Tick 'Needs Reply'"):
			make_interaction(
				hiring_partnership=partner.name, interaction_date=T0, replied_on=add_to_date(T0, hours=1)
			)

	def test_median_employer_response_time(self):
		partner = make_hiring_partnership()
		# the employer answered our outbound messages after 2, 10 and 4 hours: median 4
		for hours in (2, 10, 4):
			make_interaction(
				hiring_partnership=partner.name,
				interaction_date=T0,
				needs_reply=1,
				replied_on=add_to_date(T0, hours=hours),
			)
		# an inbound message we answered does not count as the employer's response time
		make_interaction(
			hiring_partnership=partner.name,
			direction="Inbound",
			interaction_date=T0,
			needs_reply=1,
			replied_on=add_to_date(T0, hours=50),
		)
		self.assertEqual(frappe.db.get_value("Hiring Partnership", partner.name, "median_response_hours"), 4)

	def test_inbound_message_needing_reply_gets_a_due_time_from_the_sla(self):
		frappe.db.set_single_value("Employment Partners Settings", "reply_sla_hours", 8)
		partner = make_hiring_partnership()
		interaction = make_interaction(
			hiring_partnership=partner.name, direction="Inbound", interaction_date=T0, needs_reply=1
		)
		self.assertEqual(get_datetime(interaction.reply_due_on), add_to_date(T0, hours=8))


class TestNextContact(EPTestCase):
	"""Settings: a lead is followed up every 14 days, an active partnership checked in every 30."""

	def setUp(self):
		super().setUp()
		settings = frappe.get_doc("Employment Partners Settings")
		settings.lead_follow_up_days, settings.partnership_check_in_days = 14, 30
		settings.save()

	def test_an_interaction_proposes_the_next_follow_up_and_check_in(self):
		lead = make_converted_lead()
		frappe.db.set_value("Employer Lead", lead.name, "next_follow_up_date", "2026-03-01")
		frappe.db.set_value("Hiring Partnership", lead.hiring_partnership, "next_check_in_date", "2026-03-02")
		make_interaction(employer_lead=lead.name, interaction_date=T0)
		# 2 Mar + 14 days = 16 Mar; + 30 days = 1 Apr
		self.assertEqual(stored("Employer Lead", lead.name, "next_follow_up_date"), "2026-03-16")
		self.assertEqual(
			stored("Hiring Partnership", lead.hiring_partnership, "next_check_in_date"), "2026-04-01"
		)

	def test_a_later_contact_the_rep_planned_stands(self):
		lead = make_employer_lead()
		frappe.db.set_value("Employer Lead", lead.name, "next_follow_up_date", "2026-03-05")
		make_interaction(employer_lead=lead.name, interaction_date=T0)
		self.assertEqual(
			str(frappe.db.get_value("Employer Lead", lead.name, "next_follow_up_date")), "2026-03-05"
		)

	def test_lost_leads_and_paused_partnerships_are_not_chased(self):
		lead = make_employer_lead(stage="Lost / Poor Fit", lost_reason="No entry-level roles")
		frappe.db.set_value("Employer Lead", lead.name, "next_follow_up_date", None)
		partnership = make_hiring_partnership(status="Paused")
		make_interaction(employer_lead=lead.name, interaction_date=T0)
		make_interaction(hiring_partnership=partnership.name, interaction_date=T0)
		self.assertIsNone(frappe.db.get_value("Employer Lead", lead.name, "next_follow_up_date"))
		self.assertIsNone(frappe.db.get_value("Hiring Partnership", partnership.name, "next_check_in_date"))
