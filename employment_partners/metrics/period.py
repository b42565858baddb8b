"""The period a report covers, and the day its figures are counted on.

Every report takes a From and a To date (both included).  A record belongs to a period by one
date of its own: a placement by its start date, a participant by the exit date, a follow-up by
its due date, a lead by the day it was created.  "As of" is the period's end or today, whichever
is earlier: a report never counts what has not happened yet, and a past period reads the same
whenever it is run again (nothing dated after the period counts).
"""

from dataclasses import dataclass
from datetime import date

import frappe
from frappe import _
from frappe.utils import add_days, get_first_day, getdate, today


@dataclass(frozen=True)
class Period:
	start: date
	end: date
	as_of: date

	@property
	def days(self) -> int:
		return (self.end - self.start).days + 1


def period_problem(start, end) -> str | None:
	"""Why a From/To pair is refused, or None."""
	if not start or not end:
		return _("Choose the period: a From date and a To date")
	if getdate(end) < getdate(start):
		return _("The period ends on {0}, before it starts on {1}").format(
			frappe.format(getdate(end), "Date"), frappe.format(getdate(start), "Date")
		)
	return None


def from_filters(filters, default_days: int | None = None, on=None) -> Period:
	"""The Period of a report's filters (`from_date`, `to_date`).  Missing dates default to the
	current calendar year so far, or to the last `default_days` days; a bad pair is refused with a
	translated message."""
	filters = frappe._dict(filters or {})
	on = getdate(on or today())
	if default_days:
		default_start = add_days(on, -(default_days - 1))
	else:
		default_start = get_first_day(on).replace(month=1)
	start = filters.get("from_date") or default_start
	end = filters.get("to_date") or on
	problem = period_problem(start, end)
	if problem:
		frappe.throw(problem, title=_("Invalid period"))
	start, end = getdate(start), getdate(end)
	return Period(start=start, end=end, as_of=min(end, on))
