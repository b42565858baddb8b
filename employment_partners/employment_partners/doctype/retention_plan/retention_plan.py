# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from employment_partners import utils
from employment_partners.permissions import OwnedRecord


class RetentionPlan(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.retention_plan_milestone.retention_plan_milestone import (
			RetentionPlanMilestone,
		)
		from employment_partners.employment_partners.doctype.retention_plan_step.retention_plan_step import (
			RetentionPlanStep,
		)

		case_manager: DF.Link | None
		long_term_goal: DF.SmallText
		milestones: DF.Table[RetentionPlanMilestone]
		naming_series: DF.Literal["RP-.YYYY.-"]
		participant: DF.Link
		participant_name: DF.Data | None
		steps: DF.Table[RetentionPlanStep]

	# end: auto-generated types
	def validate(self):
		other = frappe.db.get_value(
			"Retention Plan", {"participant": self.participant, "name": ("!=", self.name or "")}, "name"
		)
		problems = [
			_("{0} already has a retention plan ({1})").format(self.participant, other) if other else None
		]
		problems += [utils.not_in_future_problem(s.done_on, "Done On") for s in self.steps]
		for m in self.milestones:
			problems += [
				utils.not_in_future_problem(m.reached_on, "Reached On"),
				utils.not_in_future_problem(m.celebrated_on, "Celebrated On"),
			]
		for problem in problems:
			if problem:
				frappe.throw(problem, title=_("Invalid retention plan"))
