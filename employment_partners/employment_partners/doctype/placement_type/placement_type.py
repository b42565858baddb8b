# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class PlacementType(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
		placement_type_name: DF.Data
		subsidized: DF.Check
		time_limited: DF.Check
	# end: auto-generated types
	pass
