const REFERRAL_STATUS_COLOURS = {
	Proposed: "gray",
	Referred: "blue",
	Interviewing: "cyan",
	Offered: "purple",
	Hired: "green",
	"Declined by Employer": "red",
	Withdrawn: "darkgrey",
};

frappe.listview_settings["Referral"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		return [__(doc.status), REFERRAL_STATUS_COLOURS[doc.status] || "gray", "status,=," + doc.status];
	},
};
