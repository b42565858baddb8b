"""The workspace's stage chart became the Employer Pipeline report's funnel ("Employer Pipeline
Funnel"): the old chart and its chart source, no longer shipped, go."""

import frappe


def execute():
	for doctype, name in (
		("Dashboard Chart", "Employer Leads by Stage"),
		("Dashboard Chart Source", "Employer Leads by Stage"),
	):
		if frappe.db.exists(doctype, name):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
