# Copyright (c) 2026, Employment Partners contributors and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_first_day, getdate

from employment_partners.retention import lending_circles as circles


class LendingCircle(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from employment_partners.employment_partners.doctype.lending_circle_contribution.lending_circle_contribution import (
			LendingCircleContribution,
		)
		from employment_partners.employment_partners.doctype.lending_circle_member.lending_circle_member import (
			LendingCircleMember,
		)
		from employment_partners.employment_partners.doctype.lending_circle_payout.lending_circle_payout import (
			LendingCirclePayout,
		)

		circle_name: DF.Data
		contributions: DF.Table[LendingCircleContribution]
		members: DF.Table[LendingCircleMember]
		monthly_contribution: DF.Currency
		payouts: DF.Table[LendingCirclePayout]
		pot: DF.Currency
		start_month: DF.Date
		status: DF.Literal["Active", "Completed"]

	# end: auto-generated types
	def validate(self):
		self.start_month = get_first_day(getdate(self.start_month))
		orders = [(m.participant, int(m.payout_order or 0)) for m in self.members]
		problem = circles.members_problem(orders)
		if problem:
			frappe.throw(problem, title=_("Invalid lending circle"))
		self.keep_order_after_first_payout(orders)
		problem = circles.payouts_problem(self.payouts)
		if problem:
			frappe.throw(problem, title=_("Invalid lending circle"))
		self.set_schedule(orders)
		for row in self.contributions:
			if row.month:
				row.month = get_first_day(getdate(row.month))
		problem = circles.contributions_problem(
			self.contributions,
			{m.participant for m in self.members},
			{getdate(p.month) for p in self.payouts},
		)
		if problem:
			frappe.throw(problem, title=_("Invalid lending circle"))
		self.status = "Completed" if all(p.paid_on for p in self.payouts) else "Active"

	def keep_order_after_first_payout(self, orders):
		before = self.get_doc_before_save()
		if not before or not any(p.paid_on for p in before.payouts):
			return
		old = sorted((m.participant, int(m.payout_order)) for m in before.members)
		if (
			sorted(orders) != old
			or getdate(before.start_month) != getdate(self.start_month)
			or float(before.monthly_contribution) != float(self.monthly_contribution)
		):
			frappe.throw(
				_(
					"The first pot has been paid: members, payout order, start month and contribution can no longer change"
				),
				title=_("Invalid lending circle"),
			)

	def set_schedule(self, orders):
		"""The payout rows follow the members; the days already paid are kept."""
		paid = {(getdate(p.month), p.recipient): p.paid_on for p in self.payouts if p.month}
		rows = circles.schedule(self.start_month, orders, self.monthly_contribution)
		self.pot = circles.pot(self.monthly_contribution, len(orders))
		self.set(
			"payouts",
			[{**row, "paid_on": paid.get((getdate(row["month"]), row["recipient"]))} for row in rows],
		)
		by_person = {row["recipient"]: row["month"] for row in rows}
		for member in self.members:
			member.payout_month = by_person[member.participant]
