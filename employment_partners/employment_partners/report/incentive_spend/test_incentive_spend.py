"""Incentive Spend over two fiscal years, every figure worked out here.

  2019-20 (2019-04-01 to 2020-03-31): incentives 10,000, bonuses 1,000
  2020-21 (2020-04-01 to 2021-03-31): incentives 5,000, bonuses 500
  P1 started 2019-05-06: incentive 3,000 (1,000 paid 2019-06-01, 2,000 paid 2020-05-01);
     bonuses 100 paid 2019-06-10, 100 paid 2019-08-10, 100 unpaid
  P2 started 2019-09-02: no incentive; bonus 150 paid 2019-10-05
  P3 started 2020-06-01: incentive 2,500 (500 paid 2020-06-15)
  P4 started 2021-05-01: in neither year
  (each placement its own participant)

2019-20: committed incentives 3,000 (P1), bonuses 300 + 150 = 450, placements 2; paid
  incentives 1,000, bonuses 100 + 100 + 150 = 350; spent 10.0 % and 35.0 %, in all
  1,350 / 11,000 = 12.3 %; remaining 9,650; participants with an incentive placement 1 (P1's):
  average cost 1,000 paid / 1 = 1,000.00, committed 3,000 / 1 = 3,000.00
2020-21: committed 2,500 (P3), bonuses 0, 1 placement; paid 2,000 (P1's second payment) + 500
  = 2,500 and no bonus; 50.0 % and 0.0 %, in all 2,500 / 5,500 = 45.5 %; remaining 3,000;
  1 participant with an incentive placement (P3's): 2,500 / 1 = 2,500.00 paid (the DSQ divides
  the year's expenditure by the year's clients, so P1's payment counts here), committed 2,500.00
"""

import frappe

from employment_partners.employment_partners.report.incentive_spend.incentive_spend import (
	DEFINITIONS,
	execute,
)
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

COMMITMENTS = {
	"training_plan": "On-site training",
	"incentive_duration_weeks": 12,
	"skill_complexity": "Medium",
}
KEYS = (
	"incentives_committed",
	"incentives_paid",
	"incentives_spent_percent",
	"bonuses_committed",
	"bonuses_paid",
	"bonuses_spent_percent",
	"spent_percent",
	"remaining",
	"placements",
	"incentive_participants",
	"average_cost",
	"average_committed",
)


def allocation(name, start, end, incentives, bonuses):
	return frappe.get_doc(
		{
			"doctype": "Incentive Allocation",
			"fiscal_year": name,
			"year_start": start,
			"year_end": end,
			"employer_incentive_allocation": incentives,
			"participant_bonus_allocation": bonuses,
		}
	).insert()


def placement(start, incentive=0, payments=(), bonuses=(), participant=None, **values):
	if incentive:
		values.update(incentive_amount=incentive, **COMMITMENTS)
	return make_placement(
		make_job_order().name,
		participant or make_participant(enrolment_date="2019-01-07").name,
		start_date=start,
		incentive_payments=[
			{"milestone": f"M{i}", "amount": amount, "paid_on": paid}
			for i, (amount, paid) in enumerate(payments)
		],
		retention_bonuses=[
			{
				"milestone_days": days,
				"amount": amount,
				"paid_on": paid,
				"paid_how": "Direct Deposit" if paid else None,
			}
			for days, amount, paid in bonuses
		],
		**values,
	)


def figures(rows, prefix="FY 20"):
	return {row["name"]: tuple(row[k] for k in KEYS) for row in rows if row["name"].startswith(prefix)}


class TestIncentiveSpend(EPTestCase):
	def setUp(self):
		super().setUp()
		allocation("FY 2019-20", "2019-04-01", "2020-03-31", 10000, 1000)
		allocation("FY 2020-21", "2020-04-01", "2021-03-31", 5000, 500)
		placement(
			"2019-05-06",
			3000,
			[(1000, "2019-06-01"), (2000, "2020-05-01")],
			[(30, 100, "2019-06-10"), (90, 100, "2019-08-10"), (180, 100, None)],
		)
		placement("2019-09-02", bonuses=[(30, 150, "2019-10-05")])
		placement("2020-06-01", 2500, [(500, "2020-06-15")])
		placement("2021-05-01", 1000, [(1000, "2021-06-01")])

	def test_every_figure_by_year(self):
		_columns, rows, definitions, chart, summary = execute(frappe._dict())
		self.assertEqual(
			figures(rows),
			{
				"FY 2019-20": (3000, 1000, 10.0, 450, 350, 35.0, 12.3, 9650, 2, 1, 1000.0, 3000.0),
				"FY 2020-21": (2500, 2500, 50.0, 0, 0, 0.0, 45.5, 3000, 1, 1, 2500.0, 2500.0),
			},
		)
		self.assertEqual([s["value"] for s in summary][1:], [45.5, 3000, 2500.0, 2500.0])
		self.assertEqual(chart["data"]["datasets"][2]["values"][-2:], [1350, 2500])
		# each figure's definition, the average cost citing the DSQ it follows
		for name, _text in DEFINITIONS:
			self.assertIn(name, definitions)
		self.assertIn("Ontario Employment Ontario ES: DSQ", definitions)

	def test_one_year(self):
		_columns, rows, *_rest = execute(frappe._dict({"fiscal_year": "FY 2019-20"}))
		self.assertEqual([row["name"] for row in rows], ["FY 2019-20"])
		with self.assertRaisesRegex(frappe.ValidationError, "There is no fiscal year FY 1999"):
			execute(frappe._dict({"fiscal_year": "FY 1999"}))

	def test_no_years_no_figures(self):
		frappe.db.delete("Incentive Allocation")
		_columns, rows, _definitions, chart, summary = execute(frappe._dict())
		self.assertEqual((rows, chart, summary), ([], None, []))


