# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_days, getdate

from employment_partners import lifecycle
from employment_partners.books import postings
from employment_partners.permissions import OwnedRecord
from employment_partners.placements import job_orders, placements, programs, rules
from employment_partners.retention import follow_ups, issues, services
from employment_partners.utils import get_settings


class Placement(OwnedRecord, Document):
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
		employer_reported_end_date: DF.Date | None
		employer_review: DF.Check
		employment_history: DF.Literal["", "Had a prior job", "No prior job"]
		employment_status: DF.Data | None
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
		last_employer_confirmation: DF.Date | None
		naming_series: DF.Literal["PL-.YYYY.-"]
		participant: DF.Link
		participant_label: DF.Data | None
		participant_name: DF.Data | None
		placement_type: DF.Link
		prior_employer: DF.Data | None
		prior_job_end_date: DF.Date | None
		prior_job_title: DF.Data | None
		program: DF.Link | None
		referral: DF.Link | None
		retention_bonuses: DF.Table[PlacementRetentionBonus]
		separation_notes: DF.SmallText | None
		separation_reason: DF.Link | None
		skill_complexity: DF.Literal["", "Low", "Medium", "High"]
		start_date: DF.Date
		status: DF.Literal["Active", "Completed", "Ended", "Transitioned to Permanent"]
		training_plan: DF.SmallText | None
	# end: auto-generated types

	def validate(self):
		self.set_participant_label()
		if self.status != placements.ACTIVE:
			self.employer_review = 0  # the employer's "no longer employed" has been dealt with
		self.validate_pay_and_hours()
		self.validate_dates()
		self.set_program()
		self.validate_job_order()
		self.validate_referral()
		self.validate_status()
		self.validate_incentive()
		self.set_bonus_due_dates()
		self.set_follow_up_schedule()
		postings.validate_placement(self)

	def on_update(self):
		lifecycle.after_save(self)

	def on_trash(self):
		lifecycle.before_delete(self)

	def after_delete(self):
		lifecycle.after_delete(self)

	def set_participant_label(self):
		"""First name and last initial: all the employer portal shows of the participant."""
		first, last = frappe.db.get_value("Participant", self.participant, ["first_name", "last_name"]) or (
			None,
			None,
		)
		self.participant_label = issues.participant_label(first, last)

	def validate_pay_and_hours(self):
		problem = rules.pay_problem(self.hourly_wage, self.hours_per_week)
		if problem:
			frappe.throw(problem, title=_("Invalid placement"))

	def validate_dates(self):
		enrolled = frappe.db.get_value("Participant", self.participant, "enrolment_date")
		problem = placements.dates_problem(self.start_date, self.end_date, enrolled, self.participant_name)
		if problem:
			frappe.throw(problem, title=_("Invalid placement dates"))

	def set_program(self):
		"""The program that funds the placement: the participant's enrolment open on the start date
		when none is chosen; a chosen one (or a new participant or start date) is checked against
		the enrolments (placements/programs.py)."""
		if not self.program:
			self.program = programs.default_program(self.participant, self.start_date)
			return
		before = self.get_doc_before_save()
		if before is not None and (before.program, before.participant, getdate(before.start_date)) == (
			self.program,
			self.participant,
			getdate(self.start_date),
		):
			return  # unchanged: a later change of the enrolments does not block the placement's edits
		problem = programs.program_problem(
			self.program, self.participant, self.start_date, self.participant_name
		)
		if problem:
			frappe.throw(problem, title=_("Program not open to the participant"))

	def validate_job_order(self):
		problem = placements.opening_problem(self)
		if problem:
			frappe.throw(problem, title=_("Placement refused"))

	def validate_referral(self):
		if not self.referral:
			return
		referral = frappe.db.get_value(
			"Referral",
			self.referral,
			["name", "participant", "job_order", "status", "placement"],
			as_dict=True,
		)
		problem = placements.referral_problem(referral, self.participant, self.job_order, self.name)
		if problem:
			frappe.throw(problem, title=_("Wrong referral"))

	def validate_status(self):
		problem = placements.status_problem(
			self.status, self.end_date, self.separation_reason
		) or placements.history_problem(self.employment_history, self.prior_employer)
		if problem:
			frappe.throw(problem, title=_("Invalid placement"))
		if self.status != placements.ENDED:
			self.separation_reason = None

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
		self.incentive_paid = rules.incentive_paid(self.incentive_payments)

	def set_bonus_due_dates(self):
		for bonus in self.retention_bonuses:
			problem = rules.bonus_problem(bonus)
			if problem:
				frappe.throw(problem, title=_("Invalid retention bonus"))
			bonus.due_date = add_days(self.start_date, bonus.milestone_days)

	@frappe.whitelist()
	def add_default_bonuses(self):
		"""Retention-bonus milestones from Settings, for those not on the placement yet.  Only for
		those who may change the placement: the desk sends the placement back whole, and a reader
		without its level-1 fields (an employer) must not get them this way."""
		self.check_permission("write")
		settings = get_settings()
		have = {b.milestone_days for b in self.retention_bonuses}
		for days in rules.bonus_days(settings.retention_bonus_days):
			if days not in have:
				self.append(
					"retention_bonuses", {"milestone_days": days, "amount": settings.retention_bonus_amount}
				)

	def set_follow_up_schedule(self):
		if not self.follow_up_schedule:
			self.follow_up_schedule = follow_ups.default_schedule()


def on_doctype_update():
	# a partnership's placements by start, read from the index alone (Partnership Health's hires,
	# active placements and retention; WIOA's employers served)
	frappe.db.add_index("Placement", ["hiring_partnership", "start_date", "end_date", "status"])
	# a participant's placements by start (Retention by Service: a service in a placement's first
	# 90 days; Outcomes Follow-up: the latest placement before exit)
	frappe.db.add_index("Placement", ["participant", "start_date"])
