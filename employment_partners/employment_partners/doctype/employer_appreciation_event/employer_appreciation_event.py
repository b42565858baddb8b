# Copyright (c) 2026, Employment Partners contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import nowdate

from employment_partners.metrics import partnerships as partnership_metrics


class EmployerAppreciationEvent(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.employer_appreciation_invitee.employer_appreciation_invitee import (
			EmployerAppreciationInvitee,
		)

		attended_count: DF.Int
		budget: DF.Currency
		event_date: DF.Date
		event_name: DF.Data
		event_type: DF.Literal[
			"Annual Appreciation", "Networking Brunch/Coffee", "Champion Award", "Job Fair", "Other"
		]
		invited_count: DF.Int
		invitees: DF.Table[EmployerAppreciationInvitee]
		naming_series: DF.Literal["EAE-.YYYY.-"]
		venue: DF.Data | None
	# end: auto-generated types

	def validate(self):
		self.validate_unique_invitees()
		self.validate_attendance()
		self.set_counts()

	def validate_unique_invitees(self):
		seen = set()
		for row in self.invitees:
			key = (row.hiring_partnership, row.contact)
			if key in seen:
				frappe.throw(
					_("Row {0}: {1} is already invited").format(row.idx, row.hiring_partnership),
					title=_("Duplicate invitee"),
				)
			seen.add(key)

	def validate_attendance(self):
		for row in self.invitees:
			if row.attended and row.rsvp == "No":
				row.rsvp = "Yes"

	def set_counts(self):
		self.invited_count = len(self.invitees)
		self.attended_count = sum(1 for row in self.invitees if row.attended)

	@frappe.whitelist()
	def propose_invitees(self, limit: int = 20) -> int:
		"""Add the top partners of the Partnership Health report not yet invited (healthiest first);
		returns how many were added."""
		self.check_permission("write")
		invited = [row.hiring_partnership for row in self.invitees]
		ranked = partnership_metrics.rank_for_invitation(limit=int(limit), exclude=invited)
		for partner in ranked:
			self.append(
				"invitees",
				{
					"hiring_partnership": partner["name"],
					"contact": partner["primary_contact"],
					"invited_on": nowdate(),
					"rsvp": "Pending",
				},
			)
		self.save()
		return len(ranked)
