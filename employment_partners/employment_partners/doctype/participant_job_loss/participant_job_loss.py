# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class ParticipantJobLoss(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		employer: DF.Data | None
		end_date: DF.Date
		job_title: DF.Data | None
		notes: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.Link
		start_date: DF.Date | None
	# end: auto-generated types
	pass
