"""Participant Outcomes on six people placed around 2019 (as of 2019-12-31), worked out here.

Retained at N days: employed on day N = start + N days, counted once day N + 14 is on or before
the as-of day (metrics/retention_days).

  Ana   housing, transportation  placed 2019-01-07 (18.00, active) and 2019-06-03: 2 placements;
        the first: day 30 Feb 6, 90 Apr 7, 180 Jul 6 (+ 14 = Jul 20) all closed, still in it:
        Yes Yes Yes; follow-ups done 2019-05-01 Unemployed, 2019-07-10 Employed - Same Employer
        19.50 (the latest; about the first placement): wage there 19.50, gain 1.50
  Ben   childcare  placed 2019-09-02 (20.00), quit 2019-10-15 (last day worked):
        day 30 Oct 2 (+ 14 = Oct 16): still there, Yes; day 90 Dec 1 (+ 14 = Dec 15): ended before
        it, nothing else, No; day 180 Mar 1 2020: open; latest 2019-10-20 Unemployed
  Cruz  none  placed 2019-11-11 (17.00): day 30 Dec 11 (+ 14 = Dec 25): Yes; 90 and 180 open
  Dee   placed 2018-05-01 only: not listed
  Eve   housing  placed 2019-02-04 (16.00) in Work Experience, Completed 2019-03-15: day 30
        Mar 6: still in it, Yes; day 90 May 5 and day 180 Aug 3: it had ended, no other placement,
        no employed follow-up within 14 days of either: "No: completed, then not employed" (the old
        rule read Completed as retained); follow-ups done 2019-03-01 Employed - Same Employer 16.50
        and 2020-01-10 Employed - Same Employer 18.00 (after the as-of day): wage there 16.50, gain 0.50
  Flo   placed 2018-11-05 (15.00, before the period) and 2019-04-01 (22.00, her first in the period,
        active: Yes Yes Yes, day 180 Sep 28 + 14 = Oct 12); follow-ups done 2019-06-10 on the 2018 job,
        Employed - Same Employer 25.00 (an earlier job: not her first placement's), and 2019-04-08
        on the 2019 job, Employed - Other Employer 30.00 (another employer: not the same job):
        no wage there, no gain (before, the latest follow-up's 25.00 gave a gain of 3.00)

Retained:
  30 d: Ana, Ben, Cruz, Eve, Flo all Yes: 5 / 5 = 100.0 %
  90 d: Ana Yes, Ben No, Eve No (completed), Flo Yes; Cruz open: 2 / 4 = 50.0 %
  180 d: Ana Yes, Eve No (completed), Flo Yes; Ben, Cruz open: 2 / 3 = 66.7 %
Still open 0 / 1 / 2; completed, then employed 0 / 0 / 0; completed, then not employed 0 / 1 / 1.
Average wage gain (1.50 + 0.50) / 2 = 1.00.  Housing: Ana and Eve.
"""

import frappe

from employment_partners.employment_partners.report.participant_outcomes.participant_outcomes import execute
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement, make_user

PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31", "as_of": "2019-12-31"}
WEEK_1, MONTH_1 = "seta-02-09-employment-week-1", "seta-02-09-employment-month-1"


def placed(first, start, wage, barriers=(), kind="Competitive Employment", **ended):
	"""A participant and their placement (active, then ended as `ended` says: it keeps the
	follow-ups it got while active)."""
	person = make_participant(
		first_name=first, last_name="Outcomes", enrolment_date="2018-01-02", **{b: 1 for b in barriers}
	)
	placement = make_placement(
		make_job_order(hourly_wage=wage, placement_type=kind).name,
		person.name,
		start_date=start,
		hourly_wage=wage,
		placement_type=kind,
	)
	if ended:
		placement.update(ended)
		placement.save()
	return person, placement


def done(placement, row, completed_on, outcome, wage=0):
	follow_up = frappe.get_doc("Retention Follow-up", {"placement": placement.name, "schedule_row_id": row})
	employed = outcome.startswith("Employed")
	follow_up.update(
		{
			"outcome": outcome,
			"hourly_wage": wage,
			"hours_per_week": 40 if employed else 0,
			"current_employer": "Another Employer" if employed else None,
			"completed_on": completed_on,
		}
	)
	follow_up.save()


