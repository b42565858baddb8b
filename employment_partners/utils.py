"""Small helpers shared by the domain modules."""

import frappe

SETTINGS = "Employment Partners Settings"


def get_settings():
	"""The app's settings (a cached single document)."""
	return frappe.get_cached_doc(SETTINGS)


def can_send_email() -> bool:
	"""Whether the site has an outgoing email account (Frappe refuses to queue mail without one)."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	return bool(EmailAccount.find_outgoing())
