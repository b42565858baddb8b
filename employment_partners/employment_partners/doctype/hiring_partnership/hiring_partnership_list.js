frappe.listview_settings["Hiring Partnership"] = {
	add_fields: ["status", "problematic_employer"],
	get_indicator(doc) {
		if (doc.problematic_employer) {
			return [__("Problematic"), "red", "problematic_employer,=,1"];
		}
		const colour = { Active: "green", Paused: "orange", Ended: "gray" }[doc.status] || "gray";
		return [__(doc.status), colour, "status,=," + doc.status];
	},
};
