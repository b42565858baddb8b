# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from employment_partners import participants
from employment_partners.participants import enrolments, suitability
from employment_partners.permissions import OwnedRecord
from employment_partners.retention import follow_ups


class Participant(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.participant_job_loss.participant_job_loss import (
			ParticipantJobLoss,
		)
		from employment_partners.employment_partners.doctype.participant_skill.participant_skill import (
			ParticipantSkill,
		)
		from employment_partners.employment_partners.doctype.program_enrolment.program_enrolment import (
			ProgramEnrolment,
		)

		address_line: DF.Data | None
		age_indicator: DF.Check
		available_day: DF.Check
		available_evening: DF.Check
		available_night: DF.Check
		available_weekend: DF.Check
		barrier_childcare: DF.Check
		barrier_financial: DF.Check
		barrier_health: DF.Check
		barrier_housing: DF.Check
		barrier_legal: DF.Check
		barrier_transportation: DF.Check
		case_manager: DF.Link | None
		city: DF.Data | None
		connected_to_staff: DF.Int
		current_employer: DF.Data | None
		current_hourly_wage: DF.Currency
		date_of_birth: DF.Date | None
		email: DF.Data | None
		employment_preference: DF.Literal["Either", "Full-time", "Part-time"]
		employment_status: DF.Data | None
		employment_status_date: DF.Date | None
		enrolment_date: DF.Date
		enrolments: DF.Table[ProgramEnrolment]
		exit_date: DF.Date | None
		fear_of_not_succeeding: DF.Int
		first_name: DF.Data
		foreign_credentials: DF.Check
		full_name: DF.Data | None
		grade_12_or_less: DF.Check
		has_disability: DF.Check
		indigenous: DF.Check
		job_losses: DF.Table[ParticipantJobLoss]
		language_indicator: DF.Check
		last_name: DF.Data
		limited_work_experience: DF.Check
		max_hours_per_week: DF.Float
		max_physical_demand: DF.Literal["", "Sedentary", "Light", "Medium", "Heavy", "Very Heavy"]
		naming_series: DF.Literal["PT-.YYYY.-"]
		out_of_work_26_weeks: DF.Check
		phone: DF.Data | None
		physical_limitations: DF.SmallText | None
		poor_retention_history: DF.Check
		postal_code: DF.Data | None
		recent_labour_market_change: DF.Check
		schedule_constraints: DF.SmallText | None
		skills: DF.TableMultiSelect[ParticipantSkill]
		source_of_income: DF.Literal[
			"",
			"Employment",
			"Social assistance",
			"Disability support",
			"Employment insurance",
			"No income",
			"Other",
		]
		status: DF.Literal["Active", "Exited"]
		suitability_count: DF.Int
		target_hourly_wage: DF.Currency
		target_occupation: DF.Data | None
		transport_mode: DF.Literal[
			"Public transit", "Own vehicle", "Walk or bike", "Rides from others", "No reliable transport"
		]
	# end: auto-generated types

	def validate(self):
		self.set_full_name()
		self.validate_dates()
		self.validate_job_losses()
		self.validate_readiness()
		self.set_enrolments()
		self.set_status()
		self.set_suitability()

	def on_update(self):
		before = self.get_doc_before_save()
		if enrolments.signature(self.enrolments) != enrolments.signature(before.enrolments if before else []):
			follow_ups.queue_participant_sync(self.name)
			frappe.msgprint(
				_("The follow-ups after exit are being scheduled; they appear under Connections in a moment"),
				alert=True,
				indicator="blue",
			)

	def set_full_name(self):
		self.first_name, self.last_name = (self.first_name or "").strip(), (self.last_name or "").strip()
		self.full_name = f"{self.first_name} {self.last_name}".strip()

	def validate_dates(self):
		if self.date_of_birth and getdate(self.date_of_birth) >= getdate(today()):
			frappe.throw(_("Date of birth must be in the past"), title=_("Invalid date of birth"))
		if self.exit_date and getdate(self.exit_date) < getdate(self.enrolment_date):
			frappe.throw(
				_("Exit date {0} is before enrolment date {1}").format(
					frappe.format(self.exit_date, "Date"), frappe.format(self.enrolment_date, "Date")
				),
				title=_("Invalid program dates"),
			)

	def validate_job_losses(self):
		for loss in self.job_losses:
			if loss.start_date and getdate(loss.end_date) < getdate(loss.start_date):
				frappe.throw(
					_("Row {0}: the job ended on {1}, before it started on {2}").format(
						loss.idx, frappe.format(loss.end_date, "Date"), frappe.format(loss.start_date, "Date")
					),
					title=_("Invalid job loss"),
				)

	def validate_readiness(self):
		for fieldname in ("connected_to_staff", "fear_of_not_succeeding"):
			problem = suitability.readiness_problem(_(self.meta.get_label(fieldname)), self.get(fieldname))
			if problem:
				frappe.throw(problem, title=_("Invalid readiness assessment"))

	def set_status(self):
		self.status = participants.EXITED if self.exit_date else participants.ACTIVE

	def set_suitability(self):
		self.age_indicator = suitability.age_indicator(self.date_of_birth, self.enrolment_date)
		self.poor_retention_history = suitability.poor_retention([loss.end_date for loss in self.job_losses])
		self.suitability_count = suitability.indicator_count(self)

	def set_enrolments(self):
		"""New participants get the programs Settings names; the participant's exit date moves the
		open enrolments' exits, then is worked out from them (participants/enrolments.py)."""
		if self.is_new() and not self.enrolments:
			for program in enrolments.default_programs():
				self.append("enrolments", {"program": program})
		for row in self.enrolments:
			row.enrolled_on = row.enrolled_on or self.enrolment_date
		before = self.get_doc_before_save()
		old_exit = before.exit_date if before else None
		if getdate(self.exit_date or "1900-01-01") != getdate(old_exit or "1900-01-01"):
			enrolments.move_exit(self.enrolments, old_exit, self.exit_date)
		problem = enrolments.enrolment_problem(self.enrolments, self.enrolment_date)
		if problem:
			frappe.throw(problem, title=_("Invalid program enrolments"))
		if self.exit_date and not self.enrolments:
			frappe.throw(
				_(
					"Enrol them in a program before recording their exit: follow-ups and funder figures count by program"
				),
				title=_("Invalid program enrolments"),
			)
		self.exit_date = enrolments.exit_of(self.enrolments)
