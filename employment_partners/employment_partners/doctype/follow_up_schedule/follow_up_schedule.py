# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from employment_partners.retention import schedule


class FollowupSchedule(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.follow_up_schedule_row.follow_up_schedule_row import (
			FollowupScheduleRow,
		)

		description: DF.SmallText | None
		rows: DF.Table[FollowupScheduleRow]
		schedule_name: DF.Data
	# end: auto-generated types

	def validate(self):
		if not self.rows:
			frappe.throw(_("A follow-up schedule needs at least one follow-up"), title=_("Empty schedule"))
		for row in self.rows:
			problem = schedule.row_problem(schedule.ScheduleRow.from_row(row), row.idx)
			if problem:
				frappe.throw(problem, title=_("Invalid follow-up"))
