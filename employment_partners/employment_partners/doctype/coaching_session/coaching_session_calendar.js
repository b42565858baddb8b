// Next coaching sessions on the calendar, one all-day event each.
frappe.views.calendar["Coaching Session"] = {
	field_map: {
		start: "next_session_date",
		end: "next_session_date",
		id: "name",
		title: "participant_name",
	},
	filters: [
		{ fieldtype: "Select", fieldname: "kind", options: "\nJob Coaching\nFinancial Coaching", label: __("Kind") },
		{ fieldtype: "Link", fieldname: "coach", options: "User", label: __("Coach") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
