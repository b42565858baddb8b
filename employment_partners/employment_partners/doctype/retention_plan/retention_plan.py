# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from employment_partners.retention import services


class RetentionPlan(Document):
	def validate(self):
		other = frappe.db.get_value(
			"Retention Plan", {"participant": self.participant, "name": ("!=", self.name or "")}, "name"
		)
		problems = [
			_("{0} already has a retention plan ({1})").format(self.participant, other) if other else None
		]
		problems += [services.not_in_future_problem(s.done_on, "Done On") for s in self.steps]
		for m in self.milestones:
			problems += [
				services.not_in_future_problem(m.reached_on, "Reached On"),
				services.not_in_future_problem(m.celebrated_on, "Celebrated On"),
			]
		for problem in problems:
			if problem:
				frappe.throw(problem, title=_("Invalid retention plan"))
