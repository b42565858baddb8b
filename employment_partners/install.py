"""Install and migrate hooks."""

import frappe

from employment_partners import defaults
from employment_partners.utils import SETTINGS


def after_install():
	after_migrate()


def after_migrate():
	"""After install and every migrate: the shipped records the site lacks, and new settings'
	defaults.  Nothing that exists is overwritten (see employment_partners/defaults)."""
	defaults.ensure_defaults()
	set_default_settings()
	set_default_follow_up_schedule()


def boot_session(bootinfo):
	"""The desk offers "Restore shipped default" on these records."""
	bootinfo.ep_shipped_defaults = defaults.shipped_names()


def set_default_follow_up_schedule():
	from employment_partners.retention.schedule import JOB_RETENTION_SETA_NAME

	settings = frappe.get_single(SETTINGS)
	if not settings.default_follow_up_schedule and frappe.db.exists(
		"Follow-up Schedule", JOB_RETENTION_SETA_NAME
	):
		settings.default_follow_up_schedule = JOB_RETENTION_SETA_NAME
		settings.flags.ignore_permissions = True
		settings.save()


def set_default_settings():
	"""Store every settings default that the site has never stored, so that reads never meet an
	empty single.  Judged on what is in the database: a new single's Time fields come back
	filled with the current time (Frappe sets them so), not with their default."""
	stored = {
		field
		for field, value in frappe.db.sql("select field, value from tabSingles where doctype = %s", SETTINGS)
		if value not in (None, "")
	}
	settings = frappe.get_single(SETTINGS)
	for df in settings.meta.fields:
		if df.default is not None and df.fieldname not in stored:
			settings.set(df.fieldname, df.default)
	settings.flags.ignore_permissions = True
	settings.save()


def complete_setup_wizard(password: str | None = None):
	"""Finish Frappe's setup wizard on a fresh site (demo and test sites), so the desk opens
	straight onto the workspace.  Does nothing on a site that is already set up."""
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return
	setup_complete(
		{
			"language": "English",
			"country": "United States",
			"timezone": "America/New_York",
			"currency": "USD",
			"full_name": "Agency Administrator",
			"email": "agency-admin@example.com",
			"password": password or frappe.generate_hash(),
		}
	)
	frappe.db.commit()
