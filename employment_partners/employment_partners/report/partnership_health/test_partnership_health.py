"""Partnership Health on a hand-built year (2019, as of 2019-12-31), every figure worked out here.

Retained at N days is the reports' one definition (metrics/retention_days): employed on day N =
start + N days; a placement counts once day N + 14 is on or before the as-of day.

Alder Foods:
  placements   P0 2018-10-01 active (before the period: active, not a hire)
               P1 2019-01-07 active          day 90 Apr 7 (+ 14 Apr 21): still there, retained;
                                              day 180 Jul 6 (+ 14 Jul 20): retained
               P2 2019-03-04 ended 04-15 Quit day 90 Jun 2: ended before it, nothing else: not
                                              retained; day 180 Aug 31: not retained
               P3 2019-06-03 completed 07-01  day 90 Sep 1: completed before it, nothing else shows
                                              work: not retained (completed, then not employed;
                                              the old rule read it retained); day 180 Nov 30
                                              (+ 14 Dec 14): the same
               P4 2019-08-05 ended 12-01 Dismissed day 90 Nov 3 (+ 14 Nov 17): still there,
                                              retained; day 180 Feb 1 2020: still open
               P5 2019-11-18 active          day 90 Feb 16 2020: still open (and at 180)
    hires 5 (P1-P5); active on Dec 31: P0, P1, P5 = 3
    90-day retention 2 / 4 (P1, P4) = 50.0 %, still open 1 (P5), completed then not employed 1 (P3)
    180-day 1 / 3 (P1) = 33.3 %, still open 2 (P4, P5), completed then not employed 1 (P3)
  referrals    R1 referred 01-15, Offered 02-10; R2 referred 02-01, Declined 03-01; R3 referred
               05-01, Hired 05-20; R4 referred 12-15, undecided; R5 referred and declined in 2018;
               R6 referred 06-01, Offered 06-10, then Withdrawn by the participant (the employer's
               decision stays Accepted)
    referrals 5 (R1-R4, R6); decided 4 (R1, R2, R3, R6), accepted 3 (R1, R3, R6): 75.0 %
    (by current status R6 dropped out: 2 / 3)
  issues       I1 employer-reported 2019-03-04 10:00, started 03-01 (lag 3 d), acknowledged the same
               Monday 14:00 (4 business hours), resolved 03-20
               I2 employer-reported 2019-12-02 09:00, started 11-25 (lag 7 d), still New
               I3 staff-reported 2019-06-10 11:00 (no lag: not the employer's), acknowledged Tue
               06-11 09:00 (Mon 11-17 = 6 business hours), resolved 06-20
               I4 staff-reported 2019-11-04 10:00, never acknowledged, resolved 2020-01-15: open
               on Dec 31 (resolved now: the old count, as of now, left it out)
    open issues on Dec 31: 2 (I2, I4); median lag (3, 7) = 5.0 d; median acknowledge (4, 6) = 5.0 h
  messages     E1 2019-02-01 09:00 replied 02-02 09:00 (24 h); E2 05-01 09:00 replied 05-04 09:00
               (72 h); E3 12-30 09:00 replied 2020-01-02 (after the as-of day: not counted)
    median response (24, 72) = 48.0 h; last contact 12-30: 1 day before Dec 31
  events       attended 2019-09-10; invited, absent 2019-04-01; attended 2018-12-10 (outside): 1
  feedback     4 (2019-04-01), 5 (2019-10-01), 1 (2018-12-15, outside): mean 4.50

  score parts: retention 2/4; acceptance 3/4; satisfaction (4.5 - 1) / 4 = 0.875;
  response (120 - 48) / 96 = 0.75; reporting lag (14 - 5) / 13 = 9/13; contact 1 (1 day)
  100 x (30 x 0.5 + 15 x 0.75 + 15 x 0.875 + 15 x 0.75 + 15 x 9/13 + 10 x 1) / 100
  = 15 + 11.25 + 13.125 + 11.25 + 10.3846 + 10 = 71.01 -> 71, Healthy

Not enough data (fewer than 3 referrals in the period and no hire): no score, after the scored
  Birch Logistics: no hires, no referrals; one call 2019-08-01, 152 days before Dec 31
  Cedar Clinic: nothing at all, never contacted
  Fir Farms: 2 referrals in 2019 (under 3), no hires, a call 2019-12-21 (10 days back)
  (before, Birch and Cedar scored 0 At risk, and one with only a recent call 100 Healthy)
Dogwood Dental: 3 referrals in 2019, undecided (enough activity); feedback 3 (mean 3:
  (3 - 1) / 4 = 0.5); a call 2019-11-01, 60 days back: (120 - 60) / 90 = 2/3;
  100 x (15 x 0.5 + 10 x 2/3) / 25 = 56.67 -> 57, Watch
Elm Ended: status Ended, left out by the default status filter (Active)
Order: Alder 71, Dogwood 57, then Birch, Cedar, Fir (by name)
"""

