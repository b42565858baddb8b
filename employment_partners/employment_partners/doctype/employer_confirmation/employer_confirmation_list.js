// Outstanding paperwork stands out: Pending orange, Confirmed green.
frappe.listview_settings["Employer Confirmation"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		return doc.status === "Confirmed"
			? [__("Confirmed"), "green", "status,=,Confirmed"]
			: [__("Pending"), "orange", "status,=,Pending"];
	},
};
