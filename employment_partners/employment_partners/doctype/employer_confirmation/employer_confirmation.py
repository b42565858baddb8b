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
