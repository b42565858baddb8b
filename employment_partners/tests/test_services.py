"""Retention services: service referrals, coaching sessions, retention plans, bonuses paid, who
may read what, and the participant's services timeline.  Every rule refused and met."""

import frappe

from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_participant,
	make_placement,
	make_retention_issue,
	make_retention_placement,
	make_user,
)


def service_partner(*categories, active=1) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Service Partner",
				"partner_name": "Partner " + frappe.generate_hash(length=6),
				"categories": [{"category": c} for c in categories],
				"active": active,
			}
		)
		.insert()
		.name
	)


class ServicesCase(EPTestCase):
	def setUp(self):
		super().setUp()
		self.case_manager = make_user("Case Manager")
		self.placement = make_retention_placement(case_manager=self.case_manager, start_date="2026-09-01")
		self.participant = self.placement.participant
		self.housing = service_partner("Housing", "Food")
		self.clinic = service_partner("Health")

	def referral(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Service Referral",
				"participant": self.participant,
				"placement": self.placement.name,
				"category": "Housing",
				"service_partner": self.housing,
				**values,
			}
		)


class TestServiceReferral(ServicesCase):
	def test_a_referral_moves_on_and_records_when_it_connected(self):
		doc = self.referral(next_check_date="2026-12-01").insert()
		self.assertEqual((doc.status, doc.case_manager), ("Referred", self.case_manager))
		todo = frappe.get_all(
			"ToDo",
			filters={"reference_type": "Service Referral", "reference_name": doc.name, "status": "Open"},
			fields=["allocated_to", "date"],
		)
		self.assertEqual([(t.allocated_to, str(t.date)) for t in todo], [(self.case_manager, "2026-12-01")])
		doc.status = "Connected"
		doc.next_check_date = "2026-12-15"
		doc.save()
		self.assertEqual(str(doc.connected_on), frappe.utils.today())
		self.assertEqual(
			frappe.get_all("ToDo", filters={"reference_name": doc.name, "status": "Open"}, pluck="date"),
			[frappe.utils.getdate("2026-12-15")],
			"one ToDo, moved",
		)
		doc.status = "Service Received"
		doc.save()
		doc.status = "Closed"
		doc.save()
		self.assertEqual(frappe.db.count("ToDo", {"reference_name": doc.name, "status": "Open"}), 0)

	def test_bad_referrals_are_refused_and_store_nothing(self):
		inactive = service_partner("Housing", active=0)
		other = make_retention_placement(case_manager=self.case_manager, start_date="2026-09-01")
		before = frappe.db.count("Service Referral")
		for values, says in (
			({"service_partner": inactive}, "not an active service partner"),
			({"service_partner": self.clinic}, "does not offer Housing"),
			({"referred_on": frappe.utils.add_days(frappe.utils.today(), 1)}, "cannot be in the future"),
			({"placement": other.name}, "is not"),
			({"status": "Not Connected"}, "Say why"),
		):
			with self.subTest(says=says), self.assertRaisesRegex(frappe.ValidationError, says):
				self.referral(**values).insert()
		self.assertEqual(frappe.db.count("Service Referral"), before)

	def test_a_referral_cannot_skip_back(self):
		doc = self.referral().insert()
		doc.status = "Not Connected"
		doc.not_connected_reason = "No answer from the participant"
		doc.save()
		doc.status = "Connected"
		with self.assertRaisesRegex(frappe.ValidationError, "cannot go from Not Connected to Connected"):
			doc.save()

	def test_a_retention_issue_intervention_makes_the_referral(self):
		issue = make_retention_issue(self.placement.name, issue_type="Transportation")
		issue.append(
			"interventions",
			{
				"intervention_type": "Service Referral - Housing",
				"service_partner": self.housing,
				"intervention_date": "2026-10-01",
			},
		)
		issue.append(
			"interventions", {"intervention_type": "Job Coaching", "intervention_date": "2026-10-01"}
		)
		issue.save()
		issue.save()  # again: no second referral
		referrals = frappe.get_all(
			"Service Referral",
			filters={"retention_issue": issue.name},
			fields=["name", "category", "service_partner"],
		)
		self.assertEqual([(r.category, r.service_partner) for r in referrals], [("Housing", self.housing)])
		issue.reload()
		self.assertEqual(issue.interventions[0].service_referral, referrals[0].name)

	def test_an_intervention_links_an_existing_referral_of_the_participant_only(self):
		existing = self.referral().insert()
		issue = make_retention_issue(self.placement.name)
		issue.append(
			"interventions",
			{"intervention_type": "Service Referral - Housing", "service_referral": existing.name},
		)
		issue.save()
		self.assertEqual(
			frappe.db.get_value("Service Referral", existing.name, "retention_issue"), issue.name
		)
		stranger = make_retention_placement(case_manager=self.case_manager, start_date="2026-09-01")
		theirs = frappe.get_doc(
			{
				"doctype": "Service Referral",
				"participant": stranger.participant,
				"category": "Housing",
				"service_partner": self.housing,
			}
		).insert()
		issue.append(
			"interventions",
			{"intervention_type": "Service Referral - Housing", "service_referral": theirs.name},
		)
		with self.assertRaisesRegex(frappe.ValidationError, "is not"):
			issue.save()


