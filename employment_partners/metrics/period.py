"""The period a report covers (who is counted) and the day its figures are measured on (what
evidence has arrived): two separate things.

Every report takes a From and a To date (both included) and an "As of" date (default today; any
past day is allowed).  The period selects the **cohort**: a record belongs to it by one date of
its own (a placement by its start date, an enrolment by its exit date, a follow-up by its due
date, a lead by the day it was created), on or before the as-of day: nothing that had not
happened by then is counted.  "As of" says which **evidence** counts: only what was recorded on
or before it.  A figure whose measuring window (the 2nd quarter after exit, day 90 after the
start, a 15D milestone's contact window) has not closed by the as-of day for part of the cohort
is counted over those whose window has closed, and the report says how many are still open.
Once every window has closed, the cohort's figure no longer depends on the as-of day beyond the
evidence recorded: a closed cohort re-run reads the same.  This is how the funder rules measure
an exit cohort (TEGL 10-16 Change 2: each indicator is measured once the quarter it reads has
closed), and why a report run on last year today shows its 4th-quarter figures.

- `start`, `to`: the From and To the reader chose;
- `end`: the cohort's last day: To, or the as-of day when that is earlier;
- `as_of`: the evidence date.
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
	to: date | None = None

	def __post_init__(self):
		if self.to is None:
			object.__setattr__(self, "to", self.end)

	@property
	def days(self) -> int:
		return (self.end - self.start).days + 1

	def values(self) -> dict:
		"""The query values every metric uses: %(start)s, %(end)s (cohort) and %(as_of)s (evidence)."""
		return {"start": self.start, "end": self.end, "as_of": self.as_of}


def period_problem(start, end, as_of=None) -> str | None:
	"""Why a From/To/As of triple is refused, or None."""
	if not start or not end:
		return _("Choose the period: a From date and a To date")
	if getdate(end) < getdate(start):
		return _("The period ends on {0}, before it starts on {1}").format(
			frappe.format(getdate(end), "Date"), frappe.format(getdate(start), "Date")
		)
	if as_of and getdate(as_of) < getdate(start):
		return _("Figures as of {0} would count nothing: the period starts later, on {1}").format(
			frappe.format(getdate(as_of), "Date"), frappe.format(getdate(start), "Date")
		)
	return None


def make(start, end, as_of=None) -> Period:
	"""A Period from From, To and As of (default today), refused with a translated message."""
	as_of = as_of or today()
	problem = period_problem(start, end, as_of)
	if problem:
		frappe.throw(problem, title=_("Invalid period"))
	start, to, as_of = getdate(start), getdate(end), getdate(as_of)
	return Period(start=start, end=min(to, as_of), as_of=as_of, to=to)


def from_filters(filters, default_days: int | None = None, on=None) -> Period:
	"""The Period of a report's filters (`from_date`, `to_date`, `as_of`).  Missing dates default
	to the current calendar year so far, or to the last `default_days` days, measured as of today
	(`on`); a bad triple is refused with a translated message."""
	filters = frappe._dict(filters or {})
	on = getdate(on or today())
	if default_days:
		default_start = add_days(on, -(default_days - 1))
	else:
		default_start = get_first_day(on).replace(month=1)
	return make(
		filters.get("from_date") or default_start,
		filters.get("to_date") or on,
		filters.get("as_of") or on,
	)
