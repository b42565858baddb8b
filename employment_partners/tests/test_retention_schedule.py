"""Follow-up schedule date maths, read directly (no database writes).

Every expected date below is worked out by hand from a calendar, never with the code under
test.  SETA WIA Directive 02-09 (revision 4) and its Post-Exit Job Retention Chart give the
job-retention schedule:

- item 2: contact within one week of employment; item 3: after one month of employment;
- item 4: within the first week of the 1st quarter after exit; item 6: within the first week of
  the 3rd quarter after exit;
- item 7: monthly until the end of the 3rd quarter after exit, drawn in the chart as one
  "regular monthly contact" in each month (Month 1, 2, 3) of quarters 1, 2 and 3 after exit;
- item 5: the Follow-up Form (WIA EWIF) at the end of each quarter (the chart's Month 3).

Quarters are calendar quarters; "after exit" counts from the quarter that holds the exit date.
"""

import unittest
from datetime import date

import frappe

from employment_partners import defaults
from employment_partners.retention import schedule
from employment_partners.retention.schedule import (
	DAYS,
	MONTHS,
	PLACEMENT_START,
	PROGRAM_EXIT,
	QUARTER_END,
	QUARTER_MONTH,
	QUARTER_START,
	WEEKS,
	Due,
	ScheduleRow,
	due_date_for,
	generate,
	nth_month_after_exit_quarter,
	nth_quarter_after,
	row_problem,
)

SETA = "Job Retention (SETA 02-09)"
OUTCOMES = "Outcomes at Close, 3, 6 and 12 Months"


def shipped_rows(name: str) -> list[ScheduleRow]:
	return [ScheduleRow.from_row(row) for row in defaults.shipped("Follow-up Schedule", name)["rows"]]


def rows_of(dues: list[Due]) -> list[tuple]:
	"""(row id without the schedule's prefix, due date, window end) of each due follow-up."""
	return [
		(due.row_id.removeprefix("seta-02-09-").removeprefix("outcomes-15d-"), due.due_date, due.window_end)
		for due in dues
	]


def seta_after_exit(first_year: int, first_month: int, month_lengths: tuple[int, ...]) -> list[tuple]:
	"""What the chart says for an exit whose 1st quarter after exit begins on the first day of
	`first_month` of `first_year`; `month_lengths` are the nine months' lengths, read off a
	calendar by hand (28 or 29 for February).  Each monthly contact is open for its whole month;
	the first-week contacts are open the quarter's first seven days; the EWIF form is open for the
	quarter's third month (the directive's chart puts it in month 3, beside the monthly contact)."""
	months = []
	year, month = first_year, first_month
	for _ in range(9):
		months.append((year, month))
		year, month = (year + 1, 1) if month == 12 else (year, month + 1)
	expected = []
	for quarter in (1, 2, 3):
		if quarter in (1, 3):
			y, m = months[3 * (quarter - 1)]
			expected.append((f"q{quarter}-first-week", date(y, m, 1), date(y, m, 7)))
		for k in (1, 2, 3):
			index = 3 * (quarter - 1) + k - 1
			y, m = months[index]
			last = date(y, m, month_lengths[index])
			expected.append((f"q{quarter}-month-{k}", date(y, m, 1), last))
		expected.append((f"q{quarter}-ewif", date(y, m, 1), last))
	# generate() sorts by due date, then by row order: a first-week contact and its month's
	# contact share a due date, and the first-week row comes first in the shipped schedule
	return expected


