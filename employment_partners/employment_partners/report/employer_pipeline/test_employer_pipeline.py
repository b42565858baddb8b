"""Employer Pipeline on six leads with hand-written stage histories (2019, as of 2019-12-31, then
measured later and ended early).

  lead  BSR   history (date: from -> to, days in the stage left, note)
  L1    rep1  01-10 new Prospect; 01-20 -> Outreach (10); 02-19 -> Qualify (30); 03-01 -> Nurture
              (10); 05-30 -> Source (90); 06-09 -> Match (10); 08-08 -> Feedback (60)
  L2    rep1  02-01 new Prospect; 02-21 -> Outreach (20); 04-22 -> Lost (60) "No entry-level roles"
  L3    rep2  03-01 new Prospect; 03-05 -> Qualify, skipping Outreach (4); 03-25 -> Lost (20)
              "No entry-level roles"
  L4    rep2  2018-11-01 new Prospect; 2018-12-01 -> Outreach (30); 01-15 -> Qualify (45)
  L5    rep1  12-20 new Prospect; 2020-01-05 -> Outreach (16), after the as-of day
  L6    rep2  06-01 new Prospect; 06-11 -> Lost (10) "Out of area"; 09-01 -> Prospect (82)
              "New owner"; 09-15 -> Outreach (14)

Leads at period end (2019-12-31): L5 Prospect, L6 Outreach, L4 Qualify, L1 Feedback, L2 and L3 Lost.
Reached in 2019: Prospect L1 L2 L3 L5 L6 = 5; Outreach L1 L2 L6 = 3; Qualify L1 L3 L4 = 3;
  Nurture, Source, Match, Feedback L1 = 1 each; Lost L2 L3 L6 = 3.
Went on: Prospect -> Outreach L1, L2, L6 (L3 skipped it, L5's is in 2020) = 3 of 5 = 60.0 %;
  Outreach -> Qualify L1 = 1 of 3 = 33.3 %; Qualify -> Nurture L1 = 1 of 3 = 33.3 %;
  Nurture, Source, Match: 1 of 1 = 100.0 %.
Median days of stays that ended in 2019: Prospect (4, 10, 10, 14, 20) = 10.0; Outreach
  (30, 45, 60) = 45.0; Qualify (10, 20) = 15.0; Nurture 90.0; Source 10.0; Match 60.0; Lost 82.0.
Lost from: Prospect 1 (Out of area), Outreach 1, Qualify 1 (No entry-level roles each).
By BSR: rep1 entered Prospect L1 L2 L5 (3), went on L1 L2 (2): 66.7 %; rep2 L3 L6 (2), L6 (1): 50.0 %.
"""

import frappe

from employment_partners.employment_partners.report.employer_pipeline.employer_pipeline import execute
from employment_partners.pipeline import stages
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_employer_lead, make_user

PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31", "as_of": "2019-12-31"}
P, O, Q, N, S, M, F, L = stages.ALL_STAGES


def with_history(bsr: str, rows: list[tuple]) -> str:
	"""A lead whose stage history is exactly `rows`: (from, to, date, days, note)."""
	lead = make_employer_lead(assigned_bsr=bsr)
	frappe.db.delete("Employer Lead Stage History", {"parent": lead.name})
	for idx, (from_stage, to_stage, day, days, note) in enumerate(rows, start=1):
		frappe.get_doc(
			{
				"doctype": "Employer Lead Stage History",
				"parent": lead.name,
				"parenttype": "Employer Lead",
				"parentfield": "stage_history",
				"idx": idx,
				"from_stage": from_stage,
				"to_stage": to_stage,
				"changed_on": f"{day} 12:00:00",
				"days_in_previous_stage": days,
				"note": note,
			}
		).db_insert()
	frappe.db.set_value("Employer Lead", lead.name, "stage", rows[-1][1])
	return lead.name


