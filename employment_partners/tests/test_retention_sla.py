"""Business-hours SLA maths, read directly (no database).

Expected values are worked out by hand in the comments. Calendar: 2026-11-23 is a Monday,
so 11-27 is a Friday, 11-28/29 the weekend, 11-30 the next Monday, 12-02 a Wednesday.
Unless a test says otherwise the hours are 09:00-17:00, Monday to Friday (8 h a day).
"""

import unittest
from datetime import date, datetime, time

from employment_partners.retention.sla import (
	OFFICE_HOURS,
	BusinessHours,
	add_business_hours,
	business_hours_between,
	business_hours_problem,
	due_at,
	is_breached,
)


class TestAddBusinessHours(unittest.TestCase):
	def test_24_hours_from_monday_morning(self):
		# Mon 10-17 = 7 h, Tue 8 h, Wed 8 h = 23 h, Thu 09-10 = 1 h
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 23, 10), 24, OFFICE_HOURS), datetime(2026, 11, 26, 10)
		)

	def test_24_hours_from_friday_afternoon_skips_the_weekend(self):
		# Fri 16:30-17 = 0.5 h, Mon 8 h, Tue 8 h = 16.5 h, Wed 09:00-16:30 = 7.5 h
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 27, 16, 30), 24, OFFICE_HOURS),
			datetime(2026, 12, 2, 16, 30),
		)

	def test_saturday_counts_from_monday_morning(self):
		saturday = datetime(2026, 11, 28, 11)
		self.assertEqual(add_business_hours(saturday, 0, OFFICE_HOURS), datetime(2026, 11, 30, 9))
		self.assertEqual(add_business_hours(saturday, 1, OFFICE_HOURS), datetime(2026, 11, 30, 10))
		# Mon 8 h, Tue 8 h, Wed 8 h: the day's hours used up exactly, so Wed 17:00
		self.assertEqual(add_business_hours(saturday, 24, OFFICE_HOURS), datetime(2026, 12, 2, 17))

	def test_at_closing_time_counts_from_the_next_workday(self):
		closing = datetime(2026, 11, 23, 17)
		self.assertEqual(add_business_hours(closing, 0, OFFICE_HOURS), datetime(2026, 11, 24, 9))
		self.assertEqual(add_business_hours(closing, 1, OFFICE_HOURS), datetime(2026, 11, 24, 10))
		# Friday 17:00 counts from Monday 09:00
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 27, 17), 2, OFFICE_HOURS), datetime(2026, 11, 30, 11)
		)

	def test_before_opening_counts_from_opening(self):
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 23, 7, 15), 1, OFFICE_HOURS), datetime(2026, 11, 23, 10)
		)

	def test_zero_hours_inside_working_time_is_the_start_itself(self):
		start = datetime(2026, 11, 23, 16, 59, 59)
		self.assertEqual(add_business_hours(start, 0, OFFICE_HOURS), start)

	def test_a_holiday_in_the_middle_is_skipped(self):
		bh = BusinessHours(holidays=frozenset({date(2026, 11, 25)}))
		# Mon 10-17 = 7 h, Tue 8 h, Wed holiday, Thu 8 h = 23 h, Fri 09-10 = 1 h
		self.assertEqual(add_business_hours(datetime(2026, 11, 23, 10), 24, bh), datetime(2026, 11, 27, 10))

	def test_reported_on_a_holiday_counts_from_the_next_workday(self):
		bh = BusinessHours(holidays=frozenset({date(2026, 11, 26), date(2026, 11, 27)}))
		# Thu and Fri are holidays, then the weekend: Mon 09:00 + 2 h
		self.assertEqual(add_business_hours(datetime(2026, 11, 26, 12), 2, bh), datetime(2026, 11, 30, 11))

	def test_fractional_hours(self):
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 23, 10), 0.5, OFFICE_HOURS), datetime(2026, 11, 23, 10, 30)
		)
		# Mon 16:45-17 = 15 min, Tue 09:00-09:15 = 15 min
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 23, 16, 45), 0.5, OFFICE_HOURS),
			datetime(2026, 11, 24, 9, 15),
		)
		# 0.1 h = 6 min
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 23, 9), 0.1, OFFICE_HOURS), datetime(2026, 11, 23, 9, 6)
		)

	def test_exact_to_the_second_across_closing_time(self):
		one_second = 1 / 3600
		start = datetime(2026, 11, 23, 16, 59, 59)
		self.assertEqual(add_business_hours(start, one_second, OFFICE_HOURS), datetime(2026, 11, 23, 17))
		# 1 s on Monday, 1 s on Tuesday
		self.assertEqual(
			add_business_hours(start, 2 * one_second, OFFICE_HOURS), datetime(2026, 11, 24, 9, 0, 1)
		)

	def test_custom_hours_and_workdays(self):
		bh = BusinessHours(day_start=time(8), day_end=time(12), workdays=frozenset({0, 2, 4}))
		# Mon 11-12 = 1 h, (Tue off), Wed 08-12 = 4 h, (Thu off), Fri 08-09 = 1 h
		self.assertEqual(add_business_hours(datetime(2026, 11, 23, 11), 6, bh), datetime(2026, 11, 27, 9))

	def test_large_hour_counts(self):
		# 800 h = 100 working days of 8 h = 20 full weeks from Mon 2026-11-23 09:00; the 100th
		# working day is the Friday of the 20th week: 2026-11-27 + 19 * 7 days = 2027-04-09
		self.assertEqual(
			add_business_hours(datetime(2026, 11, 23, 9), 800, OFFICE_HOURS), datetime(2027, 4, 9, 17)
		)

	def test_refuses_negative_hours(self):
		with self.assertRaises(ValueError):
			add_business_hours(datetime(2026, 11, 23, 10), -1, OFFICE_HOURS)

	def test_refuses_unusable_business_hours(self):
		with self.assertRaises(ValueError):
			add_business_hours(datetime(2026, 11, 23, 10), 1, BusinessHours(workdays=frozenset()))


