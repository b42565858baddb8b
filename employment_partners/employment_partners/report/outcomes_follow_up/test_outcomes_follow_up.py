"""Outcomes Follow-up (15D) on hand-made histories, every figure worked out here.

15D counts ENROLMENTS in a program that counts in 15D (here the shipped "Employment Ontario (15D
Outcomes)", ONTARIO).  Milestone date = exit + 0, 3, 6, 12 calendar months; the shipped 15D
schedule opens each milestone's follow-up on that day for 14 days (window = date .. date + 13).
Period 2019-01-01 to 2019-12-31; as of 2020-06-30 (every window closed) unless a test says.

  Ana   ONTARIO, enrolled 2018-09-03, exit 2019-01-31; placed 2018-10-01 (Competitive Employment);
        a coaching session 2019-03-01 (a retention service: after the placement started)
        close 01-31..02-13: own done 02-05 Employed (other employer, 20.00)
        3 m   04-30..05-13: own done 05-02 Employed (same employer, 21.00)
        6 m   07-31..08-13: own done 08-10 Unable to Contact (3 attempts, none reached)
        12 m  2020-01-31: not in the period
  Ben   ONTARIO, enrolled 2018-11-05, exit 2019-03-15; never referred or placed
        close 03-15..03-28: own done 03-20 Unemployed
        3 m   06-15..06-28: own done 06-20 Independent
        6 m   09-15..09-28: nothing done
  Cruz  ONTARIO, enrolled 2018-05-07, exit 2018-12-20; referred 2018-07-02 (during the
        enrolment); a 2019-02-01 placement came after the exit (no component)
        close 2018-12-20: not in the period
        3 m   03-20..04-02: own done 03-25 Employed (other, 18.50)
        6 m   06-20..07-03: own done 06-22 Volunteer
        12 m  12-20..2020-01-02: own done 2020-01-05, after the window: Unknown
  Dee   SETA + ONTARIO (co-enrolled), enrolled 2019-01-07, exit 2019-03-29; placed 2019-02-04
        (Work Experience).  Her 15D follow-ups are never done, except the 6-month one done as
        Unable to Contact on 10-01; she is reached by her SETA monthly contacts (quarter 1 after
        the exit quarter is Apr-Jun, quarter 2 Jul-Sep):
          April contact done 04-05 Employed (other, 19.00)   -> inside close 03-29..04-11
          June contact done 06-30 Employed (other, 19.50)    -> inside 3 m 06-29..07-12
          September contact done 09-30 In Education or Training -> inside 6 m 09-29..10-12,
            and it reached her: it beats her own Unable to Contact of 10-01
  Eve   SETA only (not in a 15D program), exit 2019-08-31, reached in October: never counted
  Fay   ONTARIO twice: E1 enrolled 2018-01-08, exit 2018-06-29; E2 enrolled 2018-09-03, exit
        2019-02-28; never placed
        E1 close (2018) done 2018-07-02 Employed: not in the period, and not E2's at close
        E1 12 m 2019-06-29..07-12: nothing of E1 done.  E2's 3-month follow-up done late on
          2019-07-01 (Employed, 23.00) falls inside this window but reports E2's milestone:
          not credited across enrolments -> Unknown
        E2 close 02-28..03-13: own done 03-05 Unemployed
        E2 3 m  05-28..06-10: own done 07-01, after the window -> Unknown
        E2 6 m  08-28..09-10: own done 09-02 Unable to Work
  Gus   ONTARIO, enrolled 2019-06-03, exit 2019-12-20; never placed
        close 12-20..2020-01-02: own done 12-23 Employed (other, 22.00)

At Close (Ana, Ben, Dee, Fay-E2, Gus; not Cruz 2018, not Eve) = 5: employed Ana, Dee, Gus 3
  (60.0 %), unemployed Ben, Fay 2 (40.0 %), unknown 0; lost contact 0.0 %; average wage
  (20 + 19 + 22) / 3 = 20.333 -> 20.33; duration (exit - enrolled): Ana 150, Ben 130, Dee 81,
  Fay-E2 178, Gus 200 = 739 days / 5 / 7 = 21.11 -> 21.1 weeks.
  JMPI (Ana, Dee placed during the enrolment) 2, employed 2 (100.0 %); Job Retention: Dee (her
  April contact 04-05, after her placement and inside the window) 1; Ana's coaching (03-01) comes
  after her close window ends (02-13): not yet.
3 Months (Ana, Ben, Cruz, Dee, Fay-E2) = 5: employed Ana, Cruz, Dee 3 (60.0 %), independent Ben 1
  (20.0 %), unknown Fay 1 (20.0 %); lost 0.0 %; wage (21 + 18.5 + 19.5) / 3 = 19.666 -> 19.67.
  JMPI: Ana, Cruz (referral), Dee = 3, employed 3; Job Retention: Ana (coaching 03-01 <= 05-13),
  Dee = 2.
6 Months (Ana, Ben, Cruz, Dee, Fay-E2) = 5: training Dee, volunteer Cruz, unable to work Fay 1
  each (20.0 %), unknown Ana (unable to contact), Ben (nothing) 2 (40.0 %); lost-contact rate
  1 / 5 = 20.0 %; no wage.  JMPI: Ana, Cruz, Dee = 3: unknown 1 (33.3 %), volunteer 1, training 1;
  lost 1 / 3 = 33.3 %.  Job Retention: Ana, Dee = 2.
12 Months (Cruz, Fay-E1) = 2: unknown 2 (100.0 %).  JMPI: Cruz 1.
"""