class TestQuarters(unittest.TestCase):
	def test_the_quarter_holding_a_day(self):
		self.assertEqual(nth_quarter_after(date(2026, 1, 1), 0), (date(2026, 1, 1), date(2026, 3, 31)))
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 0), (date(2026, 1, 1), date(2026, 3, 31)))
		self.assertEqual(nth_quarter_after(date(2026, 5, 15), 0), (date(2026, 4, 1), date(2026, 6, 30)))
		self.assertEqual(nth_quarter_after(date(2026, 9, 30), 0), (date(2026, 7, 1), date(2026, 9, 30)))
		self.assertEqual(nth_quarter_after(date(2026, 12, 31), 0), (date(2026, 10, 1), date(2026, 12, 31)))

	def test_nth_quarter_after_exit(self):
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 1), (date(2026, 4, 1), date(2026, 6, 30)))
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 3), (date(2026, 10, 1), date(2026, 12, 31)))
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 4), (date(2027, 1, 1), date(2027, 3, 31)))

	def test_year_rollover(self):
		self.assertEqual(nth_quarter_after(date(2026, 11, 30), 1), (date(2027, 1, 1), date(2027, 3, 31)))
		self.assertEqual(nth_quarter_after(date(2026, 12, 31), 2), (date(2027, 4, 1), date(2027, 6, 30)))
		self.assertEqual(nth_quarter_after(date(2026, 10, 1), 5), (date(2028, 1, 1), date(2028, 3, 31)))

	def test_months_of_the_quarters_after_exit(self):
		# exit 15 Feb 2026 (Q1): quarter 1 after exit is Apr-Jun, so month 1 = April ... month 9 = December
		self.assertEqual(
			nth_month_after_exit_quarter(date(2026, 2, 15), 1), (date(2026, 4, 1), date(2026, 4, 30))
		)
		self.assertEqual(
			nth_month_after_exit_quarter(date(2026, 2, 15), 9), (date(2026, 12, 1), date(2026, 12, 31))
		)
		# exit 20 Nov 2027 (Q4): month 2 is February 2028, a leap year: 29 days
		self.assertEqual(
			nth_month_after_exit_quarter(date(2027, 11, 20), 2), (date(2028, 2, 1), date(2028, 2, 29))
		)

	def test_dates_given_as_strings(self):
		self.assertEqual(nth_quarter_after("2026-05-15", 1), (date(2026, 7, 1), date(2026, 9, 30)))


class TestShippedSchedules(unittest.TestCase):
	def test_shipped_rows_are_valid(self):
		for name in (SETA, OUTCOMES):
			for index, row in enumerate(shipped_rows(name), start=1):
				self.assertIsNone(row_problem(row, index), f"{name}, row {index}")

	def test_seta_rows_follow_the_directive(self):
		self.assertEqual(
			[(r.row_id, r.anchor, r.offset_value, r.offset_unit) for r in shipped_rows(SETA)],
			[
				("seta-02-09-employment-week-1", PLACEMENT_START, 0, DAYS),  # item 2
				("seta-02-09-employment-month-1", PLACEMENT_START, 1, MONTHS),  # item 3
				("seta-02-09-q1-first-week", PROGRAM_EXIT, 1, QUARTER_START),  # item 4
				("seta-02-09-q1-month-1", PROGRAM_EXIT, 1, QUARTER_MONTH),  # item 7, chart Q1 M1
				("seta-02-09-q1-month-2", PROGRAM_EXIT, 2, QUARTER_MONTH),
				("seta-02-09-q1-month-3", PROGRAM_EXIT, 3, QUARTER_MONTH),
				("seta-02-09-q1-ewif", PROGRAM_EXIT, 3, QUARTER_MONTH),  # item 5
				("seta-02-09-q2-month-1", PROGRAM_EXIT, 4, QUARTER_MONTH),
				("seta-02-09-q2-month-2", PROGRAM_EXIT, 5, QUARTER_MONTH),
				("seta-02-09-q2-month-3", PROGRAM_EXIT, 6, QUARTER_MONTH),
				("seta-02-09-q2-ewif", PROGRAM_EXIT, 6, QUARTER_MONTH),
				("seta-02-09-q3-first-week", PROGRAM_EXIT, 3, QUARTER_START),  # item 6
				("seta-02-09-q3-month-1", PROGRAM_EXIT, 7, QUARTER_MONTH),
				("seta-02-09-q3-month-2", PROGRAM_EXIT, 8, QUARTER_MONTH),
				("seta-02-09-q3-month-3", PROGRAM_EXIT, 9, QUARTER_MONTH),
				("seta-02-09-q3-ewif", PROGRAM_EXIT, 9, QUARTER_MONTH),
			],
		)
		windows = {r.row_id: r.window_days for r in shipped_rows(SETA)}
		self.assertEqual(windows["seta-02-09-employment-week-1"], 7)
		self.assertEqual(windows["seta-02-09-q3-first-week"], 7)
		# the form is open for the quarter's whole third month (item 5 and the chart's month 3), not
		# for its last day alone, which is often a weekend
		self.assertEqual(windows["seta-02-09-q2-ewif"], 0)


