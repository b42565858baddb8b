"""Who may read and change which records.  Every record-level rule of the app lives here.

Each rule is written once, as an SQL condition on the doctype's table, and used twice:
- for lists, reports and link searches (`permission_query_conditions`, `query_conditions`), and
- for one document (`has_permission`, `record_permission`), which asks the database whether the
  document passes the same condition: a stored record as it is stored (so changing a field in a
  request proves nothing), a new one as the row it would be.

The rules (`RULES` says which doctypes each applies to):
- **Employer rule** (Employer Partners, the portal's users, see employment_partners/portal): they
  read only what belongs to the hiring partnerships whose portal-user table names them.
- **Caseload rule** (Case Managers without a manager role): a case manager works on the
  participants in their caseload: their own, their team's (the supervisor table in Settings), and
  those no one has been assigned yet; and on those participants' placements, referrals, follow-ups,
  retention issues, plans, coaching sessions, service referrals and risks of separation.  Settings can let them read
  every participant's record (agency-wide read, off by default); they still change only their
  caseload's.  Someone who is also a Business Services Rep reads placements and referrals as a rep.
- **Sensitive services rule**: health, mental-health and legal referrals (a Service Category marked
  sensitive) are for Case Managers and managers; other readers do not see them.
- **Reps' own records** (Business Services Reps without a manager role): they read every lead,
  partnership, job order and interaction, and change only their own: assigned to them, created by
  them, or unassigned (so a rep can claim a new lead).

Which fields a role sees of what it may read is set by permission levels in the doctypes:
participant details, case notes and the agency's own judgements are at level 1.
"""

import frappe
from frappe import _

BSR = "Business Services Rep"
CASE_MANAGER = "Case Manager"
EMPLOYER = "Employer Partner"
STAFF = {"System Manager", "Partnership Manager", BSR, CASE_MANAGER}
MANAGERS = {"Partnership Manager", "System Manager"}
READ_ONLY_PTYPES = {"read", "select", "print", "email", "report", "export"}


def is_manager(user: str) -> bool:
	return user == "Administrator" or bool(MANAGERS & set(frappe.get_roles(user)))


def _in(values) -> str:
	return ", ".join(frappe.db.escape(v) for v in values)


# --- the rules: each returns an SQL condition on `tab{doctype}`, or "" when it does not apply ------


def employer_rule(doctype: str, user: str, ptype: str) -> str:
	if not is_employer_user(user):
		return ""
	return _scoped(doctype, partnerships_of(user))


def caseload_rule(doctype: str, user: str, ptype: str) -> str:
	roles = set(frappe.get_roles(user))
	if user == "Administrator" or CASE_MANAGER not in roles or roles & MANAGERS:
		return ""
	if doctype in PIPELINE_DOCTYPES and BSR in roles:
		return ""  # a rep who is also a case manager reads and changes these as a rep
	if ptype in READ_ONLY_PTYPES and frappe.db.get_single_value(
		"Employment Partners Settings", "case_managers_read_all"
	):
		return ""
	mine = _in(caseload_of(user))
	if doctype == "Participant":
		return (
			f"(ifnull(`tabParticipant`.case_manager, '') = '' or `tabParticipant`.case_manager in ({mine}))"
		)
	return (
		f"exists (select 1 from `tabParticipant` caseload where caseload.name = `tab{doctype}`.participant"
		f" and (ifnull(caseload.case_manager, '') = '' or caseload.case_manager in ({mine})))"
	)


def sensitive_services_rule(doctype: str, user: str, ptype: str) -> str:
	if user == "Administrator" or ({CASE_MANAGER} | MANAGERS) & set(frappe.get_roles(user)):
		return ""
	# the referral's own flag (copied when saved) or its category's, so a new one is judged too
	return (
		"ifnull(`tabService Referral`.sensitive, 0) = 0 and not exists (select 1 from `tabService Category`"
		" category where category.name = `tabService Referral`.category and category.sensitive = 1)"
	)


def reps_own_rule(doctype: str, user: str, ptype: str) -> str:
	if ptype in READ_ONLY_PTYPES or is_manager(user) or BSR not in frappe.get_roles(user):
		return ""
	field = f"`tab{doctype}`.{REP_FIELDS[doctype]}"
	who = frappe.db.escape(user)
	return f"(ifnull({field}, '') = '' or {field} = {who} or `tab{doctype}`.owner = {who})"