class TestParticipantOutcomes(EPTestCase):
	def setUp(self):
		super().setUp()
		ana, first = placed("Ana", "2019-01-07", 18, ("barrier_housing", "barrier_transportation"))
		make_placement(make_job_order().name, ana.name, start_date="2019-06-03")
		done(first, WEEK_1, "2019-05-01", "Unemployed")
		done(first, MONTH_1, "2019-07-10", "Employed - Same Employer", 19.5)
		_ben, job = placed(
			"Ben",
			"2019-09-02",
			20,
			("barrier_childcare",),
			status="Ended",
			end_date="2019-10-15",
			separation_reason="Quit",
		)
		done(job, WEEK_1, "2019-10-20", "Unemployed")
		placed("Cruz", "2019-11-11", 17)
		placed("Dee", "2018-05-01", 15)
		_eve, job = placed(
			"Eve",
			"2019-02-04",
			16,
			("barrier_housing",),
			"Work Experience",
			status="Completed",
			end_date="2019-03-15",
		)
		done(job, WEEK_1, "2019-03-01", "Employed - Same Employer", 16.5)
		done(job, MONTH_1, "2020-01-10", "Employed - Same Employer", 18)
		flo, earlier = placed("Flo", "2018-11-05", 15)
		first = make_placement(
			make_job_order(hourly_wage=22).name, flo.name, start_date="2019-04-01", hourly_wage=22
		)
		done(earlier, MONTH_1, "2019-06-10", "Employed - Same Employer", 25)
		done(first, WEEK_1, "2019-04-08", "Employed - Other Employer", 30)

	def run_report(self, **filters):
		_columns, rows, _definitions, chart, summary = execute(frappe._dict({**PERIOD, **filters}))
		return (
			{row["full_name"].split()[0]: row for row in rows if row["full_name"].endswith("Outcomes")},
			chart,
			summary,
		)

	def test_every_row(self):
		rows, chart, summary = self.run_report()
		keys = (
			"placements",
			"start_wage",
			"retained_30",
			"retained_90",
			"retained_180",
			"latest_outcome",
			"latest_wage",
			"wage_gain",
		)
		self.assertEqual(
			{name: tuple(row[k] for k in keys) for name, row in rows.items()},
			{
				"Ana": (2, 18.0, "Yes", "Yes", "Yes", "Employed - Same Employer", 19.5, 1.5),
				"Ben": (1, 20.0, "Yes", "No", None, "Unemployed", None, None),
				"Cruz": (1, 17.0, "Yes", None, None, None, None, None),
				"Eve": (
					1,
					16.0,
					"Yes",
					"No: completed, then not employed",
					"No: completed, then not employed",
					"Employed - Same Employer",
					16.5,
					0.5,
				),
				# the latest follow-up (06-10) is about her 2018 job: no wage on her first 2019 one
				"Flo": (1, 22.0, "Yes", "Yes", "Yes", "Employed - Same Employer", None, None),
			},
		)
		self.assertEqual(rows["Ana"]["barriers"], "Housing, Transportation")
		self.assertEqual(
			[s["value"] for s in summary],
			[5, 100.0, 50.0, 66.7, "0 / 1 / 2", "0 / 0 / 0", "0 / 1 / 1", 1.0],
		)
		self.assertEqual(chart["data"]["datasets"][0]["values"], [100.0, 50.0, 66.7])

	def test_the_definitions_cite_the_rule(self):
		_columns, _rows, definitions, _chart, _summary = execute(frappe._dict(PERIOD))
		self.assertIn("Ways to define job retention (PerformWell, Job Retention indicator)", definitions)
		self.assertIn("14 days either side of day N", definitions)

	def test_filter_by_barrier_or_indicator(self):
		rows, _chart, summary = self.run_report(barrier="barrier_housing")
		self.assertEqual(sorted(rows), ["Ana", "Eve"])
		# 90 and 180 days: Ana Yes, Eve No (completed): 1 / 2 = 50.0 %
		self.assertEqual(
			[s["value"] for s in summary],
			[2, 100.0, 50.0, 50.0, "0 / 0 / 0", "0 / 0 / 0", "0 / 1 / 1", 1.0],
		)
		rows, _chart, _summary = self.run_report(indicator="has_disability")
		self.assertEqual(rows, {})

	def test_a_case_manager_reads_only_the_participants_they_may(self):
		# Ana is this case manager's only participant (the caseload rule): the rows and the rates
		# are hers alone
		case_manager = make_user("Case Manager")
		ana = frappe.db.get_value("Participant", {"first_name": "Ana", "last_name": "Outcomes"})
		frappe.db.set_value("Participant", ana, "case_manager", case_manager)
		frappe.set_user(case_manager)
		rows, _chart, summary = self.run_report()
		self.assertEqual(sorted(rows), ["Ana"])
		self.assertEqual(
			[s["value"] for s in summary],
			[1, 100.0, 100.0, 100.0, "0 / 0 / 0", "0 / 0 / 0", "0 / 0 / 0", 1.5],
		)
		# and so does a User Permission, Frappe's own way to narrow what a user reads
		frappe.set_user("Administrator")
		frappe.db.set_single_value("Employment Partners Settings", "case_managers_read_all", 1)
		other = make_user("Case Manager")
		frappe.get_doc(
			{"doctype": "User Permission", "user": other, "allow": "Participant", "for_value": ana}
		).insert()
		frappe.set_user(other)
		rows, _chart, summary = self.run_report()
		self.assertEqual(sorted(rows), ["Ana"])

	def test_a_filter_that_is_no_barrier_is_refused(self):
		with self.assertRaisesRegex(
			frappe.ValidationError, "full_name is not a barrier or suitability indicator"
		):
			self.run_report(barrier="full_name")
