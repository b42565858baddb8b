"""Facts about a lead's records, and stage changes that follow from them.

`lead_facts` feeds the stage gates; `advance_lead` is called from the doc_events of the
records that make a fact happen (job orders, referrals, placements, employer feedback).
"""

import frappe
from frappe import _

from employment_partners.pipeline import stages


def _doctype_exists(doctype: str) -> bool:
	return bool(frappe.db.exists("DocType", doctype))


def lead_facts(lead) -> stages.LeadFacts:
	"""What exists for this lead's partnership.  A gate whose doctype is not installed yet
	is treated as met, so each gate applies from the moment its record type exists."""
	partnership = lead.hiring_partnership
	facts = {"has_partnership": bool(partnership)}
	for key, doctype, condition in (
		("has_open_job_order", "Job Order", {"status": "Open"}),
		("has_placement", "Placement", {}),
	):
		if not _doctype_exists(doctype):
			facts[key] = True
		else:
			facts[key] = bool(
				partnership and frappe.db.exists(doctype, {"hiring_partnership": partnership, **condition})
			)
	return stages.LeadFacts(**facts)


EVENT_NOTES = {
	stages.JOB_ORDER_CREATED: "Automatic: job order {0}",
	stages.REFERRAL_CREATED: "Automatic: referral {0}",
	stages.PLACEMENT_MATURED: "Automatic: placement {0} passed 30 days",
	stages.EMPLOYER_FEEDBACK: "Automatic: employer feedback {0}",
}


def advance_lead(lead_name: str | None, event: str, source_name: str) -> str | None:
	"""Move the lead to the stage `event` implies; returns the new stage, or None if it stays."""
	if not lead_name:
		return None
	lead = frappe.get_doc("Employer Lead", lead_name)
	target = stages.automatic_target(lead.stage, event)
	if not target:
		return None
	lead.stage = target
	lead.stage_change_note = _(EVENT_NOTES[event]).format(source_name)
	lead.flags.automatic_stage_change = True
	lead.flags.ignore_permissions = True
	lead.save()
	return target


def lead_of_partnership(partnership: str | None) -> str | None:
	if not partnership:
		return None
	return frappe.db.get_value("Hiring Partnership", partnership, "employer_lead")