class TestPrivacy(ServicesCase):
	def test_sensitive_referrals_and_financial_details_are_for_case_and_partnership_managers(self):
		housing = self.referral().insert()
		health = self.referral(category="Health", service_partner=self.clinic).insert()
		session = frappe.get_doc(
			{
				"doctype": "Coaching Session",
				"participant": self.participant,
				"kind": "Financial Coaching",
				"session_date": "2026-10-01",
				"minutes": 30,
				"mode": "Phone",
				"shares_financial_details": 1,
				"banked": "Unbanked",
				"savings_goal": 500,
			}
		).insert()
		frappe.set_user(make_user("Business Services Rep"))
		self.assertTrue(frappe.has_permission("Service Referral", "read", housing.name))
		self.assertFalse(frappe.has_permission("Service Referral", "read", health.name))
		listed = frappe.get_list("Service Referral", filters={"participant": self.participant}, pluck="name")
		self.assertEqual(listed, [housing.name])
		rows = frappe.get_list(
			"Coaching Session", filters={"name": session.name}, fields=["name", "banked", "savings_goal"]
		)
		self.assertEqual(rows, [{"name": session.name}], "financial details left out")
		doc = frappe.get_doc("Coaching Session", session.name)
		doc.apply_fieldlevel_read_permissions()
		self.assertIsNone(doc.get("banked"))
		# the participant's own case manager, and a manager
		for user in (self.case_manager, make_user("Partnership Manager")):
			frappe.set_user(user)
			self.assertTrue(frappe.has_permission("Service Referral", "read", health.name), user)
			self.assertEqual(
				frappe.get_list("Coaching Session", filters={"name": session.name}, fields=["banked"])[
					0
				].banked,
				"Unbanked",
			)
		frappe.set_user(make_user("Employer Partner"))
		for doctype in (
			"Service Referral",
			"Coaching Session",
			"Retention Plan",
			"Lending Circle",
			"Service Partner",
		):
			self.assertFalse(frappe.has_permission(doctype, "read"), doctype)


