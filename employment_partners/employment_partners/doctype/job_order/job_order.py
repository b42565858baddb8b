# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from employment_partners import lifecycle, permissions
from employment_partners.placements import job_orders, placements, rules
from employment_partners.portal import submissions


class JobOrder(permissions.OwnedRecord, submissions.EmployerInput, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.job_order_skill.job_order_skill import (
			JobOrderSkill,
		)

		assigned_bsr: DF.Link | None
		background_check: DF.Literal["None", "Fair-chance (individual assessment)", "Required, disqualifying"]
		benefits: DF.SmallText | None
		career_pathway: DF.SmallText | None
		close_date: DF.Date | None
		description: DF.TextEditor | None
		desired_start_date: DF.Date | None
		employer_lead: DF.Link | None
		employer_name: DF.Data | None
		employment_type: DF.Literal["Full-time", "Part-time"]
		filled: DF.Int
		hiring_partnership: DF.Link
		hourly_wage: DF.Currency
		hours_per_week: DF.Float
		incentive_offered: DF.Currency
		job_title: DF.Data
		location: DF.Data | None
		naming_series: DF.Literal["JO-.YYYY.-"]
		offers_benefits: DF.Check
		open_date: DF.Date | None
		openings: DF.Int
		physical_demand: DF.Literal["Sedentary", "Light", "Medium", "Heavy", "Very Heavy"]
		physical_demand_notes: DF.SmallText | None
		placement_type: DF.Link
		required_skills: DF.TableMultiSelect[JobOrderSkill]
		requires_own_vehicle: DF.Check
		schedule_details: DF.SmallText | None
		shift: DF.Literal["Day", "Evening", "Night", "Rotating", "Weekend", "Flexible"]
		status: DF.Literal["Draft", "Open", "On Hold", "Filled", "Closed", "Cancelled"]
		transit_accessible: DF.Check
	# end: auto-generated types

	def validate(self):
		if self.is_new() and permissions.is_employer_user():
			submissions.check_job_order(self)
		self.validate_pay_and_hours()
		self.validate_dates()
		self.set_filled()
		self.validate_openings()
		self.validate_status()

	def on_update(self):
		lifecycle.after_save(self)

	def validate_pay_and_hours(self):
		problem = rules.pay_problem(self.hourly_wage, self.hours_per_week)
		if problem:
			frappe.throw(problem, title=_("Invalid job order"))

	def validate_dates(self):
		if self.open_date and self.close_date and getdate(self.close_date) < getdate(self.open_date):
			frappe.throw(
				_("Close date {0} is before open date {1}").format(
					frappe.format(self.close_date, "Date"), frappe.format(self.open_date, "Date")
				),
				title=_("Invalid job order dates"),
			)

	def set_filled(self):
		"""Placements that fill an opening; a placement's change passes its count in (one count)."""
		if self.flags.filled is not None:
			self.filled = self.flags.filled
		else:
			self.filled = 0 if self.is_new() else placements.filled_count(self.name)

	def validate_openings(self):
		problem = job_orders.openings_problem(self.openings or 0, self.filled)
		if problem:
			frappe.throw(problem, title=_("Invalid openings"))

	def validate_status(self):
		"""A person's change is checked; then Open and Filled follow the placements."""
		before = self.get_doc_before_save()
		from_status = before.status if before else None
		if not self.flags.automatic_status_change:
			problem = job_orders.status_problem(from_status, self.status, self.filled, self.openings)
			if problem:
				frappe.throw(problem, title=_("Status change refused"))
		self.status = job_orders.status_for_fill(self.status, self.filled, self.openings)