# how a rep's own record names its rep
REP_FIELDS = {
	"Employer Lead": "assigned_bsr",
	"Hiring Partnership": "assigned_bsr",
	"Job Order": "assigned_bsr",
	"Employer Interaction": "staff_member",
}


class OwnedRecord:
	"""Mixin of the controllers of the doctypes a staff member may read but only sometimes change
	(reps' own records, a case manager's caseload): someone refused a change is told whose record it
	is and whom to ask, never Frappe's permission trace ("Not allowed via controller permission
	check … Insufficient Permission for Employer Lead (write)")."""

	def check_permission(self, permtype="read", permlevel=None):
		if self.flags.ignore_permissions or permtype in READ_ONLY_PTYPES:
			return super().check_permission(permtype, permlevel)
		# asked without raise_exception, Frappe keeps its trace to itself
		if frappe.permissions.has_permission(self.doctype, permtype, self, raise_exception=False):
			return None
		refused = whose(self, permtype)
		if refused:
			message, title = refused
			frappe.throw(message, frappe.PermissionError, title=title)
		return super().check_permission(permtype, permlevel)


def whose(doc, ptype: str = "write") -> tuple[str, str] | None:
	"""(message, title) for the session user refused `ptype` on `doc` because it is someone else's:
	another rep's record (REP_FIELDS), or a participant's record in another case manager's caseload.
	The stored record is judged as stored (the rules judge it so); None when neither is the reason."""
	user = frappe.session.user
	if doc.doctype in REP_FIELDS and reps_own_rule(doc.doctype, user, ptype) and not doc.is_new():
		stored = frappe.db.get_value(doc.doctype, doc.name, REP_FIELDS[doc.doctype])
		if stored and stored != user:
			rep = frappe.utils.get_fullname(stored)
			return (
				_(
					"{0} is {1}'s. Ask {1} or a partnership manager to change it, or to assign it to you."
				).format(doc.get_title() or doc.name, rep),
				_("Assigned to {0}").format(rep),
			)
	if caseload_rule in RULES.get(doc.doctype, ()) and caseload_rule(doc.doctype, user, ptype):
		person, case_manager = _caseload_owner(doc)
		# (no one, for a participant the user may not read: the refusal then says no more than
		# Frappe's, or it would name a person to someone who asked by a record's id)
		if case_manager and case_manager not in caseload_of(user):
			name = frappe.utils.get_fullname(case_manager)
			return (
				_(
					"{0} is in {1}'s caseload. Ask {1} or a partnership manager to change this, or to move {0}"
					" to your caseload."
				).format(person, name),
				_("In {0}'s caseload").format(name),
			)
	return None


def _caseload_owner(doc) -> tuple[str, str | None]:
	"""(the participant's full name, their case manager) that decide whose caseload `doc` is in: a
	stored record's stored participant, a new one's chosen participant (a new participant: the case
	manager chosen for them); ("", None) for a participant the session user may not read."""
	if doc.doctype == "Participant":
		if doc.is_new():
			named = doc.full_name or " ".join(filter(None, (doc.first_name, doc.last_name)))
			return named or _("This participant"), doc.case_manager
		participant = doc.name
	else:
		stored = None if doc.is_new() else frappe.db.get_value(doc.doctype, doc.name, "participant")
		participant = stored or doc.get("participant")
	if not participant or not frappe.has_permission("Participant", "read", participant):
		return "", None
	full_name, case_manager = frappe.db.get_value(
		"Participant", participant, ["full_name", "case_manager"]
	) or (None, None)
	return full_name or participant, case_manager


# of the caseload rule's doctypes, the ones Business Services Reps work on too
PIPELINE_DOCTYPES = {"Placement", "Referral"}

RULES: dict[str, tuple] = {
	"Employer Lead": (reps_own_rule,),
	"Hiring Partnership": (reps_own_rule,),
	"Employer Interaction": (reps_own_rule,),
	"Job Order": (employer_rule, reps_own_rule),
	"Placement": (employer_rule, caseload_rule),
	"Retention Issue Report": (employer_rule, caseload_rule),
	"Employer Feedback": (employer_rule,),
	"Employer Confirmation": (employer_rule,),
	"Employer Appreciation Event": (employer_rule,),
	"Participant": (caseload_rule,),
	"Referral": (caseload_rule,),
	"Retention Follow-up": (caseload_rule,),
	"Retention Plan": (caseload_rule,),
	"Coaching Session": (caseload_rule,),
	"Service Referral": (caseload_rule, sensitive_services_rule),
	"Separation Risk": (caseload_rule,),
}


