"""Follow-up schedule date maths, read directly (no database).

Every expected date below is worked out by hand from a calendar, never with the code under test.
"""

import unittest
from datetime import date

import frappe

from employment_partners.retention import schedule
from employment_partners.retention.schedule import (
	DAYS,
	JOB_RETENTION_SETA,
	MONTHS,
	OUTCOMES_15D,
	PLACEMENT_START,
	PROGRAM_EXIT,
	QUARTER_END,
	QUARTER_START,
	SHIPPED_SCHEDULES,
	WEEKS,
	Due,
	ScheduleRow,
	due_date_for,
	generate,
	nth_quarter_after,
	quarter_bounds,
	row_problem,
)


def rows_of(dues: list[Due]) -> list[tuple]:
	return [(due.row_index, due.label, due.due_date, due.window_end) for due in dues]


class TestQuarters(unittest.TestCase):
	def test_quarter_bounds(self):
		self.assertEqual(quarter_bounds(date(2026, 1, 1)), (date(2026, 1, 1), date(2026, 3, 31)))
		self.assertEqual(quarter_bounds(date(2026, 2, 15)), (date(2026, 1, 1), date(2026, 3, 31)))
		self.assertEqual(quarter_bounds(date(2026, 5, 15)), (date(2026, 4, 1), date(2026, 6, 30)))
		self.assertEqual(quarter_bounds(date(2026, 9, 30)), (date(2026, 7, 1), date(2026, 9, 30)))
		self.assertEqual(quarter_bounds(date(2026, 12, 31)), (date(2026, 10, 1), date(2026, 12, 31)))

	def test_nth_quarter_after_exit(self):
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 1), (date(2026, 4, 1), date(2026, 6, 30)))
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 3), (date(2026, 10, 1), date(2026, 12, 31)))
		self.assertEqual(nth_quarter_after(date(2026, 2, 15), 4), (date(2027, 1, 1), date(2027, 3, 31)))

	def test_year_rollover(self):
		self.assertEqual(nth_quarter_after(date(2026, 11, 30), 1), (date(2027, 1, 1), date(2027, 3, 31)))
		self.assertEqual(nth_quarter_after(date(2026, 12, 31), 2), (date(2027, 4, 1), date(2027, 6, 30)))
		self.assertEqual(nth_quarter_after(date(2026, 10, 1), 5), (date(2028, 1, 1), date(2028, 3, 31)))

	def test_dates_given_as_strings(self):
		self.assertEqual(nth_quarter_after("2026-05-15", 1), (date(2026, 7, 1), date(2026, 9, 30)))


class TestShippedSchedules(unittest.TestCase):
	def test_shipped_schedules_by_name(self):
		self.assertEqual(
			list(SHIPPED_SCHEDULES),
			["Job Retention (SETA 02-09)", "Outcomes at Close, 3, 6 and 12 Months"],
		)
		self.assertIs(SHIPPED_SCHEDULES["Job Retention (SETA 02-09)"], JOB_RETENTION_SETA)
		self.assertIs(SHIPPED_SCHEDULES["Outcomes at Close, 3, 6 and 12 Months"], OUTCOMES_15D)

	def test_shipped_rows_are_valid(self):
		for name, rows in SHIPPED_SCHEDULES.items():
			for index, row in enumerate(rows, start=1):
				self.assertIsNone(row_problem(row, index), f"{name}, row {index}")

	def test_seta_rows(self):
		self.assertEqual(
			[(r.label, r.anchor, r.offset_value, r.offset_unit, r.window_days) for r in JOB_RETENTION_SETA],
			[
				("Within 1 week of employment", "Placement Start", 0, "Days", 7),
				("1 month after employment", "Placement Start", 1, "Months", 7),
				(
					"First week of quarter 1 after exit",
					"Program Exit",
					1,
					"First Week of Quarter after Exit",
					7,
				),
				("Month 1 after exit", "Program Exit", 1, "Months", 7),
				("Month 2 after exit", "Program Exit", 2, "Months", 7),
				("Month 3 after exit", "Program Exit", 3, "Months", 7),
				("Month 4 after exit", "Program Exit", 4, "Months", 7),
				("Month 5 after exit", "Program Exit", 5, "Months", 7),
				("Month 6 after exit", "Program Exit", 6, "Months", 7),
				("Month 7 after exit", "Program Exit", 7, "Months", 7),
				("Month 8 after exit", "Program Exit", 8, "Months", 7),
				("Month 9 after exit", "Program Exit", 9, "Months", 7),
				(
					"Quarterly form: end of quarter 1 after exit",
					"Program Exit",
					1,
					"End of Quarter after Exit",
					14,
				),
				(
					"Quarterly form: end of quarter 2 after exit",
					"Program Exit",
					2,
					"End of Quarter after Exit",
					14,
				),
				(
					"Quarterly form: end of quarter 3 after exit",
					"Program Exit",
					3,
					"End of Quarter after Exit",
					14,
				),
			],
		)


