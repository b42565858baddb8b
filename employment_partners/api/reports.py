"""The workspace's report cards: figures from the same metrics the reports show."""

import frappe

from employment_partners.metrics import partnerships as partnership_metrics
from employment_partners.metrics import period as periods
from employment_partners.metrics import placements as placement_metrics


@frappe.whitelist()
@frappe.read_only()  # from the replica when the site has one (read_from_replica)
def retention_90_card(filters: str | None = None) -> dict | str:
	"""Number card "90-Day Retention": of the placements started in the last 365 days that are 90
	days old, the share not separated before day 90 (the Partnership Health definition); a dash
	while none is 90 days old yet."""
	frappe.has_permission("Placement", "report", throw=True)
	period = periods.from_filters({}, default_days=365)
	rate = placement_metrics.retention_rate(period, 90)
	if rate is None:
		# no placement is 90 days old yet: a dash, never a 0 % nobody earned
		return "–"
	return {
		"value": rate,
		"fieldtype": "Percent",
		"route": ["query-report", "Partnership Health"],
	}


@frappe.whitelist()
@frappe.read_only()  # from the replica when the site has one (read_from_replica)
def partnerships_at_risk_card(filters: str | None = None) -> dict:
	"""Number card "Partnerships at Risk": active partnerships whose health over the last 365 days
	is At risk."""
	frappe.has_permission("Hiring Partnership", "read", throw=True)
	period = periods.from_filters({}, default_days=365)
	rows = partnership_metrics.partnership_health(period, status="Active")
	return {
		"value": sum(1 for row in rows if row["band"] == partnership_metrics.AT_RISK),
		"fieldtype": "Int",
		"route": ["query-report", "Partnership Health"],
	}
