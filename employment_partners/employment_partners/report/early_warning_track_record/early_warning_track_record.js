// Copyright (c) 2026, Employment Partners contributors
// For license information, please see license.txt

frappe.query_reports["Early Warning Track Record"] = {
	filters: [
		...employment_partners.reports.period_filters([
			{
				fieldname: "view",
				label: __("View"),
				fieldtype: "Select",
				options: [
					{ value: "Weeks", label: __("Weeks") },
					{ value: "Calibration", label: __("Calibration") },
				],
				default: "Weeks",
			},
		], 182),
	],
};
