// The answer is what matters: All good green, a concern orange, no longer employed red.
frappe.listview_settings["Employer Pulse"] = {
	add_fields: ["status", "answer"],
	get_indicator(doc) {
		if (doc.status === "Answered") {
			const colour = { "All Good": "green", Concern: "orange", "No Longer Employed": "red" }[doc.answer];
			return [__(doc.answer), colour || "blue", `answer,=,${doc.answer}`];
		}
		if (doc.status === "Expired") return [__("Expired"), "gray", "status,=,Expired"];
		return [__("Awaiting Answer"), "yellow", "status,=,Awaiting Answer"];
	},
};
