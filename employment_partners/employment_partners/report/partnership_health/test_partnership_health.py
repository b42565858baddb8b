"""Partnership Health on a hand-built year (2019, as of 2019-12-31), every figure worked out here.

Alder Foods:
  placements   P0 2018-10-01 active (before the period: active, not a hire)
               P1 2019-01-07 active          90 d: Apr 7 eligible, kept;  180 d: Jul 6 eligible, kept
               P2 2019-03-04 ended 04-15 Quit 90 d: Jun 2 eligible, separated; 180 d: Aug 31, separated
               P3 2019-06-03 completed 07-01  90 d: Sep 1 eligible, kept (completed is no separation);
                                              180 d: Nov 30 eligible, kept
               P4 2019-08-05 ended 12-01 Dismissed 90 d: Nov 3 eligible, kept (ended after day 90);
                                              180 d: Feb 1 2020 not yet
               P5 2019-11-18 active          90 d: Feb 16 2020 not yet
    hires 5 (P1-P5); active on Dec 31: P0, P1, P5 = 3
    90-day retention 3 / 4 = 75.0 %; 180-day 2 / 3 = 66.7 %
  referrals    R1 referred 01-15, Offered 02-10; R2 referred 02-01, Declined 03-01; R3 referred
               05-01, Hired 05-20; R4 referred 12-15, undecided; R5 referred and declined in 2018
    referrals 4; decided 3, accepted 2: 66.7 %
  issues       I1 employer-reported 2019-03-04 10:00, started 03-01 (lag 3 d), acknowledged the same
               Monday 14:00 (4 business hours), resolved
               I2 employer-reported 2019-12-02 09:00, started 11-25 (lag 7 d), still New
               I3 staff-reported 2019-06-10 11:00 (no lag: not the employer's), acknowledged Tue
               06-11 09:00 (Mon 11-17 = 6 business hours), resolved
    open issues 1 (I2); median lag (3, 7) = 5.0 d; median acknowledge (4, 6) = 5.0 h
  messages     E1 2019-02-01 09:00 replied 02-02 09:00 (24 h); E2 05-01 09:00 replied 05-04 09:00
               (72 h); E3 12-30 09:00 replied 2020-01-02 (after the as-of day: not counted)
    median response (24, 72) = 48.0 h; last contact 12-30: 1 day before Dec 31
  events       attended 2019-09-10; invited, absent 2019-04-01; attended 2018-12-10 (outside): 1
  feedback     4 (2019-04-01), 5 (2019-10-01), 1 (2018-12-15, outside): mean 4.50

  score parts: retention 3/4; acceptance 2/3; satisfaction (4.5 - 1) / 4 = 0.875;
  response (120 - 48) / 96 = 0.75; reporting lag (14 - 5) / 13 = 9/13; contact 1 (1 day)
  100 x (30 x 0.75 + 15 x 2/3 + 15 x 0.875 + 15 x 0.75 + 15 x 9/13 + 10 x 1) / 100
  = 22.5 + 10 + 13.125 + 11.25 + 10.3846 + 10 = 77.26 -> 77, Healthy

Birch Logistics: no hires; one call 2019-08-01: 152 days before Dec 31, contact part 0;
  no other part has data: 100 x (10 x 0) / 10 = 0, At risk
Cedar Clinic: nothing at all, never contacted: contact 0, score 0, At risk
Dogwood Dental: feedback 3 (mean 3: (3 - 1) / 4 = 0.5); a call 2019-11-01, 60 days back:
  (120 - 60) / 90 = 2/3; 100 x (15 x 0.5 + 10 x 2/3) / 25 = 56.67 -> 57, Watch
Elm Ended: status Ended, left out by the default status filter (Active)
"""

import frappe

from employment_partners.employment_partners.report.partnership_health.partnership_health import execute
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_hiring_partnership,
	make_interaction,
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
	make_retention_issue,
	make_user,
)

PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31"}


def person():
	return make_participant(enrolment_date="2018-01-02").name


