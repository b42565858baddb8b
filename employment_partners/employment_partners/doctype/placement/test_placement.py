from unittest.mock import patch

import frappe
from frappe.utils import getdate

from employment_partners.placements import placements
from employment_partners.tests import EPTestCase
from employment_partners.tests.factories import (
	make_job_order,
	make_participant,
	make_placement,
	make_referral,
)


class TestPlacementRules(EPTestCase):
	def setUp(self):
		super().setUp()
		self.order = make_job_order(openings=5)
		self.person = make_participant(enrolment_date="2026-02-01")

	def assertRefused(self, pattern: str, **values):
		with self.assertRaisesRegex(frappe.ValidationError, pattern):
			make_placement(self.order.name, self.person.name, **values)
		self.assertFalse(frappe.db.exists("Placement", {"participant": self.person.name}))

	def test_terms_come_from_the_job_order(self):
		placement = make_placement(self.order.name, self.person.name)
		self.assertEqual(
			(placement.hourly_wage, placement.hours_per_week, placement.placement_type),
			(20, 40, "Competitive Employment"),
		)
		self.assertEqual(placement.hiring_partnership, self.order.hiring_partnership)

	def test_wage_must_be_positive(self):
		self.assertRefused("Hourly wage must be more than 0", hourly_wage=-1)
		self.assertEqual(
			make_placement(self.order.name, self.person.name, hourly_wage=16.5).hourly_wage, 16.5
		)

	def test_hours_between_1_and_80(self):
		self.assertRefused("Hours per week must be between 1 and 80", hours_per_week=81)
		self.assertRefused("Hours per week must be between 1 and 80", hours_per_week=0.5)
		self.assertEqual(
			make_placement(self.order.name, self.person.name, hours_per_week=80).hours_per_week, 80
		)

	def test_start_before_enrolment_is_refused(self):
		self.assertRefused("Start date .* is before .* enrolled on", start_date="2026-01-31")
		self.assertEqual(
			str(make_placement(self.order.name, self.person.name, start_date="2026-02-01").start_date),
			"2026-02-01",
		)

	def test_employment_history_is_mandatory(self):
		with self.assertRaisesRegex(frappe.MandatoryError, "employment_history"):
			make_placement(self.order.name, self.person.name, employment_history="")
		self.assertRefused("Name the prior employer", employment_history="Had a prior job")
		placement = make_placement(
			self.order.name,
			self.person.name,
			employment_history="Had a prior job",
			prior_employer="Corner Cafe",
		)
		self.assertEqual(placement.prior_employer, "Corner Cafe")

	def test_ending_needs_a_date_and_a_reason(self):
		placement = make_placement(self.order.name, self.person.name)
		placement.status = "Ended"
		with self.assertRaisesRegex(frappe.ValidationError, "Enter the end date"):
			placement.save()
		for values, refusal in (
			({"end_date": "2026-04-10"}, "Say why the placement ended"),
			({"end_date": "2026-03-01", "separation_reason": "Laid Off"}, "End date .* is before start date"),
		):
			placement.reload()
			placement.update({"status": "Ended", **values})
			with self.assertRaisesRegex(frappe.ValidationError, refusal):
				placement.save()
		placement.reload()
		placement.update({"status": "Ended", "end_date": "2026-04-10", "separation_reason": "Laid Off"})
		placement.save()
		self.assertEqual(frappe.db.get_value("Placement", placement.name, "separation_reason"), "Laid Off")

	def test_closed_or_cancelled_order_takes_no_placement(self):
		for status in ("Closed", "Cancelled"):
			order = make_job_order()
			order.status = status
			order.save()
			with self.assertRaisesRegex(frappe.ValidationError, f"is {status}: placements can only be made"):
				make_placement(order.name, self.person.name)
		draft = make_job_order(status="Draft")
		with self.assertRaisesRegex(frappe.ValidationError, "still a Draft"):
			make_placement(draft.name, self.person.name)

	def test_no_more_hires_than_openings(self):
		order = make_job_order(openings=1)
		make_placement(order.name, make_participant().name)
		with self.assertRaisesRegex(frappe.ValidationError, "All 1 openings of job order .* are filled"):
			make_placement(order.name, self.person.name)
		self.assertEqual(frappe.db.count("Placement", {"job_order": order.name}), 1)

	def test_reinstating_an_ended_placement_needs_a_free_opening(self):
		order = make_job_order(openings=1)
		ended = make_placement(
			order.name,
			make_participant().name,
			status="Ended",
			end_date="2026-03-20",
			separation_reason="Quit",
		)
		make_placement(order.name, self.person.name)
		ended.reload()
		ended.status, ended.end_date = "Active", None
		with self.assertRaisesRegex(frappe.ValidationError, "are filled"):
			ended.save()


