"""Whitelisted endpoints of the desk, one module per area.

Every endpoint takes typed arguments (Frappe checks the types of whitelisted arguments) and
checks the caller's permission on what it reads or changes before it does so.  An argument the
caller must give defaults to None and is asked for with `required`: Frappe calls the function
without a missing argument, which would be a server error rather than a message.
"""

import datetime
import math

import frappe
from frappe import _
from frappe.model import default_fields

from employment_partners.portal import submissions

# the columns every table has
STANDARD_FIELDS = set(default_fields) - {"doctype"}


def required(value, label: str):
	"""`value` when given; else a refusal naming what is missing (by the label the user knows)."""
	if value is None or (isinstance(value, str) and not value.strip()):
		frappe.throw(_("{0} is required").format(label), frappe.MandatoryError, title=_("Missing value"))
	return value


def parse_filters(filters, doctype: str) -> list[list]:
	"""A desk card's or calendar's filters as Frappe sends them (JSON: a list of conditions
	`[field, operator, value]` or `[doctype, field, operator, value]`, or a `{field: value}` dict),
	as conditions on `doctype`'s own fields; anything else is refused with what is wrong."""
	if filters in (None, ""):
		return []
	if isinstance(filters, str):
		try:
			filters = frappe.parse_json(filters)
		except ValueError:
			filters = None
	if isinstance(filters, dict):
		filters = [[field, "=", value] for field, value in filters.items()]
	if not isinstance(filters, list):
		frappe.throw(
			_("Filters must be a list of conditions, each a field, an operator and a value"),
			title=_("Invalid filters"),
		)
	return [_condition(f, doctype) for f in filters]


def _condition(condition, doctype: str) -> list:
	if isinstance(condition, list | tuple) and len(condition) == 3:
		condition = [doctype, *condition]
	meta = frappe.get_meta(doctype)
	valid = (
		isinstance(condition, list | tuple)
		and len(condition) == 4
		and condition[0] == doctype
		and isinstance(condition[1], str)
		and (condition[1] in STANDARD_FIELDS or meta.has_field(condition[1]))
		and isinstance(condition[2], str)
		and _plain(condition[3])
	)
	if not valid:
		frappe.throw(
			_("Invalid filter {0}: give a field of {1}, an operator and a value").format(
				frappe.as_json(condition)[:200], _(doctype)
			),
			title=_("Invalid filters"),
		)
	return list(condition)


def date_argument(value, label: str) -> datetime.date:
	"""A date an endpoint was given as text (YYYY-MM-DD, a time after it ignored); else a refusal."""
	parsed = submissions.as_date(value) if isinstance(value, str) else None
	if not parsed:
		frappe.throw(_("{0} must be a date (YYYY-MM-DD)").format(label), title=_("Invalid date"))
	return parsed


def _plain(value) -> bool:
	"""A value a filter compares with: text, a finite number, or a list of those (for "in")."""
	if isinstance(value, list | tuple):
		return all(_plain(v) and not isinstance(v, list | tuple) for v in value)
	if isinstance(value, float):
		return math.isfinite(value)
	return value is None or isinstance(value, str | int)