class TestPartnershipHealth(EPTestCase):
	def setUp(self):
		super().setUp()
		settings = frappe.get_doc("Employment Partners Settings")
		settings.update(
			{
				"health_weight_retention": 30,
				"health_weight_acceptance": 15,
				"health_weight_satisfaction": 15,
				"health_weight_responsiveness": 15,
				"health_weight_reporting": 15,
				"health_weight_contact": 10,
				"health_healthy_from": 70,
				"health_watch_from": 40,
				"business_day_start": "09:00",
				"business_day_end": "17:00",
			}
		)
		settings.set("holidays", [])
		settings.save()
		self.alder = make_hiring_partnership(partner_name="Alder Foods Health Check")
		self.birch = make_hiring_partnership(partner_name="Birch Logistics Health Check")
		self.cedar = make_hiring_partnership(partner_name="Cedar Clinic Health Check")
		self.dogwood = make_hiring_partnership(partner_name="Dogwood Dental Health Check")
		self.elm = make_hiring_partnership(partner_name="Elm Ended Health Check", status="Ended")
		self.make_alder()
		make_interaction(hiring_partnership=self.birch.name, interaction_date="2019-08-01 10:00:00")
		self.feedback(self.dogwood.name, 3, "2019-06-01")
		make_interaction(hiring_partnership=self.dogwood.name, interaction_date="2019-11-01 10:00:00")
		make_interaction(hiring_partnership=self.elm.name, interaction_date="2019-12-30 10:00:00")

	def feedback(self, partnership, satisfaction, received_on):
		frappe.get_doc(
			{
				"doctype": "Employer Feedback",
				"hiring_partnership": partnership,
				"satisfaction": satisfaction,
				"received_on": received_on,
			}
		).insert()

	def make_alder(self):
		order = make_job_order(hiring_partnership=self.alder.name, openings=20)
		placements = {}
		for key, start, values in (
			("P0", "2018-10-01", {}),
			("P1", "2019-01-07", {}),
			("P2", "2019-03-04", {"status": "Ended", "end_date": "2019-04-15", "separation_reason": "Quit"}),
			("P3", "2019-06-03", {"status": "Completed", "end_date": "2019-07-01"}),
			(
				"P4",
				"2019-08-05",
				{"status": "Ended", "end_date": "2019-12-01", "separation_reason": "Dismissed"},
			),
			("P5", "2019-11-18", {}),
		):
			placements[key] = make_placement(order.name, person(), start_date=start, **values)
		for status, referred, decided in (
			("Offered", "2019-01-15", "2019-02-10"),
			("Declined by Employer", "2019-02-01", "2019-03-01"),
			("Hired", "2019-05-01", "2019-05-20"),
			("Referred", "2019-12-15", None),
			("Declined by Employer", "2018-11-01", "2018-12-01"),
		):
			referral = make_referral(order.name, person())
			frappe.db.set_value(
				"Referral", referral.name, {"status": status, "referred_on": referred, "decided_on": decided}
			)
		for placement, values, acknowledged, status in (
			(
				"P1",
				{"incident_start": "2019-03-01", "reported_on": "2019-03-04 10:00:00"},
				"2019-03-04 14:00:00",
				"Resolved",
			),
			("P5", {"incident_start": "2019-11-25", "reported_on": "2019-12-02 09:00:00"}, None, "New"),
			(
				"P1",
				{
					"incident_start": "2019-06-01",
					"reported_on": "2019-06-10 11:00:00",
					"reported_by_type": "Staff",
				},
				"2019-06-11 09:00:00",
				"Resolved",
			),
		):
			issue = make_retention_issue(placements[placement].name, **values)
			if acknowledged:
				issue.acknowledged_on = acknowledged
				issue.save()
			frappe.db.set_value("Retention Issue Report", issue.name, "status", status)
		for sent, replied in (
			("2019-02-01 09:00:00", "2019-02-02 09:00:00"),
			("2019-05-01 09:00:00", "2019-05-04 09:00:00"),
			("2019-12-30 09:00:00", "2020-01-02 09:00:00"),
		):
			make_interaction(
				hiring_partnership=self.alder.name, interaction_date=sent, needs_reply=1, replied_on=replied
			)
		for event_date, attended in (("2019-09-10", 1), ("2019-04-01", 0), ("2018-12-10", 1)):
			frappe.get_doc(
				{
					"doctype": "Employer Appreciation Event",
					"event_name": f"Breakfast {event_date}",
					"event_type": "Annual Appreciation",
					"event_date": event_date,
					"invitees": [
						{"hiring_partnership": self.alder.name, "rsvp": "Yes", "attended": attended}
					],
				}
			).insert()
		for satisfaction, received_on in ((4, "2019-04-01"), (5, "2019-10-01"), (1, "2018-12-15")):
			self.feedback(self.alder.name, satisfaction, received_on)

	def rows(self, **filters):
		_columns, data, _definitions, chart, summary = execute(frappe._dict({**PERIOD, **filters}))
		ours = {self.alder.name, self.birch.name, self.cedar.name, self.dogwood.name, self.elm.name}
		return (
			{row["partner_name"].split(" Health")[0]: row for row in data if row["name"] in ours},
			chart,
			summary,
		)

	def test_every_figure_of_a_busy_partnership(self):
		rows, _chart, _summary = self.rows()
		alder = rows["Alder Foods"]
		self.assertEqual(
			{key: alder[key] for key in FIGURES},
			{
				"referrals": 4,
				"accepted_rate": 66.7,
				"hires": 5,
				"active_placements": 3,
				"retention_90": 75.0,
				"retention_180": 66.7,
				"open_issues": 1,
				"median_reporting_lag_days": 5.0,
				"median_acknowledge_hours": 5.0,
				"median_response_hours": 48.0,
				"days_since_contact": 1,
				"events_attended": 1,
				"satisfaction": 4.5,
				"health_score": 77,
				"band": "Healthy",
			},
		)

	def test_quiet_partnerships_and_the_order(self):
		rows, chart, _summary = self.rows()
		self.assertEqual(
			{
				name: (row["hires"], row["days_since_contact"], row["health_score"], row["band"])
				for name, row in rows.items()
			},
			{
				"Alder Foods": (5, 1, 77, "Healthy"),
				"Birch Logistics": (0, 152, 0, "At risk"),
				"Cedar Clinic": (0, None, 0, "At risk"),
				"Dogwood Dental": (0, 60, 57, "Watch"),
			},
		)
		self.assertIsNone(rows["Birch Logistics"]["retention_90"])
		self.assertEqual(chart["type"], "donut")
		# healthiest first
		_columns, data, *_rest = execute(frappe._dict(PERIOD))
		ours = [
			row["partner_name"].split(" Health")[0]
			for row in data
			if row["name"] in {self.alder.name, self.dogwood.name}
		]
		self.assertEqual(ours, ["Alder Foods", "Dogwood Dental"])

	def test_employer_pulse_answers(self):
		"""Alder's pulse questions: sent 2019-03-01 answered in 4 h, 06-01 in 30 h, 07-01 in 11 h,
		09-01 expired, 12-30 still awaiting (counts neither way), 2018-12-01 answered (outside).
		Answered 3 / (3 + 1) = 75.0 %; median (4, 11, 30) = 11.0 h.  Birch: none, so empty."""
		placement = frappe.get_all(
			"Placement", filters={"hiring_partnership": self.alder.name}, pluck="name"
		)[0]
		for sent_on, status, hours in (
			("2019-03-01 09:00:00", "Answered", 4),
			("2019-06-01 09:00:00", "Answered", 30),
			("2019-07-01 09:00:00", "Answered", 11),
			("2019-09-01 09:00:00", "Expired", None),
			("2019-12-30 09:00:00", "Awaiting Answer", None),
			("2018-12-01 09:00:00", "Answered", 1),
		):
			frappe.get_doc(
				{
					"doctype": "Employer Pulse",
					"placement": placement,
					"recipient_email": "boss@alder.example.com",
					"sent_on": sent_on,
					"expires_on": frappe.utils.add_days(sent_on, 14),
					"status": status,
					"answer": "All Good" if hours else None,
					"response_hours": hours,
				}
			).insert()
		rows, _chart, _summary = self.rows()
		self.assertEqual(
			(rows["Alder Foods"]["pulse_answered_rate"], rows["Alder Foods"]["pulse_median_hours"]),
			(75.0, 11.0),
		)
		self.assertEqual(
			(rows["Birch Logistics"]["pulse_answered_rate"], rows["Birch Logistics"]["pulse_median_hours"]),
			(None, None),
		)

	def test_status_and_bsr_filters(self):
		rows, _chart, _summary = self.rows(status="Ended")
		self.assertEqual(list(rows), ["Elm Ended"])
		self.assertEqual(rows["Elm Ended"]["days_since_contact"], 1)
		rows, _chart, _summary = self.rows(status="", assigned_bsr="nobody@example.com")
		self.assertEqual(rows, {})
		rep = make_user("Business Services Rep")
		frappe.db.set_value("Hiring Partnership", self.dogwood.name, "assigned_bsr", rep)
		rows, _chart, _summary = self.rows(assigned_bsr=rep)
		self.assertEqual(list(rows), ["Dogwood Dental"])
		self.assertEqual(rows["Dogwood Dental"]["health_score"], 57)

	def test_health_weights_come_from_settings(self):
		frappe.db.set_single_value(
			"Employment Partners Settings", {"health_weight_retention": 0, "health_weight_contact": 40}
		)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		rows, _chart, _summary = self.rows()
		# 100 x (15 x 2/3 + 15 x 0.875 + 15 x 0.75 + 15 x 9/13 + 40 x 1) / 100 = 84.76 -> 85
		self.assertEqual(rows["Alder Foods"]["health_score"], 85)

	def test_weights_must_add_up_to_100(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.health_weight_contact = 20
		with self.assertRaisesRegex(frappe.ValidationError, "must add up to 100, not 110"):
			settings.save()
		settings.reload()
		settings.health_watch_from, settings.health_healthy_from = 80, 70
		with self.assertRaisesRegex(frappe.ValidationError, "Watch must start below Healthy"):
			settings.save()

	def test_the_definitions_quote_this_sites_weights_and_bands(self):
		settings = frappe.get_doc("Employment Partners Settings")
		settings.update(
			{
				"health_weight_retention": 40,
				"health_weight_contact": 0,
				"health_healthy_from": 75,
				"health_watch_from": 45,
			}
		)
		settings.save()
		_columns, _data, definitions, _chart, _summary = execute(frappe._dict(PERIOD))
		self.assertIn("90-day retention 40, accepted referrals 15", definitions)
		self.assertIn("recent contact 0)", definitions)
		self.assertIn("response 1 at 24 hours or less to 0 at 120 or more", definitions)
		self.assertIn(
			"Healthy threshold in Settings (75), Watch at or above the Watch threshold (45)", definitions
		)

	def test_an_empty_period(self):
		rows, _chart, summary = self.rows(from_date="2010-01-01", to_date="2010-12-31")
		self.assertEqual(rows["Alder Foods"]["hires"], 0)
		self.assertEqual(rows["Alder Foods"]["days_since_contact"], None)
		self.assertEqual((summary[-1]["value"], summary[-1]["datatype"]), ("–", "Data"))


FIGURES = (
	"referrals",
	"accepted_rate",
	"hires",
	"active_placements",
	"retention_90",
	"retention_180",
	"open_issues",
	"median_reporting_lag_days",
	"median_acknowledge_hours",
	"median_response_hours",
	"days_since_contact",
	"events_attended",
	"satisfaction",
	"health_score",
	"band",
)
