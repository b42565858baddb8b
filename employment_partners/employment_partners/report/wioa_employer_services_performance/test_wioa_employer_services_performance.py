"""WIOA Employer Services Performance on hand-built histories, every figure worked out here.

The exit cohort of 2024 (From 2024-01-01, To 2024-12-31), run a year later (as of 2025-12-31,
when every exit's 4th quarter has ended), everyone enrolled in "WIOA Title I" from 2021-01-04.
Exit -> 2nd / 4th quarter after exit (calendar quarters after the exit's own); the evidence of
each follow-up is the period it covers (Employed From - To), its pay wage x weekly hours / 7 a
day; "done" is the day it was completed (collected).

  Ana  2024-02-15 (Q1 24) -> Jul-Sep 2024 / Jan-Mar 2025
       Pine (partnership) 20.00 x 30 h, covers 2024-07-01..08-11 = 31 + 11 = 42 days = 6 weeks:
         600 x 6 = 3,600.00 in Q2;  Pine 22.00 x 40, covers 2025-02-01..02-28 (done 03-03): Q4.
  Ben  2024-05-31 (Q2 24) -> Oct-Dec 2024 / Apr-Jun 2025
       Quay (partnership) 18.00 x 35 = 630 a week, covers 2024-10-06..10-19 = 14 days: 1,260.00;
       "Corner Market WIOA" 15.00 x 20 = 300 a week, covers 2024-12-02..12-29 = 28 days, a pay stub
         for December collected 2025-01-10 (the next quarter): it counts for Oct-Dec, 1,200.00.
       Q2 = 1,260 + 1,200 = 2,460.00 from two employers; the latest one recorded is Corner Market.
       Q4: Quay, covers 2025-05-01..05-20: his earlier Q2 employer, so retained.
  Cruz 2024-11-20 (Q4 24) -> Apr-Jun 2025 / Oct-Dec 2025 (ends on the as-of day: ended)
       2025-04-10 Unemployed: not employed in Q2; "Depot WIOA" covers 2025-11-03..11-30 (done
       12-01): employed in Q4.
  Dee  2024-03-10 (Q1 24) -> Jul-Sep 2024 / Jan-Mar 2025
       a Work Experience placement at Rye (subsidized) from 2024-01-08; its follow-up "same
       employer" covers 2024-07-01..08-31: subsidized, not employment: not employed in Q2.
       The same placement's follow-up "other employer", "Bright Bakery WIOA", covers
       2025-02-03..03-02 (done 03-05): unsubsidized work elsewhere: employed in Q4.
  Eve  2024-08-15 (Q3 24) -> Jan-Mar 2025 / Jul-Sep 2025
       a competitive placement at Pine from 2024-06-03; its follow-up "same employer" 25.00 x 20 =
       500 a week covers 2025-01-01..03-31 (done 03-31); after exit "pine  partner wioa" typed
       (= Pine, case and spaces ignored) 30.00 x 20 = 600 a week covers 2025-03-01..03-31 (done
       04-05, the latest): one employer, March paid once, by the latest:
       Jan 1 - Feb 28 = 59 days x 500 / 7 + 31 days x 600 / 7 = (29,500 + 18,600) / 7 = 6,871.43.
       Q4: "PINE PARTNER WIOA" typed, covers 2025-08-01..08-28: Pine again: retained.
  Fay  2024-06-20, exit reason Deceased (PIRL 923): excluded from every figure, though employed.
  Gus  2024-07-01 (Q3 24) -> Jan-Mar 2025 / Jul-Sep 2025; employed only on 2025-04-02: neither.
  Kim  2024-04-10 (Q2 24) -> Oct-Dec 2024 / Apr-Jun 2025
       "Bright Bakery WIOA" 16.00 x 25 = 400 a week, covers 2024-11-04..11-17 = 14 days: 800.00;
       Q4 "Harbor Cafe WIOA", covers 2025-05-05..05-18: employed, another employer: not retained.
  Hal  enrolled only in the SETA program, exit 2024-05-01, employed: not in any WIOA figure.
  Ivy  WIOA exit 2023-12-31, employed: before the period.

Exiters: Ana Ben Cruz Dee Eve Gus Kim = 7; excluded: Fay = 1.
Employed Q2: Ana Ben Eve Kim = 4 / 7 = 57.1 %.  Employed Q4: Ana Ben Cruz Dee Eve Kim = 6 / 7
  = 85.7 %.  Retention: employed in Q2 = Ana Ben Eve Kim = 4; the same employer: Ana (Pine), Ben
  (Quay), Eve (Pine) = 3 / 4 = 75.0 %.
Median earnings Q2: 800.00, 2,460.00, 3,600.00, 6,871.43: (2,460 + 3,600) / 2 = 3,030.00.
Employer services in 2024 (metrics/employer_services.py): served in 2024 Pine (a job order
  2024-03-01, Eve's placement), Quay (a referral 2024-09-01), Rye (Dee's placement 2024-01-08) =
  3; in the three years before (2021-01-01 to 2023-12-31): Pine (a job order 2022-06-01) and Sage
  (a job order 2023-12-31) = 2; Rye's earlier placement was in 2020, its later order in 2025.
  Repeat business 1 / 2 = 50.0 %; 40 establishments in Settings: penetration 3 / 40 = 7.5 %.
"""

