import frappe

from employment_partners.pipeline import automation, stages
from employment_partners.pipeline.conversion import convert_lead, merge_leads
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_contact,
	make_converted_lead,
	make_employer_lead,
	make_hiring_partnership,
	make_interaction,
	speaking,
	unique,
)


def stored_stage(lead) -> str:
	return frappe.db.get_value("Employer Lead", lead.name, "stage")


class TestStageChanges(EPTestCase):
	def test_new_lead_starts_with_a_history_row(self):
		lead = make_employer_lead()
		self.assertEqual(lead.stage, "Prospect")
		self.assertEqual(len(lead.stage_history), 1)
		row = lead.stage_history[0]
		self.assertEqual((row.from_stage, row.to_stage, row.changed_by), (None, "Prospect", "Administrator"))
		self.assertIsNotNone(lead.stage_changed_on)

	def test_one_step_forward_appends_history(self):
		lead = make_employer_lead()
		lead.stage = "Outreach"
		lead.stage_change_note = "First call booked"
		lead.save()
		row = lead.stage_history[-1]
		self.assertEqual(
			(row.from_stage, row.to_stage, row.note, row.is_skip),
			("Prospect", "Outreach", "First call booked", 0),
		)
		self.assertGreaterEqual(row.days_in_previous_stage, 0)
		self.assertIsNone(lead.stage_change_note)

	def test_days_in_previous_stage_is_measured(self):
		lead = make_employer_lead()
		frappe.db.set_value(
			"Employer Lead",
			lead.name,
			"stage_changed_on",
			frappe.utils.add_days(frappe.utils.now_datetime(), -3),
		)
		lead.reload()
		lead.stage = "Outreach"
		lead.save()
		self.assertAlmostEqual(lead.stage_history[-1].days_in_previous_stage, 3, delta=0.01)

	def test_skip_without_reason_is_refused_and_nothing_saved(self):
		lead = make_employer_lead()
		lead.stage = "Nurture"
		with self.assertRaisesRegex(
			frappe.ValidationError, "Skipping from Prospect to Nurture needs a written reason"
		):
			lead.save()
		self.assertEqual(stored_stage(lead), "Prospect")

	def test_skip_with_reason_is_recorded_as_a_skip(self):
		lead = make_employer_lead()
		lead.stage = "Nurture"
		lead.stage_change_note = "Already qualified at the sector breakfast"
		lead.save()
		self.assertEqual(stored_stage(lead), "Nurture")
		self.assertEqual(lead.stage_history[-1].is_skip, 1)

	def test_skip_refused_under_never_allow_policy(self):
		frappe.db.set_single_value("Employment Partners Settings", "stage_skip_policy", "Never allow")
		lead = make_employer_lead()
		lead.stage = "Qualify"
		lead.stage_change_note = "Warm referral"
		with self.assertRaisesRegex(frappe.ValidationError, "not allowed: move one stage at a time"):
			lead.save()

	def test_step_back_is_allowed(self):
		lead = make_employer_lead()
		for stage in ("Outreach", "Qualify"):
			lead.stage = stage
			lead.save()
		lead.stage = "Prospect"
		lead.save()
		self.assertEqual(
			[r.to_stage for r in lead.stage_history], ["Prospect", "Outreach", "Qualify", "Prospect"]
		)

	def test_lost_needs_reason_and_reopen_clears_it(self):
		lead = make_employer_lead()
		lead.stage = "Lost / Poor Fit"
		with self.assertRaises(frappe.ValidationError):
			lead.save()
		self.assertEqual(stored_stage(lead), "Prospect")
		lead.reload()
		lead.stage = "Lost / Poor Fit"
		lead.lost_reason = "Pays below minimum wage"
		lead.save()
		self.assertEqual(lead.stage_history[-1].note, "Pays below minimum wage")

		lead.stage = "Outreach"
		with self.assertRaisesRegex(frappe.ValidationError, "only be reopened at Prospect"):
			lead.save()
		lead.reload()
		lead.stage = "Prospect"
		lead.stage_change_note = "New management"
		lead.save()
		self.assertIsNone(lead.lost_reason)

	def test_source_needs_a_hiring_partnership(self):
		lead = make_employer_lead(stage="Outreach")
		for stage in ("Qualify", "Nurture"):
			lead.stage = stage
			lead.save()
		lead.stage = "Source"
		with self.assertRaisesRegex(frappe.ValidationError, "Source needs a Hiring Partnership"):
			lead.save()
		self.assertEqual(stored_stage(lead), "Nurture")

		convert_lead(lead.name)
		lead.reload()
		lead.stage = "Source"
		lead.save()
		self.assertEqual(stored_stage(lead), "Source")