def conditions(doctype: str, user: str | None = None, ptype: str = "read") -> list[str]:
	"""The SQL conditions `user`'s rows of `doctype` must all meet to be read (or, for ptype
	write/create/delete..., changed); none for a user no rule limits."""
	user = user or frappe.session.user
	return [c for rule in RULES.get(doctype, ()) if (c := rule(doctype, user, ptype))]


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions hook (Frappe passes user and doctype): lists, reports, link
	search and REST see only the rows the rules let `user` read."""
	return " and ".join(f"({c})" for c in conditions(doctype, user, "read"))


def record_permission(doc, ptype=None, user=None) -> bool:
	"""has_permission hook: whether `doc` passes the same conditions, asked of the database."""
	found = conditions(doc.doctype, user, ptype or "read")
	if not found:
		return True
	test = " and ".join(f"({c})" for c in found)
	if doc.get("name") and not doc.is_new():
		stored = frappe.db.sql(f"select ({test}) from `tab{doc.doctype}` where name = %s", doc.name)
		if stored:
			return bool(stored[0][0])
	# not stored yet: the row it would be, as a one-row derived table under the table's own name
	row = {"name": doc.get("name") or "", "owner": doc.get("owner") or frappe.session.user}
	meta = frappe.get_meta(doc.doctype)
	row.update({column: doc.get(column) for column in RULE_COLUMNS if meta.has_field(column)})
	columns = ", ".join(f"%({c})s as `{c}`" for c in row)
	return bool(frappe.db.sql(f"select ({test}) from (select {columns}) `tab{doc.doctype}`", row)[0][0])


def participant_permission(doc, ptype=None, user=None) -> bool:
	"""has_permission hook of Participant: the caseload rule, and every permitted look at a
	participant's record by someone who sees its sensitive fields goes to Frappe's Access Log, so
	an agency can answer "who looked at this person's record" (desk form, REST, print)."""
	allowed = record_permission(doc, ptype, user)
	if allowed and (ptype or "read") in LOGGED_READS and not doc.is_new():
		log_sensitive_read(doc, user or frappe.session.user, ptype or "read")
	return allowed


LOGGED_READS = {"read", "print", "email", "export"}
# Frappe logs print views and PDFs itself (Access Log, method "Print")
PRINT_PATHS = {"/printview", "/api/method/frappe.utils.print_format.download_pdf"}


def log_sensitive_read(doc, user: str, ptype: str):
	"""One Access Log row per request, user and participant, for web requests by a user who may read
	the participant's level-1 (sensitive) fields.  Background jobs and the app's own reads from code
	(which never show the fields to anyone) are not looks."""
	request = getattr(frappe.local, "request", None)
	if not request or user != frappe.session.user or user == "Guest" or request.path in PRINT_PATHS:
		return
	seen = frappe.flags.ep_logged_reads = frappe.flags.ep_logged_reads or set()  # flags: per request
	if (user, doc.name) in seen:
		return
	seen.add((user, doc.name))
	if 1 not in frappe.get_meta("Participant").get_permlevel_access("read", user=user):
		return
	from frappe.core.doctype.access_log.access_log import make_access_log

	make_access_log(
		doctype="Participant",
		document=doc.name,
		method=frappe.form_dict.get("cmd") or request.path,
		page=ptype,
	)


# Frappe workaround "child-rows-listed-without-parent-rules" (employment_partners/workarounds.py)
def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions of the app's child tables, read on their own (REST lists,
	get_list, get_value, report view): only the rows whose parent record `user` may read, and none
	of a table held at a permission level `user` lacks.  Frappe 15 checks only the parent doctype's
	role permission there, so an employer listed every partnership's incentive payments."""
	user = user or frappe.session.user
	parts, limited = [], False
	for parent, fieldname, permlevel in _parents_of(doctype):
		if permlevel and permlevel not in frappe.get_meta(parent).get_permlevel_access("read", user=user):
			limited = True
			continue
		rules = " and ".join(f"({c})" for c in conditions(parent, user, "read"))
		limited = limited or bool(rules)
		where = f" where {rules}" if rules else ""
		parts.append(
			f"(`tab{doctype}`.parenttype = {frappe.db.escape(parent)}"
			f" and `tab{doctype}`.parentfield = {frappe.db.escape(fieldname)}"
			f" and `tab{doctype}`.parent in (select `tab{parent}`.name from `tab{parent}`{where}))"
		)
	if not limited:
		return ""
	return "(" + " or ".join(parts) + ")" if parts else "1=0"


