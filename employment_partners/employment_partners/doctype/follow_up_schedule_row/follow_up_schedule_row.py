# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class FollowupScheduleRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		anchor: DF.Literal["Placement Start", "Program Exit"]
		label: DF.Data
		offset_unit: DF.Literal[
			"Days",
			"Weeks",
			"Months",
			"First Week of Quarter after Exit",
			"End of Quarter after Exit",
			"Month of the Quarters after Exit",
			"Quarter after Exit",
		]
		offset_value: DF.Int
		outcome_milestone: DF.Literal[
			"", "At Close", "3 Months after Exit", "6 Months after Exit", "12 Months after Exit"
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		window_days: DF.Int
	# end: auto-generated types

	pass
