"""Retention by Service on a hand-built year (2017, as of 2017-12-31), every figure worked out here.

Eleven placements, all started 2017-03-06 (a Monday): the 90-day mark is 06-04, the 180-day mark
09-02, both before the as-of day, so all eleven count at 90 and at 180 days.  The first 90 days
run 03-06 to 06-03.

  C1-C6 had 2 or more job-coaching sessions in their first 90 days.
    C1 ended 2017-04-03 (Quit): separated before 90 and 180.
    C2 ended 2017-07-03 (Quit), day 119: kept at 90, separated at 180.
    C3-C6 active.
    with coaching:    90 days 5 of 6 = 83.3 %;  180 days 4 of 6 = 66.7 %
  N1-N5 did not: N1 had one session; N2 two, one of them on 06-10 (after day 90).
    N3 ended 03-20, N4 ended 05-01 (both before 90); N1, N2, N5 active.
    without coaching: 90 days 3 of 5 = 60.0 %;  180 days 3 of 5 = 60.0 %
  Housing referrals connected in the first 90 days: C3 and C4 (connected 03-15).  N5's was not
  connected; N1's connected on 07-01 (after day 90).  With: 2 placements, under 5: suppressed.
    without: 90 days (8 - 2) of 9 = 66.7 %;  180 days (7 - 2) of 9 = 55.6 %
  Retention bonus paid in the first 90 days: C5 (04-05).  N5's was paid 07-03 (too late).
    with: 1, suppressed; without: 90 days 7 of 10 = 70.0 %; 180 days 6 of 10 = 60.0 %
  Lending circle (C1-C6, from February 2017 for 6 months): the same split as coaching.
  A category nobody was referred in (Legal): with 0 placements (shown, no rate);
    without all 11: 90 days 8 of 11 = 72.7 %; 180 days 7 of 11 = 63.6 %.

By barrier: C1, C2, C3, N1, N2 have a housing barrier: with coaching 3 and without 2, both
suppressed; nobody has a transportation barrier, so there is no Transportation row.
"""

import frappe

from employment_partners.employment_partners.report.retention_by_service.retention_by_service import execute
from employment_partners.metrics import services as service_metrics
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import make_job_order, make_participant, make_placement

PERIOD = {"from_date": "2017-01-01", "to_date": "2017-12-31"}
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
		housing = rows[("Connected referral: Housing", "All")]
		self.assertEqual(self.figures(housing), (None, None, None, 9, 6, 66.7, None, None, None, 9, 5, 55.6))
		self.assertTrue(housing["with_suppressed_90"] and housing["with_suppressed_180"])
		self.assertEqual(
			self.figures(rows[(service_metrics.BONUS, "All")]),
			(None, None, None, 10, 7, 70.0, None, None, None, 10, 6, 60.0),
		)
		self.assertEqual(
			self.figures(rows[("Connected referral: Legal", "All")]),
			(0, 0, None, 11, 8, 72.7, 0, 0, None, 11, 7, 63.6),
		)
		self.assertIn("associations, not causes", definitions.lower())
		self.assertIn("fewer than 5 placements", definitions)
		self.assertEqual(chart["type"], "bar")

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

	def test_the_smallest_group_comes_from_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "retention_min_group", 2)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		rows, definitions, _chart = self.rows()
		self.assertEqual(self.figures(rows[("Connected referral: Housing", "All")])[:3], (2, 2, 100.0))
		self.assertIn("fewer than 2 placements", definitions)

	def test_an_unknown_view_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "View is one of"):
			execute(frappe._dict({**PERIOD, "view": "Astrology"}))