def _parents_of(child: str) -> list[tuple[str, str, int]]:
	"""(parent doctype, table field, its permission level) of every table holding `child`."""
	return [
		(row.parent, row.fieldname, row.permlevel or 0)
		for row in frappe.get_all(
			"DocField",
			filters={"options": child, "fieldtype": ("in", ("Table", "Table MultiSelect"))},
			fields=["parent", "fieldname", "permlevel"],
		)
		if not frappe.get_meta(row.parent).istable
	]


# Frappe workaround "tag-links-readable-by-all" (employment_partners/workarounds.py)
def tag_link_condition(user: str | None = None, doctype: str | None = None) -> str:
	"""Tag Link (Frappe's tags): readable by every login, and a tag lists the records it is on with
	their titles; an employer sees none."""
	return "1=0" if is_employer_user(user) else ""


# desk pages a portal login may not open (its methods: security/methods.py, deny by default)
EMPLOYER_REFUSED_PAGES = ("/printview", "/app")


# Frappe workaround "print-view-logs-before-checking" (employment_partners/workarounds.py)
def keep_employers_on_the_portal():
	"""before_request: a portal login's request for a desk page is refused before Frappe serves it
	(Frappe's print view, for one, logs a print in the Access Log before it checks)."""
	request = getattr(frappe.local, "request", None)
	if not request or frappe.session.user in ("Guest", "Administrator") or not is_employer_user():
		return
	path = request.path.rstrip("/")
	if any(path == page or path.startswith(page + "/") for page in EMPLOYER_REFUSED_PAGES):
		frappe.throw(_("This is not part of the employer portal"), frappe.PermissionError)


# the columns the rules read, which a new document's derived row must carry
RULE_COLUMNS = (
	"hiring_partnership",
	"participant",
	"case_manager",
	"category",
	"sensitive",
	*set(REP_FIELDS.values()),
)


def caseload_of(user: str) -> list[str]:
	"""The case managers whose participants `user` works on: themselves and, when they supervise
	(Settings, Case Manager Supervisors), their team."""
	team = frappe.get_all(
		"Case Manager Supervisor",
		filters={"parent": "Employment Partners Settings", "supervisor": user},
		pluck="case_manager",
	)
	return sorted({user, *team})


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


def _scoped(doctype: str, names: list[str]) -> str:
	scope = EMPLOYER_SCOPES.get(doctype)
	if not scope or not names:
		return "1=0"
	return scope.format(doctype=doctype, names=", ".join(frappe.db.escape(n) for n in names))


def may_open_the_desk_app() -> bool:
	"""The apps screen and the after-login landing page: the desk app is for staff.  Frappe sends
	every login to the only app that lets it in, so without this an employer would land on the desk
	workspace instead of /partner."""
	return not is_employer_user() and frappe.session.user != "Guest"


# Frappe workaround "desk-cards-shown-by-document-type" (employment_partners/workarounds.py)
def app_desk_record_permission(doc, ptype=None, user=None) -> bool | None:
	"""Number Card and Dashboard Chart: the app's desk cards and charts are for staff; Frappe would
	show them to anyone who may read their doctype, employers included (they read their own
	placements and issues).  For staff it answers nothing (None), so Frappe's own hook decides
	(the card's doctype or report must be readable): Frappe takes the first hook that answers, the
	app's first, and an answer of True here had shown a case manager the Employer Pipeline's cards."""
	if doc.get("module") == "Employment Partners" and is_employer_user(user):
		return False
	return None


# Frappe workaround "attach-ignores-its-write-check" (employment_partners/workarounds.py)
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
