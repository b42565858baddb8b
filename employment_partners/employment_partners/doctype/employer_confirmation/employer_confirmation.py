# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from employment_partners.portal import paperwork


class EmployerConfirmation(Document):
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
