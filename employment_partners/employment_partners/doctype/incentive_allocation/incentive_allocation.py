# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


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
	pass