class TestAutomaticAdvances(EPTestCase):
	def test_facts_move_the_lead_and_are_marked_automatic(self):
		lead = make_converted_lead(stage="Outreach")
		self.assertEqual(automation.advance_lead(lead.name, stages.JOB_ORDER_CREATED, "JO-1"), "Source")
		lead.reload()
		row = lead.stage_history[-1]
		self.assertEqual(
			(row.from_stage, row.to_stage, row.is_automatic, row.is_skip), ("Outreach", "Source", 1, 1)
		)
		# the cause is stored as a stable key (translated when shown), not as words in a note
		self.assertEqual(
			(row.automatic_event, row.event_source, row.note), ("Job order created", "JO-1", None)
		)

	def test_automatic_skip_ignores_the_never_allow_policy(self):
		frappe.db.set_single_value("Employment Partners Settings", "stage_skip_policy", "Never allow")
		lead = make_converted_lead()
		self.assertEqual(automation.advance_lead(lead.name, stages.JOB_ORDER_CREATED, "JO-2"), "Source")

	def test_fact_does_not_move_a_lead_back_or_out_of_lost(self):
		lead = make_converted_lead(stage="Outreach")
		automation.advance_lead(lead.name, stages.JOB_ORDER_CREATED, "JO-3")
		lead.reload()
		lead.stage = "Lost / Poor Fit"
		lead.lost_reason = "Stopped answering"
		lead.save()
		self.assertIsNone(automation.advance_lead(lead.name, stages.JOB_ORDER_CREATED, "JO-4"))
		self.assertEqual(stored_stage(lead), "Lost / Poor Fit")


class TestDuplicatesAndIdentity(EPTestCase):
	def test_invalid_ein_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "EIN 12-34 is not valid"):
			make_employer_lead(ein="12-34")

	def test_ein_is_stored_normalised(self):
		lead = make_employer_lead(ein="987654321", website="https://www.example-ein.org/")
		self.assertEqual((lead.ein, lead.domain), ("98-7654321", "example-ein.org"))

	def test_same_normalised_name_is_refused(self):
		base = unique("Acme Widgets")
		make_employer_lead(organisation_name=f"{base} Inc.")
		with self.assertRaisesRegex(frappe.DuplicateEntryError, "looks like a duplicate of Employer Lead"):
			make_employer_lead(organisation_name=f"{base.upper()}, LLC")
		self.assertEqual(frappe.db.count("Employer Lead", {"normalized_name": base.lower()}), 1)

	def test_separate_branch_can_be_confirmed(self):
		base = unique("Riverside Grocers")
		make_employer_lead(organisation_name=base)
		second = make_employer_lead(organisation_name=base, not_a_duplicate=1)
		self.assertTrue(second.name)

	def test_duplicate_ein_is_refused_even_when_confirmed(self):
		make_employer_lead(ein="11-1111111")
		with self.assertRaisesRegex(frappe.DuplicateEntryError, "EIN 11-1111111 is already recorded"):
			make_employer_lead(ein="111111111", not_a_duplicate=1)

	def test_lead_matching_an_existing_partnership_is_refused(self):
		partner = make_hiring_partnership(partner_name=unique("Harbor Logistics"))
		with self.assertRaisesRegex(frappe.DuplicateEntryError, "Hiring Partnership"):
			make_employer_lead(organisation_name=partner.partner_name)

	def test_shared_domain_only_warns(self):
		make_employer_lead(website="https://shared-domain.example.org")
		frappe.clear_messages()
		second = make_employer_lead(website="shared-domain.example.org/jobs")
		self.assertTrue(second.name)
		self.assertIn("shared-domain.example.org", str(frappe.local.message_log))