import frappe

from employment_partners.employment_partners.report.outcomes_follow_up.outcomes_follow_up import execute
from employment_partners.participants import enrolments
from employment_partners.retention import follow_ups
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
)

ONTARIO, SETA = enrolments.ONTARIO_PROGRAM, enrolments.SETA_PROGRAM
CLOSE, THREE, SIX, TWELVE = "At Close", "3 Months after Exit", "6 Months after Exit", "12 Months after Exit"
PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31", "as_of": "2020-06-30"}
NO_ANSWER = {"attempted_on": "2019-08-01 10:00:00", "method": "Phone", "reached": 0}
JMPI = "job_matching_placement_and_incentive"


def exited(first, enrolled, exit_date, programs=(ONTARIO,), placements=(), referred_on=None):
	"""A participant enrolled in `programs`, placed as given ((start, type), ...) and referred on
	`referred_on`, then exited from every program."""
	person = make_participant(first_name=first, enrolment_date=enrolled, programs=list(programs))
	for start, kind in placements:
		make_placement(make_job_order(placement_type=kind).name, person.name, start_date=start)
	if referred_on:
		make_referral(make_job_order().name, person.name, referred_on=referred_on)
	person.reload()
	person.exit_date = exit_date
	person.save()
	follow_ups.sync_participant(person.name)  # as its queued job does (tested in test_participant.py)
	return person.name


def record(participant, row_id, enrolment=None, **values):
	"""Do the participant's follow-up of schedule row `row_id` (of `enrolment`, when given)."""
	filters = {"participant": participant, "schedule_row_id": row_id}
	if enrolment:
		filters["program_enrolment"] = enrolment
	follow_up = frappe.get_doc("Retention Follow-up", filters)
	if values.get("hourly_wage"):
		values.setdefault("hours_per_week", 40)
		values.setdefault("current_employer", "Corner Cafe")
	follow_up.update(values)
	follow_up.save()
	return follow_up


def unable_to_contact(participant, row_id, completed_on):
	record(
		participant, row_id, outcome="Unable to Contact", attempts=[NO_ANSWER] * 3, completed_on=completed_on
	)


