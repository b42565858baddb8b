"""Retention services after placement (LA:RISE / LIFT practice): referrals to service partners,
coaching sessions, retention plans, bonuses paid, lending circles; and one participant's services
timeline.  The rules are here; the controllers apply them."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from employment_partners.placements import placements

REFERRED, CONNECTED, RECEIVED, CLOSED, NOT_CONNECTED = (
	"Referred",
	"Connected",
	"Service Received",
	"Closed",
	"Not Connected",
)
# a referral that reached the partner: the report's "connected referral"
CONNECTED_STATUSES = (CONNECTED, RECEIVED, CLOSED)
MOVES = {
	REFERRED: {CONNECTED, NOT_CONNECTED},
	CONNECTED: {RECEIVED, CLOSED, NOT_CONNECTED},
	RECEIVED: {CLOSED},
	CLOSED: set(),
	NOT_CONNECTED: set(),
}
# a retention issue's intervention type -> the service category of the referral it makes
INTERVENTION_CATEGORIES = {
	"Service Referral - Housing": "Housing",
	"Service Referral - Transportation": "Transportation",
	"Service Referral - Childcare": "Childcare",
	"Service Referral - Health": "Health",
	"Service Referral - Legal": "Legal",
	"Financial Coaching": "Financial Coaching",
}
MAX_SESSION_MINUTES = 8 * 60


def only_current_placement(participant: str | None) -> str | None:
	"""The participant's current placement when they have exactly one (a session or referral made
	without naming one is about it); else None."""
	names = frappe.get_all(
		"Placement",
		filters={"participant": participant or "", "status": ("in", placements.CURRENT)},
		pluck="name",
		limit=2,
	)
	return names[0] if len(names) == 1 else None


def placement_problem(participant: str, placement: str | None) -> str | None:
	if placement and frappe.db.get_value("Placement", placement, "participant") != participant:
		return _("Placement {0} is not {1}'s").format(placement, participant)
	return None


def partner_problem(service_partner: str, category: str) -> str | None:
	"""The partner must be active and offer the category."""
	active = frappe.db.get_value("Service Partner", service_partner, "active")
	if not active:
		return _("{0} is not an active service partner").format(service_partner)
	offers = frappe.get_all(
		"Service Partner Category",
		filters={"parent": service_partner, "parenttype": "Service Partner"},
		pluck="category",
	)
	if category not in offers:
		return _("{0} does not offer {1} (it offers {2})").format(
			service_partner, _(category), ", ".join(_(c) for c in offers) or _("nothing yet")
		)
	return None


def status_problem(from_status: str | None, to_status: str) -> str | None:
	if from_status is None or from_status == to_status:
		return None
	if to_status not in MOVES.get(from_status, set()):
		return _("A referral cannot go from {0} to {1}").format(_(from_status), _(to_status))
	return None


def set_check_todo(doc):
	"""The referral's next check date is a ToDo for the participant's case manager (one open ToDo
	a referral, moved with the date, closed when the date is cleared or the referral settles)."""
	open_todo = frappe.db.get_value(
		"ToDo",
		{"reference_type": doc.doctype, "reference_name": doc.name, "status": "Open"},
		"name",
	)
	wanted = doc.next_check_date and doc.case_manager and doc.status in (REFERRED, CONNECTED, RECEIVED)
	if not wanted:
		if open_todo:
			frappe.db.set_value("ToDo", open_todo, "status", "Closed")
		return
	description = _("Check the {0} referral of {1} to {2}").format(
		_(doc.category), doc.participant_name, doc.service_partner
	)
	if open_todo:
		frappe.db.set_value(
			"ToDo",
			open_todo,
			{"date": doc.next_check_date, "allocated_to": doc.case_manager, "description": description},
		)
		return
	frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": doc.case_manager,
			"reference_type": doc.doctype,
			"reference_name": doc.name,
			"date": doc.next_check_date,
			"description": description,
		}
	).insert(ignore_permissions=True)


def referrals_from_interventions(issue):
	"""A retention issue's service-referral interventions with a service partner make (once) a
	Service Referral for the participant, linked both ways; one that names an existing referral of
	the participant links it to the issue instead."""
	for row in issue.interventions:
		if row.get("service_referral"):
			participant, linked = frappe.db.get_value(
				"Service Referral", row.service_referral, ["participant", "retention_issue"]
			)
			if participant != issue.participant:
				frappe.throw(
					_("Service referral {0} is not {1}'s").format(
						row.service_referral, issue.participant_label
					),
					title=_("Invalid intervention"),
				)
			if not linked:
				frappe.db.set_value("Service Referral", row.service_referral, "retention_issue", issue.name)
			continue
		category = INTERVENTION_CATEGORIES.get(row.intervention_type)
		if not category or not row.get("service_partner"):
			continue
		referral = frappe.get_doc(
			{
				"doctype": "Service Referral",
				"participant": issue.participant,
				"placement": issue.placement,
				"retention_issue": issue.name,
				"category": category,
				"service_partner": row.service_partner,
				"referred_on": row.intervention_date or today(),
				"referred_by": row.owner_user or frappe.session.user,
			}
		).insert()
		row.db_set("service_referral", referral.name)


def timeline(participant: str) -> list[dict]:
	"""Everything done for a participant after placement, newest first: sessions, referrals, plan
	steps and milestones, retention bonuses paid, lending-circle contributions and payouts.  One
	query a kind; what the reader may not read (financial details, sensitive referrals) is left to
	the permission-checked lists."""
	events = []
	for s in frappe.get_list(
		"Coaching Session",
		filters={"participant": participant},
		fields=["name", "kind", "session_date", "minutes", "mode", "topics"],
	):
		events.append(
			_event(
				s.session_date,
				_(s.kind),
				f"{s.minutes} min, {_(s.mode)}" + (f": {s.topics}" if s.topics else ""),
				"Coaching Session",
				s.name,
			)
		)
	for r in frappe.get_list(
		"Service Referral",
		filters={"participant": participant},
		fields=["name", "category", "service_partner", "referred_on", "status"],
	):
		events.append(
			_event(
				r.referred_on,
				_("{0} referral").format(_(r.category)),
				f"{r.service_partner}: {_(r.status)}",
				"Service Referral",
				r.name,
			)
		)
	plan = frappe.db.get_value("Retention Plan", {"participant": participant}, "name")
	if plan and frappe.has_permission("Retention Plan", "read", plan):
		doc = frappe.get_doc("Retention Plan", plan)
		for step in doc.steps:
			if step.done_on:
				events.append(_event(step.done_on, _("Plan step done"), step.step, "Retention Plan", plan))
		for m in doc.milestones:
			if m.celebrated_on:
				events.append(
					_event(m.celebrated_on, _("Milestone celebrated"), m.milestone, "Retention Plan", plan)
				)
	if frappe.has_permission("Placement", "read"):
		for b in frappe.db.sql(
			"""select b.paid_on, b.amount, b.milestone_days, b.paid_how, p.name as placement
			from `tabPlacement Retention Bonus` b join `tabPlacement` p on p.name = b.parent
			where p.participant = %s and b.parenttype = 'Placement' and b.paid_on is not null""",
			participant,
			as_dict=True,
		):
			detail = _("{0} at {1} days").format(frappe.format(b.amount, "Currency"), b.milestone_days)
			if b.paid_how:
				detail += f", {_(b.paid_how)}"
			events.append(_event(b.paid_on, _("Retention bonus paid"), detail, "Placement", b.placement))
	if frappe.has_permission("Lending Circle", "read"):
		for c in frappe.db.sql(
			"""select lc.name, lc.circle_name, c.month, c.paid_on, c.missed, c.amount
			from `tabLending Circle Contribution` c join `tabLending Circle` lc on lc.name = c.parent
			where c.participant = %s""",
			participant,
			as_dict=True,
		):
			what = _("Missed") if c.missed else frappe.format(c.amount, "Currency")
			events.append(
				_event(
					c.paid_on or c.month,
					_("Lending circle contribution"),
					f"{c.circle_name}: {what}",
					"Lending Circle",
					c.name,
				)
			)
		for p in frappe.db.sql(
			"""select lc.name, lc.circle_name, p.paid_on, p.pot
			from `tabLending Circle Payout` p join `tabLending Circle` lc on lc.name = p.parent
			where p.recipient = %s and p.paid_on is not null""",
			participant,
			as_dict=True,
		):
			events.append(
				_event(
					p.paid_on,
					_("Lending circle pot received"),
					f"{p.circle_name}: {frappe.format(p.pot, 'Currency')}",
					"Lending Circle",
					p.name,
				)
			)
	events.sort(key=lambda e: (e["date"], e["title"]), reverse=True)
	return events


def _event(on, title: str, detail: str, doctype: str, name: str) -> dict:
	return {"date": getdate(on), "title": title, "detail": detail, "doctype": doctype, "name": name}
