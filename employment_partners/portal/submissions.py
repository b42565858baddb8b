"""What an employer's portal submission must meet, and what the portal fills in for them.

The web forms (employment_partners/employment_partners/web_form/) insert with Frappe's
`accept`, which skips permission checks, so the controllers call `check_*` here whenever the
session user is an employer (permissions.is_employer_user).  The partnership rule is the same one
the permission hooks apply (permissions.record_permission); a refusal stores nothing.
"""

import datetime
import math
import re

import frappe
from frappe import _
from frappe.utils import now_datetime, today

from employment_partners import permissions
from employment_partners.placements import job_orders, placements
from employment_partners.portal import users

# "<b>", "</script>", "<!--", "<img": text that would be markup, not words
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
# characters a browser skips inside a tag ("<\x00img"): control and zero-width characters
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text")
FEEDBACK_MILESTONES_ONCE = ("30 Days", "90 Days", "180 Days", "Placement End")
# what a value of each kind of field must be to be stored: the columns' limits (Int is a 32-bit
# column, the other numbers decimal(21,9); Data is varchar(140), Small Text a 64 KB text column)
WORD_TYPES = (*TEXT_TYPES, "Select", "Link")
NUMBER_TYPES = ("Int", "Float", "Currency", "Percent")
INT_LIMIT, NUMBER_LIMIT = 2**31 - 1, 10**12
TEXT_LIMITS = {"Data": 140, "Small Text": 10_000, "Text": 10_000}


def markup_problem(doc) -> str | None:
	"""Employers write plain text: a value that holds HTML is refused, not silently cleaned."""
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if df.fieldtype in TEXT_TYPES and isinstance(value, str) and MARKUP.search(INVISIBLE.sub("", value)):
			return _("{0} contains HTML (such as <b> or <script>); please write it as plain text").format(
				_(df.label)
			)
	return None


def check_own_profile(doc, method=None):
	"""User validate: an employer editing their own profile (the portal's "My Account") writes
	plain text there too, since their name shows on staff screens and in emails."""
	if doc.name == frappe.session.user and permissions.is_employer_user():
		if problem := markup_problem(doc):
			frappe.throw(problem, title=_("Not saved"))


def as_date(value) -> datetime.date | None:
	"""A date given as text (YYYY-MM-DD, a time after it ignored), or None when it is none."""
	if isinstance(value, datetime.date):
		return value
	try:
		return datetime.date.fromisoformat(value.strip()[:10]) if isinstance(value, str) else None
	except ValueError:
		return None


def input_problem(doc) -> str | None:
	"""What an employer sent must be what the fields hold: plain text as text (not markup, and not
	longer than the column), numbers as finite numbers in the column's range, dates as dates.
	Anything else is refused with the field's label, before it reaches a rule or the database."""
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if value is None or value == "" or df.fieldtype not in (*WORD_TYPES, *NUMBER_TYPES, "Date"):
			continue
		label = _(df.label)
		if df.fieldtype in WORD_TYPES:
			if not isinstance(value, str):
				return _("{0} must be text").format(label)
			limit = df.length or TEXT_LIMITS.get(df.fieldtype)
			if limit and len(value) > limit:
				return _("{0} is too long: {1} characters, at most {2}").format(label, len(value), limit)
		elif df.fieldtype == "Date":
			if not as_date(value):
				return _("{0} must be a date").format(label)
		elif not _number_within(value, INT_LIMIT if df.fieldtype == "Int" else NUMBER_LIMIT):
			return _("{0} must be a number").format(label)
	return markup_problem(doc)


def _number_within(value, limit: int) -> bool:
	if isinstance(value, bool) or not isinstance(value, int | float | str):
		return False
	try:
		number = float(value)
	except (ValueError, OverflowError):
		return False
	return math.isfinite(number) and abs(number) <= limit


class EmployerInput:
	"""For the doctypes employers submit (web forms, REST): an employer's values are checked
	(input_problem) before Frappe looks up the records their Link fields name, which it does
	before `validate`, where a list or an object in place of a name would be a server error."""

	def _validate_links(self):
		if self.is_new() and permissions.is_employer_user():
			problem = input_problem(self)
			if problem:
				_refuse(problem)
		elif self.is_new() and frappe.flags.in_web_form and not frappe.has_permission(self.doctype, "create"):
			# the portal's forms insert without Frappe's permission check; they are the employers'
			# way in, and anyone else may use them only as far as their role may create the record
			frappe.throw(
				_("Only employers and staff who may create a {0} can use this form").format(_(self.doctype)),
				frappe.PermissionError,
			)
		super()._validate_links()


def _refuse(message: str):
	frappe.throw(message, title=_("Not sent"), exc=frappe.ValidationError)


def _own_placement(placement: str | None):
	"""The placement, if the employer user's partnership has it; else a refusal."""
	if not placement:
		_refuse(_("Choose the placement this is about"))
	doc = frappe.db.get_value(
		"Placement",
		placement,
		["name", "hiring_partnership", "status", "participant_label", "job_title"],
		as_dict=True,
	)
	if not doc or doc.hiring_partnership not in permissions.partnerships_of():
		_refuse(_("That placement is not one of yours: choose one from the list"))
	return doc


def check_issue_report(doc):
	"""A concern from the portal: on one of the employer's active placements, reported now, by
	the employer's own contact, through the Portal channel."""
	problem = input_problem(doc)
	if problem:
		_refuse(problem)
	placement = _own_placement(doc.placement)
	if placement.status not in placements.CURRENT:
		_refuse(
			_("{0}'s placement as {1} has ended; call the agency about a past placement").format(
				placement.participant_label, placement.job_title
			)
		)
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
	problem = input_problem(doc)
	if problem:
		_refuse(problem)
	mine = permissions.partnerships_of()
	if not doc.hiring_partnership and len(mine) == 1:
		doc.hiring_partnership = mine[0]
	if doc.hiring_partnership not in mine:
		_refuse(_("Choose one of your partnerships for this request"))
	doc.status = job_orders.DRAFT


def check_feedback(doc):
	"""Placement feedback: about one of the employer's placements, once per placement and
	milestone, received today through the Portal channel."""
	problem = input_problem(doc)
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
		"creation",
	)
	if other:
		# said to the employer: the person and the job, never the records' ids
		label, job = frappe.db.get_value("Placement", doc.placement, ["participant_label", "job_title"])
		return _("Your feedback on {0} ({1}) at {2} is already recorded: you sent it on {3}").format(
			label, job, _(doc.milestone), frappe.format(other, "Date")
		)
	return None