class TestGenerateSeta(unittest.TestCase):
	def test_exit_mid_quarter(self):
		# start Mon 2 Mar 2026, exit 15 May 2026 (Q2): quarter 1 after exit is Jul-Sep 2026.
		self.assertEqual(
			rows_of(generate(JOB_RETENTION_SETA, date(2026, 3, 2), date(2026, 5, 15))),
			[
				(1, "Within 1 week of employment", date(2026, 3, 2), date(2026, 3, 8)),
				(2, "1 month after employment", date(2026, 4, 2), date(2026, 4, 8)),
				(4, "Month 1 after exit", date(2026, 6, 15), date(2026, 6, 21)),
				(3, "First week of quarter 1 after exit", date(2026, 7, 1), date(2026, 7, 7)),
				(5, "Month 2 after exit", date(2026, 7, 15), date(2026, 7, 21)),
				(6, "Month 3 after exit", date(2026, 8, 15), date(2026, 8, 21)),
				(7, "Month 4 after exit", date(2026, 9, 15), date(2026, 9, 21)),
				(13, "Quarterly form: end of quarter 1 after exit", date(2026, 9, 30), date(2026, 10, 13)),
				(8, "Month 5 after exit", date(2026, 10, 15), date(2026, 10, 21)),
				(9, "Month 6 after exit", date(2026, 11, 15), date(2026, 11, 21)),
				(10, "Month 7 after exit", date(2026, 12, 15), date(2026, 12, 21)),
				(14, "Quarterly form: end of quarter 2 after exit", date(2026, 12, 31), date(2027, 1, 13)),
				(11, "Month 8 after exit", date(2027, 1, 15), date(2027, 1, 21)),
				(12, "Month 9 after exit", date(2027, 2, 15), date(2027, 2, 21)),
				(15, "Quarterly form: end of quarter 3 after exit", date(2027, 3, 31), date(2027, 4, 13)),
			],
		)

	def test_month_end_exit_clamps_and_ties_keep_row_order(self):
		# start 31 Oct 2025, exit 31 Jan 2026 (Q1): every month-end offset clamps to the shorter
		# month; month 5 and quarter 1's end both fall on 30 Jun, month 8 and quarter 2's on 30 Sep.
		self.assertEqual(
			rows_of(generate(JOB_RETENTION_SETA, "2025-10-31", "2026-01-31")),
			[
				(1, "Within 1 week of employment", date(2025, 10, 31), date(2025, 11, 6)),
				(2, "1 month after employment", date(2025, 11, 30), date(2025, 12, 6)),
				(4, "Month 1 after exit", date(2026, 2, 28), date(2026, 3, 6)),
				(5, "Month 2 after exit", date(2026, 3, 31), date(2026, 4, 6)),
				(3, "First week of quarter 1 after exit", date(2026, 4, 1), date(2026, 4, 7)),
				(6, "Month 3 after exit", date(2026, 4, 30), date(2026, 5, 6)),
				(7, "Month 4 after exit", date(2026, 5, 31), date(2026, 6, 6)),
				(8, "Month 5 after exit", date(2026, 6, 30), date(2026, 7, 6)),
				(13, "Quarterly form: end of quarter 1 after exit", date(2026, 6, 30), date(2026, 7, 13)),
				(9, "Month 6 after exit", date(2026, 7, 31), date(2026, 8, 6)),
				(10, "Month 7 after exit", date(2026, 8, 31), date(2026, 9, 6)),
				(11, "Month 8 after exit", date(2026, 9, 30), date(2026, 10, 6)),
				(14, "Quarterly form: end of quarter 2 after exit", date(2026, 9, 30), date(2026, 10, 13)),
				(12, "Month 9 after exit", date(2026, 10, 31), date(2026, 11, 6)),
				(15, "Quarterly form: end of quarter 3 after exit", date(2026, 12, 31), date(2027, 1, 13)),
			],
		)

	def test_exit_in_fourth_quarter_rolls_into_next_year(self):
		# start 31 Aug 2027, exit 30 Nov 2027 (Q4): quarter 1 after exit is Jan-Mar 2028, and
		# month 3 after exit lands on 29 Feb 2028 (a leap year).
		self.assertEqual(
			rows_of(generate(JOB_RETENTION_SETA, date(2027, 8, 31), date(2027, 11, 30))),
			[
				(1, "Within 1 week of employment", date(2027, 8, 31), date(2027, 9, 6)),
				(2, "1 month after employment", date(2027, 9, 30), date(2027, 10, 6)),
				(4, "Month 1 after exit", date(2027, 12, 30), date(2028, 1, 5)),
				(3, "First week of quarter 1 after exit", date(2028, 1, 1), date(2028, 1, 7)),
				(5, "Month 2 after exit", date(2028, 1, 30), date(2028, 2, 5)),
				(6, "Month 3 after exit", date(2028, 2, 29), date(2028, 3, 6)),
				(7, "Month 4 after exit", date(2028, 3, 30), date(2028, 4, 5)),
				(13, "Quarterly form: end of quarter 1 after exit", date(2028, 3, 31), date(2028, 4, 13)),
				(8, "Month 5 after exit", date(2028, 4, 30), date(2028, 5, 6)),
				(9, "Month 6 after exit", date(2028, 5, 30), date(2028, 6, 5)),
				(10, "Month 7 after exit", date(2028, 6, 30), date(2028, 7, 6)),
				(14, "Quarterly form: end of quarter 2 after exit", date(2028, 6, 30), date(2028, 7, 13)),
				(11, "Month 8 after exit", date(2028, 7, 30), date(2028, 8, 5)),
				(12, "Month 9 after exit", date(2028, 8, 30), date(2028, 9, 5)),
				(15, "Quarterly form: end of quarter 3 after exit", date(2028, 9, 30), date(2028, 10, 13)),
			],
		)

	def test_not_exited_yet_gives_only_the_placement_rows(self):
		self.assertEqual(
			rows_of(generate(JOB_RETENTION_SETA, date(2026, 3, 2), None)),
			[
				(1, "Within 1 week of employment", date(2026, 3, 2), date(2026, 3, 8)),
				(2, "1 month after employment", date(2026, 4, 2), date(2026, 4, 8)),
			],
		)

	def test_due_carries_its_anchor(self):
		dues = generate(JOB_RETENTION_SETA, date(2026, 3, 2), date(2026, 5, 15))
		self.assertEqual(dues[0].anchor, "Placement Start")
		self.assertEqual(dues[-1].anchor, "Program Exit")


