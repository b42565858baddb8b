"""The business day moved from Time fields to half-hour choices ("09:00"): a new site had
stored its install time there (Frappe fills a new single's Time fields with the current time)."""

import frappe
from frappe.utils import get_time

SETTINGS = "Employment Partners Settings"
DEFAULTS = {"business_day_start": "09:00", "business_day_end": "17:00"}


def execute():
	for field, default in DEFAULTS.items():
		rows = frappe.db.sql(
			"select value from tabSingles where doctype = %s and field = %s", (SETTINGS, field)
		)
		value = rows[0][0] if rows else None
		frappe.db.set_single_value(SETTINGS, field, half_hour(value) or default)


def half_hour(value) -> str | None:
	"""'08:30:00' -> '08:30'; None for anything that is not a plain half hour."""
	try:
		moment = get_time(value) if value else None
	except ValueError:
		return None
	if not moment or moment.microsecond or moment.second or moment.minute not in (0, 30):
		return None
	return moment.strftime("%H:%M")
