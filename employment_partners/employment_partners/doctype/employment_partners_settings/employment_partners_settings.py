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
		from employment_partners.employment_partners.doctype.employment_partners_holiday.employment_partners_holiday import (
			EmploymentPartnersHoliday,
		)

		acknowledge_sla_hours: DF.Int
		business_day_end: DF.Time
		business_day_start: DF.Time
		default_follow_up_schedule: DF.Link | None
		holidays: DF.Table[EmploymentPartnersHoliday]
		incentive_cap: DF.Currency
		lead_follow_up_days: DF.Int
		living_wage_hourly: DF.Currency
		match_results: DF.Int
		missed_after_days: DF.Int
		partnership_check_in_days: DF.Int
		reminder_days: DF.Int
		reply_sla_hours: DF.Int
		retention_bonus_amount: DF.Currency
		retention_bonus_days: DF.Data | None
		stage_skip_policy: DF.Literal["Allow with written reason", "Never allow"]
		supervisors: DF.Table[CaseManagerSupervisor]
	# end: auto-generated types

	def validate(self):
		self.validate_positive_intervals()

	def validate_positive_intervals(self):
		for fieldname in (
			"lead_follow_up_days",
			"partnership_check_in_days",
			"reply_sla_hours",
			"acknowledge_sla_hours",
		):
			value = self.get(fieldname)
			if value is None or value < 1:
				frappe.throw(
					_("{0} must be at least 1, not {1}").format(_(self.meta.get_label(fieldname)), value),
					title=_("Invalid setting"),
				)
