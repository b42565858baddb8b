# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from employment_partners.books import dimensions
from employment_partners.retention import schedule


class Program(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		counts_in_15d: DF.Check
		counts_in_wioa: DF.Check
		description: DF.SmallText | None
		disabled: DF.Check
		follow_up_schedule: DF.Link
		program_name: DF.Data
	# end: auto-generated types

	def validate(self):
		self.program_name = (self.program_name or "").strip()
		self.validate_schedule()
		self.validate_cost_center()

	def validate_cost_center(self):
		"""ERPNext: the cost center its placements post to is a ledger of the company the app posts to."""
		problem = dimensions.program_problem(self)
		if problem:
			frappe.throw(problem, title=_("Invalid program"))

	def validate_schedule(self):
		"""A program owes follow-ups after exit: its schedule must have rows anchored on the exit."""
		if not frappe.db.exists(
			"Follow-up Schedule Row",
			{
				"parent": self.follow_up_schedule,
				"parenttype": "Follow-up Schedule",
				"anchor": schedule.PROGRAM_EXIT,
			},
		):
			frappe.throw(
				_("Follow-up schedule {0} has no follow-ups after exit (rows anchored on {1})").format(
					self.follow_up_schedule, _(schedule.PROGRAM_EXIT)
				),
				title=_("Invalid program"),
			)
