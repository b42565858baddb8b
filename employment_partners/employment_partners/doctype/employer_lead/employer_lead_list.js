const EMPLOYER_LEAD_STAGE_COLOURS = {
	Prospect: "gray",
	Outreach: "blue",
	Qualify: "cyan",
	Nurture: "purple",
	Source: "orange",
	Match: "yellow",
	Feedback: "green",
	"Lost / Poor Fit": "red",
};

frappe.listview_settings["Employer Lead"] = {
	add_fields: ["stage"],
	get_indicator(doc) {
		return [__(doc.stage), EMPLOYER_LEAD_STAGE_COLOURS[doc.stage] || "gray", "stage,=," + doc.stage];
	},
};
