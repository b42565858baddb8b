# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_days, getdate

from employment_partners.metrics import placements as placement_metrics
from employment_partners.placements import job_orders, referrals, rules
from employment_partners.retention import follow_ups
from employment_partners.utils import get_settings

ACTIVE, COMPLETED, ENDED = "Active", "Completed", "Ended"


class Placement(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.placement_incentive_payment.placement_incentive_payment import (
			PlacementIncentivePayment,
		)
		from employment_partners.employment_partners.doctype.placement_retention_bonus.placement_retention_bonus import (
			PlacementRetentionBonus,
		)

		case_manager: DF.Link | None
		current_employer: DF.Data | None
		current_hourly_wage: DF.Currency
		employer_name: DF.Data | None
		employment_history: DF.Literal["", "Had a prior job", "No prior job"]
		employment_status: DF.Literal[
			"",
			"Employed - Same Employer",
			"Employed - Other Employer",
			"In Education or Training",
			"Unemployed",
			"Unable to Work",
			"Unable to Contact",
		]
		employment_status_date: DF.Date | None
		end_date: DF.Date | None
		follow_up_schedule: DF.Link | None
		hiring_partnership: DF.Link | None
		hourly_wage: DF.Currency
		hours_per_week: DF.Float
		incentive_amount: DF.Currency
		incentive_duration_weeks: DF.Int
		incentive_paid: DF.Currency
		incentive_payments: DF.Table[PlacementIncentivePayment]
		job_order: DF.Link
		job_title: DF.Data | None
		naming_series: DF.Literal["PL-.YYYY.-"]
		participant: DF.Link
		participant_name: DF.Data | None
		placement_type: DF.Literal[
			"Competitive Employment",
			"Test and Hire",
			"Work Experience",
			"On-the-Job Training",
			"Apprenticeship",
		]
		prior_employer: DF.Data | None
		prior_job_end_date: DF.Date | None
		prior_job_title: DF.Data | None
		referral: DF.Link | None
		retention_bonuses: DF.Table[PlacementRetentionBonus]
		separation_notes: DF.SmallText | None
		separation_reason: DF.Literal["", "Quit", "Dismissed", "Laid Off", "Other"]
		skill_complexity: DF.Literal["", "Low", "Medium", "High"]
		start_date: DF.Date
		status: DF.Literal["Active", "Completed", "Ended", "Transitioned to Permanent"]
		training_plan: DF.SmallText | None
	# end: auto-generated types

	def validate(self):
		self.validate_pay_and_hours()
		self.validate_dates()
		self.validate_job_order()
		self.validate_referral()
		self.validate_status()
		self.validate_incentive()
		self.set_bonus_due_dates()
		self.set_follow_up_schedule()

	def on_update(self):
		self.refresh_job_orders()
		self.mark_referral_hired()
		self.sync_follow_ups()

	def on_trash(self):
		follow_ups.delete_open_follow_ups(self.name)

	def after_delete(self):
		self.flags.deleted = True
		self.refresh_job_orders()

	def validate_pay_and_hours(self):
		problem = rules.pay_problem(self.hourly_wage, self.hours_per_week)
		if problem:
			frappe.throw(problem, title=_("Invalid placement"))

	def validate_dates(self):
		enrolled = frappe.db.get_value("Participant", self.participant, "enrolment_date")
		if enrolled and getdate(self.start_date) < getdate(enrolled):
			frappe.throw(
				_("Start date {0} is before {1} enrolled on {2}").format(
					frappe.format(self.start_date, "Date"),
					self.participant_name,
					frappe.format(enrolled, "Date"),
				),
				title=_("Invalid start date"),
			)
		if self.end_date and getdate(self.end_date) < getdate(self.start_date):
			frappe.throw(
				_("End date {0} is before start date {1}").format(
					frappe.format(self.end_date, "Date"), frappe.format(self.start_date, "Date")
				),
				title=_("Invalid end date"),
			)

	def takes_an_opening(self) -> bool:
		"""True when this save starts to count against the job order's openings."""
		if self.status == ENDED:
			return False
		before = self.get_doc_before_save()
		return not before or before.job_order != self.job_order or before.status == ENDED

	def validate_job_order(self):
		if not self.takes_an_opening():
			return
		status, openings = frappe.db.get_value("Job Order", self.job_order, ["status", "openings"])
		problem = job_orders.placement_problem(
			self.job_order,
			status,
			placement_metrics.filled_count(self.job_order, exclude=self.name),
			openings,
		)
		if problem:
			frappe.throw(problem, title=_("Placement refused"))

	def validate_referral(self):
		if not self.referral:
			return
		referral = frappe.db.get_value(
			"Referral", self.referral, ["participant", "job_order", "status", "placement"], as_dict=True
		)
		if (referral.participant, referral.job_order) != (self.participant, self.job_order):
			frappe.throw(
				_("Referral {0} is for another participant or job order").format(self.referral),
				title=_("Wrong referral"),
			)
		if referral.status in (referrals.DECLINED, referrals.WITHDRAWN) or (
			referral.placement and referral.placement != self.name
		):
			frappe.throw(
				_("Referral {0} is {1}: it cannot lead to this placement").format(
					self.referral, referral.status
				),
				title=_("Wrong referral"),
			)

	def validate_status(self):
		if self.status in (COMPLETED, ENDED) and not self.end_date:
			frappe.throw(
				_("Enter the end date of a placement that is {0}").format(_(self.status)),
				title=_("End date required"),
			)
		if self.status == ENDED and not self.separation_reason:
			frappe.throw(
				_("Say why the placement ended: quit, dismissed, laid off or other"),
				title=_("Separation reason required"),
			)
		if self.status != ENDED:
			self.separation_reason = None
		if self.employment_history == "Had a prior job" and not (self.prior_employer or "").strip():
			frappe.throw(
				_("Name the prior employer, or record that there was no prior job"),
				title=_("Employment history"),
			)

	def validate_incentive(self):
		problem = (
			rules.incentive_problem(self.incentive_amount, get_settings().incentive_cap)
			or rules.commitments_problem(
				self.incentive_amount,
				self.training_plan,
				self.incentive_duration_weeks,
				self.skill_complexity,
			)
			or rules.payments_problem(
				[(p.milestone, p.amount) for p in self.incentive_payments], self.incentive_amount
			)
		)
		if problem:
			frappe.throw(problem, title=_("Invalid employer incentive"))
		self.incentive_paid = placement_metrics.incentive_paid(self.incentive_payments)

	def set_bonus_due_dates(self):
		for bonus in self.retention_bonuses:
			if (bonus.milestone_days or 0) <= 0:
				frappe.throw(
					_("Row {0}: days retained must be more than 0").format(bonus.idx),
					title=_("Invalid retention bonus"),
				)
			if (bonus.amount or 0) <= 0:
				frappe.throw(
					_("Row {0}: the bonus amount must be more than 0").format(bonus.idx),
					title=_("Invalid retention bonus"),
				)
			bonus.due_date = add_days(self.start_date, bonus.milestone_days)

	@frappe.whitelist()
	def add_default_bonuses(self):
		"""Retention-bonus milestones from Settings, for those not on the placement yet."""
		settings = get_settings()
		have = {b.milestone_days for b in self.retention_bonuses}
		for days in rules.bonus_days(settings.retention_bonus_days):
			if days not in have:
				self.append(
					"retention_bonuses", {"milestone_days": days, "amount": settings.retention_bonus_amount}
				)

	def set_follow_up_schedule(self):
		if not self.follow_up_schedule:
			self.follow_up_schedule = get_settings().default_follow_up_schedule

	def sync_follow_ups(self):
		"""Follow-ups are made when a placement is active, and move with its start date."""
		if any(self.has_value_changed(field) for field in ("status", "start_date", "follow_up_schedule")):
			follow_ups.sync_follow_ups(self)

	def refresh_job_orders(self):
		"""Openings are filled by placements' status and order: recount only when those move."""
		if not self.flags.deleted and not (
			self.has_value_changed("status") or self.has_value_changed("job_order")
		):
			return
		before = self.get_doc_before_save()
		names = {self.job_order} | ({before.job_order} if before else set())
		for name in names:
			if name and frappe.db.exists("Job Order", name):
				frappe.get_doc("Job Order", name).refresh_fill()

	def mark_referral_hired(self):
		if self.referral and self.has_value_changed("referral"):
			frappe.get_doc("Referral", self.referral).mark_hired(self.name)
