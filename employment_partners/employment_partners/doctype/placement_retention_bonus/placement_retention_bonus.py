# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class PlacementRetentionBonus(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		due_date: DF.Date | None
		milestone_days: DF.Int
		paid_how: DF.Literal["", "Direct Deposit", "Cheque", "Gift Card", "Cash", "Other"]
		paid_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		voucher_no: DF.DynamicLink | None
		voucher_type: DF.Literal["", "Journal Entry", "Purchase Invoice"]
	# end: auto-generated types
	pass
