"""Follow-up schedule date maths: when each follow-up falls due and how long it stays open.

A Follow-up Schedule is a list of rows. Each row counts an offset from an anchor:

- `PLACEMENT_START` (the participant's first day in the job): one follow-up per placement;
- `PROGRAM_EXIT` (the day they left the program; unknown until they exit): one follow-up per
  exited participant, placed or not (see retention/follow_ups.py).

The offset is `offset_value` in one of these units:

- `DAYS`, `WEEKS` (7 days each) or `MONTHS` (calendar months, clamped to the end of a shorter
  month: Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year); open for `window_days` days from
  the due date (7 = the due day and the six after);
- quarters after exit, counting calendar quarters (Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec) after the
  quarter that holds the exit date: `QUARTER_START` falls due on the first day of quarter n after
  exit and `QUARTER_END` on its last day, each open for `window_days` days. Exit 2026-02-15 →
  quarter 1 after exit is 2026-04-01..2026-06-30, quarter 3 is 2026-10-01..2026-12-31;
- `QUARTER_MONTH`: month n of the quarters after exit (months 1-3 are quarter 1's, 4-6 quarter
  2's, ...), due on its first day and open for that whole calendar month (`window_days` is not
  used). Exit 2026-02-15 → month 1 is April 2026, month 9 is December 2026. SETA 02-09's chart
  draws its monthly contacts so;
- `QUARTER_WHOLE`: quarter n after exit, due on its first day and open for the whole quarter
  (the WIOA contacts in the 2nd and 4th quarters after exit).

A row may say which outcome milestone its follow-ups report (`outcome_milestone`: at close, 3,
6 or 12 months after exit): the Outcomes Follow-up report reads the outcome there.

`generate()` turns a schedule's rows into `Due` follow-ups sorted by date. A follow-up is
identified by its schedule and its row's id (the child row's name, stable while the agency edits
the other rows), so it is created once. `row_problem()` gives the translated reason a row is
refused, or None. The shipped schedules are records in employment_partners/defaults/.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from frappe import _
from frappe.utils import add_months, cint, get_last_day, getdate

PLACEMENT_START = "Placement Start"
PROGRAM_EXIT = "Program Exit"
ANCHORS = (PLACEMENT_START, PROGRAM_EXIT)

DAYS = "Days"
WEEKS = "Weeks"
MONTHS = "Months"
QUARTER_START = "First Week of Quarter after Exit"
QUARTER_END = "End of Quarter after Exit"
QUARTER_MONTH = "Month of the Quarters after Exit"
QUARTER_WHOLE = "Quarter after Exit"
UNITS = (DAYS, WEEKS, MONTHS, QUARTER_START, QUARTER_END, QUARTER_MONTH, QUARTER_WHOLE)
# counted in the calendar quarters after the exit quarter
AFTER_EXIT_UNITS = (QUARTER_START, QUARTER_END, QUARTER_MONTH, QUARTER_WHOLE)
# open for the whole calendar month or quarter they fall due in, whatever `window_days` says
WHOLE_PERIOD_UNITS = (QUARTER_MONTH, QUARTER_WHOLE)

# outcome milestones (the options of a row's "Counts as Outcome"), with their months after exit
AT_CLOSE = "At Close"
MILESTONES = {AT_CLOSE: 0, "3 Months after Exit": 3, "6 Months after Exit": 6, "12 Months after Exit": 12}

JOB_RETENTION_SETA_NAME = "Job Retention (SETA 02-09)"
OUTCOMES_15D_NAME = "Outcomes at Close, 3, 6 and 12 Months"
WIOA_NAME = "WIOA Performance (Q2 and Q4 after Exit)"


def _getter(row):
	"""Read a field from a child-table row, a dict or a plain object alike."""
	if hasattr(row, "get"):
		return row.get
	return lambda field: getattr(row, field, None)


@dataclass(frozen=True)
class ScheduleRow:
	"""One row of a Follow-up Schedule; `row_id` is the child row's name."""

	label: str
	anchor: str
	offset_value: int
	offset_unit: str
	window_days: int
	row_id: str = ""
	outcome_milestone: str = ""

	@classmethod
	def from_row(cls, row) -> "ScheduleRow":
		get = _getter(row)
		return cls(
			label=(get("label") or "").strip(),
			anchor=get("anchor"),
			offset_value=cint(get("offset_value")),
			offset_unit=get("offset_unit"),
			window_days=cint(get("window_days")),
			row_id=get("name") or get("row_id") or "",
			outcome_milestone=get("outcome_milestone") or "",
		)


@dataclass(frozen=True)
class Due:
	"""A follow-up that falls due on `due_date` and stays open until `window_end` (inclusive)."""

	label: str
	anchor: str
	due_date: date
	window_end: date
	row_index: int
	row_id: str = ""
	outcome_milestone: str = ""


