"""Install hooks."""

import frappe

from employment_partners.utils import SETTINGS


def after_install():
	set_default_settings()


def set_default_settings():
	"""Store every settings default, so that reads never meet an empty single."""
	settings = frappe.get_single(SETTINGS)
	for df in settings.meta.fields:
		if df.default is not None and settings.get(df.fieldname) in (None, "", 0):
			settings.set(df.fieldname, df.default)
	settings.flags.ignore_permissions = True
	settings.save()
