"""The shipped default records (employment_partners/defaults)."""

import frappe
from frappe import _

from employment_partners import defaults
from employment_partners.api import required


@frappe.whitelist(methods=["POST"])
def restore_shipped_default(doctype: str | None = None, name: str | None = None) -> str:
	"""Put a shipped record back as shipped (write permission on it required)."""
	required(doctype, _("Document Type"))
	required(name, _("Name"))
	return defaults.restore_default(doctype, name).name
