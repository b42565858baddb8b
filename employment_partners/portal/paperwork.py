"""Paperwork the agency needs an employer to confirm, written out from the placement so that the
employer only reads and confirms (Employer Confirmation)."""

import frappe
from frappe import _
from frappe.utils import fmt_money

PENDING, CONFIRMED = "Pending", "Confirmed"


def terms(kind: str, placement: str, milestone: str | None = None) -> str:
	"""The text the employer confirms, from the placement's stored terms."""
	p = frappe.db.get_value(
		"Placement",
		placement,
		[
			"participant_label",
			"job_title",
			"employer_name",
			"start_date",
			"hourly_wage",
			"hours_per_week",
			"incentive_amount",
			"incentive_duration_weeks",
			"training_plan",
		],
		as_dict=True,
	)
	who = _("{0} as {1} at {2}, starting {3}").format(
		p.participant_label, p.job_title, p.employer_name, frappe.format(p.start_date, "Date")
	)
	if kind == "Incentive Agreement":
		return _(
			"{0}. Wage {1} an hour for {2} hours a week. The agency pays {5} an incentive of {3}"
			" over {4} weeks, in the milestone payments recorded on the placement, while {6} stays employed."
		).format(
			who,
			fmt_money(p.hourly_wage),
			frappe.format(p.hours_per_week, "Float"),
			fmt_money(p.incentive_amount or 0),
			p.incentive_duration_weeks or 0,
			p.employer_name,
			p.participant_label,
		)
	if kind == "Training Plan":
		return _("{0}. Training plan: {1}").format(who, p.training_plan or _("(none recorded yet)"))
	return _("{0}. {2} confirms that {3} has attended work as scheduled up to the {1} milestone.").format(
		who, milestone, p.employer_name, p.participant_label
	)


def problem(doc) -> str | None:
	"""A confirmation is for a placement with the terms its kind needs; a confirmed one is final."""
	before = doc.get_doc_before_save()
	if before and before.status == CONFIRMED:
		return _("{0} was confirmed by {1} on {2} and cannot change").format(
			doc.name, before.confirmed_by, frappe.format(before.confirmed_on, "Datetime")
		)
	if doc.kind == "Attendance Confirmation" and not (doc.milestone or "").strip():
		return _("Say which milestone the attendance confirmation is for")
	if doc.kind == "Incentive Agreement" and not frappe.db.get_value(
		"Placement", doc.placement, "incentive_amount"
	):
		return _("Placement {0} has no incentive amount to agree on").format(doc.placement)
	if doc.kind == "Training Plan" and not frappe.db.get_value("Placement", doc.placement, "training_plan"):
		return _("Placement {0} has no training plan to confirm").format(doc.placement)
	return None
