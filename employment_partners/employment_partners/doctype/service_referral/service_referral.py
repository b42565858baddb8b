# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from employment_partners import utils
from employment_partners.permissions import OwnedRecord
from employment_partners.retention import services


class ServiceReferral(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		case_manager: DF.Link | None
		category: DF.Link
		connected_on: DF.Date | None
		naming_series: DF.Literal["SR-.YYYY.-"]
		next_check_date: DF.Date | None
		not_connected_reason: DF.SmallText | None
		outcome_notes: DF.SmallText | None
		participant: DF.Link
		participant_name: DF.Data | None
		placement: DF.Link | None
		referred_by: DF.Link | None
		referred_on: DF.Date
		retention_issue: DF.Link | None
		sensitive: DF.Check
		service_partner: DF.Link
		status: DF.Literal["Referred", "Connected", "Service Received", "Closed", "Not Connected"]

	# end: auto-generated types
	def validate(self):
		before = self.get_doc_before_save()
		problems = [
			services.placement_problem(self.participant, self.placement),
			utils.not_in_future_problem(self.referred_on, "Referred On"),
			services.status_problem(before.status if before else None, self.status),
		]
		if not before or (before.service_partner, before.category) != (self.service_partner, self.category):
			problems.append(services.partner_problem(self.service_partner, self.category))
		if self.status == services.NOT_CONNECTED and not (self.not_connected_reason or "").strip():
			problems.append(_("Say why the referral did not connect"))
		for problem in problems:
			if problem:
				frappe.throw(problem, title=_("Invalid service referral"))
		if self.status in services.CONNECTED_STATUSES and not self.connected_on:
			self.connected_on = today()

	def on_update(self):
		services.set_check_todo(self)