import frappe

from employment_partners.employment_partners.report.wioa_employer_services_performance.wioa_employer_services_performance import (
	execute,
)
from employment_partners.participants import enrolments
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
)

WIOA = enrolments.WIOA_PROGRAM
PERIOD = {"from_date": "2024-01-01", "to_date": "2024-12-31", "as_of": "2025-12-31"}
OTHER, SAME = "Employed - Other Employer", "Employed - Same Employer"
# TestWIOAEvidence's exits of 2022 and TestWIOAProgramYear's program year
RULES_PERIOD = {"from_date": "2022-01-01", "to_date": "2022-12-31", "as_of": "2023-12-31"}
PROGRAM_YEAR = {"program_year": "2025", "as_of": "2026-06-30"}


def exiter(first, exit_date, programs=(WIOA,), reason=None):
	return make_participant(
		first_name=first,
		last_name="Wioa",
		enrolment_date="2021-01-04",
		enrolments=[{"program": p, "exit_date": exit_date, "exit_reason": reason} for p in programs],
	).name


def evidence(participant, done, covers=None, outcome=OTHER, employer=None, partnership=None, **values):
	"""A done follow-up: employed from covers[0] to covers[1] (the day done without), collected on
	`done`, at `wage` x `hours`."""
	return (
		frappe.get_doc(
			{
				"doctype": "Retention Follow-up",
				"participant": participant,
				"placement": values.get("placement"),
				"label": "Employment check",
				"due_date": done,
				"outcome": outcome,
				"current_employer": employer,
				"employer_partnership": partnership,
				"hourly_wage": values.get("wage", 0),
				"hours_per_week": values.get("hours", 0),
				"employed_from": covers[0] if covers else None,
				"employed_to": covers[1] if covers else None,
				"completed_on": done,
			}
		)
		.insert()
		.name
	)


