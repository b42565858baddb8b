# Copyright (c) 2026, Employment Partners contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.contacts.address_and_contact import load_address_and_contact
from frappe.model.document import Document
from frappe.utils import now_datetime, today

from employment_partners.permissions import OwnedRecord
from employment_partners.pipeline import automation, cadence, fit, organisations, stages
from employment_partners.utils import get_settings

# the button beside a refused stage change (stages.Refusal.step)
NEXT_STEP_LABELS = {
	stages.WRITE_REASON: lambda: _("Write the reason"),
	stages.WRITE_LOST_REASON: lambda: _("Write why it is lost"),
	stages.CONVERT: lambda: _("Create Hiring Partnership"),
	stages.NEW_JOB_ORDER: lambda: _("New Job Order"),
}


class EmployerLead(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.employer_lead_stage_history.employer_lead_stage_history import (
			EmployerLeadStageHistory,
		)

		assigned_bsr: DF.Link | None
		assigned_bsr_name: DF.Data | None
		business_case_date: DF.Date | None
		career_pathway: DF.Check
		domain: DF.Data | None
		ein: DF.Data | None
		existing_connection: DF.Check
		fair_chance_hiring: DF.Check
		fit_score: DF.Int
		fit_score_breakdown: DF.SmallText | None
		hiring_partnership: DF.Link | None
		inclusive_hiring: DF.Check
		industry: DF.Link | None
		last_contact_date: DF.Date | None
		lead_source: DF.Literal[
			"", "Referral", "Labour-Market Data", "Economic-Development Agency", "Event", "Walk-in", "Alumni"
		]
		legal_name: DF.Data | None
		lost_reason: DF.SmallText | None
		naming_series: DF.Literal["EL-.YYYY.-"]
		next_follow_up_date: DF.Date | None
		normalized_name: DF.Data | None
		not_a_duplicate: DF.Check
		notes: DF.TextEditor | None
		offers_benefits: DF.Check
		organisation_name: DF.Data
		pays_living_wage: DF.Check
		presented_federal_bonding: DF.Check
		presented_placement_incentive: DF.Check
		presented_retention_services: DF.Check
		presented_wotc: DF.Check
		schedule_fits_participants: DF.Check
		size_band: DF.Literal["", "1-9", "10-49", "50-249", "250-999", "1000+"]
		social_responsibility: DF.Check
		stage: DF.Literal[
			"Prospect", "Outreach", "Qualify", "Nurture", "Source", "Match", "Feedback", "Lost / Poor Fit"
		]
		stage_change_note: DF.SmallText | None
		stage_changed_on: DF.Datetime | None
		stage_history: DF.Table[EmployerLeadStageHistory]
		transit_access: DF.Check
		typical_hourly_wage: DF.Currency
		website: DF.Data | None
	# end: auto-generated types

	def onload(self):
		load_address_and_contact(self)

	def validate(self):
		organisations.set_identity(self)
		self.set_first_follow_up()
		self.set_fit_score()
		self.validate_stage_change()
		organisations.check_duplicates(self)

	def set_first_follow_up(self):
		if self.is_new() and not self.next_follow_up_date:
			self.next_follow_up_date = cadence.first_contact(today(), get_settings().lead_follow_up_days)

	def set_fit_score(self):
		self.pays_living_wage = fit.pays_living_wage(
			self.typical_hourly_wage, get_settings().living_wage_hourly
		)
		self.fit_score = fit.fit_score(self)[0]

	@property
	def fit_score_breakdown(self) -> str:
		"""The parts of the fit score, worded in the reader's language (a virtual field)."""
		return fit.describe(fit.fit_score(self)[1])

	def validate_stage_change(self):
		before = self.get_doc_before_save()
		from_stage = before.stage if before else None
		if before and from_stage == self.stage:
			return
		automatic = self.flags.automatic_stage_change  # (event, source record) when automatic
		problem = stages.transition_problem(
			from_stage,
			self.stage,
			note=self.stage_change_note,
			lost_reason=self.lost_reason,
			skip_policy=get_settings().stage_skip_policy,
			facts=automation.lead_facts(self),
			automatic_event=automatic[0] if automatic else None,
		)
		if problem:
			self.refuse_stage_change(problem)
		self.record_stage_change(from_stage, automatic)

	def refuse_stage_change(self, refusal: stages.Refusal):
		"""Refuse the move, offering the step that lets it through (a reason to write, the conversion
		or the job order a gate needs) as the message's button, on the board and on the form."""
		action = None
		if refusal.step and not self.is_new():
			action = {
				"label": NEXT_STEP_LABELS[refusal.step](),
				"client_action": "employment_partners.pipeline.next_step",
				"args": {
					"lead": self.name,
					"organisation": self.organisation_name,
					"stage": self.stage,
					"step": refusal.step,
					"hiring_partnership": self.hiring_partnership,
				},
			}
		frappe.msgprint(
			refusal,
			title=_("Stage change refused"),
			indicator="red",
			raise_exception=frappe.ValidationError,
			primary_action=action,
		)

	def record_stage_change(self, from_stage: str | None, automatic: tuple[str, str] | None):
		now = now_datetime()
		note = self.stage_change_note
		if self.stage == stages.LOST:
			note = self.lost_reason
		elif from_stage == stages.LOST:
			self.lost_reason = None
		self.append(
			"stage_history",
			{
				"from_stage": from_stage,
				"to_stage": self.stage,
				"changed_on": now,
				"changed_by": frappe.session.user,
				"days_in_previous_stage": stages.days_between(self.stage_changed_on, now)
				if from_stage
				else 0,
				"is_skip": bool(from_stage) and stages.Transition(from_stage, self.stage).is_skip,
				"is_automatic": bool(automatic),
				"automatic_event": automatic[0] if automatic else None,
				"event_source": automatic[1] if automatic else None,
				"note": note,
			},
		)
		self.stage_changed_on = now
		self.stage_change_note = None