class TestGenerateOutcomes(unittest.TestCase):
	def test_exit_mid_month(self):
		self.assertEqual(
			rows_of(generate(OUTCOMES_15D, None, date(2026, 5, 15))),
			[
				(1, "At close", date(2026, 5, 15), date(2026, 5, 28)),
				(2, "3 months after exit", date(2026, 8, 15), date(2026, 8, 28)),
				(3, "6 months after exit", date(2026, 11, 15), date(2026, 11, 28)),
				(4, "12 months after exit", date(2027, 5, 15), date(2027, 5, 28)),
			],
		)

	def test_exit_at_month_end(self):
		self.assertEqual(
			rows_of(generate(OUTCOMES_15D, date(2026, 1, 5), date(2026, 8, 31))),
			[
				(1, "At close", date(2026, 8, 31), date(2026, 9, 13)),
				(2, "3 months after exit", date(2026, 11, 30), date(2026, 12, 13)),
				(3, "6 months after exit", date(2027, 2, 28), date(2027, 3, 13)),
				(4, "12 months after exit", date(2027, 8, 31), date(2027, 9, 13)),
			],
		)

	def test_not_exited_yet_gives_nothing(self):
		self.assertEqual(generate(OUTCOMES_15D, date(2026, 3, 2), None), [])
		self.assertEqual(generate(OUTCOMES_15D, date(2026, 3, 2), ""), [])


