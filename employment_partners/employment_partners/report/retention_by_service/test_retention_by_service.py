"""Retention by Service on a hand-built year (2017, as of 2017-12-31), every figure worked out here.

Retained at N days is the reports' one definition (metrics/retention_days): employed on day N =
start + N days; a placement counts once day N + 14 is on or before the as-of day.

Eleven placements, all started 2017-03-06 (a Monday): day 90 is 06-04, day 180 09-02 (+ 14 =
09-16), both windows closed by the as-of day, so all eleven count at 90 and at 180 days.  The first
90 days run 03-06 to 06-03.  None of them was Completed; nobody has another placement or an
employed follow-up, so an ended placement is not retained after its end date (its last day worked).

  C1-C6 had 2 or more job-coaching sessions in their first 90 days.
    C1 ended 2017-04-03 (Quit): not employed on day 90 or 180.
    C2 ended 2017-07-03 (Quit): still there on day 90 (06-04), not on day 180.
    C3-C6 active.
    with coaching:    90 days 5 of 6 = 83.3 %;  180 days 4 of 6 = 66.7 %
  N1-N5 did not: N1 had one session; N2 two, one of them on 06-10 (after day 90).
    N3 ended 03-20, N4 ended 05-01 (both before day 90); N1, N2, N5 active.
    without coaching: 90 days 3 of 5 = 60.0 %;  180 days 3 of 5 = 60.0 %
  Housing referrals connected in the first 90 days: C3 and C4 (connected 03-15).  N5's was not
  connected; N1's connected on 07-01 (after day 90).  With: 2 placements, under 5: suppressed;
    and so, complementary, is its without (9 = 11 - 2: the total, 11, shows in the Legal row).
  Retention bonus paid in the first 90 days: C5 (04-05).  N5's was paid 07-03 (too late).
    with: 1, suppressed; without (10) suppressed with it.
  Lending circle (C1-C6, from February 2017 for 6 months): the same split as coaching.
  A category nobody was referred in (Legal): with 0 placements (shown, no rate: 0 identifies
    nobody); without all 11: 90 days 8 of 11 = 72.7 %; 180 days 7 of 11 = 63.6 %.

Summary (the whole cohort): 90 days 11 counted, 8 retained = 72.7 %, 0 still open, completed
then employed 0, completed then not employed 0; 180 days 11, 7 = 63.6 %, 0, 0, 0.

By barrier: C1, C2, C3, N1, N2 have a housing barrier: with coaching 3 and without 2, both
suppressed; nobody has a transportation barrier, so there is no Transportation row.
"""

import frappe

from employment_partners.employment_partners.report.retention_by_service.retention_by_service import execute
from employment_partners.metrics import services as service_metrics
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

PERIOD = {"from_date": "2017-01-01", "to_date": "2017-12-31", "as_of": "2017-12-31"}
START = "2017-03-06"


