# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from employment_partners.portal import paperwork


class EmployerConfirmation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		confirmed_by: DF.Link | None
		confirmed_on: DF.Datetime | None
		employer_name: DF.Data | None
		hiring_partnership: DF.Link | None
		job_title: DF.Data | None
		kind: DF.Literal["Incentive Agreement", "Training Plan", "Attendance Confirmation"]
		milestone: DF.Data | None
		naming_series: DF.Literal["ECF-.YYYY.-"]
		participant_label: DF.Data | None
		placement: DF.Link
		status: DF.Literal["Pending", "Confirmed"]
		terms: DF.SmallText | None

	# end: auto-generated types
	def validate(self):
		problem = paperwork.problem(self)
		if problem:
			frappe.throw(problem, title=_("Invalid confirmation"))
		if self.status != paperwork.CONFIRMED:
			self.terms = paperwork.terms(self.kind, self.placement, self.milestone)

	def on_trash(self):
		if self.status == paperwork.CONFIRMED:
			frappe.throw(
				_("{0} was confirmed by {1} on {2}: the employer's confirmation is kept, not deleted").format(
					self.name, self.confirmed_by, frappe.format(self.confirmed_on, "Datetime")
				),
				frappe.LinkExistsError,
				title=_("Confirmed paperwork"),
			)
