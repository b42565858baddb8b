# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate


class IncentiveAllocation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		employer_incentive_allocation: DF.Currency
		fiscal_year: DF.Data
		notes: DF.SmallText | None
		participant_bonus_allocation: DF.Currency
		year_end: DF.Date
		year_start: DF.Date
	# end: auto-generated types

	def validate(self):
		self.validate_year()
		self.validate_amounts()

	def validate_year(self):
		if getdate(self.year_end) < getdate(self.year_start):
			frappe.throw(
				_("The year ends on {0}, before it starts on {1}").format(
					frappe.format(self.year_end, "Date"), frappe.format(self.year_start, "Date")
				),
				title=_("Invalid fiscal year"),
			)
		overlap = overlapping(self.year_start, self.year_end, self.name)
		if overlap:
			frappe.throw(
				_(
					"Fiscal year {0} already covers part of these dates: spending would be counted twice"
				).format(overlap),
				title=_("Overlapping fiscal years"),
			)

	def validate_amounts(self):
		for fieldname in ("employer_incentive_allocation", "participant_bonus_allocation"):
			if (self.get(fieldname) or 0) < 0:
				frappe.throw(
					_("{0} cannot be negative").format(_(self.meta.get_label(fieldname))),
					title=_("Invalid allocation"),
				)


def overlapping(year_start, year_end, name: str | None = None) -> str | None:
	"""The allocation other than `name` whose year shares a day with these dates, if any: spending
	is counted against one fiscal year only (the generated agency asks before making its own)."""
	return frappe.db.get_value(
		"Incentive Allocation",
		{"name": ("!=", name or ""), "year_start": ("<=", year_end), "year_end": (">=", year_start)},
		"name",
	)