def figures(rows):
	return [(row["numerator"], row["denominator"], row["value"]) for row in rows]


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
		evidence(ana, "2024-08-11", ("2024-07-01", "2024-08-11"), partnership=pine, wage=20, hours=30)
		evidence(ana, "2025-03-03", ("2025-02-01", "2025-02-28"), partnership=pine, wage=22, hours=40)
		ben = exiter("Ben", "2024-05-31")
		evidence(ben, "2024-10-20", ("2024-10-06", "2024-10-19"), partnership=quay, wage=18, hours=35)
		evidence(
			ben, "2025-01-10", ("2024-12-02", "2024-12-29"), employer="Corner Market WIOA", wage=15, hours=20
		)
		evidence(ben, "2025-05-20", ("2025-05-01", "2025-05-20"), partnership=quay, wage=18, hours=35)
		cruz = exiter("Cruz", "2024-11-20")
		evidence(cruz, "2025-04-10", outcome="Unemployed")
		evidence(cruz, "2025-12-01", ("2025-11-03", "2025-11-30"), employer="Depot WIOA", wage=17, hours=40)
		dee = exiter("Dee", "2024-03-10")
		work_experience = make_placement(
			make_job_order(hiring_partnership=rye, placement_type="Work Experience").name,
			dee,
			start_date="2024-01-08",
		).name
		evidence(
			dee,
			"2024-09-02",
			("2024-07-01", "2024-08-31"),
			SAME,
			placement=work_experience,
			wage=15,
			hours=40,
		)
		evidence(
			dee,
			"2025-03-05",
			("2025-02-03", "2025-03-02"),
			employer="Bright Bakery WIOA",
			placement=work_experience,
			wage=16,
			hours=25,
		)
		eve = exiter("Eve", "2024-08-15")
		job = make_placement(make_job_order(hiring_partnership=pine).name, eve, start_date="2024-06-03").name
		evidence(eve, "2025-03-31", ("2025-01-01", "2025-03-31"), SAME, placement=job, wage=25, hours=20)
		evidence(
			eve, "2025-04-05", ("2025-03-01", "2025-03-31"), employer="pine  partner wioa", wage=30, hours=20
		)
		evidence(
			eve, "2025-08-29", ("2025-08-01", "2025-08-28"), employer="PINE PARTNER WIOA", wage=25, hours=20
		)
		fay = exiter("Fay", "2024-06-20", reason="Deceased")
		evidence(fay, "2024-11-01", ("2024-10-01", "2024-10-31"), employer="Depot WIOA", wage=20, hours=40)
		gus = exiter("Gus", "2024-07-01")
		evidence(gus, "2025-04-02", employer="Depot WIOA", wage=17, hours=40)
		kim = exiter("Kim", "2024-04-10")
		evidence(
			kim, "2024-11-18", ("2024-11-04", "2024-11-17"), employer="Bright Bakery WIOA", wage=16, hours=25
		)
		evidence(
			kim, "2025-05-19", ("2025-05-05", "2025-05-18"), employer="Harbor Cafe WIOA", wage=16, hours=25
		)
		hal = exiter("Hal", "2024-05-01", programs=(enrolments.SETA_PROGRAM,))
		evidence(hal, "2024-11-01", ("2024-10-01", "2024-10-31"), employer="Depot WIOA", wage=20, hours=40)
		ivy = exiter("Ivy", "2023-12-31")
		evidence(ivy, "2024-08-01", ("2024-07-01", "2024-07-31"), employer="Depot WIOA", wage=20, hours=40)

	def test_a_year_of_exits_run_a_year_later(self):
		_columns, rows, definitions, chart, summary = execute(frappe._dict(PERIOD))
		self.assertEqual(
			figures(rows),
			[
				(None, None, 7),  # exiters
				(None, None, 1),  # excluded exits: Fay
				(4, 7, 57.1),  # employed Q2
				(None, None, 0),  # still open: Q2
				(4, None, 3030.0),  # median earnings Q2 of 4 earners
				(6, 7, 85.7),  # employed Q4
				(None, None, 0),  # still open: Q4
				(3, 4, 75.0),  # retention with the same employer
				(1, 2, 50.0),  # repeat business (employer services)
				(3, 40, 7.5),  # penetration
			],
		)
		self.assertTrue(all(row["basis"] and row["cohort"] for row in rows))
		self.assertEqual(rows[2]["cohort"], "exits 01-01-2024 - 12-31-2024")
		self.assertEqual([s["value"] for s in summary], [7, 1, 57.1, 0, 85.7, 0, 75.0, 3030.0, 50.0])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [57.1, 85.7, 75.0, 50.0, 7.5])
		for rule in (
			"not UI wage records",
			"TEGL 10-16 Change 1",
			"TEGL 10-16 Change 2",
			"34 CFR 361.155(a)(1)(i)",
			"89 FR 13814",
			"PIRL data element 923",
			"ETA-9169 WIOA Statewide and Local Performance Report (OMB 1205-0526), Annual Periods of Reporting",
		):
			self.assertIn(rule, definitions)

	def test_a_closed_cohort_reads_the_same_later(self):
		# half a year later nothing new was recorded: every figure as on 2025-12-31
		first = execute(frappe._dict(PERIOD))[1]
		later = execute(frappe._dict({**PERIOD, "as_of": "2026-06-30"}))[1]
		self.assertEqual(figures(later), figures(first))

	def test_an_exit_whose_4th_quarter_has_not_ended_is_still_open(self):
		# as of 2025-09-30: Cruz's 4th quarter (Oct-Dec 2025) is still open, and his Depot
		# follow-up (done 2025-12-01) not yet recorded; every 2nd quarter has ended (the latest,
		# Cruz's Apr-Jun 2025).  Eve's and Gus's 4th (Jul-Sep 2025) end on the as-of day: ended.
		# Q4: Ana Ben Dee Eve Gus Kim ended = 6; employed Ana Ben Dee Eve Kim = 5: 83.3 %.
		# Retention: employed in Q2 with Q4 ended: Ana Ben Eve Kim = 4, retained 3: 75.0 %.
		rows = execute(frappe._dict({**PERIOD, "as_of": "2025-09-30"}))[1]
		self.assertEqual(
			figures(rows)[:8],
			[
				(None, None, 7),
				(None, None, 1),
				(4, 7, 57.1),
				(None, None, 0),
				(4, None, 3030.0),
				(5, 6, 83.3),
				(None, None, 1),  # Cruz
				(3, 4, 75.0),
			],
		)
		self.assertEqual(rows[6]["measure"], "Still Open: 4th Quarter after Exit Not Ended")

	def test_the_exits_with_their_quarters_employers_and_earnings(self):
		_columns, rows, *_rest = execute(frappe._dict({**PERIOD, "view": "Exiters"}))
		by_name = {row["full_name"].split()[0]: row for row in rows}
		self.assertEqual(sorted(by_name), ["Ana", "Ben", "Cruz", "Dee", "Eve", "Fay", "Gus", "Kim"])
		self.assertTrue(all(row["program"] == WIOA for row in rows))
		ana, ben, dee, eve = by_name["Ana"], by_name["Ben"], by_name["Dee"], by_name["Eve"]
		self.assertEqual(ana["q2_earnings"], 3600)  # 20 x 30 x 6 weeks
		self.assertEqual(str(ana["q2_start"]), "2024-07-01")
		self.assertEqual(str(ana["q4_end"]), "2025-03-31")
		# a December pay stub collected in January counts for Oct-Dec, beside the other employer
		self.assertEqual(ben["q2_employers"], "Corner Market WIOA, Quay Partner WIOA")
		self.assertEqual(ben["q2_earnings"], 2460)
		self.assertEqual((ben["q4_employers"], ben["same_employer"]), ("Quay Partner WIOA", "Yes"))
		# the subsidized work experience is not employment; other work found from it is
		self.assertEqual((dee["q2_status"], dee["q2_employers"], dee["q2_earnings"]), ("No", None, None))
		self.assertEqual((dee["q4_status"], dee["q4_employers"]), ("Yes", "Bright Bakery WIOA"))
		self.assertIsNone(dee["same_employer"])
		# overlapping evidence of one employer: March paid once, at the latest record's wage
		self.assertEqual(float(eve["q2_earnings"]), 6871.43)
		self.assertEqual(
			(eve["q2_employers"], eve["q4_employers"]), ("Pine Partner WIOA", "Pine Partner WIOA")
		)
		self.assertEqual(by_name["Kim"]["same_employer"], "No")
		self.assertEqual(
			(by_name["Fay"]["exit_reason"], by_name["Fay"]["counted_in"]), ("Deceased", "None: excluded exit")
		)
		self.assertEqual(ana["counted_in"], "2nd- and 4th-quarter measures")
		self.assertEqual(by_name["Gus"]["q2_status"], "No")

		# as of 2025-09-30, Cruz's 4th quarter is still open
		_columns, rows, *_rest = execute(frappe._dict({**PERIOD, "view": "Exiters", "as_of": "2025-09-30"}))
		cruz = next(row for row in rows if row["full_name"].startswith("Cruz"))
		self.assertEqual(
			(cruz["q4"], cruz["q4_status"]), ("10-01-2025 - 12-31-2025 (not ended)", "Still open")
		)

	def test_without_establishments_there_is_no_penetration(self):
		frappe.db.set_single_value("Employment Partners Settings", "establishments_count", 0)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		_columns, rows, *_rest = execute(frappe._dict(PERIOD))
		self.assertEqual((rows[-1]["denominator"], rows[-1]["value"]), (None, None))

	def test_an_empty_period_and_a_wrong_view(self):
		_columns, rows, _definitions, chart, _summary = execute(
			frappe._dict({"from_date": "2010-01-01", "to_date": "2010-12-31"})
		)
		self.assertEqual(
			figures(rows)[:8],
			[
				(None, None, 0),
				(None, None, 0),
				(0, 0, None),
				(None, None, 0),
				(0, None, None),
				(0, 0, None),
				(None, None, 0),
				(0, 0, None),
			],
		)
		self.assertIsNone(chart)
		self.assertEqual([s["value"] for s in _summary], [0, 0, "–", 0, "–", 0, "–", "–", "–"])
		with self.assertRaisesRegex(frappe.ValidationError, "Show Measures or Exiters, not Everything"):
			execute(frappe._dict({**PERIOD, "view": "Everything"}))


