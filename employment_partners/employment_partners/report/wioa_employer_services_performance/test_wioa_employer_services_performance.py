"""WIOA Employer Services Performance on a hand-built cohort, every figure worked out here.

Period 2024-01-01 to 2025-12-31 (as of 2025-12-31).  Exit -> 2nd / 4th quarter after exit:

  Ana   2024-02-15 (Q1 24) -> Jul-Sep 2024 / Jan-Mar 2025
        2024-08-10 employed at Pine Partner, 20.00 x 40 h; 2025-02-20 at Pine Partner, 22.00 x 40
  Ben   2024-05-31 (Q2 24) -> Oct-Dec 2024 / Apr-Jun 2025
        2024-10-05 "Corner Market" 15.00 x 30; 2024-12-20 at Quay Partner 18.00 x 35 (the latest
        in the quarter: his Q2 employer and earnings); 2025-05-15 "corner market " (not Quay)
  Cruz  2024-11-20 (Q4 24) -> Apr-Jun 2025 / Oct-Dec 2025 (ends on the as-of day)
        2025-04-10 unemployed; 2025-11-01 "Depot" 17.00 x 40
  Dee   2025-03-10 (Q1 25) -> Jul-Sep 2025 / Jan-Mar 2026 (not over by the as-of day)
        2025-09-30 "Depot" 25.00 x 20
  Eve   2025-08-01 (Q3 25) -> Jan-Mar 2026 / Jul-Sep 2026: neither quarter over; an exiter only
  Gus   2024-07-01 (Q3 24) -> Jan-Mar 2025 / Jul-Sep 2025; employed only on 2025-04-02, in neither
  Hal   2024-04-15 (Q2 24) -> Oct-Dec 2024 / Apr-Jun 2025
        2024-11-11 "Bright Bakery" 16.00 x 25; 2025-06-01 " bright bakery" (the same, once trimmed)
  Fay   exited 2023-12-31: not in the period

Exiters: Ana Ben Cruz Dee Eve Gus Hal = 7.
2nd quarter over: all but Eve = 6; employed: Ana, Ben, Dee, Hal = 4: 66.7 %.
4th quarter over: Ana, Ben, Cruz, Gus, Hal = 5; employed: Ana, Ben, Cruz, Hal = 4: 80.0 %.
Same employer: employed in Q2 with Q4 over: Ana, Ben, Hal = 3; same: Ana (Pine), Hal (bakery) = 2:
  66.7 % (Ben went from Quay Partner to Corner Market).
Median earnings Q2: Ana 20 x 40 x 13 = 10,400; Ben 18 x 35 x 13 = 8,190; Dee 25 x 20 x 13 = 6,500;
  Hal 16 x 25 x 13 = 5,200: (6,500 + 8,190) / 2 = 7,345.00.
Served in the period: Pine (a job order 2024-03-01), Quay (a referral 2024-09-01), Rye (a job
  order 2025-05-05) = 3; in the three years before (2021-01-01 to 2023-12-31): Pine (a job order
  2022-06-01) and Sage (a job order 2023-12-31, not served now) = 2; Rye's earlier placement was
  in 2020.  Repeat business (TEGL 10-16 Change 1: served now and before / served before) 1 / 2 =
  50.0 %; 40 establishments in Settings: penetration 3 / 40 = 7.5 %.
"""

import frappe

from employment_partners.employment_partners.report.wioa_employer_services_performance.wioa_employer_services_performance import (
	execute,
)
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
)

PERIOD = {"from_date": "2024-01-01", "to_date": "2025-12-31"}


def exiter(first, exit_date):
	return make_participant(
		first_name=first, last_name="Wioa", enrolment_date="2020-01-06", exit_date=exit_date
	).name


def follow_up(
	participant, day, outcome="Employed - Other Employer", employer=None, partnership=None, wage=0, hours=0
):
	frappe.get_doc(
		{
			"doctype": "Retention Follow-up",
			"participant": participant,
			"label": "Employment check",
			"due_date": day,
			"outcome": outcome,
			"current_employer": employer,
			"employer_partnership": partnership,
			"hourly_wage": wage,
			"hours_per_week": hours,
			"completed_on": day,
		}
	).insert()


