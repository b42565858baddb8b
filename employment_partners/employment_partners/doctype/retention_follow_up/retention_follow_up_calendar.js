frappe.views.calendar["Retention Follow-up"] = {
	field_map: {
		start: "due_date",
		end: "calendar_end",
		id: "name",
		title: "title",
		allDay: "all_day",
		status: "status",
	},
	style_map: { Open: "info", Done: "success", Missed: "danger" },
	filters: [
		{ fieldtype: "Link", fieldname: "case_manager", options: "User", label: __("Case Manager") },
		{ fieldtype: "Select", fieldname: "status", options: "\nOpen\nDone\nMissed", label: __("Status") },
	],
	get_events_method: "employment_partners.api.retention.follow_up_events",
};
