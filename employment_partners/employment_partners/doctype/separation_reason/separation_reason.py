# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class SeparationReason(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category: DF.Literal["Quit", "Dismissed", "Laid Off", "Other"]
		description: DF.SmallText | None
		reason_name: DF.Data
		recurs_when: DF.Literal[
			"",
			"Hard-to-reach site",
			"Non-standard shift",
			"Heavy physical work",
			"Night or rotating shift",
			"Missing required skills",
			"Wage below their goal",
		]
	# end: auto-generated types
	pass
