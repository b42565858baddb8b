"""What an employer's portal submission must meet, and what the portal fills in for them.

The web forms (employment_partners/employment_partners/web_form/) insert with Frappe's
`accept`, which skips permission checks, so the controllers call `check_*` here whenever the
session user is an employer (permissions.is_employer_user).  The partnership rule is the same one
the permission hooks apply (permissions.record_permission); a refusal stores nothing.
"""

import re

import frappe
from frappe import _
from frappe.utils import now_datetime, today

from employment_partners import permissions
from employment_partners.portal import users

# "<b>", "</script>", "<!--", "<img": text that would be markup, not words
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text")
FEEDBACK_MILESTONES_ONCE = ("30 Days", "90 Days", "180 Days", "Placement End")


def markup_problem(doc) -> str | None:
	"""Employers write plain text: a value that holds HTML is refused, not silently cleaned."""
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if df.fieldtype in TEXT_TYPES and isinstance(value, str) and MARKUP.search(value):
			return _("{0} contains HTML (such as <b> or <script>); please write it as plain text").format(
				_(df.label)
			)
	return None


def _refuse(message: str):
	frappe.throw(message, title=_("Not sent"), exc=frappe.ValidationError)


def _own_placement(placement: str | None):
	"""The placement, if the employer user's partnership has it; else a refusal."""
	if not placement:
		_refuse(_("Choose the placement this is about"))
	doc = frappe.db.get_value("Placement", placement, ["name", "hiring_partnership", "status"], as_dict=True)
	if not doc or doc.hiring_partnership not in permissions.partnerships_of():
		_refuse(_("Placement {0} is not one of your placements").format(placement))
	return doc


def check_issue_report(doc):
	"""A concern from the portal: on one of the employer's active placements, reported now, by
	the employer's own contact, through the Portal channel."""
	problem = markup_problem(doc)
	if problem:
		_refuse(problem)
	placement = _own_placement(doc.placement)
	if placement.status != "Active":
		_refuse(_("Placement {0} has ended; call the agency about a past placement").format(doc.placement))
	user = frappe.session.user
	doc.update(
		portal_report(
			users.contact_of(user, placement.hiring_partnership), user, now_datetime(), doc.severity
		)
	)


def portal_report(contact: str | None, user: str | None, reported_on, severity: str | None) -> dict:
	"""What makes a retention issue one the employer filed through the portal (the web form or a
	pulse answer): their contact, reported when sent, Medium unless they said otherwise."""
	return {
		"reported_by_type": "Employer Contact",
		"channel": "Portal",
		"reported_by_user": user if user != "Guest" else None,
		"reporter_contact": contact,
		"reported_on": reported_on,
		"severity": severity or "Medium",
	}


def check_job_order(doc):
	"""A hiring request: for one of the employer's partnerships, in Draft for the rep to review."""
	problem = markup_problem(doc)
	if problem:
		_refuse(problem)
	mine = permissions.partnerships_of()
	if not doc.hiring_partnership and len(mine) == 1:
		doc.hiring_partnership = mine[0]
	if doc.hiring_partnership not in mine:
		_refuse(_("Choose one of your partnerships for this request"))
	doc.status = "Draft"


def check_feedback(doc):
	"""Placement feedback: about one of the employer's placements, once per placement and
	milestone, received today through the Portal channel."""
	problem = markup_problem(doc)
	if problem:
		_refuse(problem)
	placement = _own_placement(doc.placement)
	if not doc.milestone:
		_refuse(_("Choose the milestone this feedback is for"))
	user = frappe.session.user
	doc.update(
		{
			"hiring_partnership": placement.hiring_partnership,
			"channel": "Portal",
			"received_on": today(),
			"contact": users.contact_of(user, placement.hiring_partnership),
		}
	)


def duplicate_feedback_problem(doc) -> str | None:
	"""One feedback per placement per milestone (30, 90, 180 days, placement end)."""
	if not doc.placement or doc.milestone not in FEEDBACK_MILESTONES_ONCE:
		return None
	other = frappe.db.get_value(
		"Employer Feedback",
		{"placement": doc.placement, "milestone": doc.milestone, "name": ("!=", doc.name or "")},
		"name",
	)
	if other:
		return _("Feedback for {0} at {1} is already recorded ({2})").format(
			doc.placement, _(doc.milestone), other
		)
	return None
