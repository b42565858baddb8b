"""Incentive Spend over two fiscal years, every figure worked out here.

  2019-20 (2019-04-01 to 2020-03-31): incentives 10,000, bonuses 1,000
  2020-21 (2020-04-01 to 2021-03-31): incentives 5,000, bonuses 500
  P1 started 2019-05-06: incentive 3,000 (1,000 paid 2019-06-01, 2,000 paid 2020-05-01);
     bonuses 100 paid 2019-06-10, 100 paid 2019-08-10, 100 unpaid
  P2 started 2019-09-02: no incentive; bonus 150 paid 2019-10-05
  P3 started 2020-06-01: incentive 2,500 (500 paid 2020-06-15)
  P4 started 2021-05-01: in neither year

2019-20: committed incentives 3,000 (P1), bonuses 300 + 150 = 450, placements 2; paid
  incentives 1,000, bonuses 100 + 100 + 150 = 350; spent 10.0 % and 35.0 %, in all
  1,350 / 11,000 = 12.3 %; remaining 9,650; cost per placement (3,000 + 450) / 2 = 1,725.00
2020-21: committed 2,500 (P3), bonuses 0, 1 placement; paid 2,000 (P1's second payment) + 500
  = 2,500 and no bonus; 50.0 % and 0.0 %, in all 2,500 / 5,500 = 45.5 %; remaining 3,000;
  cost per placement 2,500.00
"""

import frappe

from employment_partners.employment_partners.report.incentive_spend.incentive_spend import execute
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

COMMITMENTS = {
	"training_plan": "On-site training",
	"incentive_duration_weeks": 12,
	"skill_complexity": "Medium",
}


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


def placement(start, incentive=0, payments=(), bonuses=()):
	values = {"incentive_amount": incentive, **COMMITMENTS} if incentive else {}
	return make_placement(
		make_job_order().name,
		make_participant(enrolment_date="2019-01-07").name,
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
		_columns, rows, _definitions, chart, summary = execute(frappe._dict())
		keys = (
			"incentives_committed",
			"incentives_paid",
			"incentives_spent_percent",
			"bonuses_committed",
			"bonuses_paid",
			"bonuses_spent_percent",
			"spent_percent",
			"remaining",
			"placements",
			"cost_per_placement",
		)
		ours = {row["name"]: tuple(row[k] for k in keys) for row in rows if row["name"].startswith("FY 20")}
		self.assertEqual(
			ours,
			{
				"FY 2019-20": (3000, 1000, 10.0, 450, 350, 35.0, 12.3, 9650, 2, 1725.0),
				"FY 2020-21": (2500, 2500, 50.0, 0, 0, 0.0, 45.5, 3000, 1, 2500.0),
			},
		)
		self.assertEqual([s["value"] for s in summary][1:], [45.5, 3000, 2500.0])
		self.assertEqual(chart["data"]["datasets"][2]["values"][-2:], [1350, 2500])

	def test_one_year(self):
		_columns, rows, *_rest = execute(frappe._dict({"fiscal_year": "FY 2019-20"}))
		self.assertEqual([row["name"] for row in rows], ["FY 2019-20"])
		with self.assertRaisesRegex(frappe.ValidationError, "There is no fiscal year FY 1999"):
			execute(frappe._dict({"fiscal_year": "FY 1999"}))

	def test_no_years_no_figures(self):
		frappe.db.delete("Incentive Allocation")
		_columns, rows, _definitions, chart, summary = execute(frappe._dict())
		self.assertEqual((rows, chart, summary), ([], None, []))
