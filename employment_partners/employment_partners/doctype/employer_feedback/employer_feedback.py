# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from employment_partners import lifecycle, permissions
from employment_partners.portal import submissions

SATISFACTION_MIN, SATISFACTION_MAX = 1, 5


class EmployerFeedback(submissions.EmployerInput, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal["Phone", "Email", "Portal", "In Person", "Survey"]
		comments: DF.SmallText | None
		contact: DF.Link | None
		employer_name: DF.Data | None
		hiring_partnership: DF.Link
		milestone: DF.Literal["", "30 Days", "90 Days", "180 Days", "Placement End", "Annual Review", "Other"]
		naming_series: DF.Literal["EF-.YYYY.-"]
		placement: DF.Link | None
		received_on: DF.Date
		satisfaction: DF.Int
		would_hire_again: DF.Literal["", "Yes", "No", "Not Sure"]
	# end: auto-generated types

	def validate(self):
		if self.is_new() and permissions.is_employer_user():
			submissions.check_feedback(self)
		self.validate_satisfaction()
		self.validate_placement()
		self.validate_once_per_milestone()

	def on_update(self):
		"""Feedback from an employer moves its lead to Feedback, once it has a placement (lifecycle)."""
		lifecycle.after_save(self)

	def validate_satisfaction(self):
		if not SATISFACTION_MIN <= cint(self.satisfaction) <= SATISFACTION_MAX:
			frappe.throw(
				_("Satisfaction is {0} to {1}, not {2}").format(
					SATISFACTION_MIN, SATISFACTION_MAX, self.satisfaction
				),
				title=_("Invalid feedback"),
			)

	def validate_once_per_milestone(self):
		problem = submissions.duplicate_feedback_problem(self)
		if problem:
			frappe.throw(problem, title=_("Invalid feedback"))

	def validate_placement(self):
		if self.placement and (
			frappe.db.get_value("Placement", self.placement, "hiring_partnership") != self.hiring_partnership
		):
			frappe.throw(
				_("Placement {0} is not with {1}").format(
					self.placement, self.employer_name or self.hiring_partnership
				),
				title=_("Invalid feedback"),
			)
