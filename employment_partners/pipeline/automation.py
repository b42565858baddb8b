"""Facts about a lead's records, and stage changes that follow from them.

`lead_facts` feeds the stage gates; `advance_lead` is called from the doc_events of the
records that make a fact happen (job orders, referrals, placements, employer feedback).
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Min
from frappe.utils import add_days, today

from employment_partners.pipeline import stages
from employment_partners.placements import placements


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


MATURED_AFTER_DAYS = 30


def advance_matured_placements() -> list[str]:
	"""Daily: a lead whose partnership has a placement past 30 days (and not ended) moves to
	Feedback.  One query finds the leads still short of Feedback; re-running moves nothing twice."""
	placement = frappe.qb.DocType("Placement")
	partnership = frappe.qb.DocType("Hiring Partnership")
	lead = frappe.qb.DocType("Employer Lead")
	rows = (
		frappe.qb.from_(placement)
		.join(partnership)
		.on(partnership.name == placement.hiring_partnership)
		.join(lead)
		.on(lead.name == partnership.employer_lead)
		.select(lead.name, Min(placement.name))
		.where(placement.start_date <= add_days(today(), -MATURED_AFTER_DAYS))
		.where(placement.status != placements.ENDED)
		.where(lead.stage.isin([s for s in stages.STAGES if s != stages.FEEDBACK]))
		.groupby(lead.name)
		.run()
	)
	moved = []
	for lead_name, placement_name in rows:
		try:
			if advance_lead(lead_name, stages.PLACEMENT_MATURED, placement_name):
				moved.append(lead_name)
		except frappe.ValidationError:
			# a gate the lead cannot pass yet: leave it where it is and say why in the error log
			frappe.log_error(title=_("Automatic advance of lead {0} refused").format(lead_name))
	return moved
