# Copyright (c) 2026, Employment Partners contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.contacts.address_and_contact import load_address_and_contact
from frappe.model.document import Document
from frappe.utils import getdate, today

from employment_partners.metrics import engagement
from employment_partners.permissions import OwnedRecord
from employment_partners.pipeline import cadence, conversion, history, organisations
from employment_partners.portal import users
from employment_partners.utils import get_settings


class HiringPartnership(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.hiring_partnership_portal_user.hiring_partnership_portal_user import (
			HiringPartnershipPortalUser,
		)

		accepted_referral_rate: DF.Percent
		agreement_end: DF.Date | None
		agreement_start: DF.Date | None
		assigned_bsr: DF.Link | None
		communication_preference: DF.Literal["", "Email", "Phone", "Text Message", "In Person", "Portal"]
		domain: DF.Data | None
		ein: DF.Data | None
		employer_lead: DF.Link | None
		industry: DF.Link | None
		last_contact_date: DF.Date | None
		legal_name: DF.Data | None
		median_response_hours: DF.Float
		naming_series: DF.Literal["HP-.YYYY.-"]
		next_check_in_date: DF.Date | None
		normalized_name: DF.Data | None
		not_a_duplicate: DF.Check
		notes: DF.TextEditor | None
		partner_name: DF.Data
		portal_users: DF.Table[HiringPartnershipPortalUser]
		primary_contact: DF.Link | None
		problematic_employer: DF.Check
		problematic_reason: DF.SmallText | None
		pulse_enabled: DF.Check
		pulse_median_hours: DF.Float
		pulse_monthly_until_days: DF.Int
		pulse_response_rate: DF.Percent
		pulse_weekly_until_days: DF.Int
		size_band: DF.Literal["", "1-9", "10-49", "50-249", "250-999", "1000+"]
		status: DF.Literal["Active", "Paused", "Ended"]
		tier: DF.Literal["Top Partner", "Standard", "Probation"]
		website: DF.Data | None
	# end: auto-generated types

	def onload(self):
		load_address_and_contact(self)

	def validate(self):
		organisations.set_identity(self)
		self.set_first_check_in()
		self.validate_agreement_dates()
		self.validate_problematic_reason()
		self.validate_portal_users()
		organisations.check_duplicates(self)

	def after_insert(self):
		self.link_employer_lead()

	def set_first_check_in(self):
		if self.is_new() and not self.next_check_in_date and self.status == organisations.ACTIVE:
			self.next_check_in_date = cadence.first_contact(today(), get_settings().partnership_check_in_days)

	def validate_agreement_dates(self):
		if (
			self.agreement_start
			and self.agreement_end
			and getdate(self.agreement_end) < getdate(self.agreement_start)
		):
			frappe.throw(
				_("Agreement end {0} is before agreement start {1}").format(
					frappe.format(self.agreement_end, "Date"), frappe.format(self.agreement_start, "Date")
				),
				title=_("Invalid agreement dates"),
			)

	def validate_portal_users(self):
		problem = users.portal_users_problem(self.portal_users)
		if problem:
			frappe.throw(problem, title=_("Invalid portal users"))

	def validate_problematic_reason(self):
		if self.problematic_employer and not (self.problematic_reason or "").strip():
			frappe.throw(
				_("Say why {0} is flagged as a problematic employer").format(self.partner_name),
				title=_("Reason required"),
			)

	def link_employer_lead(self):
		"""A partnership made from a lead: the lead points back to it and shares its contacts."""
		if not self.employer_lead:
			return
		frappe.db.set_value("Employer Lead", self.employer_lead, "hiring_partnership", self.name)
		conversion.link_contacts_and_addresses("Employer Lead", self.employer_lead, self.doctype, self.name)
		# the person the rep has been talking to is the partnership's main contact
		if not self.primary_contact and (
			contact := conversion.main_contact("Employer Lead", self.employer_lead)
		):
			self.db_set("primary_contact", contact, update_modified=False)
		# the employer's history comes along: the lead's interactions are the partnership's too
		if history.carry_interactions(self.employer_lead, self.name, self.partner_name):
			self.db_set(
				{
					"last_contact_date": engagement.last_contact_date(self.doctype, self.name),
					"median_response_hours": engagement.median_employer_response_hours(self.name) or 0,
				},
				update_modified=False,
			)
		frappe.get_doc("Employer Lead", self.employer_lead).add_comment(
			"Info", _("Converted to Hiring Partnership {0}").format(self.name)
		)
