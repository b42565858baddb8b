"""Retention issues record when they were closed (`closed_on`), so Partnership Health counts the
issues open on a period's last day.  Issues closed before take the moment their status became
Resolved or Closed - Separated from the document's change history (Version: the doctype tracks
changes), or, without one (a row written directly), when the record was last changed."""

import json

import frappe

from employment_partners.retention import issues


def execute():
	closed = frappe.get_all(
		"Retention Issue Report",
		filters={"status": ("in", issues.CLOSED), "closed_on": ("is", "not set")},
		fields=["name", "status", "modified"],
	)
	if not closed:
		return
	when = {}
	for version in frappe.get_all(
		"Version",
		filters={
			"ref_doctype": "Retention Issue Report",
			"docname": ("in", [row.name for row in closed]),
			"data": ("like", '%"status"%'),
		},
		fields=["docname", "data", "creation"],
		order_by="creation",
	):
		changed = (json.loads(version.data or "{}") or {}).get("changed") or []
		if any(c[0] == "status" and c[2] in issues.CLOSED for c in changed):
			when.setdefault(version.docname, version.creation)
	for row in closed:
		frappe.db.set_value(
			"Retention Issue Report",
			row.name,
			"closed_on",
			when.get(row.name) or row.modified,
			update_modified=False,
		)