class TestDueDateFor(unittest.TestCase):
	def test_days_and_weeks(self):
		ten_days = ScheduleRow("Ten days in", PLACEMENT_START, 10, DAYS, 3)
		two_weeks = ScheduleRow("Two weeks in", PLACEMENT_START, 2, WEEKS, 1)
		self.assertEqual(
			due_date_for(ten_days, date(2026, 3, 2), None, row_index=2),
			Due("Ten days in", "Placement Start", date(2026, 3, 12), date(2026, 3, 14), 2),
		)
		self.assertEqual(
			due_date_for(two_weeks, date(2026, 3, 2), None),
			Due("Two weeks in", "Placement Start", date(2026, 3, 16), date(2026, 3, 16), 1),
		)

	def test_missing_anchor_date_gives_none(self):
		at_start = ScheduleRow("Day one", PLACEMENT_START, 0, DAYS, 7)
		at_exit = ScheduleRow("At close", PROGRAM_EXIT, 0, DAYS, 7)
		quarter = ScheduleRow("Q1", PROGRAM_EXIT, 1, QUARTER_END, 7)
		self.assertIsNone(due_date_for(at_start, None, date(2026, 5, 15)))
		self.assertIsNone(due_date_for(at_exit, date(2026, 3, 2), None))
		self.assertIsNone(due_date_for(quarter, date(2026, 3, 2), None))

	def test_january_31_plus_one_month(self):
		row = ScheduleRow("1 month", PROGRAM_EXIT, 1, MONTHS, 7)
		self.assertEqual(due_date_for(row, None, date(2026, 1, 31)).due_date, date(2026, 2, 28))
		self.assertEqual(due_date_for(row, None, date(2028, 1, 31)).due_date, date(2028, 2, 29))

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
			label=" Month 1 after exit ",
			anchor="Program Exit",
			offset_value="1",
			offset_unit="Months",
			window_days=7,
			idx=4,
		)
		self.assertEqual(
			ScheduleRow.from_row(child), ScheduleRow("Month 1 after exit", "Program Exit", 1, "Months", 7)
		)
		self.assertEqual(
			rows_of(generate([child], None, date(2026, 5, 15))),
			[(1, "Month 1 after exit", date(2026, 6, 15), date(2026, 6, 21))],
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
			"End of Quarter after Exit, not Years",
		)

	def test_offset_cannot_be_negative(self):
		self.assertEqual(row_problem(self.good(offset_value=-1), 4), "Row 4: the offset cannot be negative")

	def test_window_at_least_one_day(self):
		self.assertEqual(
			row_problem(self.good(window_days=0), 6), "Row 6: the window must be at least 1 day, not 0"
		)

	def test_quarters_count_from_exit(self):
		self.assertEqual(
			row_problem(self.good(anchor="Placement Start", offset_unit="End of Quarter after Exit"), 7),
			"Row 7: quarters after exit count from the program exit, not from Placement Start",
		)

	def test_quarters_start_at_one(self):
		self.assertEqual(
			row_problem(self.good(offset_value=0, offset_unit="First Week of Quarter after Exit"), 8),
			"Row 8: quarters after exit start at quarter 1, not 0",
		)

	def test_constants(self):
		self.assertEqual(schedule.ANCHORS, ("Placement Start", "Program Exit"))
		self.assertEqual(
			schedule.UNITS,
			("Days", "Weeks", "Months", "First Week of Quarter after Exit", "End of Quarter after Exit"),
		)