class TestSetaSchedule(unittest.TestCase):
	rows = shipped_rows(SETA)

	def test_whole_schedule_for_an_exit_mid_quarter(self):
		# start Mon 2 Mar 2026: week 1 = 2..8 Mar; one month later = 2 Apr, open 2..8 Apr.
		# exit 15 May 2026 is in Q2 (Apr-Jun); quarters after exit: Q1 = Jul-Sep 2026,
		# Q2 = Oct-Dec 2026, Q3 = Jan-Mar 2027.
		self.assertEqual(
			rows_of(generate(self.rows, date(2026, 3, 2), None)),
			[
				("employment-week-1", date(2026, 3, 2), date(2026, 3, 8)),
				("employment-month-1", date(2026, 4, 2), date(2026, 4, 8)),
			],
		)
		self.assertEqual(
			rows_of(generate(self.rows, None, date(2026, 5, 15))),
			[
				("q1-first-week", date(2026, 7, 1), date(2026, 7, 7)),
				("q1-month-1", date(2026, 7, 1), date(2026, 7, 31)),
				("q1-month-2", date(2026, 8, 1), date(2026, 8, 31)),
				("q1-month-3", date(2026, 9, 1), date(2026, 9, 30)),
				("q1-ewif", date(2026, 9, 1), date(2026, 9, 30)),
				("q2-month-1", date(2026, 10, 1), date(2026, 10, 31)),
				("q2-month-2", date(2026, 11, 1), date(2026, 11, 30)),
				("q2-month-3", date(2026, 12, 1), date(2026, 12, 31)),
				("q2-ewif", date(2026, 12, 1), date(2026, 12, 31)),
				("q3-first-week", date(2027, 1, 1), date(2027, 1, 7)),
				("q3-month-1", date(2027, 1, 1), date(2027, 1, 31)),
				("q3-month-2", date(2027, 2, 1), date(2027, 2, 28)),
				("q3-month-3", date(2027, 3, 1), date(2027, 3, 31)),
				("q3-ewif", date(2027, 3, 1), date(2027, 3, 31)),
			],
		)

	def test_each_month_of_a_quarter_gives_the_same_contacts(self):
		# exits on 1 Jan, 15 Jan, 28 Feb, 15 Mar and 31 Mar 2026 (the quarter's last day) are all
		# in Q1, so every one of them is contacted in Apr, May, Jun (Q1 after exit), Jul, Aug, Sep
		# (Q2) and Oct, Nov, Dec 2026 (Q3): 30, 31, 30 | 31, 31, 30 | 31, 30, 31 days.
		expected = seta_after_exit(2026, 4, (30, 31, 30, 31, 31, 30, 31, 30, 31))
		for exit_date in ("2026-01-01", "2026-01-15", "2026-02-28", "2026-03-15", "2026-03-31"):
			with self.subTest(exit_date=exit_date):
				self.assertEqual(rows_of(generate(self.rows, None, exit_date)), expected)

	def test_the_first_day_of_the_next_quarter_moves_everything_a_quarter(self):
		# exit 1 Apr 2026 is in Q2: quarters after exit are Jul-Sep, Oct-Dec 2026, Jan-Mar 2027
		expected = seta_after_exit(2026, 7, (31, 31, 30, 31, 30, 31, 31, 28, 31))
		self.assertEqual(rows_of(generate(self.rows, None, "2026-04-01")), expected)
		self.assertEqual(expected[0], ("q1-first-week", date(2026, 7, 1), date(2026, 7, 7)))
		self.assertEqual(expected[-1], ("q3-ewif", date(2027, 3, 1), date(2027, 3, 31)))

	def test_exits_in_the_fourth_quarter_roll_into_the_next_year(self):
		# exits on 1 Oct, 20 Nov and 31 Dec 2026 are in Q4: quarters after exit are Jan-Mar,
		# Apr-Jun and Jul-Sep 2027 (February 2027: 28 days)
		expected = seta_after_exit(2027, 1, (31, 28, 31, 30, 31, 30, 31, 31, 30))
		for exit_date in ("2026-10-01", "2026-11-20", "2026-12-31"):
			with self.subTest(exit_date=exit_date):
				self.assertEqual(rows_of(generate(self.rows, None, exit_date)), expected)
		self.assertEqual(expected[2], ("q1-month-2", date(2027, 2, 1), date(2027, 2, 28)))
		self.assertEqual(expected[4], ("q1-ewif", date(2027, 3, 1), date(2027, 3, 31)))

	def test_leap_years(self):
		# exit 30 Nov 2027 (Q4): Q1 after exit is Jan-Mar 2028 and February 2028 has 29 days
		expected = seta_after_exit(2028, 1, (31, 29, 31, 30, 31, 30, 31, 31, 30))
		self.assertEqual(rows_of(generate(self.rows, None, "2027-11-30")), expected)
		self.assertEqual(expected[2], ("q1-month-2", date(2028, 2, 1), date(2028, 2, 29)))
		# exit on the leap day itself, 29 Feb 2028 (Q1): Q1 after exit is Apr-Jun 2028
		self.assertEqual(
			rows_of(generate(self.rows, None, "2028-02-29")),
			seta_after_exit(2028, 4, (30, 31, 30, 31, 31, 30, 31, 30, 31)),
		)

	def test_one_month_of_employment_clamps_at_month_end(self):
		# start 31 Jan: one month later is the last day of February, 28 days in 2027, 29 in 2028;
		# start 31 Mar 2026: 30 Apr (April has 30 days). Each open 7 days.
		for start, due, window_end in (
			("2027-01-31", date(2027, 2, 28), date(2027, 3, 6)),
			("2028-01-31", date(2028, 2, 29), date(2028, 3, 6)),
			("2026-03-31", date(2026, 4, 30), date(2026, 5, 6)),
		):
			with self.subTest(start=start):
				self.assertEqual(
					rows_of(generate(self.rows, start, None))[1], ("employment-month-1", due, window_end)
				)

	def test_every_contact_stays_inside_its_quarter(self):
		# whatever the exit date, no follow-up after exit is open past the end of the quarter it
		# belongs to, and the last one closes on the last day of the 3rd quarter after exit
		for exit_date in ("2026-01-01", "2026-03-31", "2026-06-30", "2026-08-31", "2026-12-31", "2028-02-29"):
			dues = generate(self.rows, None, exit_date)
			for due in dues:
				self.assertLessEqual(due.window_end, nth_quarter_after(due.due_date, 0)[1], (exit_date, due))
			self.assertEqual(max(d.window_end for d in dues), nth_quarter_after(exit_date, 3)[1])
			self.assertEqual(len(dues), 14)


