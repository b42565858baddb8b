"""Staff logins made before each role had its workspace get their role's workspace as their default,
and the staff module profile (desk_home.py), unless they have their own."""

import frappe

from employment_partners import defaults, desk_home


def execute():
	defaults.ensure_defaults()  # the module profile and the workspaces' cards come first
	staff = frappe.get_all(
		"Has Role",
		filters={"parenttype": "User", "role": ["in", [role for role, _home in desk_home.HOMES]]},
		pluck="parent",
		distinct=True,
	)
	for name in staff:
		user = frappe.get_doc("User", name)
		if lacking := desk_home.missing(user):
			user.update(lacking)
			user.flags.ignore_permissions = True
			user.save()
