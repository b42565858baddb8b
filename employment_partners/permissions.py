"""Who may change what.  Every record-level rule of the app lives here, wired through the
`has_permission` hooks (hooks.py).

Business Services Reps read every lead and partnership but change only their own: those
assigned to them, those they created, and unassigned ones (so a rep can claim a new lead).
Partnership Managers and System Managers change everything.  The rules limit changes, not
reads, so lists need no query condition: every record a role may read, it may list.
"""

import frappe

BSR = "Business Services Rep"
MANAGERS = {"Partnership Manager", "System Manager"}
READ_ONLY_PTYPES = {"read", "select", "print", "email", "report", "export"}


def is_manager(user: str) -> bool:
	return user == "Administrator" or bool(MANAGERS & set(frappe.get_roles(user)))


def rep_owns(doc, user: str, assignee_field: str) -> bool:
	"""Judged on the stored record, so a rep cannot take a lead by reassigning it in the form."""
	assignee, owner = doc.get(assignee_field), doc.owner
	if not doc.is_new():
		stored = frappe.db.get_value(doc.doctype, doc.name, [assignee_field, "owner"])
		if stored:
			assignee, owner = stored
	return not assignee or assignee == user or owner == user


def _own_records_only(doc, ptype: str, user: str | None, assignee_field: str) -> bool:
	user = user or frappe.session.user
	if ptype in READ_ONLY_PTYPES or is_manager(user):
		return True
	if BSR in frappe.get_roles(user):
		return rep_owns(doc, user, assignee_field)
	return True  # other roles: their role permissions decide


def employer_record_permission(doc, ptype=None, user=None) -> bool:
	"""Employer Lead and Hiring Partnership: reps change their own."""
	return _own_records_only(doc, ptype, user, "assigned_bsr")


def interaction_permission(doc, ptype=None, user=None) -> bool:
	"""Employer Interaction: reps change the interactions they logged."""
	return _own_records_only(doc, ptype, user, "staff_member")
