// Referrals to check on, on the day of their next check.
frappe.views.calendar["Service Referral"] = {
	field_map: {
		start: "next_check_date",
		end: "next_check_date",
		id: "name",
		title: "participant_name",
		status: "status",
	},
	style_map: { Referred: "warning", Connected: "info", "Service Received": "success" },
	filters: [{ fieldtype: "Link", fieldname: "case_manager", options: "User", label: __("Case Manager") }],
	get_events_method: "frappe.desk.calendar.get_events",
};
