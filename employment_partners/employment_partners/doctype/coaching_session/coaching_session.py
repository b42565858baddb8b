# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate

from employment_partners import utils
from employment_partners.permissions import OwnedRecord
from employment_partners.retention import services

FINANCIAL_FIELDS = ("banked", "savings_goal", "savings_so_far", "credit_building")


class CoachingSession(OwnedRecord, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		banked: DF.Literal["", "Banked", "Unbanked"]
		coach: DF.Link | None
		credit_building: DF.SmallText | None
		kind: DF.Literal["Job Coaching", "Financial Coaching"]
		minutes: DF.Int
		mode: DF.Literal["In Person", "Phone", "Video"]
		naming_series: DF.Literal["CS-.YYYY.-"]
		next_session_date: DF.Date | None
		next_steps: DF.SmallText | None
		participant: DF.Link
		participant_name: DF.Data | None
		placement: DF.Link | None
		savings_goal: DF.Currency
		savings_so_far: DF.Currency
		session_date: DF.Date
		shares_financial_details: DF.Check
		topics: DF.SmallText | None

	# end: auto-generated types
	def before_insert(self):
		if not self.placement:
			self.placement = services.only_current_placement(self.participant)

	def validate(self):
		problems = [
			services.placement_problem(self.participant, self.placement),
			utils.not_in_future_problem(self.session_date, "Date"),
		]
		if not 0 < cint(self.minutes) <= services.MAX_SESSION_MINUTES:
			problems.append(
				_("A session lasts 1 to {0} minutes, not {1}").format(
					services.MAX_SESSION_MINUTES, self.minutes
				)
			)
		if self.next_session_date and getdate(self.next_session_date) < getdate(self.session_date):
			problems.append(_("The next session cannot be before this one"))
		for problem in problems:
			if problem:
				frappe.throw(problem, title=_("Invalid coaching session"))
		if self.kind != "Financial Coaching" or not self.shares_financial_details:
			# recorded only as the participant agrees to share them
			for field in FINANCIAL_FIELDS:
				self.set(field, None)
