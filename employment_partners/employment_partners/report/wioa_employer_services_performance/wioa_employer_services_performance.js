// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["WIOA Employer Services Performance"] = {
	filters: employment_partners.reports.period_filters([
		{
			fieldname: "view",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "Measures", label: __("Measures") },
				{ value: "Exiters", label: __("Exiters") },
			],
			default: "Measures",
		},
	]),
	formatter: employment_partners.reports.row_kind_formatter,
};