class TestAverageCostPerParticipant(EPTestCase):
	"""FY 2022-23 (2022-04-01 to 2023-03-31), incentives 20,000, bonuses 2,000.

	  Ana  2022-05-02  incentive 2,000: 1,000 paid 2022-06-01, 1,000 not paid yet
	  Ben  2022-07-04  incentive 1,000: 500 paid 2022-08-01
	  Cruz 2022-09-05  no incentive
	3 placements, 2 with an incentive, for 2 participants (Ana, Ben); incentives paid in the
	year 1,000 + 500 = 1,500: average cost 1,500 / 2 = 750.00; committed 2,000 + 1,000 = 3,000:
	3,000 / 2 = 1,500.00.  (Divided by every placement, as before, it read 1,500 / 3 = 500.00,
	and committed money over every placement 3,000 / 3 = 1,000.00.)
	"""

	def setUp(self):
		super().setUp()
		allocation("FY 2022-23", "2022-04-01", "2023-03-31", 20000, 2000)
		self.ana = make_participant(first_name="Ana", enrolment_date="2022-01-03").name
		placement(
			"2022-05-02",
			2000,
			[(1000, "2022-06-01"), (1000, None)],
			participant=self.ana,
			status="Completed",
			end_date="2022-06-24",
		)
		placement("2022-07-04", 1000, [(500, "2022-08-01")])
		placement("2022-09-05")

	def run_report(self, **filters):
		_columns, rows, *_rest = execute(frappe._dict({"fiscal_year": "FY 2022-23", **filters}))
		return figures(rows)["FY 2022-23"]

	def test_paid_and_committed_over_the_participants_with_an_incentive_placement(self):
		# committed 3,000, paid 1,500 of 20,000 = 7.5 %; no bonuses (0.0 % of 2,000); in all
		# 1,500 / 22,000 = 6.8 %, 22,000 - 1,500 = 20,500 left
		self.assertEqual(self.run_report(), (3000, 1500, 7.5, 0, 0, 0.0, 6.8, 20500, 3, 2, 750.0, 1500.0))

	def test_a_participant_placed_twice_with_an_incentive_counts_once(self):
		# Ana again, 2022-10-03, incentive 500 paid 2022-11-01: still 2 participants; paid
		# 1,500 + 500 = 2,000 / 2 = 1,000.00; committed 3,000 + 500 = 3,500 / 2 = 1,750.00
		placement("2022-10-03", 500, [(500, "2022-11-01")], participant=self.ana)
		figures_now = self.run_report()
		self.assertEqual(figures_now[KEYS.index("placements") :], (4, 2, 1000.0, 1750.0))

	def test_as_of_a_day_in_the_year(self):
		# as of 2022-07-31: placements Ana's and Ben's (Cruz starts 09-05), both with an incentive;
		# paid by then Ana's 1,000 (Ben's 500 is paid 08-01): 1,000 / 2 = 500.00; committed 3,000 / 2
		figures_then = self.run_report(as_of="2022-07-31")
		self.assertEqual(figures_then[KEYS.index("placements") :], (2, 2, 500.0, 1500.0))

	def test_a_year_with_no_incentive_placement_has_no_average(self):
		allocation("FY 2023-24", "2023-04-01", "2024-03-31", 1000, 100)
		placement("2023-05-01")
		_columns, rows, *_rest = execute(frappe._dict({"fiscal_year": "FY 2023-24"}))
		self.assertEqual(
			(rows[0]["incentive_participants"], rows[0]["average_cost"], rows[0]["average_committed"]),
			(0, None, None),
		)

	def test_as_of_must_be_a_date(self):
		with self.assertRaisesRegex(frappe.ValidationError, "As of someday is not a date"):
			self.run_report(as_of="someday")
