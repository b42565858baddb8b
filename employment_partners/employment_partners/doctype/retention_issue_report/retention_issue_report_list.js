const RETENTION_ISSUE_COLOURS = {
	New: "red",
	Acknowledged: "orange",
	"Intervention Planned": "blue",
	Resolved: "green",
	Escalated: "red",
	"Closed - Separated": "darkgrey",
};

frappe.listview_settings["Retention Issue Report"] = {
	add_fields: ["status", "sla_breached"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		const label = doc.sla_breached && doc.status === "New" ? __("New, SLA breached") : __(doc.status);
		return [label, RETENTION_ISSUE_COLOURS[doc.status] || "gray", "status,=," + doc.status];
	},
};