class TestEmployerPipeline(EPTestCase):
	def setUp(self):
		super().setUp()
		self.rep1, self.rep2 = make_user("Business Services Rep"), make_user("Business Services Rep")
		with_history(self.rep1, [
			(None, P, "2019-01-10", 0, None), (P, O, "2019-01-20", 10, None), (O, Q, "2019-02-19", 30, None),
			(Q, N, "2019-03-01", 10, None), (N, S, "2019-05-30", 90, None), (S, M, "2019-06-09", 10, None),
			(M, F, "2019-08-08", 60, None),
		])  # fmt: skip
		with_history(self.rep1, [
			(None, P, "2019-02-01", 0, None), (P, O, "2019-02-21", 20, None), (O, L, "2019-04-22", 60, "No entry-level roles"),
		])  # fmt: skip
		with_history(self.rep2, [
			(None, P, "2019-03-01", 0, None), (P, Q, "2019-03-05", 4, "Warm referral"), (Q, L, "2019-03-25", 20, "No entry-level roles"),
		])  # fmt: skip
		with_history(self.rep2, [
			(None, P, "2018-11-01", 0, None), (P, O, "2018-12-01", 30, None), (O, Q, "2019-01-15", 45, None),
		])  # fmt: skip
		with_history(self.rep1, [(None, P, "2019-12-20", 0, None), (P, O, "2020-01-05", 16, None)])
		with_history(self.rep2, [
			(None, P, "2019-06-01", 0, None), (P, L, "2019-06-11", 10, "Out of area"), (L, P, "2019-09-01", 82, "New owner"),
			(P, O, "2019-09-15", 14, None),
		])  # fmt: skip

	def test_every_figure_by_stage(self):
		_columns, rows, definitions, chart, summary = execute(frappe._dict(PERIOD))
		keys = ("now", "reached", "went_on", "conversion", "median_days", "lost")
		self.assertEqual(
			{row["stage"]: tuple(row[k] for k in keys) for row in rows},
			{
				P: (1, 5, 3, 60.0, 10.0, 1),
				O: (1, 3, 1, 33.3, 45.0, 1),
				Q: (1, 3, 1, 33.3, 15.0, 1),
				N: (0, 1, 1, 100.0, 90.0, 0),
				S: (0, 1, 1, 100.0, 10.0, 0),
				M: (0, 1, 1, 100.0, 60.0, 0),
				F: (1, 1, None, None, None, 0),
				L: (2, 3, None, None, 82.0, 0),
			},
		)
		reasons = {row["stage"]: row["lost_reasons"] for row in rows if row["lost"]}
		self.assertEqual(
			reasons, {P: "Out of area (1)", O: "No entry-level roles (1)", Q: "No entry-level roles (1)"}
		)
		# the funnel: leads that reached each stage, in pipeline order
		self.assertEqual(chart["data"]["labels"], [P, O, Q, N, S, M, F])
		self.assertEqual(chart["data"]["datasets"][0]["values"], [5, 3, 3, 1, 1, 1, 1])
		self.assertEqual([s["value"] for s in summary], [4, 5, 1, 3])
		self.assertIn("Went On", definitions)

	def test_the_same_period_measured_today(self):
		# the period's activity and its end state are the same; went on reads up to today, so L5's
		# 2020-01-05 move to Outreach counts: Prospect -> Outreach L1, L2, L5, L6 = 4 of 5 = 80.0 %
		_columns, rows, _definitions, _chart, summary = execute(frappe._dict({**PERIOD, "as_of": None}))
		keys = ("now", "reached", "went_on", "conversion", "median_days", "lost")
		by_stage = {row["stage"]: tuple(row[k] for k in keys) for row in rows}
		self.assertEqual(by_stage[P], (1, 5, 4, 80.0, 10.0, 1))
		self.assertEqual(by_stage[O], (1, 3, 1, 33.3, 45.0, 1))
		self.assertEqual([s["value"] for s in summary], [4, 5, 1, 3])

	def test_an_as_of_day_inside_the_period_ends_it_there(self):
		# as of 2019-06-30 the period is 01-01 .. 06-30. Reached Prospect: L1, L2, L3, L6 (L5 is made
		# 12-20) = 4; went on to Outreach by 06-30: L1, L2 (L3 skipped it, L6 was lost 06-11) = 2 of
		# 4 = 50.0 %. On 06-30: L4 Qualify, L1 Match (06-09), L2, L3 and L6 Lost; none at Prospect.
		# Lost from Prospect: L6 (06-11, "Out of area").
		_columns, rows, *_rest = execute(frappe._dict({**PERIOD, "as_of": "2019-06-30"}))
		by_stage = {row["stage"]: row for row in rows}
		self.assertEqual(
			(by_stage[P]["reached"], by_stage[P]["went_on"], by_stage[P]["conversion"]), (4, 2, 50.0)
		)
		self.assertEqual({s: by_stage[s]["now"] for s in (P, Q, M, L)}, {P: 0, Q: 1, M: 1, L: 3})
		self.assertEqual(by_stage[P]["lost_reasons"], "Out of area (1)")

	def test_by_bsr(self):
		_columns, rows, *_rest = execute(frappe._dict({**PERIOD, "group_by": "BSR"}))
		names = {frappe.db.get_value("User", u, "full_name"): u for u in (self.rep1, self.rep2)}
		current = None
		prospect = {}
		for row in rows:
			if row["indent"] == 0:
				current = row["label"]
			elif row["stage"] == P and current in names:
				prospect[names[current]] = (row["reached"], row["went_on"], row["conversion"])
		self.assertEqual(prospect, {self.rep1: (3, 2, 66.7), self.rep2: (2, 1, 50.0)})

	def test_an_unknown_grouping_is_refused(self):
		with self.assertRaisesRegex(
			frappe.ValidationError, "Group by one of BSR, Industry, Lead Source, not Colour"
		):
			execute(frappe._dict({**PERIOD, "group_by": "Colour"}))

	def test_an_empty_period(self):
		_columns, rows, _definitions, chart, summary = execute(
			frappe._dict({"from_date": "2010-01-01", "to_date": "2010-12-31"})
		)
		self.assertEqual([row["reached"] for row in rows], [0] * 8)
		self.assertIsNone(chart)
		self.assertEqual([s["value"] for s in summary], [0, 0, 0, 0])
