# Copyright (c) 2026, Employment Partners contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_to_date, get_datetime, time_diff_in_hours

from employment_partners import arithmetic
from employment_partners.metrics import engagement
from employment_partners.permissions import OwnedRecord
from employment_partners.pipeline import cadence
from employment_partners.utils import get_settings


class EmployerInteraction(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contact: DF.Link | None
		direction: DF.Literal["Outbound", "Inbound"]
		employer_lead: DF.Link | None
		employer_name: DF.Data | None
		hiring_partnership: DF.Link | None
		interaction_date: DF.Datetime
		interaction_type: DF.Literal["Call", "Email", "Meeting", "Site Visit", "Event"]
		naming_series: DF.Literal["EI-.YYYY.-"]
		needs_reply: DF.Check
		replied_on: DF.Datetime | None
		reply_due_on: DF.Datetime | None
		response_hours: DF.Float
		staff_member: DF.Link | None
		summary: DF.SmallText
	# end: auto-generated types

	def validate(self):
		self.set_employer()
		self.validate_reply()
		self.set_reply_due()

	def after_insert(self):
		cadence.after_interaction(self.employer_lead, self.hiring_partnership, self.interaction_date)

	def on_update(self):
		self.refresh_employer_engagement()

	def after_delete(self):
		self.refresh_employer_engagement()

	def set_employer(self):
		"""An interaction belongs to a lead, a partnership, or both (a converted lead)."""
		if not self.employer_lead and not self.hiring_partnership:
			frappe.throw(_("Choose the Employer Lead or Hiring Partnership this interaction was with"))
		if self.employer_lead and not self.hiring_partnership:
			self.hiring_partnership = frappe.db.get_value(
				"Employer Lead", self.employer_lead, "hiring_partnership"
			)
		if self.hiring_partnership and not self.employer_lead:
			self.employer_lead = frappe.db.get_value(
				"Hiring Partnership", self.hiring_partnership, "employer_lead"
			)
		if self.hiring_partnership:
			self.employer_name = frappe.db.get_value(
				"Hiring Partnership", self.hiring_partnership, "partner_name"
			)
		else:
			self.employer_name = frappe.db.get_value("Employer Lead", self.employer_lead, "organisation_name")

	def validate_reply(self):
		if not self.replied_on:
			self.response_hours = None
			return
		if not self.needs_reply:
			frappe.throw(
				_("Tick 'Needs Reply' before recording when the reply came"), title=_("Invalid reply")
			)
		if get_datetime(self.replied_on) < get_datetime(self.interaction_date):
			frappe.throw(
				_("Replied on {0} is before the interaction itself ({1})").format(
					frappe.format(self.replied_on, "Datetime"),
					frappe.format(self.interaction_date, "Datetime"),
				),
				title=_("Invalid reply"),
			)
		self.response_hours = arithmetic.hours(time_diff_in_hours(self.replied_on, self.interaction_date))

	def set_reply_due(self):
		if self.needs_reply and self.direction == "Inbound":
			self.reply_due_on = add_to_date(self.interaction_date, hours=get_settings().reply_sla_hours)
		else:
			self.reply_due_on = None

	def refresh_employer_engagement(self):
		"""Last contact on the lead and partnership; the partnership's median response time."""
		if self.employer_lead:
			frappe.db.set_value(
				"Employer Lead",
				self.employer_lead,
				"last_contact_date",
				engagement.last_contact_date("Employer Lead", self.employer_lead),
				update_modified=False,
			)
		if self.hiring_partnership:
			frappe.db.set_value(
				"Hiring Partnership",
				self.hiring_partnership,
				{
					"last_contact_date": engagement.last_contact_date(
						"Hiring Partnership", self.hiring_partnership
					),
					"median_response_hours": engagement.median_employer_response_hours(
						self.hiring_partnership
					)
					or 0,
				},
				update_modified=False,
			)
