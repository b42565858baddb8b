"""Retained at N days (metrics/retention_days.py), the one definition, on a hand-made history.

Day N = start + N days; a placement counts once day N + 14 is on or before the as-of day.
Most placements start on Mon 2019-01-07: day 30 = 02-06, day 90 = 04-07, day 180 = 07-06.

  Ada  Work Experience 01-07, Completed 03-01 (last day worked); a follow-up 04-10 Unemployed
       30: in it (02-06 <= 03-01)  90: completed, not employed  180: completed, not employed
  Bo   Work Experience 01-07 (B1), Completed 03-01; then B2, a job of his own from 03-15, running
       B1 30: in it  90: completed, then employed (B2 runs on 04-07)  180: completed, then employed
       B2 (day 30 04-14, 90 06-13, 180 09-11; + 14 = 09-25 <= 12-31): in it at 30, 90, 180
  Cy   Work Experience 01-07, Completed 03-01; a follow-up Employed (another employer) done 04-17,
       day 90 + 10: inside the 14 days
       30: in it  90: completed, then employed  180: completed, not employed (nothing 06-22..07-20)
  Di   Work Experience 01-07, Completed 03-01; a follow-up Employed done 04-27, day 90 + 20:
       outside the 14 days; another Employed done 2020-02-01 (after the as-of day, and far from
       every day N)
       30: in it  90: completed, not employed  180: completed, not employed
  Ed   started 12-01: day 30 = 12-31, + 14 = 2020-01-14 after the as-of day: open at 30, 90, 180
  Fay  started 09-02, running: day 30 10-02 (+ 14 = 10-16), day 90 12-01 (+ 14 = 12-15): in it;
       day 180 2020-03-01: open
  Gus  Competitive 01-07, Ended (quit) 01-20: not employed at 30, 90, 180
  Hal  Test and Hire 01-07, Transitioned to Permanent with end date 02-01: in it at 30, 90, 180
  Ivy  Competitive 01-07, end date 2020-03-01 (not known on 2019-12-31, and after every day N
       anyway): in it at 30, 90, 180

As of 2019-12-31, placements started in 2019 (10):
  30 d: counted 9 (Ed open); retained Ada, B1, B2, Cy, Di, Fay, Hal, Ivy = 8 / 9 = 88.9 %;
        completed, then employed 0; completed, not employed 0
  90 d: counted 9 (Ed open); retained B1, B2, Cy, Fay, Hal, Ivy = 6 / 9 = 66.7 %;
        completed, then employed 2 (B1, Cy); completed, not employed 2 (Ada, Di)
  180 d: counted 8 (Ed, Fay open); retained B1, B2, Hal, Ivy = 4 / 8 = 50.0 %;
        completed, then employed 1 (B1); completed, not employed 3 (Ada, Cy, Di)
(Under the old rule, "not separated", every Completed one read retained: 90 d 8 / 9.)

The closed cohort, placements started 2019-01-01 .. 03-31 (Ada, B1, B2, Cy, Di, Gus, Hal, Ivy:
8, every window closed by 09-25), as of 2019-12-31 and as of 2021-06-30 alike:
  30 d 7 / 8 = 87.5 %;  90 d 5 / 8 = 62.5 % (completed then employed 2, not 2);
  180 d 4 / 8 = 50.0 % (completed then employed 1, not 3); open 0.
"""

import frappe

from employment_partners.metrics import period as periods
from employment_partners.metrics import retention_days
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

START = "2019-01-07"


def follow_up_done(placement: str, completed_on: str, outcome: str, index: int = 0):
	"""The placement's `index`-th follow-up (by due date) done on `completed_on` with `outcome`."""
	name = frappe.get_all(
		"Retention Follow-up", filters={"placement": placement}, order_by="due_date, name", pluck="name"
	)[index]
	doc = frappe.get_doc("Retention Follow-up", name)
	employed = outcome.startswith("Employed")
	doc.update(
		{
			"outcome": outcome,
			"current_employer": "Another Employer Ltd" if employed else None,
			"hourly_wage": 21 if employed else 0,
			"hours_per_week": 35 if employed else 0,
			"completed_on": completed_on,
		}
	)
	doc.save()
	return doc


class History:
	"""The hand-made history above; `p` maps each name to its placement."""

	def __init__(self):
		self.p = {}
		for key, start, kind, ended in (
			("Ada", START, "Work Experience", {"status": "Completed", "end_date": "2019-03-01"}),
			("B1", START, "Work Experience", {"status": "Completed", "end_date": "2019-03-01"}),
			("Cy", START, "Work Experience", {"status": "Completed", "end_date": "2019-03-01"}),
			("Di", START, "Work Experience", {"status": "Completed", "end_date": "2019-03-01"}),
			("Ed", "2019-12-01", "Competitive Employment", {}),
			("Fay", "2019-09-02", "Competitive Employment", {}),
			(
				"Gus",
				START,
				"Competitive Employment",
				{"status": "Ended", "end_date": "2019-01-20", "separation_reason": "Quit"},
			),
			(
				"Hal",
				START,
				"Test and Hire",
				{"status": "Transitioned to Permanent", "end_date": "2019-02-01"},
			),
			(
				"Ivy",
				START,
				"Competitive Employment",
				{"status": "Ended", "end_date": "2020-03-01", "separation_reason": "Quit"},
			),
		):
			self.p[key] = self.place(key, start, kind, ended)
		bo = self.p["B1"].participant
		self.p["B2"] = make_placement(
			make_job_order().name, bo, start_date="2019-03-15", placement_type="Competitive Employment"
		)
		follow_up_done(self.p["Ada"].name, "2019-04-10", "Unemployed")
		follow_up_done(self.p["Cy"].name, "2019-04-17", "Employed - Other Employer")
		follow_up_done(self.p["Di"].name, "2019-04-27", "Employed - Other Employer")
		follow_up_done(self.p["Di"].name, "2020-02-01", "Employed - Other Employer", index=1)

	def place(self, key, start, kind, ended):
		"""A participant's placement, active first (it gets its follow-ups), then ended as `ended`."""
		person = make_participant(first_name=key, last_name="Retention Days", enrolment_date="2018-06-01")
		placement = make_placement(
			make_job_order(placement_type=kind).name, person.name, start_date=start, placement_type=kind
		)
		if ended:
			placement.update(ended)
			placement.save()
		return placement


