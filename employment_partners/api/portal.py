"""Whitelisted methods of the employer portal.  Who may touch which record is decided by the
permission hooks (employment_partners/permissions.py); these methods ask them."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import now_datetime

from employment_partners import permissions
from employment_partners.api import required
from employment_partners.portal import paperwork, pulse, users

RSVP_ANSWERS = ("Yes", "No", "Maybe")


@frappe.whitelist(methods=["POST"])
def invite_portal_user(
	partnership: str | None = None,
	email: str | None = None,
	first_name: str | None = None,
	last_name: str | None = None,
) -> str:
	"""Staff: make an employer's person a portal user of the partnership (welcome email sent)."""
	required(partnership, _("Hiring Partnership"))
	return users.invite(partnership, email, first_name, last_name)


def _employer_only():
	if not permissions.is_employer_user():
		frappe.throw(_("Only an employer's portal login can do this"), frappe.PermissionError)


@frappe.whitelist(methods=["POST"])
def rsvp(event: str | None = None, answer: str | None = None) -> str:
	"""An employer answers an appreciation-event invitation for their partnerships."""
	_employer_only()
	required(event, _("Event"))
	if answer not in RSVP_ANSWERS:
		frappe.throw(_("Answer Yes, No or Maybe"), title=_("Not sent"))
	doc = frappe.get_doc("Employer Appreciation Event", event)
	doc.check_permission("read")
	mine = set(permissions.partnerships_of())
	rows = [row for row in doc.invitees if row.hiring_partnership in mine]
	for row in rows:
		row.rsvp = answer
	doc.save(ignore_permissions=True)
	return answer


@frappe.whitelist(methods=["POST"])
def confirm_paperwork(name: str | None = None) -> str:
	"""An employer confirms paperwork of their placement; who and when are stored."""
	_employer_only()
	required(name, _("Employer Confirmation"))
	doc = frappe.get_doc("Employer Confirmation", name)
	doc.check_permission("read")
	if doc.status == paperwork.CONFIRMED:
		frappe.throw(
			_("Already confirmed by {0} on {1}").format(
				doc.confirmed_by, frappe.format(doc.confirmed_on, "Datetime")
			),
			title=_("Not sent"),
		)
	doc.update(
		{"status": paperwork.CONFIRMED, "confirmed_by": frappe.session.user, "confirmed_on": now_datetime()}
	)
	doc.save(ignore_permissions=True)
	return doc.status


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=30, seconds=60 * 60)
def answer_pulse(
	token: str | None = None,
	answer: str | None = None,
	issue_type: str | None = None,
	severity: str | None = None,
	incident_start: str | None = None,
	incident_end: str | None = None,
	description: str | None = None,
	end_date: str | None = None,
	reason: str | None = None,
) -> dict:
	"""Answer an employer pulse question with the token from its email (no login needed).  A
	refusal is answered with its message (frappe.throw): raised bare, its text would reach the
	employer only as a traceback, which a production site never shows."""
	try:
		doc = pulse.answer(
			token,
			answer,
			{
				"issue_type": issue_type,
				"severity": severity,
				"incident_start": incident_start,
				"incident_end": incident_end,
				"description": description,
				"end_date": end_date,
				"reason": reason,
			},
		)
	except pulse.PulseRefused as refused:
		frappe.throw(str(refused), pulse.PulseRefused, title=_("Answer not recorded"))
	return {
		"answer": doc.answer,
		"participant": doc.participant_label,
		"retention_issue": doc.retention_issue,
	}
