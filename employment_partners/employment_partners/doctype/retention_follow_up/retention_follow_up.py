# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from employment_partners.permissions import OwnedRecord
from employment_partners.retention import follow_ups


class RetentionFollowup(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.follow_up_attempt.follow_up_attempt import (
			FollowupAttempt,
		)

		anchor: DF.Data | None
		attempts: DF.Table[FollowupAttempt]
		case_manager: DF.Link | None
		completed_on: DF.Date | None
		contact_method: DF.Literal[
			"", "Phone", "Email", "Letter / Survey", "In Person", "Employer Verification"
		]
		current_employer: DF.Data | None
		due_date: DF.Date
		employed_from: DF.Date | None
		employed_to: DF.Date | None
		employer_name: DF.Data | None
		employer_partnership: DF.Link | None
		employer_placement: DF.Link | None
		escalated_on: DF.Datetime | None
		escalated_to: DF.Link | None
		follow_up_schedule: DF.Link | None
		hiring_partnership: DF.Link | None
		hourly_wage: DF.Currency
		hours_per_week: DF.Float
		job_title: DF.Data | None
		label: DF.Data
		naming_series: DF.Literal["RFU-.YYYY.-"]
		notes: DF.SmallText | None
		outcome: DF.Literal[
			"",
			"Employed - Same Employer",
			"Employed - Other Employer",
			"In Education or Training",
			"Independent",
			"Volunteer",
			"Unemployed",
			"Unable to Work",
			"Unable to Contact",
		]
		outcome_milestone: DF.Data | None
		participant: DF.Link
		participant_name: DF.Data | None
		placement: DF.Link | None
		program: DF.Link | None
		program_enrolment: DF.Data | None
		reminder_sent_on: DF.Datetime | None
		schedule_row_id: DF.Data | None
		status: DF.Literal["Open", "Done", "Missed"]
		verification_source: DF.Literal[
			"", "Pay Stub", "W-2", "Employer Letter", "Employer Verification", "Self-Report", "Wage Record"
		]
		window_end: DF.Date | None
	# end: auto-generated types

	def validate(self):
		self.set_employer()
		self.validate_outcome()
		self.set_status_from_outcome()
		self.validate_status()
		self.validate_milestone()
		self.set_evidence_period()

	def on_update(self):
		if self.status == follow_ups.DONE and self.has_value_changed("status"):
			follow_ups.update_employment(self)
			self.close_assignment()

	def set_employer(self):
		"""Where they work now: the same employer as one of their placements (its employer and
		partnership follow), another employer by name (and partnership, if a partner)."""
		if self.outcome not in follow_ups.EMPLOYED:
			self.employer_placement = self.employer_partnership = self.current_employer = None
			return
		if self.outcome == follow_ups.OTHER_EMPLOYER:
			self.employer_placement = None
			if self.employer_partnership and not (self.current_employer or "").strip():
				self.current_employer = frappe.db.get_value(
					"Hiring Partnership", self.employer_partnership, "partner_name"
				)
			return
		self.employer_placement = self.employer_placement or self.placement
		if not self.employer_placement:
			return  # refused in validate_outcome
		participant, self.current_employer, self.employer_partnership = frappe.db.get_value(
			"Placement", self.employer_placement, ["participant", "employer_name", "hiring_partnership"]
		) or (None, None, None)
		if participant != self.participant:
			frappe.throw(
				_("Placement {0} is not {1}'s").format(self.employer_placement, self.participant_name),
				title=_("Wrong placement"),
			)

	def validate_outcome(self):
		problem = follow_ups.outcome_problem(
			self.outcome,
			self.current_employer,
			self.hourly_wage,
			self.hours_per_week,
			[bool(a.reached) for a in self.attempts],
			employer_placement=self.employer_placement,
		)
		if problem:
			frappe.throw(problem, title=_("Invalid follow-up outcome"))

	def set_status_from_outcome(self):
		"""Recording an outcome completes the follow-up."""
		if self.outcome and self.status in (follow_ups.OPEN, follow_ups.MISSED):
			self.status = follow_ups.DONE
		if self.status == follow_ups.DONE and not self.completed_on:
			self.completed_on = today()

	def validate_status(self):
		before = self.get_doc_before_save()
		problem = follow_ups.status_problem(
			before.status if before else None, self.status, self.outcome, self.notes
		)
		if problem:
			frappe.throw(problem, title=_("Status change refused"))

	def validate_milestone(self):
		if self.status != follow_ups.DONE:
			return
		problem = follow_ups.milestone_problem(
			self.outcome_milestone, self.label, self.completed_on, self.due_date, self.window_end
		)
		if problem:
			frappe.throw(problem, title=_("Too early for this outcome"))

	def set_evidence_period(self):
		"""An employment outcome covers a period (Employed From / To): by default the day the
		follow-up was done.  Other outcomes cover none."""
		if self.outcome not in follow_ups.EMPLOYED or self.status != follow_ups.DONE:
			self.employed_from = self.employed_to = None
			return
		self.employed_to = self.employed_to or self.completed_on
		self.employed_from = self.employed_from or self.employed_to
		problem = follow_ups.evidence_problem(self.employed_from, self.employed_to, self.completed_on)
		if problem:
			frappe.throw(problem, title=_("Invalid employment period"))

	def close_assignment(self):
		frappe.db.set_value(
			"ToDo",
			{"reference_type": self.doctype, "reference_name": self.name, "status": "Open"},
			"status",
			"Closed",
		)


def on_doctype_update():
	# the daily job's open follow-ups by window: reminders (window still open), escalations and
	# missed marks (window ended), without reading every open follow-up
	frappe.db.add_index("Retention Follow-up", ["status", "window_end"])
	# a participant's own follow-ups after exit (no placement), read from the index alone
	frappe.db.add_index("Retention Follow-up", ["participant", "placement"])
	# Follow-up Due: the open follow-ups due by a day, without reading every open follow-up
	frappe.db.add_index("Retention Follow-up", ["status", "due_date"])
	# a participant's latest follow-up done by a day (Participant Outcomes, WIOA quarters after
	# exit): one index read each, in the reports' order
	frappe.db.add_index("Retention Follow-up", ["participant", "status", "completed_on", "modified"])
	# a participant's follow-up done for an outcome milestone (Outcomes Follow-up)
	frappe.db.add_index("Retention Follow-up", ["participant", "outcome_milestone", "status", "completed_on"])
	# the early warning, for each current placement on a day: a window of the person's closed
	# without a contact, a follow-up done as "Unable to Contact" (early_warning/features.py)
	frappe.db.add_index("Retention Follow-up", ["participant", "window_end", "completed_on"])
	frappe.db.add_index("Retention Follow-up", ["participant", "completed_on", "outcome"])
