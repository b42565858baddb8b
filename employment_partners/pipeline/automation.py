"""Facts about a lead's records, and stage changes that follow from them.

`lead_facts` feeds the stage gates; `advance_lead` is called when a fact happens: a new job
order, the first referral or employer feedback (the saves lifecycle.py declares),
and a placement past 30 days (the daily `advance_matured_placements`).
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Min
from frappe.utils import add_days, today

from employment_partners.pipeline import stages
from employment_partners.placements import job_orders, placements


def lead_facts(lead) -> stages.LeadFacts:
	"""What exists for this lead's partnership: the facts the stage gates ask for."""
	partnership = lead.hiring_partnership
	if not partnership:
		return stages.LeadFacts()
	return stages.LeadFacts(
		has_partnership=True,
		has_open_job_order=bool(
			frappe.db.exists("Job Order", {"hiring_partnership": partnership, "status": job_orders.OPEN})
		),
		has_placement=bool(frappe.db.exists("Placement", {"hiring_partnership": partnership})),
	)


def advance_lead(lead_name: str | None, event: str, source_name: str) -> str | None:
	"""Move the lead to the stage `event` implies; returns the new stage, or None if it stays."""
	if not lead_name:
		return None
	lead = frappe.get_doc("Employer Lead", lead_name)
	target = stages.automatic_target(lead.stage, event)
	if not target or stages.gate_problem(target, lead_facts(lead)):
		return None  # nothing to move, or the fact does not open the stage's gate yet
	lead.stage = target
	lead.flags.automatic_stage_change = (event, source_name)
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
			# the lead refused the move (closed gates are skipped above, so another of its rules,
			# such as the stage-skip policy): leave it where it is and say why in the error log
			frappe.log_error(title=_("Automatic advance of lead {0} refused").format(lead_name))
	return moved
