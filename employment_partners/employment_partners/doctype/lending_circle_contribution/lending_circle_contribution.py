# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class LendingCircleContribution(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		missed: DF.Check
		month: DF.Date
		paid_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		participant: DF.Link
	# end: auto-generated types
	pass
