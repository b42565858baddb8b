"""Outcomes Follow-up (15D) on five participants, every figure worked out here.

Period 2019-01-01 to 2019-12-31, as of 2019-12-31.  Milestone dates: exit + 0, 3, 6, 12 months.

  Ana   enrolled 2018-09-03, exit 2019-01-31; placed 2018-10-01 (Competitive Employment)
        close 01-31 Employed (other employer, 20.00) | 3 m 04-30 Employed (same employer, 21.00)
        | 6 m 07-31 unable to contact | 12 m 2020-01-31 not in the period
  Ben   enrolled 2018-11-05, exit 2019-03-15; never placed
        close 03-15 Unemployed | 3 m 06-15 In training | 6 m 09-15 nothing done | 12 m 2020
  Cruz  enrolled 2018-05-07, exit 2018-12-20; placed 2018-06-04 (Work Experience) and 2018-10-01
        (On-the-Job Training, the latest before exit; a 2019-02-01 job came after exit)
        close 2018 not in the period | 3 m 2019-03-20 Employed (other, 18.50) | 6 m 06-20 Unable
        to work | 12 m 12-20 done on 2020-01-05, after the as-of day: unknown
  Dee   enrolled 2019-01-07, exit 2019-11-29 (Q4); placed 2019-03-04 (Competitive Employment)
        close 11-29 nothing done | 3 m 2020-02-29 (a leap day) not in the period
  Eve   enrolled 2019-02-04, exit 2019-08-31; never placed; on the SETA schedule, whose
        follow-ups count for no milestone: close 08-31 unknown | 3 m 11-30 (Aug 31 + 3 months
        clamps to Nov 30) unknown | 6 m 2020-02-29 not in the period

At close: Ana, Ben, Dee, Eve = 4; employed 1 (25.0 %), unemployed 1 (25.0 %), unknown 2
  (50.0 %); lost contact 0 (0.0 %); average wage 20.00; program duration (exit - enrolment):
  Ana 150, Ben 130, Dee 326, Eve 208 days = 814 / 4 / 7 = 29.07 -> 29.1 weeks.
  Placed (Ana, Dee): 2, employed 1 (50.0 %), unknown 1; not placed (Ben, Eve): unemployed 1,
  unknown 1.
3 months: Ana, Ben, Cruz, Eve = 4; employed Ana, Cruz 2 (50.0 %), training 1 (25.0 %),
  unknown 1 (25.0 %); average wage (21.00 + 18.50) / 2 = 19.75.  Placed (Ana, Cruz) 2 employed
  (100.0 %): Competitive Employment 1, On-the-Job Training 1.
6 months: Ana, Ben, Cruz = 3; unable to work 1 (33.3 %), unknown 2 (66.7 %: Ana unable to
  contact, Ben nothing done); lost-contact rate 1 / 3 = 33.3 %; no wage.
12 months: Cruz = 1, unknown (done after the as-of day) 100.0 %.
"""

import frappe

from employment_partners.employment_partners.report.outcomes_follow_up.outcomes_follow_up import execute
from employment_partners.retention import follow_ups
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

OUTCOMES = "Outcomes at Close, 3, 6 and 12 Months"
PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31"}
NO_ANSWER = {"attempted_on": "2019-08-01 10:00:00", "method": "Phone", "reached": 0}


def exited(first, enrolled, exit_date, placements=(), schedule=OUTCOMES):
	"""A participant placed as given ((start, type), ...), then exited."""
	person = make_participant(first_name=first, enrolment_date=enrolled, follow_up_schedule=schedule)
	made = [
		make_placement(make_job_order(placement_type=kind).name, person.name, start_date=start)
		for start, kind in placements
	]
	person.exit_date = exit_date
	person.save()
	follow_ups.sync_participant(
		person.name
	)  # as its queued job does: the job itself is tested in test_participant.py
	return person.name, made


def record(participant, milestone_row, **values):
	follow_up = frappe.get_doc(
		"Retention Follow-up",
		{"participant": participant, "schedule_row_id": f"outcomes-15d-{milestone_row}"},
	)
	follow_up.update({"hours_per_week": 40 if values.get("hourly_wage") else 0, **values})
	follow_up.save()


