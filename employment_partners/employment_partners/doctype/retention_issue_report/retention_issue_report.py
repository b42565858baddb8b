# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, getdate, now_datetime

from employment_partners import permissions
from employment_partners.portal import submissions
from employment_partners.retention import issues, services, sla


class RetentionIssueReport(permissions.OwnedRecord, submissions.EmployerInput, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.retention_intervention.retention_intervention import (
			RetentionIntervention,
		)

		acknowledge_due: DF.Datetime | None
		acknowledge_hours: DF.Float
		acknowledged_by: DF.Link | None
		acknowledged_on: DF.Datetime | None
		assigned_bsr: DF.Link | None
		breach_notified_on: DF.Datetime | None
		case_manager: DF.Link | None
		channel: DF.Literal["Phone", "Email", "Portal", "In Person"]
		closed_on: DF.Datetime | None
		description: DF.SmallText
		employer_name: DF.Data | None
		hiring_partnership: DF.Link | None
		incident_end: DF.Date | None
		incident_start: DF.Date | None
		interventions: DF.Table[RetentionIntervention]
		issue_type: DF.Literal[
			"Attendance",
			"Tardiness",
			"Performance",
			"Conduct",
			"Safety",
			"Transportation",
			"Childcare",
			"Health",
			"Other",
		]
		job_title: DF.Data | None
		naming_series: DF.Literal["RIR-.YYYY.-"]
		participant: DF.Link | None
		participant_label: DF.Data | None
		placement: DF.Link
		reported_by_type: DF.Literal["Employer Contact", "Staff"]
		reported_by_user: DF.Link | None
		reported_on: DF.Datetime
		reporter_contact: DF.Link | None
		resolution: DF.SmallText | None
		separation_date: DF.Date | None
		separation_reason: DF.Link | None
		severity: DF.Literal["Low", "Medium", "High", "Critical"]
		sla_breached: DF.Check
		status: DF.Literal[
			"New", "Acknowledged", "Intervention Planned", "Resolved", "Escalated", "Closed - Separated"
		]
	# end: auto-generated types

	def validate(self):
		if self.is_new() and permissions.is_employer_user():
			submissions.check_issue_report(self)
		if self.is_new():
			self.validate_placement()
			self.set_acknowledge_due()
		self.set_participant_label()
		self.validate_incident_dates()
		self.validate_state()
		self.set_closed_on()
		self.set_acknowledge_hours()

	def after_insert(self):
		issues.notify_reported(self)

	def on_update(self):
		services.referrals_from_interventions(self)
		if self.status == issues.SEPARATED and self.has_value_changed("status"):
			issues.separate_placement(self)

	def validate_placement(self):
		status = frappe.db.get_value("Placement", self.placement, "status")
		problem = issues.placement_problem(self.placement, status)
		if problem:
			frappe.throw(problem, title=_("Placement not current"))

	def set_acknowledge_due(self):
		self.acknowledge_due = issues.acknowledge_due(self.reported_on)

	def set_participant_label(self):
		# from the placement, not the form: for an employer (no access to these level-1 fields)
		# Frappe clears what fetch_from filled in
		self.participant, self.case_manager = frappe.db.get_value(
			"Placement", self.placement, ["participant", "case_manager"]
		)
		first, last = frappe.db.get_value("Participant", self.participant, ["first_name", "last_name"])
		self.participant_label = issues.participant_label(first, last)

	def validate_incident_dates(self):
		start, end = self.incident_start, self.incident_end
		if start and end and getdate(end) < getdate(start):
			frappe.throw(
				_("The incident ends on {0}, before it starts on {1}").format(
					frappe.format(end, "Date"), frappe.format(start, "Date")
				),
				title=_("Invalid incident dates"),
			)
		reported = getdate(self.reported_on)
		for value in (start, end):
			if value and getdate(value) > reported:
				frappe.throw(
					_("Incident date {0} is after the report date {1}").format(
						frappe.format(value, "Date"), frappe.format(reported, "Date")
					),
					title=_("Invalid incident dates"),
				)

	def validate_state(self):
		before = self.get_doc_before_save()
		if not before or before.status == self.status:
			return
		problem = issues.state_problem(self.status, self)
		if problem:
			frappe.throw(problem, title=_("Not ready for {0}").format(_(self.status)))
		if self.status == issues.ACKNOWLEDGED and not self.acknowledged_on:
			self.acknowledged_on = now_datetime()
			self.acknowledged_by = frappe.session.user
			if sla.is_breached(get_datetime(self.acknowledge_due), get_datetime(self.acknowledged_on), None):
				self.sla_breached = 1

	def set_closed_on(self):
		"""When the report was closed (Resolved or Closed - Separated); empty while it is open."""
		if self.status not in issues.CLOSED:
			self.closed_on = None
		elif not self.closed_on:
			self.closed_on = now_datetime()

	def set_acknowledge_hours(self):
		"""Business hours from the report to its acknowledgement (Partnership Health reads it)."""
		if self.acknowledged_on:
			self.acknowledge_hours = issues.acknowledge_hours(self.reported_on, self.acknowledged_on)