class TestRetainedAtNDays(EPTestCase):
	def setUp(self):
		super().setUp()
		# the history is alone in its years: nothing else on the site starts in 2019
		self.assertFalse(
			frappe.db.exists("Placement", {"start_date": ("between", ("2019-01-01", "2019-12-31"))})
		)
		self.history = History()

	def standing(self, key: str, as_of: str = "2019-12-31") -> tuple:
		"""The kind of one placement's standing at 30, 90 and 180 days."""
		row = frappe.db.sql(
			f"""select p.status, {", ".join(f"{retention_days.standing_sql('p', d)} as s{d}" for d in retention_days.DAYS)}
			from `tabPlacement` p where p.name = %(name)s""",
			{"name": self.history.p[key].name, "as_of": as_of, **retention_days.values()},
			as_dict=True,
		)[0]
		return tuple(retention_days.kind(row[f"s{d}"], row.status) for d in retention_days.DAYS)

	def test_each_placement(self):
		IN, CE, CN, EN = (
			retention_days.IN_PLACEMENT_KIND,
			retention_days.COMPLETED_EMPLOYED,
			retention_days.COMPLETED_NOT_EMPLOYED,
			retention_days.ENDED_NOT_EMPLOYED,
		)
		self.assertEqual(
			{key: self.standing(key) for key in self.history.p},
			{
				# completed Work Experience, then unemployed: not retained
				"Ada": (IN, CN, CN),
				# completed, then employed through another placement: retained
				"B1": (IN, CE, CE),
				"B2": (IN, IN, IN),
				# an employed follow-up 10 days after day 90 counts; nothing near day 180
				"Cy": (IN, CE, CN),
				# one 20 days after day 90 does not
				"Di": (IN, CN, CN),
				# windows not closed by the as-of day: open (None)
				"Ed": (None, None, None),
				"Fay": (IN, IN, None),
				"Gus": (EN, EN, EN),
				"Hal": (IN, IN, IN),
				"Ivy": (IN, IN, IN),
			},
		)

	def test_the_years_cohort(self):
		figures = retention_days.cohort(periods.make("2019-01-01", "2019-12-31", "2019-12-31"))
		self.assertEqual(
			{
				d: tuple(figures[f"{key}_{d}"] for key in (*retention_days.FIGURES, "retention"))
				for d in retention_days.DAYS
			},
			{
				# counted, open, retained, completed then employed, completed not employed, rate
				30: (9, 1, 8, 0, 0, 88.9),  # 8 / 9
				90: (9, 1, 6, 2, 2, 66.7),  # 6 / 9
				180: (8, 2, 4, 1, 3, 50.0),  # 4 / 8
			},
		)

	def test_a_closed_cohort_reads_the_same_when_run_again_later(self):
		for as_of in ("2019-12-31", "2021-06-30"):
			figures = retention_days.cohort(periods.make("2019-01-01", "2019-03-31", as_of))
			self.assertEqual(
				{
					d: tuple(figures[f"{key}_{d}"] for key in (*retention_days.FIGURES, "retention"))
					for d in retention_days.DAYS
				},
				{
					30: (8, 0, 7, 0, 0, 87.5),  # 7 / 8
					90: (8, 0, 5, 2, 2, 62.5),  # 5 / 8
					180: (8, 0, 4, 1, 3, 50.0),  # 4 / 8
				},
				as_of,
			)

	def test_the_window_closes_14_days_after_day_n(self):
		# Cy: day 90 = 04-07, its window closes on 04-21.  As of 04-20 Cy is still open at 90 days
		# (and 180); at 30 days (02-06 + 14 = 02-20) in the placement
		self.assertEqual(self.standing("Cy", "2019-04-20"), (retention_days.IN_PLACEMENT_KIND, None, None))
		# as of 04-21 it has closed, and the follow-up done 04-17 is inside it: completed, then employed
		self.assertEqual(self.standing("Cy", "2019-04-21")[1], retention_days.COMPLETED_EMPLOYED)
		# the whole year measured on 04-20: of the 01-07 starts none counts at 90 days yet
		figures = retention_days.cohort(periods.make("2019-01-01", "2019-12-31", "2019-04-20"), (90,))
		# cohort: the placements started by 04-20 (Ada, B1, Cy, Di, Gus, Hal, Ivy, B2 = 8), all open
		self.assertEqual((figures["counted_90"], figures["open_90"], figures["retention_90"]), (0, 8, None))