def make_history():
	ana = exited("Ana", "2018-09-03", "2019-01-31", placements=[("2018-10-01", "Competitive Employment")])
	frappe.get_doc(
		{
			"doctype": "Coaching Session",
			"participant": ana,
			"kind": "Job Coaching",
			"session_date": "2019-03-01",
			"minutes": 30,
			"mode": "Phone",
		}
	).insert()
	record(
		ana,
		"outcomes-15d-close",
		outcome="Employed - Other Employer",
		hourly_wage=20,
		completed_on="2019-02-05",
	)
	ana_job = frappe.db.get_value("Placement", {"participant": ana})
	record(
		ana,
		"outcomes-15d-3-months",
		outcome="Employed - Same Employer",
		employer_placement=ana_job,
		hourly_wage=21,
		completed_on="2019-05-02",
	)
	unable_to_contact(ana, "outcomes-15d-6-months", "2019-08-10")

	ben = exited("Ben", "2018-11-05", "2019-03-15")
	record(ben, "outcomes-15d-close", outcome="Unemployed", completed_on="2019-03-20")
	record(ben, "outcomes-15d-3-months", outcome="Independent", completed_on="2019-06-20")

	cruz = exited("Cruz", "2018-05-07", "2018-12-20", referred_on="2018-07-02")
	make_placement(make_job_order().name, cruz, start_date="2019-02-01")  # after the exit
	record(
		cruz,
		"outcomes-15d-3-months",
		outcome="Employed - Other Employer",
		hourly_wage=18.5,
		completed_on="2019-03-25",
	)
	record(cruz, "outcomes-15d-6-months", outcome="Volunteer", completed_on="2019-06-22")
	record(
		cruz,
		"outcomes-15d-12-months",
		outcome="Employed - Other Employer",
		hourly_wage=19,
		completed_on="2020-01-05",
	)

	dee = exited(
		"Dee",
		"2019-01-07",
		"2019-03-29",
		programs=(SETA, ONTARIO),
		placements=[("2019-02-04", "Work Experience")],
	)
	record(
		dee,
		"seta-02-09-q1-month-1",
		outcome="Employed - Other Employer",
		hourly_wage=19,
		completed_on="2019-04-05",
	)
	record(
		dee,
		"seta-02-09-q1-month-3",
		outcome="Employed - Other Employer",
		hourly_wage=19.5,
		completed_on="2019-06-30",
	)
	record(dee, "seta-02-09-q2-month-3", outcome="In Education or Training", completed_on="2019-09-30")
	unable_to_contact(dee, "outcomes-15d-6-months", "2019-10-01")

	eve = exited("Eve", "2019-02-04", "2019-08-31", programs=(SETA,))
	record(
		eve,
		"seta-02-09-q1-month-1",
		outcome="Employed - Other Employer",
		hourly_wage=18,
		completed_on="2019-10-05",
	)

	fay = make_participant(
		first_name="Fay",
		enrolment_date="2018-01-08",
		enrolments=[
			{"program": ONTARIO, "enrolled_on": "2018-01-08", "exit_date": "2018-06-29"},
			{"program": ONTARIO, "enrolled_on": "2018-09-03", "exit_date": "2019-02-28"},
		],
	)
	follow_ups.sync_participant(fay.name)
	first, second = sorted(fay.enrolments, key=lambda row: row.enrolled_on)
	record(
		fay.name,
		"outcomes-15d-close",
		first.name,
		outcome="Employed - Other Employer",
		hourly_wage=17,
		completed_on="2018-07-02",
	)
	record(fay.name, "outcomes-15d-close", second.name, outcome="Unemployed", completed_on="2019-03-05")
	record(
		fay.name,
		"outcomes-15d-3-months",
		second.name,
		outcome="Employed - Other Employer",
		hourly_wage=23,
		completed_on="2019-07-01",
	)
	record(
		fay.name, "outcomes-15d-6-months", second.name, outcome="Unable to Work", completed_on="2019-09-02"
	)

	gus = exited("Gus", "2019-06-03", "2019-12-20")
	record(
		gus,
		"outcomes-15d-close",
		outcome="Employed - Other Employer",
		hourly_wage=22,
		completed_on="2019-12-23",
	)
	return {"ana": ana, "ben": ben, "cruz": cruz, "dee": dee, "eve": eve, "fay": fay.name, "gus": gus}


def figures(**filters):
	_columns, rows, _definitions, chart, summary = execute(frappe._dict({**PERIOD, **filters}))
	return {(row["milestone"], row["figure"]): row for row in rows}, chart, summary


def column(table, milestone, group="all_participants"):
	"""(counted, employed, training, independent, volunteer, unable to work, unemployed, unknown,
	still open) at a milestone in a column."""
	keys = (
		"counted",
		"employed",
		"training",
		"independent",
		"volunteer",
		"unable_to_work",
		"unemployed",
		"unknown",
		"still_open",
	)
	return tuple(table[(milestone, key)][group] for key in keys)


