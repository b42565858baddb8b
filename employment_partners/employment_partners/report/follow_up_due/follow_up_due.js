// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Follow-up Due"] = {
	filters: [
		employment_partners.reports.as_of_filter(),
		{ fieldname: "case_manager", label: __("Case Manager"), fieldtype: "Link", options: "User" },
		// "14" alone says nothing: the box says "Due within (days) 14"
		{
			fieldname: "within_days",
			label: __("Due within (days)"),
			fieldtype: "Int",
			default: 14,
			ep_label: 1,
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "standing" && data) {
			const colour =
				{ Overdue: "red", "In Window": "orange", Upcoming: "blue" }[data.standing] || "gray";
			value = `<span class="indicator-pill ${colour}">${__(data.standing)}</span>`;
		}
		// the person, a click away (the name is the column; the record is the link)
		if (column.fieldname === "participant_name" && data && data.participant) {
			value = `<a href="/app/participant/${encodeURIComponent(data.participant)}">${value}</a>`;
		}
		return value;
	},
};
