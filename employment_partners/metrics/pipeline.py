"""Employer pipeline figures computed in the database."""

import frappe
from frappe.query_builder.functions import Count

from employment_partners.pipeline import stages


def leads_by_stage() -> list[tuple[str, int]]:
	"""(stage, leads now in it) for every stage in pipeline order, Lost / Poor Fit last: one
	grouped query."""
	lead = frappe.qb.DocType("Employer Lead")
	counts = dict(frappe.qb.from_(lead).select(lead.stage, Count("*")).groupby(lead.stage).run())
	return [(stage, int(counts.get(stage, 0))) for stage in stages.ALL_STAGES]
