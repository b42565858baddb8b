"""The employer pipeline: turning a lead into a partnership, merging duplicate leads."""

import frappe
from frappe import _

from employment_partners.api import required
from employment_partners.pipeline import conversion


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
def merge_leads(source: str | None = None, target: str | None = None) -> str:
	"""Merge a duplicate lead into another with Frappe's rename/merge (links follow)."""
	required(source, _("Lead to merge"))
	required(target, _("Lead to merge into"))
	for name, ptype in ((source, "delete"), (target, "write")):
		frappe.get_doc("Employer Lead", name).check_permission(ptype)
	return conversion.merge_leads(source, target)
