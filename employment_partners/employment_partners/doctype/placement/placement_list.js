const PLACEMENT_STATUS_COLOURS = {
	Active: "blue",
	Completed: "green",
	Ended: "red",
	"Transitioned to Permanent": "green",
};

frappe.listview_settings["Placement"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		return [__(doc.status), PLACEMENT_STATUS_COLOURS[doc.status] || "gray", "status,=," + doc.status];
	},
};