class TestOutcomesSchedule(unittest.TestCase):
	rows = shipped_rows(OUTCOMES)

	def test_exit_mid_month(self):
		# exit 15 May 2026: close 15 May, +3 months 15 Aug, +6 months 15 Nov, +12 months 15 May
		# 2027; each open 14 days (the due day and 13 more)
		dues = generate(self.rows, None, date(2026, 5, 15))
		self.assertEqual(
			{due.row_id: (due.due_date.isoformat(), due.window_end.isoformat()) for due in dues},
			{
				"outcomes-15d-close": ("2026-05-15", "2026-05-28"),
				"outcomes-15d-3-months": ("2026-08-15", "2026-08-28"),
				"outcomes-15d-6-months": ("2026-11-15", "2026-11-28"),
				"outcomes-15d-12-months": ("2027-05-15", "2027-05-28"),
			},
		)

	def test_month_ends_clamp(self):
		# exit 31 Aug 2026: +3 = 30 Nov (30 days), +6 = 28 Feb 2027, +12 = 31 Aug 2027
		self.assertEqual(
			[due.due_date for due in generate(self.rows, None, "2026-08-31")],
			[date(2026, 8, 31), date(2026, 11, 30), date(2027, 2, 28), date(2027, 8, 31)],
		)
		# exit on the leap day 29 Feb 2028: +3 = 29 May, +6 = 29 Aug 2028, +12 = 28 Feb 2029
		self.assertEqual(
			[due.due_date for due in generate(self.rows, None, "2028-02-29")],
			[date(2028, 2, 29), date(2028, 5, 29), date(2028, 8, 29), date(2029, 2, 28)],
		)

	def test_no_placement_rows_and_nothing_before_exit(self):
		self.assertEqual(generate(self.rows, date(2026, 3, 2), None), [])
		self.assertEqual(generate(self.rows, date(2026, 3, 2), ""), [])


