"""The retention early warning on the desk: a placement's or participant's risk with its history,
and the one-click check-in of the At Risk list (metrics/early_warning.py)."""

import frappe
from frappe import _
from frappe.utils import add_days, today

from employment_partners.api import parse_filters, required
from employment_partners.early_warning.scoring import RISK
from employment_partners.metrics import early_warning
from employment_partners.retention import follow_ups

CHECK_IN_LABEL = "Check-in: at risk of separating"
CHECK_IN_DAYS = 7  # the window: today and the six days after


@frappe.whitelist()
def risk_history(placement: str | None = None, participant: str | None = None) -> dict:
	"""The weekly risks of a placement (or of every placement of a participant) the caller may
	read, newest first, with the reasons they may see and which model scored now."""
	if not placement and not participant:
		required(None, _("Placement"))
	if placement:
		frappe.has_permission("Placement", "read", placement, throw=True)
		filters = {"placement": placement}
	else:
		frappe.has_permission("Participant", "read", participant, throw=True)
		filters = {"participant": participant}
	if not frappe.has_permission(RISK, "read"):
		return {"rows": [], "note": None}
	rows = frappe.get_list(
		RISK,
		filters=filters,
		fields=[
			"placement",
			"employer_name",
			"week_start",
			"scored_on",
			"risk",
			"band",
			"reasons",
			"risk_at_start",
		],
		order_by="week_start desc, placement asc",
		limit_page_length=26,
	)
	shown = early_warning.visible_codes()
	for row in rows:
		row.reasons = early_warning.reasons_for(row.reasons, shown)
	return {"rows": rows, "note": early_warning.method_note(early_warning.model_in_use())}


@frappe.whitelist(methods=["POST"])
def plan_check_in(placement: str | None = None) -> dict:
	"""A follow-up for the placement's participant: a check-in due today, its window this week,
	for their case manager; the open one when it is already planned."""
	required(placement, _("Placement"))
	frappe.has_permission("Placement", "read", placement, throw=True)
	values = frappe.db.get_value(
		"Placement", placement, ["participant", "start_date", "end_date"], as_dict=True
	)
	if not values.participant:
		frappe.throw(_("Placement {0} names no participant.").format(placement), title=_("Cannot plan"))
	if values.end_date and str(values.end_date) < today():
		frappe.throw(
			_("Placement {0} ended on {1}: plan a follow-up on the participant instead.").format(
				placement, frappe.format(values.end_date, "Date")
			),
			title=_("Placement ended"),
		)
	existing = frappe.get_all(
		"Retention Follow-up",
		filters={"placement": placement, "label": _(CHECK_IN_LABEL), "status": "Open"},
		pluck="name",
		limit=1,
	)
	if existing:
		return {
			"follow_up": existing[0],
			"message": _("A check-in is already planned: {0}").format(existing[0]),
		}
	# the caller's own create permission and the caseload rule apply
	follow_up = follow_ups.plan_check_in(
		placement,
		values.participant,
		_(CHECK_IN_LABEL),
		today(),
		add_days(today(), CHECK_IN_DAYS - 1),
	)
	return {"follow_up": follow_up.name, "message": _("Check-in planned: {0}").format(follow_up.name)}


@frappe.whitelist()
@frappe.read_only()  # from the replica when the site has one (read_from_replica)
def at_risk_card(filters: str | list | None = None) -> dict:
	"""Number card "At Risk This Week": this week's current placements at High or Medium risk
	that the caller may read (what the list shows first); links to the list."""
	frappe.has_permission(RISK, "read", throw=True)
	parse_filters(filters, RISK)  # refused when malformed; the card has none of its own
	return {
		"value": early_warning.count_at_risk(today(), ("High", "Medium")),
		"fieldtype": "Int",
		"route": ["query-report", "At Risk This Week"],
	}
