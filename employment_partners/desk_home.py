"""Where each staff role lands on the desk, and what its sidebar offers (issue 23).

Each role has a workspace made for its day: a rep's pipeline (Business Services), a case manager's
follow-ups, issues awaiting acknowledgement and people at risk (Job Retention), a manager's overview
(Employment Partners); each workspace is shown only to its roles.  A staff login (not a System
Manager) gets its role's workspace as its default and the shipped module profile "Employment
Partners Staff", which keeps Frappe's administration (Users, Build, Website, Tools, Integrations)
out of its sidebar.  Both are set once, when the login becomes staff and has none: an agency's own
choice for a person stays, and the profile is a shipped default the agency edits
(defaults/module_profile.json).
"""

import frappe

from employment_partners.permissions import BSR, CASE_MANAGER

STAFF_PROFILE = "Employment Partners Staff"
# a login with several roles lands on the first of its roles here
HOMES = (
	("Partnership Manager", "Employment Partners"),
	(BSR, "Business Services"),
	(CASE_MANAGER, "Job Retention"),
)


def home_of(roles: set[str]) -> str | None:
	"""The workspace a staff login with these roles lands on (None: not staff, or an administrator)."""
	if "System Manager" in roles:
		return None
	return next((workspace for role, workspace in HOMES if role in roles), None)


def missing(user) -> dict:
	"""What a staff login lacks of its desk: its role's workspace, the staff module profile."""
	# (the user type follows the roles in Frappe's validate: a login given its first desk role is
	# still a Website User here)
	if user.name in ("Administrator", "Guest"):
		return {}
	home = home_of({row.role for row in user.roles})
	if not home:
		return {}
	out = {}
	if not user.default_workspace and frappe.db.exists("Workspace", home):
		out["default_workspace"] = home
	if not user.module_profile and frappe.db.exists("Module Profile", STAFF_PROFILE):
		out["module_profile"] = STAFF_PROFILE
	return out


def settle(user, method=None):
	"""User before_validate: a login becoming staff (made so, or given its first staff role) gets
	what it lacks of its desk (Frappe's own validate then copies the profile's blocked modules).  A
	staff login already is left as the agency keeps it."""
	if not user.is_new():
		stored = frappe.get_all("Has Role", filters={"parenttype": "User", "parent": user.name}, pluck="role")
		if home_of(set(stored)):
			return
	user.update(missing(user))


def boot(bootinfo):
	"""boot_session: each module's workspaces as the login may open them, its own first.  Frappe
	lists every workspace of a module, and the desk's breadcrumbs lead to the first: a rep's
	"Employment Partners" breadcrumb led to the managers' workspace, which the rep may not open."""
	roles = set(frappe.get_roles())
	if "Workspace Manager" in roles:
		return
	limited: dict[str, set[str]] = {}
	for row in frappe.get_all("Has Role", filters={"parenttype": "Workspace"}, fields=["parent", "role"]):
		limited.setdefault(row.parent, set()).add(row.role)
	home = frappe.db.get_value("User", frappe.session.user, "default_workspace")
	for module, names in (bootinfo.get("module_wise_workspaces") or {}).items():
		names = [name for name in names if name not in limited or limited[name] & roles]
		names.sort(key=lambda name: name != home)
		bootinfo.module_wise_workspaces[module] = names
