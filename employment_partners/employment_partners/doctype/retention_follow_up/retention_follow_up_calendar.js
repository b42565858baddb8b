frappe.views.calendar["Retention Follow-up"] = {
	field_map: {
		start: "due_date",
		end: "window_end",
		id: "name",
		title: "participant_name",
	},
	filters: [
		{ fieldtype: "Link", fieldname: "case_manager", options: "User", label: __("Case Manager") },
		{ fieldtype: "Select", fieldname: "status", options: "\nOpen\nDone\nMissed", label: __("Status") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
