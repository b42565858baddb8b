"""Who may change what.  Every record-level rule of the app lives here, wired through the
`has_permission` hooks (hooks.py).

Business Services Reps read every lead and partnership but change only their own: those
assigned to them, those they created, and unassigned ones (so a rep can claim a new lead).
Partnership Managers and System Managers change everything.  The rules limit changes, not
reads, so lists need no query condition: every record a role may read, it may list.

Employer Partners (website users of an employer, see employment_partners/portal) are the
exception: they read only what belongs to the hiring partnerships whose portal-user table names
them.  That rule is written once, as a query condition (`employer_condition`), and used both for
lists (`permission_query_conditions`) and for single documents (`has_permission`, which asks the
database whether the document passes the same condition).  Which fields they see of what they may
read is set by permission levels in the doctypes: participant details, case notes and the
agency's own judgements are at level 1, which the Employer Partner role does not have.
"""

import frappe
from frappe import _

BSR = "Business Services Rep"
EMPLOYER = "Employer Partner"
STAFF = {"System Manager", "Partnership Manager", BSR, "Case Manager"}
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


# --- Employer Partners -------------------------------------------------------------------------

# how each doctype an employer may read names its partnership
EMPLOYER_SCOPES = {
	"Placement": "`tab{doctype}`.hiring_partnership in ({names})",
	"Job Order": "`tab{doctype}`.hiring_partnership in ({names})",
	"Retention Issue Report": "`tab{doctype}`.hiring_partnership in ({names})",
	"Employer Feedback": "`tab{doctype}`.hiring_partnership in ({names})",
	"Employer Confirmation": "`tab{doctype}`.hiring_partnership in ({names})",
	"Employer Appreciation Event": (
		"exists (select 1 from `tabEmployer Appreciation Invitee` invitee"
		" where invitee.parent = `tab{doctype}`.name"
		" and invitee.parenttype = 'Employer Appreciation Event'"
		" and invitee.hiring_partnership in ({names}))"
	),
}


def is_employer_user(user: str | None = None) -> bool:
	"""An Employer Partner with no staff role: the portal's user, limited to their partnerships."""
	user = user or frappe.session.user
	if user in ("Administrator", "Guest"):
		return False
	roles = set(frappe.get_roles(user))
	return EMPLOYER in roles and not roles & STAFF


def partnerships_of(user: str | None = None) -> list[str]:
	"""The hiring partnerships whose portal users include `user` (active or not)."""
	user = user or frappe.session.user
	return frappe.get_all(
		"Hiring Partnership Portal User",
		filters={"user": user, "parenttype": "Hiring Partnership", "parentfield": "portal_users"},
		pluck="parent",
		distinct=True,
		order_by="parent",
	)


def employer_condition(doctype: str, user: str | None = None) -> str:
	"""The SQL condition an employer user's rows of `doctype` must meet; "" for everyone else."""
	user = user or frappe.session.user
	if not is_employer_user(user):
		return ""
	return _scoped(doctype, partnerships_of(user))


def _scoped(doctype: str, names: list[str]) -> str:
	scope = EMPLOYER_SCOPES.get(doctype)
	if not scope or not names:
		return "1=0"
	return scope.format(doctype=doctype, names=", ".join(frappe.db.escape(n) for n in names))


def employer_may_access(doc, user: str | None = None) -> bool:
	"""The document-level check of the same rule: a stored record is judged as stored (so
	changing its partnership in a request proves nothing); a new one by its own partnership."""
	user = user or frappe.session.user
	if not is_employer_user(user):
		return True
	names = partnerships_of(user)
	if not names:
		return False
	if doc.get("name") and not doc.is_new():
		# one query: no row when it is not stored, else whether the stored row passes
		stored = frappe.db.sql(
			f"select ({_scoped(doc.doctype, names)}) from `tab{doc.doctype}` where name = %s", doc.name
		)
		if stored:
			return bool(stored[0][0])
	return doc.get("hiring_partnership") in names


def employer_query(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions hook (Frappe passes user and doctype)."""
	return employer_condition(doctype, user)


def employer_permission(doc, ptype=None, user=None) -> bool:
	"""has_permission hook for the doctypes employers read."""
	return employer_may_access(doc, user)


def may_open_the_desk_app() -> bool:
	"""The apps screen and the after-login landing page: the desk app is for staff.  Frappe sends
	every login to the only app that lets it in, so without this an employer would land on the desk
	workspace instead of /partner."""
	return not is_employer_user() and frappe.session.user != "Guest"


def app_desk_record_permission(doc, ptype=None, user=None) -> bool:
	"""Number Card and Dashboard Chart: the app's desk cards and charts are for staff; Frappe would
	show them to anyone who may read their doctype, employers included (they read their own
	placements and issues)."""
	if doc.get("module") == "Employment Partners" and is_employer_user(user):
		return False
	return True


def sensitive_referral_condition(user: str | None = None, doctype: str | None = None) -> str:
	"""Service Referral: health, mental-health and legal referrals (a Service Category marked
	sensitive) are for Case Managers and Partnership Managers only; other readers (Business
	Services Reps) see the rest.  permission_query_conditions hook."""
	user = user or frappe.session.user
	if user == "Administrator" or {"Case Manager", "Partnership Manager", "System Manager"} & set(
		frappe.get_roles(user)
	):
		return ""
	return "ifnull(`tabService Referral`.sensitive, 0) = 0"


def sensitive_referral_permission(doc, ptype=None, user=None) -> bool:
	"""has_permission hook: the same rule for one referral, judged on its category."""
	if not sensitive_referral_condition(user):
		return True
	return not frappe.db.get_value("Service Category", doc.category, "sensitive")


def check_file_attachment(doc, method=None):
	"""File before_insert: attaching a file to one of the app's records needs write permission on
	that record.  Frappe 15's upload_file asks for it but ignores the answer, so any login could
	attach a file to any record (an employer to another partnership's retention issue)."""
	if doc.flags.ignore_permissions or not doc.attached_to_doctype or not doc.attached_to_name:
		return
	if frappe.get_meta(doc.attached_to_doctype).module != "Employment Partners":
		return
	if not frappe.db.exists(doc.attached_to_doctype, doc.attached_to_name):
		return  # a form not saved yet: Frappe relinks the file when it is
	if not frappe.has_permission(doc.attached_to_doctype, "write", doc.attached_to_name):
		frappe.throw(
			_("You may not attach files to {0} {1}").format(_(doc.attached_to_doctype), doc.attached_to_name),
			frappe.PermissionError,
		)


def employer_job_order_permission(doc, ptype=None, user=None) -> bool:
	"""Job Order: the employer rule, then the reps' own-records rule."""
	return employer_may_access(doc, user) and employer_record_permission(doc, ptype, user)


def interaction_permission(doc, ptype=None, user=None) -> bool:
	"""Employer Interaction: reps change the interactions they logged."""
	return _own_records_only(doc, ptype, user, "staff_member")
