"""Small helpers shared by the domain modules."""

import logging

import frappe
from frappe import _
from frappe.utils import getdate, today

SETTINGS = "Employment Partners Settings"


def get_settings():
	"""The app's settings (a cached single document)."""
	return frappe.get_cached_doc(SETTINGS)


def can_send_email() -> bool:
	"""Whether the site has a usable outgoing email account.  Frappe refuses to queue mail without
	one, and with emails muted and none set up it hands back a stand-in with no address, on which
	every send dies (Frappe 15.44.2, EmailAccount.default_sender): that one does not count."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	account = EmailAccount.find_outgoing()
	return bool(account and account.get("email_id"))


def ensure_outbox(account_name: str, email_id: str):
	"""A default outgoing email account that never connects anywhere (the demo and the test site
	queue their mail in it; their sites mute sending).  Stored directly: Frappe would try to reach
	its SMTP server, and there is none."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": account_name,
			"email_id": email_id,
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "127.0.0.1",
			"no_smtp_authentication": 1,
		}
	).db_insert()
	frappe.local.outgoing_email_account = {}


def critical_only(record: logging.LogRecord) -> bool:
	return record.levelno >= logging.CRITICAL


def quiet_css_parser():
	"""Frappe inlines its email stylesheet with premailer, whose CSS parser (cssutils) logs three
	ERROR lines to stderr about a rule of Frappe's own (`box-shadow: 0 3px 6px #0000001a`: it
	predates 8-digit colours) and keeps the rest of the stylesheet; the email is right.  Its log
	keeps what stops it (CRITICAL).  A filter on its logger, set when the app loads, before any
	email is rendered (importing cssutils resets the logger's level, not its filters)."""
	logging.getLogger("CSSUTILS").addFilter(critical_only)


def not_in_future_problem(value, label: str) -> str | None:
	"""A date that must not be later than today (a thing done, not planned)."""
	if value and getdate(value) > getdate(today()):
		return _("{0} cannot be in the future ({1})").format(_(label), frappe.format(value, "Date"))
	return None


# Frappe's own default application name (System Settings): not an agency's name
FRAPPE_APP_NAME = "Frappe"


def default_company() -> str | None:
	if "erpnext" not in frappe.get_installed_apps():
		return None
	return frappe.db.get_single_value("Global Defaults", "default_company") or None


def agency_name() -> str | None:
	"""The agency's name, or None when the site does not say it: ERPNext's default company,
	else Settings' Agency Name, else the site's application name (not Frappe's own)."""
	name = (
		default_company()
		or frappe.db.get_single_value(SETTINGS, "agency_name")
		or frappe.db.get_single_value("System Settings", "app_name")
	)
	name = (name or "").strip()
	return name if name and name != FRAPPE_APP_NAME else None