class TestPlacementLifecycle(EPTestCase):
	"""What a placement's change does elsewhere happens once, as lifecycle.EFFECTS declares it."""

	def counting_fills(self):
		return patch.object(placements, "filled_count", wraps=placements.filled_count)

	def test_a_job_orders_openings_are_counted_once_per_change(self):
		order = make_job_order(openings=2)
		with self.counting_fills() as count:
			placement = make_placement(order.name)
		self.assertEqual(count.call_count, 1)
		self.assertEqual(frappe.db.get_value("Job Order", order.name, ["filled", "status"]), (1, "Open"))

		with self.counting_fills() as count:
			make_placement(order.name)
		self.assertEqual(count.call_count, 1)
		self.assertEqual(frappe.db.get_value("Job Order", order.name, ["filled", "status"]), (2, "Filled"))

		placement.reload()
		placement.update({"status": "Ended", "end_date": "2026-04-01", "separation_reason": "Quit"})
		with self.counting_fills() as count:
			placement.save()
		self.assertEqual(count.call_count, 1)
		self.assertEqual(frappe.db.get_value("Job Order", order.name, ["filled", "status"]), (1, "Open"))

		placement.reload()
		placement.training_plan = "Notes only: nothing that fills an opening moved"
		with self.counting_fills() as count:
			placement.save()
		self.assertEqual(count.call_count, 0)

	def test_moving_a_placement_recounts_both_orders(self):
		first, second = make_job_order(openings=1), make_job_order(openings=1)
		placement = make_placement(first.name)
		self.assertEqual(frappe.db.get_value("Job Order", first.name, "status"), "Filled")
		placement.reload()
		placement.job_order = second.name
		with self.counting_fills() as count:
			placement.save()
		self.assertEqual(
			count.call_count, 2
		)  # the count for the new order (validation), the old one's recount
		self.assertEqual(frappe.db.get_value("Job Order", first.name, ["filled", "status"]), (0, "Open"))
		self.assertEqual(frappe.db.get_value("Job Order", second.name, ["filled", "status"]), (1, "Filled"))

	def test_the_referral_is_hired_and_follow_ups_made_in_one_save(self):
		order = make_job_order()
		person = make_participant()
		referral = make_referral(order.name, person.name)
		placement = make_placement(order.name, person.name, referral=referral.name)
		self.assertEqual(
			frappe.db.get_value("Referral", referral.name, ["status", "placement"]), ("Hired", placement.name)
		)
		self.assertEqual(frappe.db.count("Retention Follow-up", {"placement": placement.name}), 2)


class TestIncentivesAndBonuses(EPTestCase):
	def setUp(self):
		super().setUp()
		self.order = make_job_order(openings=5)
		self.commitments = {
			"training_plan": "Forklift certification in 6 weeks",
			"incentive_duration_weeks": 12,
			"skill_complexity": "Medium",
		}

	def test_incentive_above_the_cap_is_refused(self):
		with self.assertRaisesRegex(frappe.ValidationError, "exceeds the cap of .*8,000"):
			make_placement(self.order.name, incentive_amount=8000.01, **self.commitments)
		placement = make_placement(self.order.name, incentive_amount=8000, **self.commitments)
		self.assertEqual(placement.incentive_amount, 8000)

	def test_cap_comes_from_settings(self):
		frappe.db.set_single_value("Employment Partners Settings", "incentive_cap", 5000)
		frappe.clear_document_cache("Employment Partners Settings", "Employment Partners Settings")
		with self.assertRaisesRegex(frappe.ValidationError, "exceeds the cap of .*5,000"):
			make_placement(self.order.name, incentive_amount=6000, **self.commitments)

	def test_incentive_needs_the_employers_commitments(self):
		with self.assertRaisesRegex(
			frappe.ValidationError,
			"needs the employer's commitments: a training plan, the commitment in weeks, the skill complexity",
		):
			make_placement(self.order.name, incentive_amount=1000)
		with self.assertRaisesRegex(frappe.ValidationError, "commitments: the skill complexity$"):
			make_placement(
				self.order.name, incentive_amount=1000, **{**self.commitments, "skill_complexity": ""}
			)

	def test_payments_cannot_exceed_the_incentive(self):
		payments = [
			{"milestone": "Hire", "amount": 2000, "due_date": "2026-03-02"},
			{"milestone": "12 weeks retained", "amount": 2000.01, "due_date": "2026-05-25"},
		]
		with self.assertRaisesRegex(
			frappe.ValidationError, "Milestone payments total .*4,000.01, more than the incentive of .*4,000"
		):
			make_placement(
				self.order.name, incentive_amount=4000, incentive_payments=payments, **self.commitments
			)
		payments[1]["amount"] = 2000
		payments[0]["paid_on"] = "2026-03-10"
		placement = make_placement(
			self.order.name, incentive_amount=4000, incentive_payments=payments, **self.commitments
		)
		self.assertEqual(placement.incentive_paid, 2000)

	def test_a_payment_must_be_positive(self):
		with self.assertRaisesRegex(frappe.ValidationError, "payment for milestone Hire must be more than 0"):
			make_placement(
				self.order.name,
				incentive_amount=1000,
				incentive_payments=[{"milestone": "Hire", "amount": 0}],
				**self.commitments,
			)

	def test_retention_bonus_milestones_from_settings_with_due_dates(self):
		placement = make_placement(self.order.name, start_date="2026-03-02")
		placement.add_default_bonuses()
		placement.save()
		self.assertEqual(
			[(b.milestone_days, str(b.due_date), b.amount) for b in placement.retention_bonuses],
			[(30, "2026-04-01", 100), (90, "2026-05-31", 100), (180, "2026-08-29", 100)],
		)
		placement.add_default_bonuses()  # adds nothing twice
		self.assertEqual(len(placement.retention_bonuses), 3)

	def test_bonus_amount_must_be_positive(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Row 1: the bonus amount must be more than 0"):
			make_placement(self.order.name, retention_bonuses=[{"milestone_days": 30, "amount": 0}])