class TestWIOA(EPTestCase):
	def setUp(self):
		super().setUp()
		frappe.db.set_single_value("Employment Partners Settings", "establishments_count", 40)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		pine, quay, rye, sage = (
			make_hiring_partnership(partner_name=f"{n} Partner WIOA").name
			for n in ("Pine", "Quay", "Rye", "Sage")
		)
		self.pine, self.quay = pine, quay
		make_job_order(hiring_partnership=pine, open_date="2024-03-01")
		make_job_order(hiring_partnership=pine, open_date="2022-06-01")
		quay_order = make_job_order(hiring_partnership=quay, open_date="2019-06-01")
		frappe.db.set_value(
			"Referral",
			make_referral(quay_order.name, make_participant().name).name,
			"referred_on",
			"2024-09-01",
		)
		make_job_order(hiring_partnership=rye, open_date="2025-05-05")
		rye_early = make_job_order(hiring_partnership=rye, open_date="2019-05-01")
		make_placement(
			rye_early.name, make_participant(enrolment_date="2019-01-07").name, start_date="2020-06-01"
		)
		make_job_order(hiring_partnership=sage, open_date="2023-12-31")

		ana = exiter("Ana", "2024-02-15")
		follow_up(ana, "2024-08-10", partnership=pine, wage=20, hours=40)
		follow_up(ana, "2025-02-20", partnership=pine, wage=22, hours=40)
		ben = exiter("Ben", "2024-05-31")
		follow_up(ben, "2024-10-05", employer="Corner Market", wage=15, hours=30)
		follow_up(ben, "2024-12-20", partnership=quay, wage=18, hours=35)
		follow_up(ben, "2025-05-15", employer="corner market ", wage=15, hours=30)
		cruz = exiter("Cruz", "2024-11-20")
		follow_up(cruz, "2025-04-10", outcome="Unemployed")
		follow_up(cruz, "2025-11-01", employer="Depot", wage=17, hours=40)
		dee = exiter("Dee", "2025-03-10")
		follow_up(dee, "2025-09-30", employer="Depot", wage=25, hours=20)
		exiter("Eve", "2025-08-01")
		gus = exiter("Gus", "2024-07-01")
		follow_up(gus, "2025-04-02", employer="Depot", wage=17, hours=40)
		hal = exiter("Hal", "2024-04-15")
		follow_up(hal, "2024-11-11", employer="Bright Bakery", wage=16, hours=25)
		follow_up(hal, "2025-06-01", employer=" bright bakery", wage=16, hours=25)
		fay = exiter("Fay", "2023-12-31")
		follow_up(fay, "2024-06-01", employer="Depot", wage=30, hours=40)

	def test_every_measure(self):
		_columns, rows, definitions, chart, summary = execute(frappe._dict(PERIOD))
		self.assertEqual(
			[(row["numerator"], row["denominator"], row["value"]) for row in rows],
			[
				(None, None, 7),
				(4, 6, 66.7),
				(4, 5, 80.0),
				(2, 3, 66.7),
				(4, None, 7345.0),
				(1, 2, 50.0),
				(3, 40, 7.5),
			],
		)
		self.assertTrue(all(row["basis"] for row in rows))
		self.assertEqual([s["value"] for s in summary], [7, 66.7, 80.0, 66.7, 7345.0, 50.0])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [66.7, 80.0, 66.7, 50.0, 7.5])
		self.assertIn("not UI wage records", definitions)

	def test_the_exiters_and_the_follow_ups_used(self):
		_columns, rows, *_rest = execute(frappe._dict({**PERIOD, "view": "Exiters"}))
		by_name = {row["full_name"].split()[0]: row for row in rows}
		self.assertEqual(sorted(by_name), ["Ana", "Ben", "Cruz", "Dee", "Eve", "Gus", "Hal"])
		self.assertEqual(
			(by_name["Ben"]["q2_employer"], by_name["Ben"]["q4_employer"]),
			("Quay Partner WIOA", "corner market"),
		)
		self.assertEqual(by_name["Ben"]["q2_earnings"], 8190)
		self.assertEqual(by_name["Ben"]["same_employer"], "No")
		self.assertEqual(by_name["Hal"]["same_employer"], "Yes")
		self.assertIn("not over yet", by_name["Dee"]["q4"])
		self.assertEqual(str(by_name["Cruz"]["q4_end"]), "2025-12-31")
		self.assertIsNone(by_name["Gus"]["q2_follow_up"])

	def test_a_partner_and_a_same_named_employer_are_not_the_same_employer(self):
		# Ivy: exit 2024-04-15 (Q2 24) -> Oct-Dec 2024 / Apr-Jun 2025. Q2 at the partner "oak
		# partner" (linked); Q4 at an employer typed as "Oak Partner", not linked to the partner.
		# Worded, both read "oak partner"; the measure compares the partnership with the name, so
		# not the same employer, and the row says so.
		oak = make_hiring_partnership(partner_name="oak partner").name
		ivy = exiter("Ivy", "2024-04-15")
		follow_up(ivy, "2024-11-05", partnership=oak, employer="oak partner", wage=18, hours=40)
		follow_up(ivy, "2025-05-05", employer="Oak Partner", wage=18, hours=40)
		_columns, rows, *_rest = execute(frappe._dict({**PERIOD, "view": "Exiters"}))
		row = next(r for r in rows if r["full_name"].startswith("Ivy"))
		self.assertEqual((row["q2_employer"], row["q4_employer"]), ("oak partner", "oak partner"))
		self.assertEqual(row["same_employer"], "No")

	def test_without_establishments_there_is_no_penetration(self):
		frappe.db.set_single_value("Employment Partners Settings", "establishments_count", 0)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		_columns, rows, *_rest = execute(frappe._dict(PERIOD))
		self.assertEqual((rows[-1]["denominator"], rows[-1]["value"]), (None, None))

	def test_an_empty_period_and_a_wrong_view(self):
		_columns, rows, _definitions, chart, _summary = execute(
			frappe._dict({"from_date": "2010-01-01", "to_date": "2010-12-31"})
		)
		self.assertEqual(rows[0]["value"], 0)
		self.assertEqual([row["value"] for row in rows[1:5]], [None, None, None, None])
		self.assertIsNone(chart)
		self.assertEqual([s["value"] for s in _summary], [0, "–", "–", "–", "–", "–"])
		with self.assertRaisesRegex(frappe.ValidationError, "Show Measures or Exiters, not Everything"):
			execute(frappe._dict({**PERIOD, "view": "Everything"}))
