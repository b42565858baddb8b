"""The "Retention Issue Reported" notifications move from the report's insert to a background job
after its commit (event Method "on_reported", see retention/issues.py): the shipped records are
changed where the agency left their event as shipped ("New")."""

import frappe

NAMES = ("Retention Issue Reported", "Retention Issue Reported (Email)")


def execute():
	notification = frappe.qb.DocType("Notification")
	(
		frappe.qb.update(notification)
		.set(notification.event, "Method")
		.set(notification.method, "on_reported")
		.where(notification.name.isin(NAMES))
		.where(notification.document_type == "Retention Issue Report")
		.where(notification.event == "New")
		.run()
	)
	frappe.cache.hdel("notifications", "Retention Issue Report")
