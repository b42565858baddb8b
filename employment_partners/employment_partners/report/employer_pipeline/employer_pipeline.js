// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Employer Pipeline"] = {
	filters: employment_partners.reports.period_filters([
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["", "BSR", "Industry", "Lead Source"],
		},
	]),
	formatter: employment_partners.reports.row_kind_formatter,
};
