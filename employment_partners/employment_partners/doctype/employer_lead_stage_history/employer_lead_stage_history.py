# Copyright (c) 2026, Employment Partners contributors
# For license information, please see license.txt

from frappe.model.document import Document


class EmployerLeadStageHistory(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		automatic_event: DF.Literal[
			"", "Job order created", "Referral created", "Placement passed 30 days", "Employer feedback"
		]
		changed_by: DF.Link | None
		changed_on: DF.Datetime | None
		days_in_previous_stage: DF.Float
		event_source: DF.Data | None
		from_stage: DF.Data | None
		is_automatic: DF.Check
		is_skip: DF.Check
		note: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		to_stage: DF.Data | None
	# end: auto-generated types

	pass
