"""The employer pipeline: turning a lead into a partnership, merging duplicate leads."""

import frappe
from frappe import _

from employment_partners.api import required
from employment_partners.pipeline import conversion, stages


@frappe.whitelist(methods=["POST"])
def convert_lead(lead: str | None = None) -> str:
	"""Create the Hiring Partnership for a lead (one button); the lead keeps its history."""
	required(lead, _("Employer Lead"))
	doc = frappe.get_doc("Employer Lead", lead)
	doc.check_permission("write")
	if not frappe.has_permission("Hiring Partnership", "create"):
		frappe.throw(_("You are not allowed to create a Hiring Partnership"), frappe.PermissionError)
	return conversion.convert_lead(lead)


@frappe.whitelist(methods=["POST"])
def move_lead(lead: str | None = None, stage: str | None = None, reason: str | None = None) -> str:
	"""Move a lead to a stage with the reason the move needs (a skip, a reopening, a loss): the
	board's and the form's "Write the reason".  The stage rules are the controller's; returns the
	stage the lead is at."""
	required(lead, _("Employer Lead"))
	required(stage, _("Stage"))
	doc = frappe.get_doc("Employer Lead", lead)
	doc.check_permission("write")
	doc.stage = stage
	if stage == stages.LOST:
		doc.lost_reason = reason
	else:
		doc.stage_change_note = reason
	doc.save()
	return doc.stage


@frappe.whitelist(methods=["POST"])
def merge_leads(source: str | None = None, target: str | None = None) -> str:
	"""Merge a duplicate lead into another with Frappe's rename/merge (links follow)."""
	required(source, _("Lead to merge"))
	required(target, _("Lead to merge into"))
	for name, ptype in ((source, "delete"), (target, "write")):
		frappe.get_doc("Employer Lead", name).check_permission(ptype)
	return conversion.merge_leads(source, target)
