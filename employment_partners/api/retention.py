"""Retention follow-ups on the desk: the calendar and the "Overdue Follow-ups" number card."""

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from employment_partners.api import date_argument, parse_filters, required
from employment_partners.metrics import retention as retention_metrics
from employment_partners.metrics.retention import OVERDUE
from employment_partners.retention import follow_ups, services


@frappe.whitelist()
@frappe.read_only()  # from the replica when the site has one (read_from_replica)
def follow_up_events(
	start: str | None = None, end: str | None = None, filters: str | None = None, **kwargs
) -> list[dict]:
	"""Calendar of retention follow-ups: all-day events over each follow-up's window, titled
	"participant: follow-up".  Permissions apply (frappe.get_list)."""
	conditions = parse_filters(filters, "Retention Follow-up")
	conditions += [
		["Retention Follow-up", "due_date", "<=", date_argument(end, _("End"))],
		["Retention Follow-up", "window_end", ">=", date_argument(start, _("Start"))],
	]
	today = getdate()
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
			# overdue is drawn as such (the calendar's style_map), not like any open follow-up
			"status": OVERDUE if follow_ups.is_overdue(row.status, row.window_end, today) else row.status,
			"all_day": 1,
		}
		for row in rows
	]


@frappe.whitelist()
@frappe.read_only()  # from the replica when the site has one (read_from_replica)
def overdue_follow_ups_card(filters: str | list | None = None) -> dict:
	"""Number card "Overdue Follow-ups": open follow-ups whose window has ended, counted with the
	card's filters and the user's permissions on Retention Follow-up; links to the roster."""
	frappe.has_permission("Retention Follow-up", "read", throw=True)
	card_filters = parse_filters(filters, "Retention Follow-up")
	return {
		"value": retention_metrics.overdue_follow_up_count(getdate(), filters=card_filters),
		"fieldtype": "Int",
		"route": ["query-report", "Follow-up Due"],
	}


@frappe.whitelist()
def services_timeline(participant: str | None = None) -> list[dict]:
	"""A participant's retention services, newest first (the Services tab of the participant)."""
	required(participant, _("Participant"))
	frappe.has_permission("Participant", "read", participant, throw=True)

	return services.timeline(participant)
