# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class ServicePartner(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.service_partner_category.service_partner_category import (
			ServicePartnerCategory,
		)

		active: DF.Check
		categories: DF.TableMultiSelect[ServicePartnerCategory]
		contact: DF.Link | None
		eligibility_notes: DF.SmallText | None
		partner_name: DF.Data
		service_area: DF.Data | None
	# end: auto-generated types
	pass
