"""Dashboard chart source: leads in each pipeline stage, in pipeline order (Prospect → … →
Feedback, then Lost / Poor Fit), every stage shown even when empty."""

import frappe
from frappe import _

from employment_partners.metrics import pipeline


@frappe.whitelist()
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
) -> dict:
	frappe.has_permission("Employer Lead", "read", throw=True)
	counts = pipeline.leads_by_stage()
	return {
		"labels": [_(stage) for stage, _count in counts],
		"datasets": [{"name": _("Leads"), "values": [count for _stage, count in counts]}],
	}
