"""Whitelisted methods for the desk: matching and referrals.

Each checks the caller's permission on the records it reads before it reads them, and
takes typed arguments (Frappe validates the types of whitelisted arguments).
"""

import frappe
from frappe.utils import add_days

from employment_partners.matching import candidates


@frappe.whitelist()
def find_participants(job_order: str, limit: int = 20) -> list[dict]:
	"""Participants ranked for a job order, each with its score and the parts of the score."""
	frappe.has_permission("Job Order", "read", job_order, throw=True)
	frappe.has_permission("Participant", "read", throw=True)
	return candidates.rank_participants(job_order, limit)


@frappe.whitelist()
def find_job_orders(participant: str, limit: int = 20) -> list[dict]:
	"""Open job orders ranked for a participant, each with its score and its parts."""
	frappe.has_permission("Participant", "read", participant, throw=True)
	frappe.has_permission("Job Order", "read", throw=True)
	return candidates.rank_job_orders(participant, limit)


@frappe.whitelist(methods=["POST"])
def propose_referral(job_order: str, participant: str) -> str:
	"""Make a Proposed referral of a participant to a job order (role permissions apply)."""
	referral = frappe.get_doc(
		{"doctype": "Referral", "job_order": job_order, "participant": participant, "status": "Proposed"}
	).insert()
	return referral.name


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