class TestBusinessHoursBetween(unittest.TestCase):
	# (from, to, business hours between, the arithmetic) in office hours Mon-Fri 09:00-17:00
	CASES = (
		((2026, 11, 27, 16), (2026, 11, 30, 10), 2.0, "Fri 16-17 = 1 h, weekend 0 h, Mon 09-10 = 1 h"),
		((2026, 11, 23, 10), (2026, 11, 23, 12, 30), 2.5, "one day, 10:00-12:30"),
		((2026, 11, 23, 7), (2026, 11, 23, 20), 8.0, "ends outside working time: only 09-17 counts"),
		((2026, 11, 23, 10), (2026, 11, 26, 10), 24.0, "Mon 10-17 = 7 h, Tue 8 h, Wed 8 h, Thu 09-10 = 1 h"),
		((2026, 11, 28, 10), (2026, 11, 29, 16), 0.0, "a weekend only"),
		((2026, 11, 26, 10), (2026, 11, 23, 10), 0.0, "the end before the start"),
	)

	def test_office_hours(self):
		for start, end, hours, why in self.CASES:
			with self.subTest(why):
				self.assertEqual(
					business_hours_between(datetime(*start), datetime(*end), OFFICE_HOURS), hours
				)

	def test_skips_a_holiday(self):
		bh = BusinessHours(holidays=frozenset({date(2026, 11, 25)}))
		# Tue 12-17 = 5 h, Wed holiday, Thu 09-12 = 3 h
		self.assertEqual(
			business_hours_between(datetime(2026, 11, 24, 12), datetime(2026, 11, 26, 12), bh), 8.0
		)


class TestBreach(unittest.TestCase):
	# Reported Mon 10:00 with a 24 h SLA: due Thu 2026-11-26 10:00 (see TestAddBusinessHours)
	REPORTED = datetime(2026, 11, 23, 10)
	DUE = datetime(2026, 11, 26, 10)

	def test_due_at(self):
		self.assertEqual(due_at(self.REPORTED, 24, OFFICE_HOURS), self.DUE)
		self.assertEqual(
			due_at(datetime(2026, 11, 27, 16, 30), 24, OFFICE_HOURS), datetime(2026, 12, 2, 16, 30)
		)

	def test_acknowledged_in_time_is_not_breached(self):
		later = datetime(2026, 12, 10, 12)
		self.assertFalse(
			is_breached(due_at(self.REPORTED, 24, OFFICE_HOURS), datetime(2026, 11, 26, 9, 59), later)
		)
		# exactly at the deadline is still on time
		self.assertFalse(is_breached(due_at(self.REPORTED, 24, OFFICE_HOURS), self.DUE, later))

	def test_acknowledged_late_is_breached(self):
		self.assertTrue(
			is_breached(
				due_at(self.REPORTED, 24, OFFICE_HOURS),
				datetime(2026, 11, 26, 10, 0, 1),
				datetime(2026, 11, 26, 11),
			)
		)
		self.assertTrue(
			is_breached(
				due_at(self.REPORTED, 24, OFFICE_HOURS), datetime(2026, 11, 27, 9), datetime(2026, 11, 27, 9)
			)
		)

	def test_unacknowledged_before_the_deadline_is_not_breached(self):
		self.assertFalse(
			is_breached(due_at(self.REPORTED, 24, OFFICE_HOURS), None, datetime(2026, 11, 25, 16))
		)
		self.assertFalse(is_breached(due_at(self.REPORTED, 24, OFFICE_HOURS), None, self.DUE))

	def test_unacknowledged_past_the_deadline_is_breached(self):
		self.assertTrue(
			is_breached(due_at(self.REPORTED, 24, OFFICE_HOURS), None, datetime(2026, 11, 26, 10, 0, 1))
		)

	def test_holiday_moves_the_deadline(self):
		bh = BusinessHours(holidays=frozenset({date(2026, 11, 25)}))
		# due Fri 2026-11-27 10:00 instead of Thu
		now = datetime(2026, 11, 26, 12)
		self.assertTrue(is_breached(due_at(self.REPORTED, 24, OFFICE_HOURS), None, now))
		self.assertFalse(is_breached(due_at(self.REPORTED, 24, bh), None, now))


class TestBusinessHoursProblem(unittest.TestCase):
	def test_refuses_a_day_that_ends_before_it_starts(self):
		self.assertEqual(
			business_hours_problem(BusinessHours(day_start=time(17), day_end=time(9))),
			"The working day must end after it starts: 09:00 is not after 17:00",
		)

	def test_refuses_an_empty_day(self):
		self.assertEqual(
			business_hours_problem(BusinessHours(day_start=time(9), day_end=time(9))),
			"The working day must end after it starts: 09:00 is not after 09:00",
		)

	def test_refuses_no_workdays(self):
		self.assertEqual(
			business_hours_problem(BusinessHours(workdays=frozenset())), "Choose at least one working day"
		)

	def test_refuses_unknown_weekdays(self):
		self.assertEqual(
			business_hours_problem(BusinessHours(workdays=frozenset({0, 7}))),
			"Working days are numbered 0 (Monday) to 6 (Sunday), not 7",
		)

	def test_allows_good_hours(self):
		self.assertIsNone(business_hours_problem(OFFICE_HOURS))
		self.assertIsNone(
			business_hours_problem(
				BusinessHours(day_start=time(7, 30), day_end=time(15, 30), workdays=frozenset({5, 6}))
			)
		)
