"""Where each staff role lands on the desk, and what its sidebar offers (issue 23).

Each role has a workspace made for its day: a rep's pipeline (Business Services), a case manager's
follow-ups, issues awaiting acknowledgement and people at risk (Job Retention), a manager's overview
(Employment Partners); each workspace is shown only to its roles.  A staff login (not a System
Manager) gets its role's workspace as its default and the shipped module profile "Employment
Partners Staff", which keeps Frappe's administration (Users, Build, Website, Tools, Integrations)
out of its sidebar.  Both are set once, when the login becomes staff and has none: an agency's own
choice for a person stays, and the profile is a shipped default the agency edits
(defaults/module_profile.json).

A login whose only roles are the app's staff roles has no other work on the site: its sidebar holds
no other app's workspaces (the app's, and the agency's own, public or private).  On an ERPNext site Frappe would also offer it
ERPNext's Home, Quality, Support and ERPNext Settings (ERPNext lets every login read a doctype or two
of those modules), none of whose links it may open.  A login with another app's role keeps the
sidebar Frappe gives it.
"""

import frappe
from frappe.permissions import AUTOMATIC_ROLES

from employment_partners.permissions import BSR, CASE_MANAGER

MODULE = "Employment Partners"
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
	bootinfo.allowed_workspaces = sidebar(
		bootinfo.get("allowed_workspaces") or [], roles, frappe.session.user
	)
	limited: dict[str, set[str]] = {}
	for row in frappe.get_all("Has Role", filters={"parenttype": "Workspace"}, fields=["parent", "role"]):
		limited.setdefault(row.parent, set()).add(row.role)
	home = frappe.db.get_value("User", frappe.session.user, "default_workspace")
	for module, names in (bootinfo.get("module_wise_workspaces") or {}).items():
		names = [name for name in names if name not in limited or limited[name] & roles]
		names.sort(key=lambda name: name != home)
		bootinfo.module_wise_workspaces[module] = names


def app_staff_only(roles: set[str]) -> bool:
	"""Whether a login with these roles works here only as the app's staff."""
	app_roles = {role for role, _workspace in HOMES}
	return bool(roles & app_roles) and not (roles - app_roles - set(AUTOMATIC_ROLES))


def sidebar(pages: list[dict], roles: set[str], user: str) -> list[dict]:
	"""The sidebar's workspaces for a login: an app-only staff login's are all but other apps'
	(the app's, the agency's own, public or private)."""
	if not app_staff_only(roles):
		return pages
	others = set(
		frappe.get_all(
			"Module Def",
			filters={"app_name": ("!=", "employment_partners"), "custom": 0},
			pluck="name",
		)
	)
	return [page for page in pages if page.get("module") not in others or page.get("for_user") == user]


@frappe.whitelist()
def workspace_sidebar_items() -> dict:
	"""frappe.desk.desktop.get_workspace_sidebar_items (hooks.py override_whitelisted_methods), which
	the desk asks each time it opens a workspace: Frappe's answer, its pages as `sidebar` keeps them."""
	from frappe.desk.desktop import get_workspace_sidebar_items

	items = get_workspace_sidebar_items()
	items["pages"] = sidebar(items["pages"], set(frappe.get_roles()), frappe.session.user)
	return items
