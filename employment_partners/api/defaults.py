"""The shipped default records (employment_partners/defaults)."""

import frappe

from employment_partners import defaults


@frappe.whitelist(methods=["POST"])
def restore_shipped_default(doctype: str, name: str) -> str:
	"""Put a shipped record back as shipped (write permission on it required)."""
	return defaults.restore_default(doctype, name).name
