"""The workspace's report cards: figures from the same metrics the reports show."""

import frappe

from employment_partners.metrics import partnerships as partnership_metrics
from employment_partners.metrics import period as periods
from employment_partners.metrics import retention_days
from employment_partners.pipeline import organisations


@frappe.whitelist()
@frappe.read_only()  # from the replica when the site has one (read_from_replica)
def retention_90_card(filters: str | None = None) -> dict | str:
	"""Number card "90-Day Retention": of the placements started in the last 365 days whose 90-day
	window has closed (day 90 + 14 by today), the share retained at 90 days, the reports' one
	definition (metrics/retention_days: employed on day 90); a dash while no window has closed."""
	frappe.has_permission("Placement", "report", throw=True)
	period = periods.from_filters({}, default_days=365)
	rate = retention_days.retention_rate(period, 90)
	if rate is None:
		# no placement's window has closed yet: a dash, never a 0 % nobody earned
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
	is At risk (one with too little activity for a score, "Not enough data", is not)."""
	frappe.has_permission("Hiring Partnership", "read", throw=True)
	period = periods.from_filters({}, default_days=365)
	rows = partnership_metrics.partnership_health(period, status=organisations.ACTIVE)
	return {
		"value": sum(1 for row in rows if row["band"] == partnership_metrics.AT_RISK),
		"fieldtype": "Int",
		"route": ["query-report", "Partnership Health"],
	}