class TestConversionAndMerge(EPTestCase):
	def test_convert_maps_fields_links_both_ways_and_shares_contacts(self):
		lead = make_employer_lead(ein="22-2222222", website="convert.example.org", industry="Retail Trade")
		contact = make_contact("Dana", "Employer Lead", lead.name)
		partnership = frappe.get_doc("Hiring Partnership", convert_lead(lead.name))
		self.assertEqual(
			(
				partnership.partner_name,
				partnership.ein,
				partnership.domain,
				partnership.industry,
				partnership.employer_lead,
			),
			(lead.organisation_name, "22-2222222", "convert.example.org", "Retail Trade", lead.name),
		)
		lead.reload()
		self.assertEqual(lead.hiring_partnership, partnership.name)
		self.assertEqual(len(lead.stage_history), 1)  # the lead keeps its history
		links = frappe.get_all(
			"Dynamic Link", filters={"parent": contact, "parenttype": "Contact"}, pluck="link_doctype"
		)
		self.assertCountEqual(links, ["Employer Lead", "Hiring Partnership"])

	def test_converting_twice_or_a_lost_lead_is_refused(self):
		lead = make_converted_lead()
		with self.assertRaisesRegex(frappe.ValidationError, "already converted"):
			convert_lead(lead.name)
		lost = make_employer_lead(stage="Lost / Poor Fit", lost_reason="No entry-level roles")
		with self.assertRaisesRegex(frappe.ValidationError, "cannot become a partnership"):
			convert_lead(lost.name)

	def test_merge_moves_interactions_to_the_kept_lead(self):
		keep = make_employer_lead()
		duplicate = make_employer_lead(organisation_name=keep.organisation_name, not_a_duplicate=1)
		interaction = make_interaction(employer_lead=duplicate.name)
		merge_leads(duplicate.name, keep.name)
		self.assertFalse(frappe.db.exists("Employer Lead", duplicate.name))
		self.assertEqual(
			frappe.db.get_value("Employer Interaction", interaction.name, "employer_lead"), keep.name
		)


class TestFitScoreOnLead(EPTestCase):
	def test_fit_score_uses_living_wage_from_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "living_wage_hourly", 21)
		lead = make_employer_lead(typical_hourly_wage=22, offers_benefits=1, fair_chance_hiring=1)
		self.assertEqual(lead.pays_living_wage, 1)
		self.assertEqual(lead.fit_score, 20 + 12 + 15)
		self.assertEqual(lead.fit_score_breakdown, "Living wage +20, Benefits +12, Fair-chance hiring +15")
		lead.typical_hourly_wage = 20.5
		lead.save()
		self.assertEqual((lead.pays_living_wage, lead.fit_score), (0, 27))

	def test_the_parts_are_worded_in_the_readers_language(self):
		lead = make_employer_lead(offers_benefits=1, transit_access=1)
		with speaking("es", {"Benefits": "Beneficios", "Transit access": "Acceso en transporte"}):
			self.assertEqual(
				frappe.get_doc("Employer Lead", lead.name).fit_score_breakdown,
				"Beneficios +12, Acceso en transporte +8",
			)
		self.assertEqual(
			frappe.get_doc("Employer Lead", lead.name).fit_score_breakdown, "Benefits +12, Transit access +8"
		)

	def test_a_new_lead_is_due_a_follow_up_by_the_rhythm_in_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "lead_follow_up_days", 10)
		with self.freeze_time("2026-11-02 09:00:00"):
			self.assertEqual(str(make_employer_lead().next_follow_up_date), "2026-11-12")
			self.assertEqual(
				str(make_employer_lead(next_follow_up_date="2026-11-05").next_follow_up_date), "2026-11-05"
			)
