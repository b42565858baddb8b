const RETENTION_FOLLOW_UP_COLOURS = { Open: "blue", Done: "green", Missed: "red" };

frappe.listview_settings["Retention Follow-up"] = {
	add_fields: ["status", "window_end"],
	get_indicator(doc) {
		if (doc.status === "Open" && doc.window_end && doc.window_end < frappe.datetime.get_today()) {
			return [__("Overdue"), "red", "status,=,Open"];
		}
		return [__(doc.status), RETENTION_FOLLOW_UP_COLOURS[doc.status] || "gray", "status,=," + doc.status];
	},
};
