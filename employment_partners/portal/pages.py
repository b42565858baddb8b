"""What the employer portal's home page (/partner) shows: every list is read as the signed-in
employer, so the permission hooks decide what is in it."""

import frappe
from frappe import _
from frappe.utils import flt, formatdate, get_datetime, today

from employment_partners import permissions
from employment_partners.placements import job_orders, placements
from employment_partners.portal import paperwork
from employment_partners.utils import agency_name

OPEN_ORDER_STATUSES = (job_orders.DRAFT, job_orders.OPEN, job_orders.ON_HOLD)
RECENT_CONCERNS = 20


def partnerships_of(user: str | None = None) -> list[dict]:
	"""The employer's partnerships with their names (one query; the portal shows the names)."""
	names = permissions.partnerships_of(user)
	return frappe.get_all(
		"Hiring Partnership",
		filters={"name": ("in", names or [""])},
		fields=["name", "partner_name"],
		order_by="name",
	)


def agency_contacts(partnerships: list[str]) -> list[dict]:
	"""Who at the agency the employer calls: each partnership's Business Services Rep, with the
	work phone and email their User record holds (read by the server: an employer reads no User)."""
	reps = frappe.get_all(
		"Hiring Partnership",
		filters={"name": ("in", partnerships or [""]), "assigned_bsr": ("is", "set")},
		pluck="assigned_bsr",
		distinct=True,
	)
	contacts = frappe.get_all(
		"User",
		filters={"name": ("in", reps or [""]), "enabled": 1},
		fields=["full_name", "email", "phone", "mobile_no"],
		order_by="full_name",
	)
	return [
		{"name": c.full_name, "email": c.email, "phone": c.phone or c.mobile_no or None} for c in contacts
	]


def when(value) -> str:
	"""A moment as an employer reads it: the site's date format and hours:minutes, no seconds."""
	moment = get_datetime(value)
	return f"{formatdate(moment)} {moment.strftime('%H:%M')}"


def acknowledged_within(hours) -> str:
	"""How soon the agency acknowledged, in business hours, in words."""
	hours = flt(hours)
	if hours < 1:
		return _("in under a business hour")
	return _("after {0} business hours").format(frappe.format(hours, {"fieldtype": "Float", "precision": 1}))


def _as_read(concerns: list[dict]) -> list[dict]:
	for concern in concerns:
		concern.reported_when = when(concern.reported_on)
		if concern.acknowledged_on:
			concern.acknowledged_when = when(concern.acknowledged_on)
			concern.acknowledged_within = acknowledged_within(concern.acknowledge_hours)
	return concerns


def home(user: str | None = None) -> dict:
	user = user or frappe.session.user
	partnerships = partnerships_of(user)
	names = [p.name for p in partnerships]
	events = frappe.get_list(
		"Employer Appreciation Event",
		fields=["name", "event_name", "event_type", "event_date", "venue"],
		filters={"event_date": (">=", today())},
		order_by="event_date asc",
	)
	rsvps = {}
	if events:
		for row in frappe.get_all(
			"Employer Appreciation Invitee",
			filters={
				"parent": ("in", [e.name for e in events]),
				"parenttype": "Employer Appreciation Event",
				"hiring_partnership": ("in", names or [""]),
			},
			fields=["parent", "rsvp"],
		):
			rsvps[row.parent] = row.rsvp or "Pending"
	for event in events:
		event.rsvp = rsvps.get(event.name, "Pending")
	return {
		"agency": agency_name(),
		"contacts": agency_contacts(names),
		"partnerships": partnerships,
		"placements": frappe.get_list(
			"Placement",
			fields=["name", "participant_label", "job_title", "start_date", "last_employer_confirmation"],
			filters={"status": ("in", placements.CURRENT)},
			order_by="start_date desc",
		),
		"job_orders": frappe.get_list(
			"Job Order",
			fields=["name", "job_title", "status", "openings", "filled", "hourly_wage", "desired_start_date"],
			filters={"status": ("in", OPEN_ORDER_STATUSES)},
			order_by="creation desc",
		),
		"concerns": _as_read(
			frappe.get_list(
				"Retention Issue Report",
				fields=[
					"name",
					"participant_label",
					"job_title",
					"issue_type",
					"status",
					"reported_on",
					"acknowledged_on",
					"acknowledge_hours",
				],
				order_by="reported_on desc",
				limit_page_length=RECENT_CONCERNS,
			)
		),
		"paperwork": frappe.get_list(
			"Employer Confirmation",
			fields=["name", "kind", "participant_label", "job_title", "terms", "milestone"],
			filters={"status": paperwork.PENDING},
			order_by="creation asc",
		),
		"events": events,
	}


def limit_link_options(context, placement_statuses: tuple[str, ...] | None = None):
	"""Web forms: offer only the employer's own placements (labelled "Maria S. · Cook") and
	partnerships in the Link fields, read through the permission hooks.  Frappe's default (records
	the user owns) would offer none; the check on submit is in portal.submissions."""
	filters = {"status": ("in", placement_statuses)} if placement_statuses else {}
	placements = frappe.get_list(
		"Placement",
		fields=["name", "participant_label", "job_title"],
		filters=filters,
		order_by="start_date desc",
	)
	options = {
		"Placement": [
			{"value": p.name, "label": f"{p.participant_label} · {p.job_title}"} for p in placements
		],
		"Hiring Partnership": [{"value": p.name, "label": p.partner_name} for p in partnerships_of()],
	}
	for field in context.web_form_doc.web_form_fields:
		if field.get("fieldname") in ("placement", "hiring_partnership"):
			doctype = "Placement" if field.fieldname == "placement" else "Hiring Partnership"
			field.options = frappe.as_json(options[doctype])
			if doctype == "Hiring Partnership" and len(options[doctype]) == 1:
				field.default = options[doctype][0]["value"]
