"""Employer Placement Summary (15C) on a hand-built year, every figure worked out below.

Period 2019-01-01 to 2019-12-31: the cohort is the placements that started in it, whatever the
as-of day; the as-of day (2019-12-31 here, or today) says which have ended. Placements (start,
wage, hours, incentive, end, type):
  1 Ana   2019-02-04  18.00 40  1000  ended 2019-05-06 (Completed: 91 days)   Work Experience
  2 Ana   2019-06-03  19.50 35     0  still active                            Competitive Employment
  3 Ben   2019-03-11  21.25 40  2500  ended 2019-04-01 (Quit: 21 days)        On-the-Job Training
  4 Cruz  2019-09-02  17.00 24     0  ended 2019-09-20 (Dismissed: 18 days)   Competitive Employment
           (imported without its employment history)
  5 Eve   2019-11-04  20.00 40   500  ends 2020-02-03, after the as-of day    Test and Hire
  outside the period: Dee 2018-12-17 and 2020-01-06.
"""

import frappe

from employment_partners.employment_partners.report.employer_placement_summary.employer_placement_summary import (
	execute,
)
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

COMMITMENTS = {
	"training_plan": "Six weeks of on-site training",
	"incentive_duration_weeks": 6,
	"skill_complexity": "Low",
}


def place(person, start, wage, hours, incentive=0, placement_type="Competitive Employment", **values):
	order = make_job_order(hourly_wage=wage, hours_per_week=hours, placement_type=placement_type, openings=5)
	extra = {"incentive_amount": incentive, **COMMITMENTS} if incentive else {}
	return make_placement(
		order.name, person.name, start_date=start, hourly_wage=wage, hours_per_week=hours, **extra, **values
	)


