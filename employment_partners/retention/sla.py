"""Business-hours SLA maths: when a retention issue must be acknowledged, and whether it was late.

Rules:
- Working time is [day_start, day_end) on a workday (Monday=0 … Sunday=6) that is not a holiday.
- Counting starts at the first working moment at or after the start: a start in the evening, at
  day_end exactly, on a weekend or on a holiday counts from day_start of the next working day.
- A deadline that uses up a day's hours exactly falls at that day's day_end (09:00 + 8 h = 17:00).
- The SLA is breached when the acknowledgement came after the deadline, or, with no
  acknowledgement yet, when `now` is past it. Acknowledging exactly at the deadline is on time.

Datetimes are naive, in the system time zone (as Frappe stores them). No database access.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from frappe import _

DAYS_OF_WEEK = frozenset(range(7))


@dataclass(frozen=True)
class BusinessHours:
	day_start: time = time(9)
	day_end: time = time(17)
	workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0
	holidays: frozenset[date] = frozenset()


OFFICE_HOURS = BusinessHours()  # 09:00-17:00, Monday to Friday, no holidays


def business_hours_problem(bh: BusinessHours) -> str | None:
	"""The translated reason these business hours cannot be used, or None."""
	if bh.day_end <= bh.day_start:
		return _("The working day must end after it starts: {0} is not after {1}").format(
			bh.day_end.strftime("%H:%M"), bh.day_start.strftime("%H:%M")
		)
	if not bh.workdays:
		return _("Choose at least one working day")
	unknown = sorted(bh.workdays - DAYS_OF_WEEK)
	if unknown:
		return _("Working days are numbered 0 (Monday) to 6 (Sunday), not {0}").format(
			", ".join(str(day) for day in unknown)
		)
	return None


def add_business_hours(start: datetime, hours: float, bh: BusinessHours = OFFICE_HOURS) -> datetime:
	"""The moment `hours` working hours after `start` (0 hours: the next working moment)."""
	_check(bh)
	if not math.isfinite(hours) or hours < 0:
		raise ValueError(_("Business hours to add must be 0 or more, not {0}").format(hours))
	remaining = timedelta(hours=hours)
	moment = _next_working_moment(start, bh)
	while True:
		available = datetime.combine(moment.date(), bh.day_end) - moment
		if remaining <= available:
			return moment + remaining
		remaining -= available
		moment = datetime.combine(_next_workday(moment.date() + timedelta(days=1), bh), bh.day_start)


def business_hours_between(a: datetime, b: datetime, bh: BusinessHours = OFFICE_HOURS) -> float:
	"""Working hours elapsed from `a` to `b`; 0 when `b` is not after `a`."""
	_check(bh)
	if b <= a:
		return 0.0
	elapsed = timedelta()
	day = a.date()
	while day <= b.date():
		if _is_workday(day, bh):
			opens = max(a, datetime.combine(day, bh.day_start))
			closes = min(b, datetime.combine(day, bh.day_end))
			if closes > opens:
				elapsed += closes - opens
		day += timedelta(days=1)
	return elapsed / timedelta(hours=1)


def due_at(reported_at: datetime, sla_hours: float, bh: BusinessHours = OFFICE_HOURS) -> datetime:
	"""The deadline: `sla_hours` working hours after `reported_at`."""
	return add_business_hours(reported_at, sla_hours, bh)


def is_breached(due: datetime, acknowledged_at: datetime | None, now: datetime) -> bool:
	"""The one breach rule: acknowledged after the deadline `due` (due_at), or still
	unacknowledged with `now` past it.  Acknowledging exactly at the deadline is on time."""
	if acknowledged_at is not None:
		return acknowledged_at > due
	return now > due


def _check(bh: BusinessHours) -> None:
	problem = business_hours_problem(bh)
	if problem:
		raise ValueError(problem)


def _is_workday(day: date, bh: BusinessHours) -> bool:
	return day.weekday() in bh.workdays and day not in bh.holidays


def _next_workday(day: date, bh: BusinessHours) -> date:
	"""`day` itself if it is a workday, else the first workday after it."""
	while not _is_workday(day, bh):
		day += timedelta(days=1)
	return day


def _next_working_moment(moment: datetime, bh: BusinessHours) -> datetime:
	day = moment.date()
	if _is_workday(day, bh):
		if moment < datetime.combine(day, bh.day_start):
			return datetime.combine(day, bh.day_start)
		if moment < datetime.combine(day, bh.day_end):
			return moment
	return datetime.combine(_next_workday(day + timedelta(days=1), bh), bh.day_start)
