# Copyright (c) 2026, Employment Partners contributors
# For license information, please see license.txt

from frappe.model.document import Document


class EmployerAppreciationInvitee(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attended: DF.Check
		contact: DF.Link | None
		gift_description: DF.Data | None
		gift_given: DF.Check
		hiring_partnership: DF.Link
		invited_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rsvp: DF.Literal["Pending", "Yes", "No", "Maybe"]
	# end: auto-generated types

	pass
