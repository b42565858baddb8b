# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class EmploymentPartnersSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.case_manager_supervisor.case_manager_supervisor import (
			CaseManagerSupervisor,
		)
		from employment_partners.employment_partners.doctype.employment_partners_default_program.employment_partners_default_program import (
			EmploymentPartnersDefaultProgram,
		)
		from employment_partners.employment_partners.doctype.employment_partners_holiday.employment_partners_holiday import (
			EmploymentPartnersHoliday,
		)

		acknowledge_sla_hours: DF.Int
		agency_name: DF.Data | None
		business_day_end: DF.Literal[
			"00:00",
			"00:30",
			"01:00",
			"01:30",
			"02:00",
			"02:30",
			"03:00",
			"03:30",
			"04:00",
			"04:30",
			"05:00",
			"05:30",
			"06:00",
			"06:30",
			"07:00",
			"07:30",
			"08:00",
			"08:30",
			"09:00",
			"09:30",
			"10:00",
			"10:30",
			"11:00",
			"11:30",
			"12:00",
			"12:30",
			"13:00",
			"13:30",
			"14:00",
			"14:30",
			"15:00",
			"15:30",
			"16:00",
			"16:30",
			"17:00",
			"17:30",
			"18:00",
			"18:30",
			"19:00",
			"19:30",
			"20:00",
			"20:30",
			"21:00",
			"21:30",
			"22:00",
			"22:30",
			"23:00",
			"23:30",
		]
		business_day_start: DF.Literal[
			"00:00",
			"00:30",
			"01:00",
			"01:30",
			"02:00",
			"02:30",
			"03:00",
			"03:30",
			"04:00",
			"04:30",
			"05:00",
			"05:30",
			"06:00",
			"06:30",
			"07:00",
			"07:30",
			"08:00",
			"08:30",
			"09:00",
			"09:30",
			"10:00",
			"10:30",
			"11:00",
			"11:30",
			"12:00",
			"12:30",
			"13:00",
			"13:30",
			"14:00",
			"14:30",
			"15:00",
			"15:30",
			"16:00",
			"16:30",
			"17:00",
			"17:30",
			"18:00",
			"18:30",
			"19:00",
			"19:30",
			"20:00",
			"20:30",
			"21:00",
			"21:30",
			"22:00",
			"22:30",
			"23:00",
			"23:30",
		]
		case_managers_read_all: DF.Check
		default_follow_up_schedule: DF.Link | None
		default_programs: DF.TableMultiSelect[EmploymentPartnersDefaultProgram]
		establishments_count: DF.Int
		health_healthy_from: DF.Int
		health_watch_from: DF.Int
		health_weight_acceptance: DF.Int
		health_weight_contact: DF.Int
		health_weight_reporting: DF.Int
		health_weight_responsiveness: DF.Int
		health_weight_retention: DF.Int
		health_weight_satisfaction: DF.Int
		holidays: DF.Table[EmploymentPartnersHoliday]
		incentive_cap: DF.Currency
		lead_follow_up_days: DF.Int
		living_wage_hourly: DF.Currency
		match_results: DF.Int
		missed_after_days: DF.Int
		partnership_check_in_days: DF.Int
		pulse_answer_days: DF.Int
		pulse_link_days: DF.Int
		reminder_days: DF.Int
		reply_sla_hours: DF.Int
		retention_bonus_amount: DF.Currency
		retention_bonus_days: DF.Data | None
		retention_min_group: DF.Int
		stage_skip_policy: DF.Literal["Allow with written reason", "Never allow"]
		supervisors: DF.Table[CaseManagerSupervisor]
	# end: auto-generated types

	def validate(self):
		self.validate_positive_intervals()
		self.validate_business_hours()
		self.validate_not_negative()
		self.validate_health_score()
		self.validate_accounting()

	def validate_accounting(self):
		from employment_partners.books import postings

		problem = postings.settings_problem(self)
		if problem:
			frappe.throw(problem, title=_("Invalid accounting settings"))

	def validate_positive_intervals(self):
		for fieldname in (
			"lead_follow_up_days",
			"partnership_check_in_days",
			"reply_sla_hours",
			"acknowledge_sla_hours",
			"missed_after_days",
			"match_results",
		):
			value = self.get(fieldname)
			if value is None or value < 1:
				frappe.throw(
					_("{0} must be at least 1, not {1}").format(_(self.meta.get_label(fieldname)), value),
					title=_("Invalid setting"),
				)

		if (self.reminder_days or 0) < 0:
			frappe.throw(_("Reminder days cannot be negative"), title=_("Invalid setting"))

	def validate_business_hours(self):
		from employment_partners.retention import issues, sla

		problem = sla.business_hours_problem(issues.business_hours(self))
		if problem:
			frappe.throw(problem, title=_("Invalid business hours"))

	def validate_not_negative(self):
		for fieldname in (
			"incentive_cap",
			"retention_bonus_amount",
			"living_wage_hourly",
			"establishments_count",
		):
			if (self.get(fieldname) or 0) < 0:
				frappe.throw(
					_("{0} cannot be negative").format(_(self.meta.get_label(fieldname))),
					title=_("Invalid setting"),
				)

	def validate_health_score(self):
		from employment_partners.metrics import partnerships

		problem = partnerships.weights_problem(
			partnerships.settings_weights(self), self.health_healthy_from, self.health_watch_from
		)
		if problem:
			frappe.throw(problem, title=_("Invalid setting"))
