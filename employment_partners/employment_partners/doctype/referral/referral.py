# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from employment_partners import lifecycle
from employment_partners.matching import candidates
from employment_partners.matching.score import describe, parts_from_data, parts_to_data
from employment_partners.permissions import OwnedRecord
from employment_partners.placements import referrals


class Referral(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		candidate_rating: DF.Rating
		case_manager: DF.Link | None
		decided_on: DF.Date | None
		decision: DF.Literal["", "Accepted", "Declined"]
		decline_reason: DF.Literal[
			"",
			"Skills or experience gap",
			"Background check",
			"Schedule",
			"Interview performance",
			"Did not attend interview",
			"Position filled",
			"Other",
		]
		employer_feedback: DF.SmallText | None
		employer_name: DF.Data | None
		hiring_partnership: DF.Link | None
		job_order: DF.Link
		job_title: DF.Data | None
		match_breakdown: DF.SmallText | None
		match_parts: DF.JSON | None
		match_score: DF.Int
		naming_series: DF.Literal["REF-.YYYY.-"]
		participant: DF.Link
		participant_name: DF.Data | None
		placement: DF.Link | None
		referred_by: DF.Link | None
		referred_on: DF.Date | None
		status: DF.Literal[
			"Proposed", "Referred", "Interviewing", "Offered", "Hired", "Declined by Employer", "Withdrawn"
		]
		withdrawal_reason: DF.SmallText | None
	# end: auto-generated types

	def validate(self):
		if self.is_new():
			self.validate_new_referral()
			self.set_match_score()
		self.validate_status()
		self.set_status_dates()
		self.set_decision()

	def on_update(self):
		lifecycle.after_save(self)

	def validate_new_referral(self):
		job_status = frappe.db.get_value("Job Order", self.job_order, "status")
		participant_status = frappe.db.get_value("Participant", self.participant, "status")
		duplicate = referrals.open_duplicate(self.participant, self.job_order, self.name)
		problem = referrals.new_referral_problem(
			self.job_order, job_status, self.participant_name, participant_status, duplicate
		)
		if problem:
			frappe.throw(
				problem,
				frappe.DuplicateEntryError if duplicate else frappe.ValidationError,
				title=_("Referral refused"),
			)

	def set_match_score(self):
		result = candidates.pair_score(self.job_order, self.participant)
		if result:
			self.match_score, parts = result
			self.match_parts = frappe.as_json(parts_to_data(parts), indent=None)

	@property
	def match_breakdown(self) -> str:
		"""The match parts, worded in the reader's language (a virtual field)."""
		return describe(parts_from_data(frappe.parse_json(self.match_parts) or []))

	def validate_status(self):
		before = self.get_doc_before_save()
		problem = referrals.status_problem(
			before.status if before else None,
			self.status,
			has_placement=bool(self.placement or self.flags.hired_by_placement),
			decline_reason=self.decline_reason,
			withdrawal_reason=self.withdrawal_reason,
		)
		if problem:
			frappe.throw(problem, title=_("Status change refused"))

	def set_status_dates(self):
		if self.status != referrals.PROPOSED and not self.referred_on:
			self.referred_on = today()
		if self.status in referrals.DECIDED and not self.decided_on:
			self.decided_on = today()

	def set_decision(self):
		self.decision = referrals.decision_for(self.status, self.decision)


def on_doctype_update():
	# a partnership's referrals sent and decided in a period, read from the index alone
	# (Partnership Health; WIOA's employers served)
	frappe.db.add_index("Referral", ["hiring_partnership", "referred_on", "decided_on", "status"])