def nth_quarter_after(d, n: int) -> tuple[date, date]:
	"""The first and last day of the nth calendar quarter after the one holding `d` (0 = its own)."""
	d = getdate(d)
	index = d.year * 4 + (d.month - 1) // 3 + n
	year, quarter = divmod(index, 4)
	start = date(year, quarter * 3 + 1, 1)
	next_year, next_quarter = divmod(index + 1, 4)
	end = date(next_year, next_quarter * 3 + 1, 1) - timedelta(days=1)
	return start, end


def nth_month_after_exit_quarter(exit_date, n: int) -> tuple[date, date]:
	"""The first and last day of month n (1-based) of the quarters after the exit quarter."""
	first = getdate(add_months(nth_quarter_after(exit_date, 1)[0], n - 1))
	return first, getdate(get_last_day(first))


def due_date_for(row: ScheduleRow, start_date, exit_date, row_index: int = 1) -> Due | None:
	"""When `row` falls due for a placement that started on `start_date` and a program exit on
	`exit_date`; None while its anchor date is unknown."""
	if row.anchor == PLACEMENT_START:
		anchor_date = start_date
	elif row.anchor == PROGRAM_EXIT:
		anchor_date = exit_date
	else:
		raise ValueError(f"Unknown follow-up anchor: {row.anchor!r}")
	if not anchor_date:
		return None
	anchor_date = getdate(anchor_date)
	n = cint(row.offset_value)

	window_end = None  # open for a whole month or quarter, or for the row's window days
	if row.offset_unit == DAYS:
		due = anchor_date + timedelta(days=n)
	elif row.offset_unit == WEEKS:
		due = anchor_date + timedelta(days=7 * n)
	elif row.offset_unit == MONTHS:
		due = getdate(add_months(anchor_date, n))
	elif row.offset_unit == QUARTER_START:
		due = nth_quarter_after(anchor_date, n)[0]
	elif row.offset_unit == QUARTER_END:
		due = nth_quarter_after(anchor_date, n)[1]
	elif row.offset_unit == QUARTER_MONTH:
		due, window_end = nth_month_after_exit_quarter(anchor_date, n)
	elif row.offset_unit == QUARTER_WHOLE:
		due, window_end = nth_quarter_after(anchor_date, n)
	else:
		raise ValueError(f"Unknown follow-up unit: {row.offset_unit!r}")
	if window_end is None:
		window_end = due + timedelta(days=max(cint(row.window_days), 1) - 1)
	return Due(
		label=row.label,
		anchor=row.anchor,
		due_date=due,
		window_end=window_end,
		row_index=row_index,
		row_id=row.row_id,
		outcome_milestone=row.outcome_milestone,
	)


def generate(rows, start_date, exit_date) -> list[Due]:
	"""Every follow-up of the schedule whose anchor date is known, by due date then row order.

	Pass only the anchor dates a record owns: a placement passes its start date (exit None), an
	exited participant their exit date (start None)."""
	dues = []
	for index, row in enumerate(rows, start=1):
		if not isinstance(row, ScheduleRow):
			row = ScheduleRow.from_row(row)
		due = due_date_for(row, start_date, exit_date, row_index=index)
		if due:
			dues.append(due)
	return sorted(dues, key=lambda due: (due.due_date, due.row_index))


def row_problem(row, index: int) -> str | None:
	"""Why schedule row number `index` (1-based) is refused, or None."""
	get = _getter(row)
	anchor = get("anchor")
	unit = get("offset_unit")
	offset = cint(get("offset_value"))
	window = cint(get("window_days"))

	if not (get("label") or "").strip():
		return _("Row {0}: a label is required").format(index)
	if anchor not in ANCHORS:
		return _("Row {0}: the anchor must be one of {1}, not {2}").format(
			index, ", ".join(ANCHORS), anchor or _("empty")
		)
	if unit not in UNITS:
		return _("Row {0}: the unit must be one of {1}, not {2}").format(
			index, ", ".join(UNITS), unit or _("empty")
		)
	if offset < 0:
		return _("Row {0}: the offset cannot be negative").format(index)
	if unit not in WHOLE_PERIOD_UNITS and window < 1:
		return _("Row {0}: the window must be at least 1 day, not {1}").format(index, window)
	if unit in AFTER_EXIT_UNITS:
		if anchor != PROGRAM_EXIT:
			return _("Row {0}: quarters after exit count from the program exit, not from {1}").format(
				index, anchor
			)
		if offset < 1 and unit == QUARTER_MONTH:
			return _("Row {0}: the months of the quarters after exit start at month 1, not {1}").format(
				index, offset
			)
		if offset < 1:
			return _("Row {0}: quarters after exit start at quarter 1, not {1}").format(index, offset)
	milestone = get("outcome_milestone")
	if milestone and milestone not in MILESTONES:
		return _("Row {0}: {1} is not an outcome milestone").format(index, milestone)
	if milestone and anchor != PROGRAM_EXIT:
		return _("Row {0}: an outcome milestone counts from the program exit, not from {1}").format(
			index, anchor
		)
	return None
