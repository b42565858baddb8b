frappe.views.calendar["Retention Follow-up"] = {
	field_map: {
		start: "due_date",
		end: "calendar_end",
		id: "name",
		title: "title",
		allDay: "all_day",
		status: "status",
	},
	// Overdue: open with its window ended (employment_partners.api.retention.follow_up_events)
	style_map: { Open: "info", Overdue: "danger", Done: "success", Missed: "warning" },
	filters: [
		{ fieldtype: "Link", fieldname: "case_manager", options: "User", label: __("Case Manager") },
		{ fieldtype: "Select", fieldname: "status", options: "\nOpen\nDone\nMissed", label: __("Status") },
	],
	get_events_method: "employment_partners.api.retention.follow_up_events",
};
