"""Turning a qualified lead into a Hiring Partnership, and merging duplicate leads."""

import frappe
from frappe import _
from frappe.model.mapper import get_mapped_doc


def map_lead_to_partnership(lead_name: str, target_doc=None):
	return get_mapped_doc(
		"Employer Lead",
		lead_name,
		{
			"Employer Lead": {
				"doctype": "Hiring Partnership",
				"field_map": {"organisation_name": "partner_name", "name": "employer_lead"},
				"field_no_map": ["naming_series", "notes", "not_a_duplicate"],
			}
		},
		target_doc,
	)


def convert_lead(lead: str) -> str:
	"""Create the Hiring Partnership for a lead (one button); the lead keeps its history.
	The caller checks permissions (api/pipeline.py)."""
	doc = frappe.get_doc("Employer Lead", lead)
	if doc.hiring_partnership:
		frappe.throw(
			_("{0} is already converted to Hiring Partnership {1}").format(doc.name, doc.hiring_partnership),
			title=_("Already converted"),
		)
	if doc.stage == "Lost / Poor Fit":
		frappe.throw(_("A lost lead cannot become a partnership; reopen it first"), title=_("Lead is lost"))
	partnership = map_lead_to_partnership(lead)
	partnership.insert()
	return partnership.name


def link_contacts_and_addresses(from_doctype: str, from_name: str, to_doctype: str, to_name: str) -> None:
	"""Give every Contact and Address of one record a Dynamic Link to another too."""
	for link_doctype in ("Contact", "Address"):
		parents = frappe.get_all(
			"Dynamic Link",
			filters={"parenttype": link_doctype, "link_doctype": from_doctype, "link_name": from_name},
			pluck="parent",
		)
		for parent in parents:
			doc = frappe.get_doc(link_doctype, parent)
			if not any(l.link_doctype == to_doctype and l.link_name == to_name for l in doc.links):
				doc.append("links", {"link_doctype": to_doctype, "link_name": to_name})
				doc.flags.ignore_permissions = True
				doc.save()


def main_contact(doctype: str, name: str) -> str | None:
	"""The record's main Contact: the one marked primary, else the first recorded."""
	contact, link = frappe.qb.DocType("Contact"), frappe.qb.DocType("Dynamic Link")
	found = (
		frappe.qb.from_(link)
		.join(contact)
		.on(contact.name == link.parent)
		.select(contact.name)
		.where((link.parenttype == "Contact") & (link.link_doctype == doctype) & (link.link_name == name))
		.orderby(contact.is_primary_contact, order=frappe.qb.desc)
		.orderby(contact.creation)
		.limit(1)
		.run()
	)
	return found[0][0] if found else None


def merge_leads(source: str, target: str) -> str:
	"""Merge a duplicate lead into another with Frappe's rename/merge (links follow).
	The caller checks permissions (api/pipeline.py)."""
	if source == target:
		frappe.throw(_("Choose another lead to merge into"), title=_("Cannot merge"))
	frappe.rename_doc("Employer Lead", source, target, merge=True)
	return target
