"""Participant Outcomes on five people placed around 2019 (as of 2019-12-31), worked out here.

  Ana   housing, transportation  placed 2019-01-07 (18.00, active) and 2019-06-03: 2 placements;
        the first: 30 d Feb 6, 90 d Apr 7, 180 d Jul 6 all passed, never separated: Yes Yes Yes;
        follow-ups done 2019-05-01 Unemployed, 2019-07-10 Employed 19.50 (the latest): gain 1.50
  Ben   childcare  placed 2019-09-02 (20.00), quit 2019-10-15: 30 d Oct 2 Yes (ended after it);
        90 d Dec 1 No (ended before it); 180 d Mar 1 2020 not yet; latest 2019-10-20 Unemployed
  Cruz  none  placed 2019-11-11 (17.00): 30 d Dec 11 Yes; 90 and 180 not yet; no follow-up done
  Dee   placed 2018-05-01 only: not listed
  Eve   housing  placed 2019-02-04 (16.00), completed 2019-03-15 (a time-limited placement ran
        its course: no separation): Yes Yes Yes; follow-ups done 2019-03-01 Employed 16.50 and
        2020-01-10 Employed 18.00 (after the as-of day): latest 16.50, gain 0.50

Retained 30 d 4 of 4 = 100.0 %; 90 d 2 of 3 (Ana, Eve; not Ben) = 66.7 %; 180 d 2 of 2 = 100.0 %.
Average wage gain (1.50 + 0.50) / 2 = 1.00.  Housing: Ana and Eve.
"""

import frappe

from employment_partners.employment_partners.report.participant_outcomes.participant_outcomes import execute
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement, make_user

PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31"}
WEEK_1, MONTH_1 = "seta-02-09-employment-week-1", "seta-02-09-employment-month-1"


def placed(first, start, wage, barriers=(), **ended):
	"""A participant and their placement (active, then ended as `ended` says: it keeps the
	follow-ups it got while active)."""
	person = make_participant(
		first_name=first, last_name="Outcomes", enrolment_date="2018-01-02", **{b: 1 for b in barriers}
	)
	placement = make_placement(
		make_job_order(hourly_wage=wage).name, person.name, start_date=start, hourly_wage=wage
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
			"current_employer": "Test Employer" if employed else None,
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
			"Eve", "2019-02-04", 16, ("barrier_housing",), status="Completed", end_date="2019-03-15"
		)
		done(job, WEEK_1, "2019-03-01", "Employed - Same Employer", 16.5)
		done(job, MONTH_1, "2020-01-10", "Employed - Same Employer", 18)

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
				"Eve": (1, 16.0, "Yes", "Yes", "Yes", "Employed - Same Employer", 16.5, 0.5),
			},
		)
		self.assertEqual(rows["Ana"]["barriers"], "Housing, Transportation")
		self.assertEqual([s["value"] for s in summary], [4, 100.0, 66.7, 100.0, 1.0])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [100.0, 66.7, 100.0])

	def test_filter_by_barrier_or_indicator(self):
		rows, _chart, summary = self.run_report(barrier="barrier_housing")
		self.assertEqual(sorted(rows), ["Ana", "Eve"])
		self.assertEqual([s["value"] for s in summary], [2, 100.0, 100.0, 100.0, 1.0])
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
		self.assertEqual([s["value"] for s in summary], [1, 100.0, 100.0, 100.0, 1.5])
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