class TestOutcomesFollowUp(EPTestCase):
	def setUp(self):
		super().setUp()
		ana, (ana_job,) = exited(
			"Ana", "2018-09-03", "2019-01-31", [("2018-10-01", "Competitive Employment")]
		)
		record(
			ana,
			"close",
			outcome="Employed - Other Employer",
			current_employer="Corner Cafe",
			hourly_wage=20,
			completed_on="2019-02-05",
		)
		record(
			ana,
			"3-months",
			outcome="Employed - Same Employer",
			employer_placement=ana_job.name,
			hourly_wage=21,
			completed_on="2019-05-02",
		)
		record(
			ana, "6-months", outcome="Unable to Contact", attempts=[NO_ANSWER] * 3, completed_on="2019-08-10"
		)
		ben, _jobs = exited("Ben", "2018-11-05", "2019-03-15")
		record(ben, "close", outcome="Unemployed", completed_on="2019-03-20")
		record(ben, "3-months", outcome="In Education or Training", completed_on="2019-06-20")
		cruz, _jobs = exited(
			"Cruz",
			"2018-05-07",
			"2018-12-20",
			[("2018-06-04", "Work Experience"), ("2018-10-01", "On-the-Job Training")],
		)
		make_placement(make_job_order().name, cruz, start_date="2019-02-01")  # after exit
		record(
			cruz,
			"3-months",
			outcome="Employed - Other Employer",
			current_employer="Depot",
			hourly_wage=18.5,
			completed_on="2019-03-25",
		)
		record(cruz, "6-months", outcome="Unable to Work", completed_on="2019-06-22")
		record(
			cruz,
			"12-months",
			outcome="Employed - Other Employer",
			current_employer="Depot",
			hourly_wage=19,
			completed_on="2020-01-05",
		)
		exited("Dee", "2019-01-07", "2019-11-29", [("2019-03-04", "Competitive Employment")])
		exited("Eve", "2019-02-04", "2019-08-31", schedule="Job Retention (SETA 02-09)")

	def figures(self):
		_columns, rows, _definitions, chart, summary = execute(frappe._dict(PERIOD))
		table = {}
		for row in rows:
			table[(row["milestone"], row["figure"])] = row
		return table, chart, summary

	def test_every_figure_for_all_participants(self):
		table, chart, summary = self.figures()

		def all_of(milestone):
			keys = ("counted", "employed", "training", "unemployed", "unable_to_work", "unknown")
			return tuple(table[(milestone, key)]["all_participants"] for key in keys)

		def shares(milestone):
			keys = ("employed", "training", "unemployed", "unable_to_work", "unknown")
			return tuple(table[(milestone, key)]["all_participants_percent"] for key in keys)

		self.assertEqual(all_of("At Close"), (4, 1, 0, 1, 0, 2))
		self.assertEqual(shares("At Close"), (25.0, 0.0, 25.0, 0.0, 50.0))
		self.assertEqual(all_of("3 Months after Exit"), (4, 2, 1, 0, 0, 1))
		self.assertEqual(shares("3 Months after Exit"), (50.0, 25.0, 0.0, 0.0, 25.0))
		self.assertEqual(all_of("6 Months after Exit"), (3, 0, 0, 0, 1, 2))
		self.assertEqual(shares("6 Months after Exit"), (0.0, 0.0, 0.0, 33.3, 66.7))
		self.assertEqual(all_of("12 Months after Exit"), (1, 0, 0, 0, 0, 1))
		self.assertEqual(
			[
				table[(m, "lost_contact_rate")]["all_participants"]
				for m in ("At Close", "3 Months after Exit", "6 Months after Exit")
			],
			[0.0, 0.0, 33.3],
		)
		self.assertEqual(
			[
				table[(m, "average_wage")]["all_participants"]
				for m in ("At Close", "3 Months after Exit", "6 Months after Exit")
			],
			[20.0, 19.75, None],
		)
		self.assertEqual(table[("At Close", "average_duration_weeks")]["all_participants"], 29.1)
		self.assertEqual([s["value"] for s in summary], [4, 25.0, 50.0, 0.0, 0.0])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [1, 2, 0, 0])  # employed at each milestone

	def test_placed_not_placed_and_by_type(self):
		table, _chart, _summary = self.figures()
		close, three = "At Close", "3 Months after Exit"
		self.assertEqual(
			(
				table[(close, "counted")]["placed"],
				table[(close, "employed")]["placed"],
				table[(close, "unknown")]["placed"],
			),
			(2, 1, 1),
		)
		self.assertEqual(
			(
				table[(close, "counted")]["not_placed"],
				table[(close, "unemployed")]["not_placed"],
				table[(close, "unknown")]["not_placed"],
			),
			(2, 1, 1),
		)
		self.assertEqual(table[(three, "employed")]["placed_percent"], 100.0)
		self.assertEqual(
			(
				table[(three, "employed")]["competitive_employment"],
				table[(three, "employed")]["on_the_job_training"],
			),
			(1, 1),
		)
		self.assertEqual(
			(table[(three, "training")]["not_placed"], table[(three, "unknown")]["not_placed"]), (1, 1)
		)

	def test_an_empty_period(self):
		_columns, rows, _definitions, chart, summary = execute(
			frappe._dict({"from_date": "2010-01-01", "to_date": "2010-12-31"})
		)
		self.assertTrue(all(row["all_participants"] in (0, None) for row in rows))
		self.assertIsNone(chart)
		# nobody counted: a rate of nobody is a dash, not 0 %
		self.assertEqual([s["value"] for s in summary], [0, "–", "–", "–", "–"])
