const JOB_ORDER_STATUS_COLOURS = {
	Draft: "gray",
	Open: "blue",
	"On Hold": "orange",
	Filled: "green",
	Closed: "darkgrey",
	Cancelled: "red",
};

frappe.listview_settings["Job Order"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		return [__(doc.status), JOB_ORDER_STATUS_COLOURS[doc.status] || "gray", "status,=," + doc.status];
	},
};
