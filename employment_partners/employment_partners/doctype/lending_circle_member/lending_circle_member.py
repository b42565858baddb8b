# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class LendingCircleMember(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		participant: DF.Link
		participant_name: DF.Data | None
		payout_month: DF.Date | None
		payout_order: DF.Int
	# end: auto-generated types
	pass