class TestWioaSchedule(unittest.TestCase):
	rows = shipped_rows("WIOA Performance (Q2 and Q4 after Exit)")

	def test_the_2nd_and_4th_quarters_after_exit_each_open_all_quarter(self):
		# exit 20 Nov 2025 (Q4 2025): 2nd quarter after exit Apr-Jun 2026, 4th Oct-Dec 2026
		self.assertEqual(
			[(d.row_id, d.due_date, d.window_end) for d in generate(self.rows, None, "2025-11-20")],
			[
				("wioa-q2", date(2026, 4, 1), date(2026, 6, 30)),
				("wioa-q4", date(2026, 10, 1), date(2026, 12, 31)),
			],
		)
		# exit 31 Mar 2026, the last day of Q1: 2nd quarter after exit Jul-Sep 2026, 4th Jan-Mar 2027
		self.assertEqual(
			[(d.due_date, d.window_end) for d in generate(self.rows, None, "2026-03-31")],
			[(date(2026, 7, 1), date(2026, 9, 30)), (date(2027, 1, 1), date(2027, 3, 31))],
		)

	def test_the_outcomes_schedule_marks_its_milestones(self):
		self.assertEqual(
			[r.outcome_milestone for r in shipped_rows(OUTCOMES)],
			["At Close", "3 Months after Exit", "6 Months after Exit", "12 Months after Exit"],
		)
		self.assertEqual(
			schedule.MILESTONES,
			{"At Close": 0, "3 Months after Exit": 3, "6 Months after Exit": 6, "12 Months after Exit": 12},
		)


class TestDueDateFor(unittest.TestCase):
	def test_days_and_weeks(self):
		ten_days = ScheduleRow("Ten days in", PLACEMENT_START, 10, DAYS, 3, "r1")
		two_weeks = ScheduleRow("Two weeks in", PLACEMENT_START, 2, WEEKS, 1)
		self.assertEqual(
			due_date_for(ten_days, date(2026, 3, 2), None, row_index=2),
			Due("Ten days in", "Placement Start", date(2026, 3, 12), date(2026, 3, 14), 2, "r1"),
		)
		self.assertEqual(
			due_date_for(two_weeks, date(2026, 3, 2), None),
			Due("Two weeks in", "Placement Start", date(2026, 3, 16), date(2026, 3, 16), 1),
		)

	def test_missing_anchor_date_gives_none(self):
		at_start = ScheduleRow("Day one", PLACEMENT_START, 0, DAYS, 7)
		at_exit = ScheduleRow("At close", PROGRAM_EXIT, 0, DAYS, 7)
		monthly = ScheduleRow("Month 1", PROGRAM_EXIT, 1, QUARTER_MONTH, 0)
		self.assertIsNone(due_date_for(at_start, None, date(2026, 5, 15)))
		self.assertIsNone(due_date_for(at_exit, date(2026, 3, 2), None))
		self.assertIsNone(due_date_for(monthly, date(2026, 3, 2), None))

	def test_a_month_of_the_quarters_is_open_all_month_whatever_the_window(self):
		row = ScheduleRow("Month 2", PROGRAM_EXIT, 2, QUARTER_MONTH, 3)
		# exit 15 Feb 2026: month 2 of the quarters after exit is May 2026 (31 days)
		self.assertEqual(
			(lambda d: (d.due_date, d.window_end))(due_date_for(row, None, "2026-02-15")),
			(date(2026, 5, 1), date(2026, 5, 31)),
		)

	def test_quarter_start_and_end(self):
		first_week = ScheduleRow("Q3 first week", PROGRAM_EXIT, 3, QUARTER_START, 7)
		end = ScheduleRow("Q3 end", PROGRAM_EXIT, 3, QUARTER_END, 1)
		self.assertEqual(
			due_date_for(first_week, None, date(2026, 2, 15)),
			Due("Q3 first week", "Program Exit", date(2026, 10, 1), date(2026, 10, 7), 1),
		)
		self.assertEqual(
			due_date_for(end, None, date(2026, 2, 15)),
			Due("Q3 end", "Program Exit", date(2026, 12, 31), date(2026, 12, 31), 1),
		)

	def test_from_child_table_row(self):
		child = frappe._dict(
			name="row-7",
			label=" Month 1 after exit ",
			anchor="Program Exit",
			offset_value="1",
			offset_unit="Months",
			window_days=7,
			idx=4,
		)
		self.assertEqual(
			ScheduleRow.from_row(child),
			ScheduleRow("Month 1 after exit", "Program Exit", 1, "Months", 7, "row-7"),
		)
		self.assertEqual(
			rows_of(generate([child], None, date(2026, 5, 15))),
			[("row-7", date(2026, 6, 15), date(2026, 6, 21))],
		)


