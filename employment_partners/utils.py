"""Small helpers shared by the domain modules."""

import frappe

SETTINGS = "Employment Partners Settings"


def get_settings():
	"""The app's settings (a cached single document)."""
	return frappe.get_cached_doc(SETTINGS)
