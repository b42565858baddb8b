# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ProgramEnrolment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		enrolled_on: DF.Date
		exit_date: DF.Date | None
		exit_reason: DF.Literal[
			"",
			"Completed Services",
			"Employed",
			"Entered Education or Training",
			"Withdrew",
			"Lost Contact",
			"Moved Away",
			"Institutionalized",
			"Health or Medical",
			"Deceased",
			"Reserve or National Guard Called to Active Duty",
			"Foster Care (Youth)",
			"Ineligible or Fraud",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		program: DF.Link
	# end: auto-generated types

	pass
