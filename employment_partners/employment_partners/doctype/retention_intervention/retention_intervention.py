# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

# import frappe
from frappe.model.document import Document


class RetentionIntervention(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		intervention_date: DF.Date
		intervention_type: DF.Literal[
			"Job Coaching",
			"Employer Mediation",
			"Service Referral - Housing",
			"Service Referral - Transportation",
			"Service Referral - Childcare",
			"Service Referral - Health",
			"Service Referral - Legal",
			"Financial Coaching",
			"Schedule Change",
			"Other",
		]
		outcome: DF.SmallText | None
		owner_user: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		service_partner: DF.Link | None
		service_referral: DF.Link | None
	# end: auto-generated types
	pass