import frappe
from frappe.model.workflow import apply_workflow

from employment_partners.employment_partners.report.partnership_health.partnership_health import (
	BAND_COLOURS,
	execute,
)
from employment_partners.placements import referrals
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

PERIOD = {"from_date": "2019-01-01", "to_date": "2019-12-31", "as_of": "2019-12-31"}


def person():
	return make_participant(enrolment_date="2018-01-02").name


def referred(partnership: str, count: int, on: str):
	"""`count` referrals to the partnership sent on `on`, not decided."""
	order = make_job_order(hiring_partnership=partnership, openings=5)
	for _ in range(count):
		referral = make_referral(order.name, person())
		frappe.db.set_value("Referral", referral.name, "referred_on", on)


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
		self.fir = make_hiring_partnership(partner_name="Fir Farms Health Check")
		self.make_alder()
		make_interaction(hiring_partnership=self.birch.name, interaction_date="2019-08-01 10:00:00")
		self.feedback(self.dogwood.name, 3, "2019-06-01")
		make_interaction(hiring_partnership=self.dogwood.name, interaction_date="2019-11-01 10:00:00")
		referred(self.dogwood.name, 3, "2019-05-01")
		referred(self.fir.name, 2, "2019-05-01")
		make_interaction(hiring_partnership=self.fir.name, interaction_date="2019-12-21 10:00:00")
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
				"Referral",
				referral.name,
				{
					"status": status,
					"referred_on": referred,
					"decided_on": decided,
					"decision": referrals.decision_for(status, None),
				},
			)
		# R6: offered through the form, then withdrawn by the participant; its dates moved to 2019
		referral = make_referral(order.name, person())
		referral.status = "Offered"
		referral.save()
		referral.status, referral.withdrawal_reason = "Withdrawn", "Took a job nearer home"
		referral.save()
		self.assertEqual(frappe.db.get_value("Referral", referral.name, "decision"), "Accepted")
		frappe.db.set_value(
			"Referral", referral.name, {"referred_on": "2019-06-01", "decided_on": "2019-06-10"}
		)
		for placement, values, acknowledged, status, closed_on in (
			(
				"P1",
				{"incident_start": "2019-03-01", "reported_on": "2019-03-04 10:00:00"},
				"2019-03-04 14:00:00",
				"Resolved",
				"2019-03-20 12:00:00",
			),
			("P5", {"incident_start": "2019-11-25", "reported_on": "2019-12-02 09:00:00"}, None, "New", None),
			(
				"P1",
				{
					"incident_start": "2019-06-01",
					"reported_on": "2019-06-10 11:00:00",
					"reported_by_type": "Staff",
				},
				"2019-06-11 09:00:00",
				"Resolved",
				"2019-06-20 12:00:00",
			),
			(
				"P1",
				{"reported_on": "2019-11-04 10:00:00", "reported_by_type": "Staff"},
				None,
				"Resolved",
				"2020-01-15 12:00:00",
			),
		):
			issue = make_retention_issue(placements[placement].name, **values)
			if acknowledged:
				issue.acknowledged_on = acknowledged
				issue.save()
			frappe.db.set_value(
				"Retention Issue Report", issue.name, {"status": status, "closed_on": closed_on}
			)
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
		ours = {p.name for p in (self.alder, self.birch, self.cedar, self.dogwood, self.elm, self.fir)}
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
				"referrals": 5,
				"accepted_rate": 75.0,
				"hires": 5,
				"active_placements": 3,
				"retention_90": 50.0,
				"retention_180": 33.3,
				"open_90": 1,
				"open_180": 2,
				"completed_employed_90": 0,
				"completed_not_employed_90": 1,
				"completed_employed_180": 0,
				"completed_not_employed_180": 1,
				"open_issues": 2,
				"median_reporting_lag_days": 5.0,
				"median_acknowledge_hours": 5.0,
				"median_response_hours": 48.0,
				"days_since_contact": 1,
				"events_attended": 1,
				"satisfaction": 4.5,
				"health_score": 71,
				"band": "Healthy",
			},
		)

	def test_quiet_partnerships_and_the_order(self):
		rows, chart, summary = self.rows()
		self.assertEqual(
			{
				name: (
					row["referrals"],
					row["hires"],
					row["days_since_contact"],
					row["health_score"],
					row["band"],
				)
				for name, row in rows.items()
			},
			{
				"Alder Foods": (5, 5, 1, 71, "Healthy"),
				"Birch Logistics": (0, 0, 152, None, "Not enough data"),
				"Cedar Clinic": (0, 0, None, None, "Not enough data"),
				"Dogwood Dental": (3, 0, 60, 57, "Watch"),
				"Fir Farms": (2, 0, 10, None, "Not enough data"),
			},
		)
		self.assertIsNone(rows["Birch Logistics"]["retention_90"])
		# the donut: every band, in the colours the workspace chart uses (its custom_options)
		self.assertEqual(chart["type"], "donut")
		self.assertEqual(chart["data"]["labels"], ["Healthy", "Watch", "At risk", "Not enough data"])
		self.assertEqual(chart["colors"], list(BAND_COLOURS.values()))
		self.assertEqual(
			[s["label"] for s in summary][:5],
			["Partnerships", "Healthy", "Watch", "At risk", "Not enough data"],
		)
		# scored ones healthiest first, then those without a score, by name
		_columns, data, *_rest = execute(frappe._dict(PERIOD))
		ours = {p.name for p in (self.alder, self.birch, self.cedar, self.dogwood, self.fir)}
		self.assertEqual(
			[row["partner_name"].split(" Health")[0] for row in data if row["name"] in ours],
			["Alder Foods", "Dogwood Dental", "Birch Logistics", "Cedar Clinic", "Fir Farms"],
		)
		# and after every scored partnership of the site, not only ours
		scored = [row["health_score"] is not None for row in data]
		self.assertEqual(scored, sorted(scored, reverse=True))

	def test_the_workspace_donut_uses_the_reports_colours(self):
		chart = frappe.get_doc("Dashboard Chart", "Partnership Health Bands")
		self.assertEqual(frappe.parse_json(chart.custom_options)["colors"], list(BAND_COLOURS.values()))
		self.assertEqual(BAND_COLOURS["Healthy"], "#2f9e44")  # green, as the report's pill
		self.assertEqual(BAND_COLOURS["At risk"], "#e03131")  # red

	def test_an_offer_withdrawn_later_still_counts_as_accepted(self):
		"""The stored rate on the partnership too: Bay's one referral, offered, then withdrawn by the
		participant: decided 1, accepted 1 = 100 %, before and after the withdrawal."""
		bay = make_hiring_partnership(partner_name="Bay Health Check")
		referral = make_referral(make_job_order(hiring_partnership=bay.name).name, person())
		referral.status = "Offered"
		referral.save()
		self.assertEqual(frappe.db.get_value("Hiring Partnership", bay.name, "accepted_referral_rate"), 100)
		referral.status, referral.withdrawal_reason = "Withdrawn", "Moved away"
		referral.save()
		self.assertEqual(
			frappe.db.get_value("Referral", referral.name, ["status", "decision"]), ("Withdrawn", "Accepted")
		)
		self.assertEqual(frappe.db.get_value("Hiring Partnership", bay.name, "accepted_referral_rate"), 100)
		# an employer that takes its offer back declines: the decision becomes Declined
		other = make_referral(make_job_order(hiring_partnership=bay.name).name, person())
		other.status = "Offered"
		other.save()
		other.status, other.decline_reason = "Declined by Employer", "Position filled"
		other.save()
		self.assertEqual(frappe.db.get_value("Referral", other.name, "decision"), "Declined")
		# decided 2, accepted 1 = 50 %
		self.assertEqual(frappe.db.get_value("Hiring Partnership", bay.name, "accepted_referral_rate"), 50)

	def test_old_referrals_and_issues_get_their_decision_and_closing_day(self):
		"""The patches fill what rows made before hold: a Withdrawn referral with a decided-on date
		was offered first (Accepted), Declined by Employer declined, one withdrawn before any decision
		stays empty; an issue closed before takes the moment its history shows it closed."""
		from employment_partners.patches.v1_5 import issue_closed_on, referral_decision

		order = make_job_order(openings=5)
		rows = {}
		for key, status, decided in (
			("offered, withdrawn", "Withdrawn", "2019-03-01"),
			("withdrawn early", "Withdrawn", None),
			("declined", "Declined by Employer", "2019-03-01"),
			("hired", "Hired", "2019-03-01"),
		):
			rows[key] = make_referral(order.name, person()).name
			frappe.db.set_value(
				"Referral", rows[key], {"status": status, "decided_on": decided, "decision": None}
			)
		referral_decision.execute()
		self.assertEqual(
			{key: frappe.db.get_value("Referral", name, "decision") for key, name in rows.items()},
			{
				"offered, withdrawn": "Accepted",
				"withdrawn early": None,
				"declined": "Declined",
				"hired": "Accepted",
			},
		)

		placement = frappe.get_all(
			"Placement", filters={"hiring_partnership": self.alder.name, "status": "Active"}, pluck="name"
		)[0]
		issue = make_retention_issue(placement, reported_on="2019-12-02 09:00:00")
		issue = apply_workflow(issue, "Acknowledge")
		issue.append("interventions", {"intervention_type": "Job Coaching"})
		issue.save()
		issue = apply_workflow(issue, "Plan Intervention")
		issue.resolution = "Back on track"
		issue.save()
		issue = apply_workflow(issue, "Resolve")
		# the controller stamps the closing moment
		self.assertIsNotNone(issue.closed_on)
		# a row closed before the field: its change history says when (Frappe writes no Version
		# under tests: the one a desk save would have written, dated 2019-12-10 15:00)
		frappe.db.set_value("Retention Issue Report", issue.name, "closed_on", None)
		version = frappe.get_doc(
			{
				"doctype": "Version",
				"ref_doctype": "Retention Issue Report",
				"docname": issue.name,
				"data": frappe.as_json({"changed": [["status", "Intervention Planned", "Resolved"]]}),
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value("Version", version.name, "creation", "2019-12-10 15:00:00")
		# and one closed by a direct write, without history: its last change (2019-12-20 09:00)
		bare = make_retention_issue(placement, reported_on="2019-12-03 09:00:00")
		frappe.db.set_value(
			"Retention Issue Report",
			bare.name,
			{"status": "Closed - Separated", "closed_on": None, "modified": "2019-12-20 09:00:00"},
			update_modified=False,
		)
		issue_closed_on.execute()
		self.assertEqual(
			[
				str(frappe.db.get_value("Retention Issue Report", name, "closed_on"))
				for name in (issue.name, bare.name)
			],
			["2019-12-10 15:00:00", "2019-12-20 09:00:00"],
		)

	def test_employer_pulse_answers(self):
		"""Alder's pulse questions: sent 2019-03-01 answered in 4 h, 06-01 in 30 h, 07-01 in 11 h,
		09-01 expired, 12-30 still awaiting (counts neither way), 2018-12-01 answered (outside),
		12-20 answered 2020-01-05 in 380 h (after the as-of day: awaiting on 2019-12-31, neither way).
		Answered 3 / (3 + 1) = 75.0 %; median (4, 11, 30) = 11.0 h.  Birch: none, so empty.
		As of 2020-01-31 the 12-20 one is answered too (and the 12-30 one still awaits): 4 / 5 =
		80.0 %, median (4, 11, 30, 380) = (11 + 30) / 2 = 20.5 h."""
		placement = frappe.get_all(
			"Placement", filters={"hiring_partnership": self.alder.name}, pluck="name"
		)[0]
		for sent_on, status, hours, answered_on in (
			("2019-03-01 09:00:00", "Answered", 4, None),
			("2019-06-01 09:00:00", "Answered", 30, None),
			("2019-07-01 09:00:00", "Answered", 11, None),
			("2019-09-01 09:00:00", "Expired", None, None),
			("2019-12-30 09:00:00", "Awaiting Answer", None, None),
			("2018-12-01 09:00:00", "Answered", 1, None),
			("2019-12-20 09:00:00", "Answered", 380, "2020-01-05 05:00:00"),
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
					"answered_on": answered_on,
				}
			).insert()
		rows, _chart, _summary = self.rows()
		self.assertEqual(
			(rows["Alder Foods"]["pulse_answered_rate"], rows["Alder Foods"]["pulse_median_hours"]),
			(75.0, 11.0),
		)
		rows, _chart, _summary = self.rows(as_of="2020-01-31")
		self.assertEqual(
			(rows["Alder Foods"]["pulse_answered_rate"], rows["Alder Foods"]["pulse_median_hours"]),
			(80.0, 20.5),
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
		# 100 x (15 x 0.75 + 15 x 0.875 + 15 x 0.75 + 15 x 9/13 + 40 x 1) / 100
		# = 11.25 + 13.125 + 11.25 + 10.3846 + 40 = 86.01 -> 86
		self.assertEqual(rows["Alder Foods"]["health_score"], 86)

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
		self.assertEqual(rows["Alder Foods"]["band"], "Not enough data")
		retention = next(s for s in summary if s["label"] == "90-Day Retention, all partnerships")
		self.assertEqual((retention["value"], retention["datatype"]), ("–", "Data"))


FIGURES = (
	"referrals",
	"accepted_rate",
	"hires",
	"active_placements",
	"retention_90",
	"retention_180",
	"open_90",
	"open_180",
	"completed_employed_90",
	"completed_not_employed_90",
	"completed_employed_180",
	"completed_not_employed_180",
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