class Year:
	"""The hand-built year above; `made` lists every record, for a caller that commits it."""

	def __init__(self):
		self.made: list[tuple[str, str]] = []
		order = make_job_order(openings=20)
		self.made += [("Job Order", order.name), ("Hiring Partnership", order.hiring_partnership)]
		self.partner = frappe.get_doc(
			{
				"doctype": "Service Partner",
				"partner_name": "Test Housing Help " + frappe.generate_hash(length=5),
				"categories": [{"category": "Housing"}],
			}
		).insert()
		self.made.append(("Service Partner", self.partner.name))
		self.p = {}
		for key, ended, reason, housing_barrier in (
			("C1", "2017-04-03", "Quit", 1),
			("C2", "2017-07-03", "Quit", 1),
			("C3", None, None, 1),
			("C4", None, None, 0),
			("C5", None, None, 0),
			("C6", None, None, 0),
			("N1", None, None, 1),
			("N2", None, None, 1),
			("N3", "2017-03-20", "Quit", 0),
			("N4", "2017-05-01", "Dismissed", 0),
			("N5", None, None, 0),
		):
			person = make_participant(
				first_name=key, enrolment_date="2016-06-01", barrier_housing=housing_barrier
			)
			values = {"status": "Ended", "end_date": ended, "separation_reason": reason} if ended else {}
			if key == "C5":
				values["retention_bonuses"] = [
					{"milestone_days": 30, "amount": 100, "paid_on": "2017-04-05", "paid_how": "Cash"}
				]
			if key == "N5":
				values["retention_bonuses"] = [
					{"milestone_days": 120, "amount": 100, "paid_on": "2017-07-03", "paid_how": "Cash"}
				]
			self.p[key] = make_placement(order.name, person.name, start_date=START, **values)
			self.made = [("Placement", self.p[key].name), ("Participant", person.name), *self.made]
		for key in ("C1", "C2", "C3", "C4", "C5", "C6"):
			self.sessions(key, "2017-03-13", "2017-04-10")
		self.sessions("N1", "2017-03-13")
		self.sessions("N2", "2017-03-13", "2017-06-10")
		for key, connected_on in (
			("C3", "2017-03-15"),
			("C4", "2017-03-15"),
			("N1", "2017-07-01"),
			("N5", None),
		):
			self.referral(key, connected_on)
		circle = frappe.get_doc(
			{
				"doctype": "Lending Circle",
				"circle_name": "Test Circle " + frappe.generate_hash(length=5),
				"monthly_contribution": 50,
				"start_month": "2017-02-01",
				"members": [
					{"participant": self.p[k].participant, "payout_order": i}
					for i, k in enumerate(("C1", "C2", "C3", "C4", "C5", "C6"), start=1)
				],
			}
		).insert()
		self.made.insert(0, ("Lending Circle", circle.name))

	def sessions(self, key, *dates):
		for on in dates:
			doc = frappe.get_doc(
				{
					"doctype": "Coaching Session",
					"participant": self.p[key].participant,
					"placement": self.p[key].name,
					"kind": "Job Coaching",
					"session_date": on,
					"minutes": 45,
					"mode": "In Person",
				}
			).insert()
			self.made.insert(0, ("Coaching Session", doc.name))

	def referral(self, key, connected_on):
		doc = frappe.get_doc(
			{
				"doctype": "Service Referral",
				"participant": self.p[key].participant,
				"placement": self.p[key].name,
				"category": "Housing",
				"service_partner": self.partner.name,
				"referred_on": "2017-03-10",
			}
		).insert()
		if connected_on:
			doc.status = "Connected"
			doc.save()
			frappe.db.set_value("Service Referral", doc.name, "connected_on", connected_on)
		self.made.insert(0, ("Service Referral", doc.name))