class TestWIOAEvidence(EPTestCase):
	"""One rule at a time, each on exits of 2022 (outside the other histories' years)."""

	def measures(self, **filters):
		rows = execute(frappe._dict({**RULES_PERIOD, **filters}))[1]
		return {row["measure"]: (row["numerator"], row["denominator"], row["value"]) for row in rows}

	def test_a_pay_stub_counts_for_the_quarter_it_covers_not_the_one_it_was_collected_in(self):
		# Lia exits 2022-02-10 (Q1 22): 2nd quarter Jul-Sep 2022, 3rd Oct-Dec, 4th Jan-Mar 2023.
		# A pay stub for 2022-09-05..09-18 (14 days, 20.00 x 40 = 800 a week: 1,600.00) collected
		# 2022-10-20, in the 3rd quarter: employed in the 2nd, with 1,600.00.  Before evidence
		# periods were read, the day collected put it in the 3rd and the 2nd read "not employed".
		lia = exiter("Lia", "2022-02-10")
		evidence(lia, "2022-10-20", ("2022-09-05", "2022-09-18"), employer="Elm Shop WIOA", wage=20, hours=40)
		measures = self.measures()
		self.assertEqual(measures["Employment Rate, 2nd Quarter after Exit"], (1, 1, 100.0))
		self.assertEqual(measures["Median Earnings, 2nd Quarter after Exit"], (1, None, 1600.0))
		self.assertEqual(measures["Employment Rate, 4th Quarter after Exit"], (0, 1, 0.0))

	def test_a_record_of_before_evidence_periods_covers_the_day_it_was_done(self):
		# the same follow-up stored as rows were before periods existed (no Employed From / To):
		# it covers 2022-10-20, the 3rd quarter: not employed in the 2nd
		lia = exiter("Lia", "2022-02-10")
		name = evidence(
			lia, "2022-10-20", ("2022-09-05", "2022-09-18"), employer="Elm Shop WIOA", wage=20, hours=40
		)
		frappe.db.set_value("Retention Follow-up", name, {"employed_from": None, "employed_to": None})
		self.assertEqual(self.measures()["Employment Rate, 2nd Quarter after Exit"], (0, 1, 0.0))

	def test_quarter_earnings_are_the_weeks_worked(self):
		# Max exits 2022-01-20: 2nd quarter Jul-Sep 2022.  20.00 an hour x 30 hours a week, worked
		# 2022-08-01..09-11 = 31 + 11 = 42 days = 6 weeks: 600 x 6 = 3,600.00 (x 13 would say 7,800).
		# Two records of one employer overlapping 09-05..09-11 do not pay those 7 days twice: a
		# second, later record covering 09-05..09-11 at the same pay leaves 3,600.00.
		# Nora exits 2022-03-01: two jobs on the same days both pay: 10.00 x 20 = 200 a week at
		# each of two employers for 2022-07-04..07-17 (2 weeks): 400 + 400 = 800.00.
		# Median of 800.00 and 3,600.00: 2,200.00.
		max_ = exiter("Max", "2022-01-20")
		evidence(
			max_, "2022-09-11", ("2022-08-01", "2022-09-11"), employer="Elm Shop WIOA", wage=20, hours=30
		)
		evidence(
			max_, "2022-09-12", ("2022-09-05", "2022-09-11"), employer=" elm shop wioa", wage=20, hours=30
		)
		nora = exiter("Nora", "2022-03-01")
		evidence(
			nora, "2022-07-18", ("2022-07-04", "2022-07-17"), employer="Elm Shop WIOA", wage=10, hours=20
		)
		evidence(
			nora, "2022-07-18", ("2022-07-04", "2022-07-17"), employer="Oak Diner WIOA", wage=10, hours=20
		)
		self.assertEqual(self.measures()["Median Earnings, 2nd Quarter after Exit"], (2, None, 2200.0))
		rows = execute(frappe._dict({**RULES_PERIOD, "view": "Exiters"}))[1]
		self.assertEqual(
			{row["full_name"].split()[0]: row["q2_earnings"] for row in rows}, {"Max": 3600, "Nora": 800}
		)

	def test_subsidized_work_experience_is_not_employment(self):
		# Ola exits 2022-02-01, 2nd quarter Jul-Sep 2022: still at her Work Experience placement
		# (subsidized) in August: not employed.  Pia, the same at a Competitive Employment
		# placement: employed.  1 / 2 = 50.0 %.
		ola, pia = exiter("Ola", "2022-02-01"), exiter("Pia", "2022-02-01")
		for person, kind in ((ola, "Work Experience"), (pia, "Competitive Employment")):
			placement = make_placement(
				make_job_order(placement_type=kind).name, person, start_date="2022-01-10"
			)
			evidence(
				person,
				"2022-08-31",
				("2022-08-01", "2022-08-31"),
				SAME,
				placement=placement,
				wage=15,
				hours=40,
			)
		self.assertEqual(self.measures()["Employment Rate, 2nd Quarter after Exit"], (1, 2, 50.0))

	def test_an_excluded_exit_is_in_neither_numerator_nor_denominator(self):
		# Quin exits 2022-02-01 employed in both quarters; Ray exits the same day, Deceased, also
		# "employed" (a record made in error): excluded. Employed Q2 1 / 1, Q4 1 / 1.
		quin, ray = exiter("Quin", "2022-02-01"), exiter("Ray", "2022-02-01", reason="Deceased")
		for person in (quin, ray):
			evidence(
				person,
				"2022-08-31",
				("2022-08-01", "2022-08-31"),
				employer="Elm Shop WIOA",
				wage=20,
				hours=40,
			)
			evidence(
				person,
				"2023-02-28",
				("2023-02-01", "2023-02-28"),
				employer="Elm Shop WIOA",
				wage=20,
				hours=40,
			)
		measures = self.measures()
		self.assertEqual(measures["Exiters"], (None, None, 1))
		self.assertEqual(measures["Excluded Exits (PIRL 923)"], (None, None, 1))
		self.assertEqual(measures["Employment Rate, 2nd Quarter after Exit"], (1, 1, 100.0))
		self.assertEqual(measures["Employment Rate, 4th Quarter after Exit"], (1, 1, 100.0))
		self.assertEqual(measures["Retention with the Same Employer (2nd and 4th Quarters)"], (1, 1, 100.0))

	def test_someone_not_enrolled_in_a_wioa_program_is_not_counted(self):
		# Sam exits the SETA program only, employed: the WIOA cohort is empty, no rate at all
		sam = exiter("Sam", "2022-02-01", programs=(enrolments.SETA_PROGRAM,))
		evidence(sam, "2022-08-31", ("2022-08-01", "2022-08-31"), employer="Elm Shop WIOA", wage=20, hours=40)
		measures = self.measures()
		self.assertEqual(measures["Exiters"], (None, None, 0))
		self.assertEqual(measures["Employment Rate, 2nd Quarter after Exit"], (0, 0, None))

	def test_a_typed_name_of_a_partner_is_that_partner(self):
		# Tia exits 2022-02-01: Q2 at the partnership "Oak Partner" (linked); Q4 at an employer
		# typed " oak  PARTNER", not linked: the same employer (case and spaces ignored), retained.
		# Before, a partnership id and a typed name were two employers.
		oak = make_hiring_partnership(partner_name="Oak Partner").name
		tia = exiter("Tia", "2022-02-01")
		evidence(tia, "2022-08-31", ("2022-08-01", "2022-08-31"), partnership=oak, wage=18, hours=40)
		evidence(tia, "2023-02-28", ("2023-02-01", "2023-02-28"), employer=" oak  PARTNER", wage=18, hours=40)
		self.assertEqual(
			self.measures()["Retention with the Same Employer (2nd and 4th Quarters)"], (1, 1, 100.0)
		)

	def test_retained_when_any_2nd_quarter_employer_is_a_4th_quarter_one(self):
		# Uma exits 2022-02-01; Q2 (Jul-Sep 2022) at Elm (covers July, done 08-01) and then at Oak
		# (covers September, done 09-30: the latest); Q4 (Jan-Mar 2023) at Elm again: retained,
		# though her latest Q2 employer was Oak.  Vic: Q2 at Elm, Q4 at Oak only: not retained.
		# 1 / 2 = 50.0 %.
		uma, vic = exiter("Uma", "2022-02-01"), exiter("Vic", "2022-02-01")
		evidence(uma, "2022-08-01", ("2022-07-01", "2022-07-31"), employer="Elm Shop WIOA", wage=20, hours=40)
		evidence(
			uma, "2022-09-30", ("2022-09-01", "2022-09-30"), employer="Oak Diner WIOA", wage=20, hours=40
		)
		evidence(uma, "2023-02-28", ("2023-02-01", "2023-02-28"), employer="Elm Shop WIOA", wage=20, hours=40)
		evidence(vic, "2022-08-01", ("2022-07-01", "2022-07-31"), employer="Elm Shop WIOA", wage=20, hours=40)
		evidence(
			vic, "2023-02-28", ("2023-02-01", "2023-02-28"), employer="Oak Diner WIOA", wage=20, hours=40
		)
		self.assertEqual(
			self.measures()["Retention with the Same Employer (2nd and 4th Quarters)"], (1, 2, 50.0)
		)


