"""The Employer Pipeline kanban cards show the BSR by name ("Assigned BSR Name", fetched from
the user) instead of an empty line: Frappe's kanban fetched only the list's fields, and a User
link shows the login.  A board whose card fields are still the shipped ones takes the new
ones; leads get their BSR's name."""

import json

import frappe

OLD_FIELDS = ["assigned_bsr", "next_follow_up_date", "fit_score"]
NEW_FIELDS = ["assigned_bsr_name", "next_follow_up_date", "fit_score"]


def execute():
	fields = frappe.db.get_value("Kanban Board", "Employer Pipeline", "fields")
	if fields and json.loads(fields) == OLD_FIELDS:
		frappe.db.set_value("Kanban Board", "Employer Pipeline", "fields", json.dumps(NEW_FIELDS))
	frappe.db.sql(
		"""update `tabEmployer Lead` lead join `tabUser` user on user.name = lead.assigned_bsr
		set lead.assigned_bsr_name = user.full_name"""
	)
