# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RetentionPlanMilestone(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		celebrated_on: DF.Date | None
		milestone: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reached_on: DF.Date | None
	# end: auto-generated types
	pass
