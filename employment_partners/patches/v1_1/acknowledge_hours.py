"""Retention issues store how many business hours their acknowledgement took (the Partnership
Health report's median acknowledge time); acknowledged ones made before get it computed."""

import frappe

from employment_partners.retention import issues


def execute():
	for row in frappe.get_all(
		"Retention Issue Report",
		filters={"acknowledged_on": ("is", "set"), "acknowledge_hours": ("in", (0, None))},
		fields=["name", "reported_on", "acknowledged_on"],
	):
		frappe.db.set_value(
			"Retention Issue Report",
			row.name,
			"acknowledge_hours",
			issues.acknowledge_hours(row.reported_on, row.acknowledged_on),
			update_modified=False,
		)