class TestRetentionByService(EPTestCase):
	def setUp(self):
		super().setUp()
		frappe.db.set_single_value("Employment Partners Settings", "retention_min_group", 5)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		Year()

	def rows(self, view="All"):
		_columns, data, definitions, chart, _summary = execute(frappe._dict({**PERIOD, "view": view}))
		return {(r["service"], r["group"]): r for r in data}, definitions, chart

	def summary(self):
		return [s["value"] for s in execute(frappe._dict({**PERIOD, "view": "All"}))[4]]

	def figures(self, row):
		return tuple(
			row[f"{side}{part}_{d}"]
			for d in (90, 180)
			for side in ("with", "without")
			for part in ("", "_retained", "_rate")
		)

	def test_every_figure_of_the_all_view(self):
		rows, definitions, chart = self.rows()
		# (with n, kept, %, without n, kept, %) at 90 days, then at 180 days
		self.assertEqual(
			self.figures(rows[(service_metrics.COACHING, "All")]),
			(6, 5, 83.3, 5, 3, 60.0, 6, 4, 66.7, 5, 3, 60.0),
		)
		self.assertEqual(
			self.figures(rows[(service_metrics.CIRCLE, "All")]),
			(6, 5, 83.3, 5, 3, 60.0, 6, 4, 66.7, 5, 3, 60.0),
		)
		# with 2 (under 5) hidden, and its without (9) with it: 11 - 9 would give the 2 back
		housing = rows[("Connected referral: Housing", "All")]
		self.assertEqual(self.figures(housing), (None,) * 12)
		self.assertTrue(
			housing["with_suppressed_90"]
			and housing["without_suppressed_90"]
			and housing["with_suppressed_180"]
			and housing["without_suppressed_180"]
		)
		self.assertEqual(self.figures(rows[(service_metrics.BONUS, "All")]), (None,) * 12)
		self.assertEqual(
			self.figures(rows[("Connected referral: Legal", "All")]),
			(0, 0, None, 11, 8, 72.7, 0, 0, None, 11, 7, 63.6),
		)
		self.assertIn("associations, not causes", definitions.lower())
		self.assertIn("fewer than 5 placements", definitions)
		self.assertIn("complementary cell suppression", definitions)
		self.assertIn("Ways to define job retention (PerformWell, Job Retention indicator)", definitions)
		self.assertEqual(chart["type"], "bar")
		# 90 d: counted, retained %, still open, completed then employed, not; then 180 d
		self.assertEqual(self.summary(), [11, 72.7, 0, 0, 0, 11, 63.6, 0, 0, 0])

	def test_by_barrier_suppresses_the_small_groups(self):
		rows, _definitions, _chart = self.rows("Barrier")
		coaching = rows[(service_metrics.COACHING, "Housing")]
		self.assertEqual(self.figures(coaching), (None,) * 12)
		self.assertFalse(any(group == "Transportation" for _service, group in rows))

	def test_by_placement_type(self):
		rows, _definitions, _chart = self.rows("Placement Type")
		self.assertEqual(
			self.figures(rows[(service_metrics.COACHING, "Competitive Employment")]),
			(6, 5, 83.3, 5, 3, 60.0, 6, 4, 66.7, 5, 3, 60.0),
		)

	def test_a_second_placement_type_and_completed_work_experience(self):
		"""Three Work Experience placements, also started 2017-03-06: W1 and W2 with two coaching
		sessions each, W3 without; W1 Completed 04-30 (before day 90) and nothing after it:
		completed, then not employed, at 90 and 180 days; W2, W3 active.

		Placement Type view, coaching: Competitive with 6 / without 5 (as above); Work Experience
		with 2 and without 1, both under 5: suppressed.  The All view shows with 8 / without 6, so
		Competitive's would give Work Experience's back (8 - 6 = 2): Competitive, the only other
		group, is suppressed too.  Housing: Competitive with 2 (and its without) and Work Experience
		without 3 are suppressed: two groups, nothing to add.
		All view, coaching: with 8: kept at 90 days 5 + 1 (W2) = 6 = 75.0 %, at 180 days 4 + 1 = 5 =
		62.5 %; without 6: 3 + 1 (W3) = 4 = 66.7 % at both.
		Summary: 90 days 14 counted, 8 + 2 = 10 retained = 71.4 %, completed then not employed 1
		(W1); 180 days 14, 7 + 2 = 9 = 64.3 %, 1."""
		order = make_job_order(openings=5, placement_type="Work Experience")
		for key, coached, completed in (("W1", True, True), ("W2", True, False), ("W3", False, False)):
			person = make_participant(first_name=key, enrolment_date="2016-06-01")
			placement = make_placement(
				order.name, person.name, start_date=START, placement_type="Work Experience"
			)
			if completed:
				placement.update({"status": "Completed", "end_date": "2017-04-30"})
				placement.save()
			for on in ("2017-03-13", "2017-04-10") if coached else ():
				frappe.get_doc(
					{
						"doctype": "Coaching Session",
						"participant": person.name,
						"placement": placement.name,
						"kind": "Job Coaching",
						"session_date": on,
						"minutes": 45,
						"mode": "In Person",
					}
				).insert()
		rows, _definitions, _chart = self.rows("Placement Type")
		self.assertEqual(self.figures(rows[(service_metrics.COACHING, "Work Experience")]), (None,) * 12)
		self.assertEqual(
			self.figures(rows[(service_metrics.COACHING, "Competitive Employment")]), (None,) * 12
		)
		self.assertEqual(self.figures(rows[("Connected referral: Housing", "Work Experience")]), (None,) * 12)
		rows, _definitions, _chart = self.rows()
		self.assertEqual(
			self.figures(rows[(service_metrics.COACHING, "All")]),
			(8, 6, 75.0, 6, 4, 66.7, 8, 5, 62.5, 6, 4, 66.7),
		)
		self.assertEqual(self.summary(), [14, 71.4, 0, 0, 1, 14, 64.3, 0, 0, 1])

	def test_the_smallest_group_comes_from_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "retention_min_group", 2)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		rows, definitions, _chart = self.rows()
		# with 2 is shown now, and its without, 9: 90 days (8 - 2) = 6 of 9 = 66.7 %, 180 days
		# (7 - 2) = 5 of 9 = 55.6 %
		self.assertEqual(
			self.figures(rows[("Connected referral: Housing", "All")]),
			(2, 2, 100.0, 9, 6, 66.7, 2, 2, 100.0, 9, 5, 55.6),
		)
		# the bonus' with 1 is still under 2: hidden, and its without with it
		self.assertEqual(self.figures(rows[(service_metrics.BONUS, "All")]), (None,) * 12)
		self.assertIn("fewer than 2 placements", definitions)

	def test_an_unknown_view_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "View is one of"):
			execute(frappe._dict({**PERIOD, "view": "Astrology"}))