class TestRowProblem(unittest.TestCase):
	def good(self, **overrides):
		values = dict(
			label="Month 1 after exit",
			anchor="Program Exit",
			offset_value=1,
			offset_unit="Months",
			window_days=7,
		)
		values.update(overrides)
		return frappe._dict(values)

	def test_good_rows_pass(self):
		self.assertIsNone(row_problem(self.good(), 1))
		self.assertIsNone(
			row_problem(self.good(anchor="Placement Start", offset_value=0, offset_unit="Days"), 1)
		)
		self.assertIsNone(row_problem(self.good(offset_unit="First Week of Quarter after Exit"), 1))
		self.assertIsNone(row_problem(ScheduleRow("Q1 end", PROGRAM_EXIT, 1, QUARTER_END, 14), 1))
		# a month of the quarters needs no window: it is open all month
		self.assertIsNone(row_problem(self.good(offset_unit=QUARTER_MONTH, window_days=0), 1))

	def test_an_outcome_milestone_is_known_and_counts_from_exit(self):
		self.assertIsNone(row_problem(self.good(offset_value=3, outcome_milestone="3 Months after Exit"), 1))
		self.assertEqual(
			row_problem(self.good(outcome_milestone="2 Months after Exit"), 2),
			"Row 2: 2 Months after Exit is not an outcome milestone",
		)
		self.assertEqual(
			row_problem(self.good(anchor="Placement Start", outcome_milestone="At Close"), 3),
			"Row 3: an outcome milestone counts from the program exit, not from Placement Start",
		)

	def test_label_required(self):
		self.assertEqual(row_problem(self.good(label="  "), 3), "Row 3: a label is required")
		self.assertEqual(row_problem(self.good(label=None), 3), "Row 3: a label is required")

	def test_anchor_must_be_known(self):
		self.assertEqual(
			row_problem(self.good(anchor="Enrolment"), 2),
			"Row 2: the anchor must be one of Placement Start, Program Exit, not Enrolment",
		)
		self.assertEqual(
			row_problem(self.good(anchor=None), 2),
			"Row 2: the anchor must be one of Placement Start, Program Exit, not empty",
		)

	def test_unit_must_be_known(self):
		self.assertEqual(
			row_problem(self.good(offset_unit="Years"), 5),
			"Row 5: the unit must be one of Days, Weeks, Months, First Week of Quarter after Exit, "
			"End of Quarter after Exit, Month of the Quarters after Exit, Quarter after Exit, not Years",
		)

	def test_offset_cannot_be_negative(self):
		self.assertEqual(row_problem(self.good(offset_value=-1), 4), "Row 4: the offset cannot be negative")

	def test_window_at_least_one_day(self):
		self.assertEqual(
			row_problem(self.good(window_days=0), 6), "Row 6: the window must be at least 1 day, not 0"
		)

	def test_quarters_count_from_exit(self):
		for unit in (QUARTER_END, QUARTER_MONTH):
			self.assertEqual(
				row_problem(self.good(anchor="Placement Start", offset_unit=unit), 7),
				"Row 7: quarters after exit count from the program exit, not from Placement Start",
			)

	def test_quarters_and_months_start_at_one(self):
		self.assertEqual(
			row_problem(self.good(offset_value=0, offset_unit=QUARTER_START), 8),
			"Row 8: quarters after exit start at quarter 1, not 0",
		)
		self.assertEqual(
			row_problem(self.good(offset_value=0, offset_unit=QUARTER_MONTH), 8),
			"Row 8: the months of the quarters after exit start at month 1, not 0",
		)

	def test_the_code_knows_every_option_of_the_doctype(self):
		meta = frappe.get_meta("Follow-up Schedule Row")
		self.assertEqual(schedule.ANCHORS, tuple(meta.get_field("anchor").options.split("\n")))
		self.assertEqual(schedule.UNITS, tuple(meta.get_field("offset_unit").options.split("\n")))
