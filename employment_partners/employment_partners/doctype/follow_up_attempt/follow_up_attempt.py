# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document


class FollowupAttempt(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attempted_on: DF.Datetime
		method: DF.Literal["Phone", "Email", "Letter / Survey", "In Person", "Employer Verification"]
		notes: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reached: DF.Check
	# end: auto-generated types

	pass


def on_doctype_update():
	# the early warning: a person's contact attempts in the 30 days before a day, and whether
	# any reached them, from the index alone (early_warning/features.py)
	frappe.db.add_index("Follow-up Attempt", ["parent", "attempted_on", "reached"])