class TestOutcomesFollowUp(EPTestCase):
	def setUp(self):
		super().setUp()
		self.people = make_history()

	def test_every_figure_for_all_participants(self):
		table, chart, summary = figures()
		#                                      n  emp trn ind vol utw unemp unk open
		self.assertEqual(column(table, CLOSE), (5, 3, 0, 0, 0, 0, 2, 0, 0))
		self.assertEqual(column(table, THREE), (5, 3, 0, 1, 0, 0, 0, 1, 0))
		self.assertEqual(column(table, SIX), (5, 0, 1, 0, 1, 1, 0, 2, 0))
		self.assertEqual(column(table, TWELVE), (2, 0, 0, 0, 0, 0, 0, 2, 0))

		def shares(milestone):
			keys = (
				"employed",
				"training",
				"independent",
				"volunteer",
				"unable_to_work",
				"unemployed",
				"unknown",
			)
			return tuple(table[(milestone, key)]["all_participants_percent"] for key in keys)

		self.assertEqual(shares(CLOSE), (60.0, 0.0, 0.0, 0.0, 0.0, 40.0, 0.0))
		self.assertEqual(shares(THREE), (60.0, 0.0, 20.0, 0.0, 0.0, 0.0, 20.0))
		self.assertEqual(shares(SIX), (0.0, 20.0, 0.0, 20.0, 20.0, 0.0, 40.0))
		self.assertEqual(shares(TWELVE), (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 100.0))
		# lost contact: Ana at 6 months (Dee's Unable to Contact was beaten by her September contact)
		self.assertEqual(
			[table[(m, "lost_contact_rate")]["all_participants"] for m in (CLOSE, THREE, SIX, TWELVE)],
			[0.0, 0.0, 20.0, 0.0],
		)
		self.assertEqual(
			[table[(m, "average_wage")]["all_participants"] for m in (CLOSE, THREE, SIX, TWELVE)],
			[20.33, 19.67, None, None],
		)
		self.assertEqual(table[(CLOSE, "average_duration_weeks")]["all_participants"], 21.1)
		# counted at close, employed at each milestone, still open
		self.assertEqual([s["value"] for s in summary], [5, 60.0, 60.0, 0.0, 0.0, 0])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [3, 3, 0, 0])  # employed
		self.assertEqual(chart["data"]["datasets"][2]["values"], [0, 1, 0, 0])  # independent
		self.assertEqual(chart["data"]["datasets"][3]["values"], [0, 0, 1, 0])  # volunteer

	def test_component_columns_overlap(self):
		table, _chart, _summary = figures()
		# Job Search is every enrolment: the same as All
		for milestone in (CLOSE, THREE, SIX, TWELVE):
			self.assertEqual(column(table, milestone, "job_search"), column(table, milestone))
		# JMPI: close Ana, Dee; 3 and 6 months Ana, Cruz (a referral), Dee; 12 months Cruz
		self.assertEqual(column(table, CLOSE, JMPI), (2, 2, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, THREE, JMPI), (3, 3, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, SIX, JMPI), (3, 0, 1, 0, 1, 0, 0, 1, 0))
		self.assertEqual(column(table, TWELVE, JMPI), (1, 0, 0, 0, 0, 0, 0, 1, 0))
		self.assertEqual(table[(SIX, "unknown")][f"{JMPI}_percent"], 33.3)
		self.assertEqual(table[(SIX, "lost_contact_rate")][JMPI], 33.3)
		# Job Retention: Dee from close; Ana from 3 months (her coaching came after the close window)
		self.assertEqual(column(table, CLOSE, "job_retention"), (1, 1, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, THREE, "job_retention"), (2, 2, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, SIX, "job_retention"), (2, 0, 1, 0, 0, 0, 0, 1, 0))
		self.assertEqual(column(table, TWELVE, "job_retention"), (0, 0, 0, 0, 0, 0, 0, 0, 0))
		# Dee and Ana are in All, JMPI and Job Retention at 3 months: counted in each, once in All
		# (5), so the columns add up to more than All: 5 + 5 + 3 + 2 = 15 counts of 5 enrolments
		self.assertEqual(
			sum(
				table[(THREE, "counted")][g]
				for g in ("all_participants", "job_search", JMPI, "job_retention")
			),
			15,
		)
		# by the type of the latest placement during the enrolment: Ana and Dee
		self.assertEqual(column(table, THREE, "competitive_employment"), (1, 1, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, SIX, "work_experience"), (1, 0, 1, 0, 0, 0, 0, 0, 0))

	def test_a_co_enrolled_person_reached_monthly_is_not_unknown(self):
		# Dee alone is the Work Experience column: employed at close (April contact) and 3 months
		# (June contact), in training at 6 months (September contact beats her own Unable to
		# Contact); never unknown, though none of her own 15D follow-ups reached her
		table, _chart, _summary = figures()
		self.assertEqual(column(table, CLOSE, "work_experience"), (1, 1, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, THREE, "work_experience"), (1, 1, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(column(table, SIX, "work_experience"), (1, 0, 1, 0, 0, 0, 0, 0, 0))
		self.assertEqual(table[(SIX, "lost_contact_rate")]["work_experience"], 0.0)
		self.assertEqual(
			[table[(m, "average_wage")]["work_experience"] for m in (CLOSE, THREE)], [19.0, 19.5]
		)

	def test_a_re_enrolment_has_its_own_milestones_and_outcomes_are_not_crossed(self):
		fay = self.people["fay"]
		first, second = sorted(frappe.get_doc("Participant", fay).enrolments, key=lambda row: row.enrolled_on)
		# each enrolment has its own four milestone follow-ups
		for enrolment in (first, second):
			self.assertEqual(
				frappe.db.count("Retention Follow-up", {"program_enrolment": enrolment.name}),
				4,
				enrolment.idx,
			)
		table, _chart, _summary = figures()
		# at close Fay is E2's Unemployed, not E1's Employed of 2018: unemployed = Ben + Fay
		self.assertEqual(table[(CLOSE, "unemployed")]["all_participants"], 2)
		# at 12 months Fay-E1 is unknown, though E2's late 3-month follow-up (Employed, 07-01) lies
		# in E1's window; and E2 at 3 months is unknown (done after its window): employed 3 not 4
		self.assertEqual(column(table, TWELVE), (2, 0, 0, 0, 0, 0, 0, 2, 0))
		self.assertEqual(table[(THREE, "employed")]["all_participants"], 3)
		# the same person exiting twice is counted twice over the milestones: E1 at 12 months and
		# E2 at close, 3 and 6 months

	def test_a_milestone_whose_window_is_still_open_is_still_open_not_unknown(self):
		# as of 2019-12-31 (the period's end): Gus's close window (12-20..2020-01-02) and Cruz's 12
		# months (12-20..2020-01-02) are open.  Gus is not counted though his outcome (12-23) is in:
		# close = Ana, Ben, Dee, Fay-E2 = 4, employed Ana, Dee 2 (50.0 %), unemployed 2 (50.0 %)
		table, _chart, summary = figures(as_of="2019-12-31")
		self.assertEqual(column(table, CLOSE), (4, 2, 0, 0, 0, 0, 2, 0, 1))
		self.assertEqual(table[(CLOSE, "employed")]["all_participants_percent"], 50.0)
		# 12 months: Fay-E1 counted (unknown), Cruz still open, not unknown
		self.assertEqual(column(table, TWELVE), (1, 0, 0, 0, 0, 0, 0, 1, 1))
		self.assertEqual(column(table, SIX)[-1], 0)
		self.assertEqual(summary[-1]["value"], 2)  # still open over the milestones
		# once the windows close, both are counted: Gus employed, Cruz unknown (done after it)
		table, _chart, _summary = figures(as_of="2020-01-02")
		self.assertEqual(column(table, CLOSE), (5, 3, 0, 0, 0, 0, 2, 0, 0))
		self.assertEqual(column(table, TWELVE), (2, 0, 0, 0, 0, 0, 0, 2, 0))

	def test_a_past_period_re_run_later_reads_the_same(self):
		before, _chart, _summary = figures()
		# later: Ben's 6-month follow-up done long after its window, and a contact after it
		record(
			self.people["ben"],
			"outcomes-15d-6-months",
			outcome="Employed - Other Employer",
			hourly_wage=25,
			completed_on="2020-08-01",
		)
		record(self.people["dee"], "outcomes-15d-3-months", outcome="Unemployed", completed_on="2020-07-15")
		after, _chart, _summary = figures(as_of="2026-01-15")
		self.assertEqual(after, before)
		self.assertEqual(column(after, SIX), (5, 0, 1, 0, 1, 1, 0, 2, 0))

	def test_someone_not_enrolled_in_a_15d_program_is_outside_the_figures(self):
		# Eve exited on 2019-08-31 (in the period) and was reached in October, but only the SETA
		# program holds her: she is in no figure (close counts Ana, Ben, Dee, Fay-E2, Gus = 5), and
		# Dee's SETA enrolment is not counted beside her Ontario one
		table, _chart, _summary = figures()
		self.assertEqual(table[(CLOSE, "counted")]["all_participants"], 5)
		# a program counts once it says so: SETA in 15D adds Eve's and Dee's SETA enrolments at
		# close (no follow-up for the milestone and no row in the SETA schedule: 14 days from the
		# exit; Eve: 08-31..09-13, nothing done -> unknown; Dee: 03-29..04-11, her April contact
		# 04-05 -> employed): 7 counted, employed 4, unknown 1
		frappe.db.set_value("Program", SETA, "counts_in_15d", 1)
		table, _chart, _summary = figures()
		self.assertEqual(column(table, CLOSE), (7, 4, 0, 0, 0, 0, 2, 1, 0))

	def test_an_empty_period(self):
		_columns, rows, _definitions, chart, summary = execute(
			frappe._dict({"from_date": "2010-01-01", "to_date": "2010-12-31"})
		)
		self.assertTrue(all(row["all_participants"] in (0, None) for row in rows))
		self.assertIsNone(chart)
		# nobody counted: a rate of nobody is a dash, not 0 %
		self.assertEqual([s["value"] for s in summary], [0, "–", "–", "–", "–", 0])


class TestMilestoneWindow(EPTestCase):
	def test_a_12_month_outcome_at_month_4_is_refused_and_one_inside_the_window_counts(self):
		# Hal exits 2021-01-15: his 12-month milestone is 2022-01-15, open to 2022-01-28
		hal = exited("Hal", "2020-09-01", "2021-01-15")
		with self.assertRaisesRegex(frappe.ValidationError, "can be recorded from"):
			record(
				hal,
				"outcomes-15d-12-months",
				outcome="Employed - Other Employer",
				hourly_wage=20,
				completed_on="2021-05-14",
			)
		self.assertEqual(
			frappe.db.get_value(
				"Retention Follow-up",
				{"participant": hal, "schedule_row_id": "outcomes-15d-12-months"},
				"status",
			),
			"Open",
		)
		period = {"from_date": "2022-01-01", "to_date": "2022-12-31", "as_of": "2023-01-31"}
		table, _chart, _summary = figures(**period)
		self.assertEqual(column(table, TWELVE), (1, 0, 0, 0, 0, 0, 0, 1, 0))  # nothing yet: unknown
		record(
			hal,
			"outcomes-15d-12-months",
			outcome="Employed - Other Employer",
			hourly_wage=20,
			completed_on="2022-01-20",
		)
		table, _chart, _summary = figures(**period)
		self.assertEqual(column(table, TWELVE), (1, 1, 0, 0, 0, 0, 0, 0, 0))
		self.assertEqual(table[(TWELVE, "average_wage")]["all_participants"], 20.0)

	def test_two_enrolments_whose_windows_overlap_keep_their_own_outcomes(self):
		# Ivy exits ONTARIO on 2023-04-03, returns on 04-05 and exits again on 04-10: the close
		# windows overlap (E1 04-03..04-16, E2 04-10..04-23).  E1's close follow-up, done 04-12
		# (Employed), lies in both, but it reports E1's milestone: E2's close stays unknown.
		# Close (period April 2023): 2 counted, employed 1 (50.0 %), unknown 1 (50.0 %)
		ivy = make_participant(
			first_name="Ivy",
			enrolment_date="2023-01-09",
			enrolments=[
				{"program": ONTARIO, "enrolled_on": "2023-01-09", "exit_date": "2023-04-03"},
				{"program": ONTARIO, "enrolled_on": "2023-04-05", "exit_date": "2023-04-10"},
			],
		)
		follow_ups.sync_participant(ivy.name)
		first = min(ivy.enrolments, key=lambda row: row.enrolled_on)
		record(
			ivy.name,
			"outcomes-15d-close",
			first.name,
			outcome="Employed - Other Employer",
			hourly_wage=20,
			completed_on="2023-04-12",
		)
		table, _chart, _summary = figures(from_date="2023-04-01", to_date="2023-04-30", as_of="2023-06-30")
		self.assertEqual(column(table, CLOSE), (2, 1, 0, 0, 0, 0, 0, 1, 0))
		self.assertEqual(table[(CLOSE, "employed")]["all_participants_percent"], 50.0)