class TestWIOAProgramYear(EPTestCase):
	"""Program year 2025 (1 July 2025 - 30 June 2026), as of 2026-06-30.  ETA-9169's annual periods:
	Employment Q2 and median earnings: exits 2024-07-01..2025-06-30; Employment Q4 and retention:
	exits 2024-01-01..2024-12-31.

	  exit        in Q2 cohort  in Q4 cohort  2nd quarter    4th quarter    evidence
	  2024-06-30  no            yes           Oct-Dec 2024   Apr-Jun 2025   Depot in both
	  2024-07-01  yes           yes           Jan-Mar 2025   Jul-Sep 2025   Q2 Elm 10 x 40 x 4 wk = 1,600
	  2024-12-31  yes           yes           Apr-Jun 2025   Oct-Dec 2025   Q4 Elm
	  2025-01-01  yes           no            Jul-Sep 2025   Jan-Mar 2026   Q2 Oak 12 x 30 x 2 wk = 720; Q4
	  2025-06-30  yes           no            Oct-Dec 2025   Apr-Jun 2026   Q2 Oak 20 x 40 x 1 wk = 800
	  2025-07-01  no            no            (the next program year's)    employed in both
	  2023-12-31  no            no                                          employed in both

	Q2 cohort: 4 exits, employed 3: 75.0 %; median of 720, 800, 1,600: 800.00.
	Q4 cohort: 3 exits, employed in Q4 2 (2024-06-30, 2024-12-31): 66.7 %; retention: employed in
	Q2 2 (2024-06-30, 2024-07-01), the same employer 1 (Depot): 50.0 %."""

	def setUp(self):
		super().setUp()
		ann = exiter("Ann", "2024-06-30")
		evidence(ann, "2024-11-30", ("2024-11-01", "2024-11-28"), employer="Depot WIOA", wage=15, hours=40)
		evidence(ann, "2025-05-30", ("2025-05-01", "2025-05-28"), employer="Depot WIOA", wage=15, hours=40)
		bo = exiter("Bo", "2024-07-01")
		evidence(bo, "2025-02-28", ("2025-02-01", "2025-02-28"), employer="Elm Shop WIOA", wage=10, hours=40)
		cy = exiter("Cy", "2024-12-31")
		evidence(cy, "2025-11-30", ("2025-11-01", "2025-11-28"), employer="Elm Shop WIOA", wage=10, hours=40)
		di = exiter("Di", "2025-01-01")
		evidence(di, "2025-08-15", ("2025-08-01", "2025-08-14"), employer="Oak Diner WIOA", wage=12, hours=30)
		evidence(di, "2026-02-27", ("2026-02-02", "2026-02-27"), employer="Oak Diner WIOA", wage=12, hours=30)
		ed = exiter("Ed", "2025-06-30")
		evidence(ed, "2025-10-08", ("2025-10-01", "2025-10-07"), employer="Oak Diner WIOA", wage=20, hours=40)
		for first, exit_date, q2, q4 in (
			("Flo", "2025-07-01", "2026-02", "2026-08"),
			("Gil", "2023-12-31", "2024-08", "2025-02"),
		):
			person = exiter(first, exit_date)
			for month in (q2, q4):
				evidence(
					person,
					f"{month}-20",
					(f"{month}-01", f"{month}-14"),
					employer="Depot WIOA",
					wage=20,
					hours=40,
				)

	def test_each_measure_counts_the_cohort_eta_9169_assigns_it(self):
		rows = execute(frappe._dict(PROGRAM_YEAR))[1]
		by_measure = {row["measure"]: row for row in rows}
		self.assertEqual(
			figures(rows)[:10],
			[
				(None, None, 4),  # exiters, 2nd-quarter measures
				(None, None, 0),
				(3, 4, 75.0),
				(None, None, 0),
				(3, None, 800.0),
				(None, None, 3),  # exiters, 4th-quarter measures
				(None, None, 0),
				(2, 3, 66.7),
				(None, None, 0),
				(1, 2, 50.0),
			],
		)
		self.assertEqual(
			by_measure["Employment Rate, 2nd Quarter after Exit"]["cohort"], "exits 07-01-2024 - 06-30-2025"
		)
		self.assertEqual(
			by_measure["Employment Rate, 4th Quarter after Exit"]["cohort"], "exits 01-01-2024 - 12-31-2024"
		)
		_columns, exits, definitions, *_rest = execute(frappe._dict({**PROGRAM_YEAR, "view": "Exiters"}))
		self.assertEqual(
			{row["full_name"].split()[0]: row["counted_in"] for row in exits},
			{
				"Ann": "4th-quarter measures",
				"Bo": "2nd- and 4th-quarter measures",
				"Cy": "2nd- and 4th-quarter measures",
				"Di": "2nd-quarter measures",
				"Ed": "2nd-quarter measures",
			},
		)
		self.assertIn("Program year 2025: 07-01-2025 to 06-30-2026", definitions)

	def test_from_and_to_matching_the_program_year_are_accepted(self):
		rows = execute(frappe._dict({**PROGRAM_YEAR, "from_date": "2025-07-01", "to_date": "2026-06-30"}))[1]
		self.assertEqual(figures(rows)[2], (3, 4, 75.0))

	def test_a_program_year_that_is_not_a_year_or_contradicts_from_and_to_is_refused(self):
		for value in ("20x5", "25", "2025.5", "3000"):
			with self.assertRaisesRegex(frappe.ValidationError, f"Program year {value} is not a year"):
				execute(frappe._dict({**PROGRAM_YEAR, "program_year": value}))
		with self.assertRaisesRegex(
			frappe.ValidationError,
			"Program year 2025 runs from 07-01-2025 to 06-30-2026, but From and To say 01-01-2025 to 12-31-2025",
		):
			execute(frappe._dict({**PROGRAM_YEAR, "from_date": "2025-01-01", "to_date": "2025-12-31"}))
		with self.assertRaisesRegex(frappe.ValidationError, "Program year 2025 starts on 07-01-2025"):
			execute(frappe._dict({**PROGRAM_YEAR, "as_of": "2025-06-30"}))