class TestCoachingAndPlans(ServicesCase):
	def session(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Coaching Session",
				"participant": self.participant,
				"kind": "Job Coaching",
				"session_date": "2026-10-01",
				"minutes": 45,
				"mode": "In Person",
				**values,
			}
		)

	def test_sessions(self):
		self.session(next_session_date="2026-10-08", topics="Getting to the 7am shift").insert()
		undisclosed = self.session(kind="Financial Coaching", banked="Banked", savings_goal=300).insert()
		self.assertEqual(
			frappe.db.get_value("Coaching Session", undisclosed.name, ["banked", "savings_goal"]),
			(None, 0),
			"not shared: not kept",
		)
		before = frappe.db.count("Coaching Session")
		for values, says in (
			({"session_date": frappe.utils.add_days(frappe.utils.today(), 1)}, "cannot be in the future"),
			({"minutes": 0}, "1 to 480 minutes"),
			({"minutes": 481}, "1 to 480 minutes"),
			({"next_session_date": "2026-09-30"}, "next session cannot be before"),
		):
			with self.subTest(says=says), self.assertRaisesRegex(frappe.ValidationError, says):
				self.session(**values).insert()
		self.assertEqual(frappe.db.count("Coaching Session"), before)

	def test_a_session_is_about_the_persons_only_current_placement(self):
		self.assertEqual(self.session().insert().placement, self.placement.name)
		self.assertIsNone(
			self.session(placement=None, participant=make_participant().name).insert().placement
		)
		# two current placements: the coach says which, the app does not guess
		second = make_placement(participant=self.participant)
		self.assertIsNone(self.session().insert().placement)
		self.assertEqual(self.session(placement=second.name).insert().placement, second.name)

	def test_one_plan_per_participant_and_no_future_days(self):
		plan = frappe.get_doc(
			{
				"doctype": "Retention Plan",
				"participant": self.participant,
				"long_term_goal": "Become a shift lead within two years",
				"steps": [
					{"step": "Forklift certificate", "target_date": "2027-01-31", "done_on": "2026-10-20"}
				],
				"milestones": [
					{
						"milestone": "90 days on the job",
						"reached_on": "2026-11-20",
						"celebrated_on": "2026-11-20",
					}
				],
			}
		).insert()
		self.assertTrue(plan.name)
		again = frappe.copy_doc(plan)
		with self.assertRaisesRegex(frappe.ValidationError, "already has a retention plan"):
			again.insert()
		plan.steps[0].done_on = frappe.utils.add_days(frappe.utils.today(), 2)
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be in the future"):
			plan.save()

	def test_a_bonus_is_paid_on_a_day_and_by_a_means(self):
		doc = frappe.get_doc("Placement", self.placement.name)
		doc.append("retention_bonuses", {"milestone_days": 30, "amount": 100, "paid_on": "2026-10-01"})
		with self.assertRaisesRegex(frappe.ValidationError, "how the 30-day retention bonus was paid"):
			doc.save()
		doc = frappe.get_doc("Placement", self.placement.name)
		doc.append("retention_bonuses", {"milestone_days": 60, "amount": 100, "paid_how": "Cash"})
		with self.assertRaisesRegex(frappe.ValidationError, "day the 60-day retention bonus was paid"):
			doc.save()
		doc = frappe.get_doc("Placement", self.placement.name)
		doc.append(
			"retention_bonuses",
			{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-01", "paid_how": "Gift Card"},
		)
		doc.save()
		self.assertEqual(doc.retention_bonuses[-1].paid_how, "Gift Card")

	def test_the_timeline_lists_every_service_newest_first(self):
		self.session(session_date="2026-09-10", topics="First week").insert()
		self.referral(referred_on="2026-09-20").insert()
		doc = frappe.get_doc("Placement", self.placement.name)
		doc.append(
			"retention_bonuses",
			{"milestone_days": 30, "amount": 100, "paid_on": "2026-10-02", "paid_how": "Cash"},
		)
		doc.save()
		frappe.get_doc(
			{
				"doctype": "Retention Plan",
				"participant": self.participant,
				"long_term_goal": "Keep this job a year",
				"milestones": [
					{"milestone": "First paycheck", "reached_on": "2026-09-15", "celebrated_on": "2026-09-16"}
				],
			}
		).insert()
		others = [make_participant(first_name=f"Circle{i}").name for i in range(5)]
		circle = frappe.get_doc(
			{
				"doctype": "Lending Circle",
				"circle_name": "Timeline Circle " + frappe.generate_hash(length=5),
				"start_month": "2026-09-01",
				"members": [
					{"participant": p, "payout_order": i}
					for i, p in enumerate([self.participant, *others], start=1)
				],
				"contributions": [
					{
						"month": "2026-09-01",
						"participant": self.participant,
						"amount": 50,
						"paid_on": "2026-09-03",
					}
				],
			}
		).insert()
		circle.payouts[0].paid_on = "2026-09-25"
		circle.save()
		from employment_partners.api.retention import services_timeline

		events = services_timeline(self.participant)
		self.assertEqual(
			[(str(e["date"]), e["title"]) for e in events],
			[
				("2026-10-02", "Retention bonus paid"),
				("2026-09-25", "Lending circle pot received"),
				("2026-09-20", "Housing referral"),
				("2026-09-16", "Milestone celebrated"),
				("2026-09-10", "Job Coaching"),
				("2026-09-03", "Lending circle contribution"),
			],
		)
		frappe.set_user(make_user("Employer Partner"))
		with self.assertRaises(frappe.PermissionError):
			services_timeline(self.participant)
