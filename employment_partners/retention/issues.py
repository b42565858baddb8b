"""Employer-reported retention issues: who may report on what, the acknowledgement SLA, and
what each workflow state needs.

The states and who may move a report between them are the "Retention Issue" Workflow (a
fixture): New → Acknowledged → Intervention Planned → Resolved / Escalated / Closed - Separated,
and an Escalated report goes back to Intervention Planned, or is resolved or closed by a
Partnership Manager.  Frappe refuses any other move.  This module adds what a state needs
(an intervention, a resolution, a separation reason) and the SLA clock: a report must be
acknowledged within `acknowledge_sla_hours` business hours (Settings) of being reported.
"""

from datetime import datetime, time

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.utils import get_datetime, get_time, getdate, now_datetime

from employment_partners import arithmetic
from employment_partners.placements import placements
from employment_partners.retention import sla
from employment_partners.utils import get_settings

NEW = "New"
ACKNOWLEDGED = "Acknowledged"
PLANNED = "Intervention Planned"
RESOLVED = "Resolved"
ESCALATED = "Escalated"
SEPARATED = "Closed - Separated"
# no longer open: closed_on says when (Partnership Health counts issues open on a period's last day)
CLOSED = (RESOLVED, SEPARATED)


def participant_label(first_name: str | None, last_name: str | None) -> str:
	"""What an employer may see of a participant: "Maria S."."""
	initial = f" {last_name.strip()[0]}." if (last_name or "").strip() else ""
	return f"{(first_name or '').strip()}{initial}"


def business_hours(settings=None) -> sla.BusinessHours:
	settings = settings or get_settings()
	return sla.BusinessHours(
		day_start=get_time(settings.business_day_start) if settings.business_day_start else time(9),
		day_end=get_time(settings.business_day_end) if settings.business_day_end else time(17),
		holidays=frozenset(getdate(h.holiday_date) for h in settings.holidays),
	)


def acknowledge_due(reported_on) -> datetime:
	return sla.due_at(get_datetime(reported_on), get_settings().acknowledge_sla_hours, business_hours())


def acknowledge_hours(reported_on, acknowledged_on) -> float:
	"""Business hours from the report to its acknowledgement (stored as arithmetic.hours)."""
	return arithmetic.hours(
		sla.business_hours_between(get_datetime(reported_on), get_datetime(acknowledged_on), business_hours())
	)


def placement_problem(placement: str, status: str) -> str | None:
	if status not in placements.CURRENT:
		return _("Placement {0} is {1}: retention issues are reported on current placements only").format(
			placement, _(status)
		)
	return None


def state_problem(to_state: str, doc) -> str | None:
	"""What a report needs before it may enter `to_state`."""
	if to_state == PLANNED and not doc.interventions:
		return _("Add the planned intervention before moving the report to Intervention Planned")
	if to_state == RESOLVED and not (doc.resolution or "").strip():
		return _("Say how the issue was resolved")
	if to_state == SEPARATED:
		if not doc.separation_reason or not doc.separation_date:
			return _("Closing as separated needs the separation reason and date")
	return None


REPORTED = "on_reported"  # the event of the "Retention Issue Reported" notifications


def notify_reported(doc):
	"""The "Retention Issue Reported" notifications (Method: on_reported) go out from a background
	worker once the report is committed, not inside the request that files it: an employer's
	submission is not held up by rendering and queueing the staff's emails, and a failing email
	cannot refuse it."""
	frappe.enqueue(
		"employment_partners.retention.issues.send_reported",
		name=doc.name,
		queue="short",
		enqueue_after_commit=True,
	)


def send_reported(name: str):
	if frappe.db.exists("Retention Issue Report", name):
		frappe.get_doc("Retention Issue Report", name).run_method(REPORTED)


def flag_sla_breaches(now: datetime | None = None) -> list[str]:
	"""Hourly: New reports (unacknowledged) past their acknowledgement deadline are flagged, once,
	and the "Retention Issue SLA Breached" notification goes out (the rule: sla.is_breached; New
	reports not yet flagged are few, the deadline passes within days)."""
	now = now or now_datetime()
	report = frappe.qb.DocType("Retention Issue Report")
	rows = (
		frappe.qb.from_(report)
		.select(report.name, report.acknowledge_due)
		.where(report.status == NEW)
		.where(report.sla_breached == 0)
		.orderby(report.acknowledge_due, order=Order.asc)
		.run()
	)
	names = [name for name, due in rows if sla.is_breached(get_datetime(due), None, now)]
	for name in names:
		doc = frappe.get_doc("Retention Issue Report", name)
		doc.db_set({"sla_breached": 1, "breach_notified_on": now})
		doc.run_method("on_sla_breach")
	return names


def new_report(placement: str, fields: dict):
	"""An unsaved retention issue on `placement` (its controller fills the rest when it is filed)."""
	return frappe.get_doc({"doctype": "Retention Issue Report", "placement": placement, **fields})


def file_report(report) -> str:
	"""File a report someone outside the desk made (the employer's pulse answer): the report's own
	rules and workflow still apply; the caller has checked who may file it."""
	report.insert(ignore_permissions=True)
	return report.name


EMPLOYER_REPORTED_END = "on_employer_reported_end"  # the "Placement Reported Ended" notifications


def employer_reported_end(placement: str, end_date, reason: str):
	"""The employer says the person no longer works there: the placement is flagged for review
	(never ended automatically), its case manager gets a ToDo, and the "Placement Reported Ended"
	notifications (editable, in defaults/notification.json) go out."""
	frappe.db.set_value(
		"Placement", placement, {"employer_review": 1, "employer_reported_end_date": end_date}
	)
	doc = frappe.get_doc("Placement", placement)
	if doc.case_manager:
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": doc.case_manager,
				"reference_type": "Placement",
				"reference_name": placement,
				"priority": "High",
				"date": getdate(),
				"description": _(
					"{0} says {1} ({2}) no longer works there; last day {3}. Reason: {4}"
				).format(
					doc.employer_name,
					doc.participant_label,
					doc.job_title,
					frappe.format(end_date, "Date"),
					reason,
				),
			}
		).insert(ignore_permissions=True)
	doc.run_method(EMPLOYER_REPORTED_END)


def separate_placement(doc):
	"""Closing a report as separated ends its placement with the reason."""
	placement = frappe.get_doc("Placement", doc.placement)
	if placement.status == placements.ENDED:
		return
	placement.status = placements.ENDED
	placement.end_date = doc.separation_date
	placement.separation_reason = doc.separation_reason
	placement.separation_notes = _("Retention issue {0} ({1}): {2}").format(
		doc.name, _(doc.issue_type), doc.resolution or ""
	)
	placement.flags.ignore_permissions = True
	placement.save()
