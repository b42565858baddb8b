"""Retention follow-ups on the desk: the calendar and the "Overdue Follow-ups" number card."""

import frappe
from frappe.utils import add_days, getdate

from employment_partners.metrics import retention as retention_metrics


@frappe.whitelist()
def follow_up_events(start: str, end: str, filters: str | None = None, **kwargs) -> list[dict]:
	"""Calendar of retention follow-ups: all-day events over each follow-up's window, titled
	"participant: follow-up".  Permissions apply (frappe.get_list)."""
	conditions = frappe.parse_json(filters) if filters else []
	conditions += [
		["Retention Follow-up", "due_date", "<=", end],
		["Retention Follow-up", "window_end", ">=", start],
	]
	rows = frappe.get_list(
		"Retention Follow-up",
		fields=["name", "due_date", "window_end", "participant_name", "label", "status"],
		filters=conditions,
		order_by="due_date",
	)
	return [
		{
			"name": row.name,
			"due_date": row.due_date,
			"window_end": row.window_end,
			# the calendar's all-day end is exclusive; the window's last day is inclusive
			"calendar_end": add_days(row.window_end, 1),
			"title": f"{row.participant_name}: {row.label}",
			"status": row.status,
			"all_day": 1,
		}
		for row in rows
	]


@frappe.whitelist()
def overdue_follow_ups_card(filters: str | list | None = None) -> dict:
	"""Number card "Overdue Follow-ups": open follow-ups whose window has ended, counted with the
	card's filters and the user's permissions on Retention Follow-up; links to the roster."""
	frappe.has_permission("Retention Follow-up", "read", throw=True)
	card_filters = frappe.parse_json(filters) if isinstance(filters, str) else filters
	return {
		"value": retention_metrics.overdue_follow_up_count(getdate(), filters=card_filters or []),
		"fieldtype": "Int",
		"route": ["query-report", "Follow-up Due"],
	}


@frappe.whitelist()
def services_timeline(participant: str) -> list[dict]:
	"""A participant's retention services, newest first (the Services tab of the participant)."""
	frappe.has_permission("Participant", "read", participant, throw=True)
	from employment_partners.retention import services

	return services.timeline(participant)