class TestEmployerPlacementSummary(EPTestCase):
	def setUp(self):
		super().setUp()
		ana, ben, cruz, dee, eve = (
			make_participant(first_name=n, enrolment_date="2018-01-02")
			for n in ("Ana", "Ben", "Cruz", "Dee", "Eve")
		)
		place(ana, "2019-02-04", 18, 40, 1000, "Work Experience", status="Completed", end_date="2019-05-06")
		place(ana, "2019-06-03", 19.5, 35)
		place(
			ben,
			"2019-03-11",
			21.25,
			40,
			2500,
			"On-the-Job Training",
			status="Ended",
			end_date="2019-04-01",
			separation_reason="Quit",
		)
		fourth = place(
			cruz, "2019-09-02", 17, 24, status="Ended", end_date="2019-09-20", separation_reason="Dismissed"
		)
		frappe.db.set_value("Placement", fourth.name, "employment_history", None)
		place(eve, "2019-11-04", 20, 40, 500, "Test and Hire", status="Completed", end_date="2020-02-03")
		place(dee, "2018-12-17", 30, 40)
		place(dee, "2020-01-06", 30, 40)

	def run_report(self, **filters):
		return execute(frappe._dict({"from_date": "2019-01-01", "to_date": "2019-12-31", **filters}))

	def test_every_figure(self):
		_columns, rows, definitions, chart, summary = self.run_report(as_of="2019-12-31")
		figures = {
			row["figure"]: (row["total"], row["with_incentive"], row["without_incentive"]) for row in rows[:9]
		}
		self.assertEqual(
			figures,
			{
				# placements 1, 2, 3, 4, 5: Ana, Ben, Cruz, Eve; with: 1, 3, 5 (Ana, Ben, Eve); without: 2, 4 (Ana, Cruz)
				"participants": (4, 3, 2),
				"placements": (5, 3, 2),
				# placement 4 has no employment history recorded
				"with_history": (4, 3, 1),
				# (18 + 19.50 + 21.25 + 17 + 20) / 5 = 95.75 / 5; (18 + 21.25 + 20) / 3 = 59.25 / 3; (19.50 + 17) / 2
				"average_wage": (19.15, 19.75, 18.25),
				# 5 / 4; 3 / 3; 2 / 2
				"placements_per_participant": (1.25, 1.0, 1.0),
				# ended by 2019-12-31: 1 (91 d), 3 (21 d), 4 (18 d): 130 / 3 / 7 = 6.19 -> 6.2;
				# with: (91 + 21) / 2 / 7 = 8.0; without: 18 / 7 = 2.57 -> 2.6; placement 5 ends in 2020
				"average_weeks": (6.2, 8.0, 2.6),
				# not ended by 2019-12-31: 2 (active) and 5 (ends 2020-02-03); with: 5; without: 2
				"running": (2, 1, 1),
				# (1000 + 2500 + 500) / 3 = 1333.33; none without
				"average_incentive": (1333.33, 1333.33, None),
				# (40 + 35 + 40 + 24 + 40) / 5 = 35.8; 120 / 3 = 40; (35 + 24) / 2 = 29.5
				"average_hours": (35.8, 40.0, 29.5),
			},
		)
		types = {
			row["placement_type"]: (row["total"], row["with_incentive"], row["without_incentive"])
			for row in rows
			if row["figure"] == "type"
		}
		self.assertEqual(
			types,
			{
				"Competitive Employment": (2, 0, 2),
				"On-the-Job Training": (1, 1, 0),
				"Test and Hire": (1, 1, 0),
				"Work Experience": (1, 1, 0),
			},
		)
		self.assertEqual(
			chart["data"]["labels"],
			["Competitive Employment", "On-the-Job Training", "Test and Hire", "Work Experience"],
		)
		self.assertEqual([s["value"] for s in summary], [5, 4, 19.15, "6.2", 2])
		self.assertIn("Average Duration (weeks)", definitions)
		self.assertIn("Employer Placement #15C Report", definitions)

	def test_the_same_cohort_measured_later(self):
		# as of today the cohort is still placements 1-5 (Dee's 2020-01-06 start is after To), and
		# placement 5 has ended (2020-02-03: 91 days): total (91 + 21 + 18 + 91) / 4 = 221 / 4 / 7
		# = 7.89 -> 7.9 weeks; with (91 + 21 + 91) / 3 / 7 = 9.67 -> 9.7; without 18 / 7 = 2.6;
		# still running: only placement 2 (without)
		_columns, rows, _definitions, _chart, summary = self.run_report()
		figures = {
			row["figure"]: (row["total"], row["with_incentive"], row["without_incentive"]) for row in rows
		}
		self.assertEqual(figures["placements"], (5, 3, 2))
		self.assertEqual(figures["average_weeks"], (7.9, 9.7, 2.6))
		self.assertEqual(figures["running"], (1, 0, 1))
		self.assertEqual([s["value"] for s in summary], [5, 4, 19.15, "7.9", 1])

	def test_an_as_of_day_inside_the_period_ends_the_cohort_there(self):
		# as of 2019-06-30: the cohort is the placements started by then, 1, 2 and 3 (Ana, Ana,
		# Ben); ended by then 1 (91 days) and 3 (21): (91 + 21) / 2 / 7 = 8.0 weeks; running 2
		_columns, rows, _definitions, _chart, _summary = self.run_report(as_of="2019-06-30")
		figures = {
			row["figure"]: (row["total"], row["with_incentive"], row["without_incentive"]) for row in rows
		}
		self.assertEqual(figures["placements"], (3, 2, 1))
		self.assertEqual(figures["participants"], (2, 2, 1))
		self.assertEqual(figures["average_weeks"], (8.0, 8.0, None))
		self.assertEqual(figures["running"], (1, 0, 1))

	def test_an_empty_period_shows_zeros_and_blanks(self):
		_columns, rows, _definitions, chart, summary = self.run_report(
			from_date="2010-01-01", to_date="2010-12-31"
		)
		figures = {row["figure"]: row.get("total") for row in rows}
		self.assertEqual((figures["placements"], figures["participants"]), (0, 0))
		self.assertIsNone(figures["average_wage"])
		self.assertIsNone(chart)
		# counts are 0; an average of nothing is a dash, not 0
		self.assertEqual([s["value"] for s in summary], [0, 0, "–", "–", 0])

	def test_a_period_that_ends_before_it_starts_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "The period ends on .*, before it starts on"):
			self.run_report(from_date="2019-12-31", to_date="2019-01-01")

	def test_an_unknown_filter_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "This report has no filter colour"):
			self.run_report(colour="blue")

	def test_by_rest_the_same_figures(self):
		from frappe.desk.query_report import run

		result = run(
			"Employer Placement Summary",
			{"from_date": "2019-01-01", "to_date": "2019-12-31", "as_of": "2019-12-31"},
		)
		self.assertEqual(result["result"][3]["total"], 19.15)
		self.assertEqual([s["value"] for s in result["report_summary"]], [5, 4, 19.15, "6.2", 2])
